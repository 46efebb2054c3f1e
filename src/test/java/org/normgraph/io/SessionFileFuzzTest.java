package org.normgraph.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;

/**
 * Saved sessions broken at random (see {@link JsonMutations}): reading one either gives a valid
 * {@link Session} or throws {@link InputFormatException} with a one-line message that names the
 * file, never another exception; a file from a newer version is always refused.
 */
class SessionFileFuzzTest {

    private static final String SOURCE = "lecture.normgraph.json";

    @Property(tries = 500)
    void a_broken_session_is_read_or_refused_with_a_message(@ForAll long seed) throws IOException {
        Random r = new Random(seed);
        JsonMutations.Mutant m = JsonMutations.mutate(validSessionJson(r), r);
        try {
            Session s = SessionFile.read(new ByteArrayInputStream(m.bytes()), SOURCE);
            Statistics.label("outcome").collect("read");
            assertValid(s, m);
        } catch (InputFormatException e) {
            Statistics.label("outcome").collect("refused");
            String msg = e.getMessage();
            assertTrue(msg.startsWith(SOURCE + ": ") && msg.length() > SOURCE.length() + 6, m.describe() + "\n" + msg);
            assertFalse(msg.contains("\n") || msg.contains("Exception") || msg.contains("com.fasterxml"),
                    m.describe() + "\n" + msg);
        } catch (RuntimeException e) {
            fail("seed " + seed + ": " + m.describe() + " threw " + e, e);
        }
    }

    @Property(tries = 50)
    void a_newer_version_is_refused_whatever_else_it_holds(@ForAll @IntRange(min = Session.VERSION + 1) int version, @ForAll long seed) {
        Random r = new Random(seed);
        ObjectNode root = validSessionJson(r);
        root.put("version", version);
        if (r.nextBoolean()) {
            root.put("futureField", "something only version " + version + " knows");
        }
        try {
            SessionFile.read(new ByteArrayInputStream(JsonMutations.compact(root)), SOURCE);
            fail("version " + version + " was read");
        } catch (InputFormatException e) {
            assertTrue(e.getMessage().contains("newer normgraph (file version " + version), e.getMessage());
        }
    }

    /** A session is only plain data: values in range, a selection that exists, notes at positions. */
    private static void assertValid(Session s, JsonMutations.Mutant m) {
        String why = m.describe();
        BatchNormInput in = s.input();
        assertTrue(in.x().allFinite() && in.dout().allFinite() && in.gamma().allFinite() && in.beta().allFinite(), why);
        assertTrue(in.eps() > 0 && Double.isFinite(in.eps()), why);
        assertTrue(s.position() >= 0 && s.position() <= Session.LAST_POSITION, why);
        assertTrue(Session.MODES.contains(s.mode()), why);
        if (s.selection() != null) {
            assertTrue(BatchNormGraph.build(in).contains(s.selection().node()), why);
        }
        s.notes().keySet().forEach(k -> assertTrue(k >= 0 && k <= Session.LAST_POSITION, why));
        assertTrue(s.view().zoom() >= 0.05 && s.view().zoom() <= 20, why);
    }

    /** What {@link SessionFile#write} writes for a random small session, as a tree to mutate. */
    static ObjectNode validSessionJson(Random r) {
        int n = 1 + r.nextInt(4);
        int d = 1 + r.nextInt(3);
        BatchNormInput in = new BatchNormInput(random(n, d, r), random(1, d, r), random(1, d, r), random(n, d, r),
                r.nextBoolean() ? 1e-5 : 0.01);
        String[] nodes = {"x", "xhat", "bcast_gamma", "mu", "out"};
        Session.SelectionData sel = r.nextBoolean() ? null
                : new Session.SelectionData(nodes[r.nextInt(nodes.length)], -1, -1);
        Session s = new Session(in, Session.MODES.get(r.nextInt(3)), r.nextInt(Session.LAST_POSITION + 1), sel,
                new Session.View(0.5 + r.nextDouble(), r.nextInt(100), -r.nextInt(100)),
                r.nextBoolean() ? Map.of() : Map.of(r.nextInt(10), "note " + r.nextInt(), 10, "dbeta = Σ dout"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            SessionFile.write(s, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode root = JsonMutations.parse(out.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Session.FORMAT, root.get("format").asText());
        return root;
    }

    private static Matrix random(int rows, int cols, Random r) {
        double[] v = new double[rows * cols];
        for (int k = 0; k < v.length; k++) {
            v[k] = Math.round(r.nextGaussian() * 100) / 10.0;
        }
        return Matrix.of(rows, cols, v);
    }
}
