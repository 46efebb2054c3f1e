package org.normgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Example;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import org.normgraph.io.JsonMutations;

/**
 * Valid case files broken at random (see {@link JsonMutations}) and fed to {@code trace} and
 * {@code gradcheck}: each run either succeeds (JSON, or the check's lines, on stdout and nothing
 * on stderr) or is refused with exit 2, exactly one line on stderr that starts with the command,
 * and nothing on stdout. Never a stack trace, never exit 70 (internal error).
 */
class CaseFileFuzzTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final String[][] NORMS = {{}, {}, {"--norm", "batch"}, {"--norm", "layer"},
            {"--norm", "group", "--groups", "1"}, {"--norm", "instance"}};

    @Property(tries = 400)
    void trace_either_writes_json_or_refuses_with_one_line(@ForAll long seed, @ForAll @IntRange(max = 5) int norm)
            throws Exception {
        Random r = new Random(seed);
        JsonMutations.Mutant m = JsonMutations.mutate(validCase(r), r);
        CliRun.Result res = run(m.bytes(), "trace", norm);
        String why = "seed " + seed + ": " + m.describe() + "\nstderr: " + res.err();
        Statistics.label("exit code").collect(res.exitCode());
        if (res.exitCode() == 0) {
            assertEquals("", res.err(), why);
            assertTrue(PLAIN.readTree(res.out()).isObject(), why);
        } else {
            assertRefused("trace", res, why);
        }
    }

    @Property(tries = 250)
    void gradcheck_either_reports_or_refuses_with_one_line(@ForAll long seed, @ForAll @IntRange(max = 5) int norm) {
        Random r = new Random(seed);
        JsonMutations.Mutant m = JsonMutations.mutate(validCase(r), r);
        CliRun.Result res = run(m.bytes(), "gradcheck", norm);
        String why = "seed " + seed + ": " + m.describe() + "\nstderr: " + res.err();
        Statistics.label("exit code").collect(res.exitCode());
        if (res.exitCode() == 0 || res.exitCode() == Cli.CHECK_FAILED) {
            assertEquals("", res.err(), why);
            // the header and one line per input, then a note per gradient judged with a widened tolerance
            assertEquals(4, res.outLines().stream().filter(l -> !l.startsWith("note: ")).count(), why + res.out());
        } else {
            assertRefused("gradcheck", res, why);
        }
    }

    /** Found by the property above: stepping a value near the largest double by h overflowed (exit 70). */
    @Example
    void gradcheck_refuses_values_too_large_to_step() {
        String json = "{\"x\": [[1, 2], [3, 5]], \"gamma\": [1, 1], \"beta\": [0, 1.7976931348623157E308],"
                + " \"dout\": [[1, 0], [0, 1]]}";
        for (int norm : new int[] {0, 3}) {
            CliRun.Result res = run(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "gradcheck", norm);
            assertRefused("gradcheck", res, res.err());
            assertTrue(res.err().contains("finite differences overflow"), res.err());
        }
    }

    /** A random valid case: 2-D N×D, or now and then 4-D N×C×H×W. */
    static ObjectNode validCase(Random r) {
        boolean spatial = r.nextInt(4) == 0;
        int n = 1 + r.nextInt(4);
        int d = 1 + r.nextInt(4);
        int[] xShape = spatial ? new int[] {n, d, 1 + r.nextInt(2), 1 + r.nextInt(2)} : new int[] {n, d};
        StringBuilder sb = new StringBuilder("{\"x\": ").append(nested(xShape, 0, r))
                .append(", \"gamma\": ").append(nested(new int[] {d}, 0, r))
                .append(", \"beta\": ").append(nested(new int[] {d}, 0, r))
                .append(", \"dout\": ").append(nested(xShape, 0, r));
        if (r.nextBoolean()) {
            sb.append(", \"eps\": ").append(r.nextBoolean() ? "1e-5" : "0.001");
        }
        return JsonMutations.parse(sb.append('}').toString());
    }

    private static String nested(int[] shape, int axis, Random r) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < shape[axis]; i++) {
            parts.add(axis == shape.length - 1 ? String.valueOf(Math.round(r.nextGaussian() * 100) / 10.0)
                    : nested(shape, axis + 1, r));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private static CliRun.Result run(byte[] stdin, String command, int norm) {
        List<String> args = new ArrayList<>(List.of(command, "--input", "-"));
        args.addAll(List.of(NORMS[norm]));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new ByteArrayInputStream(stdin), new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(String[]::new));
        return new CliRun.Result(code, out.toString(), err.toString());
    }

    static void assertRefused(String command, CliRun.Result res, String why) {
        assertEquals(Cli.BAD_INPUT, res.exitCode(), why);
        assertEquals("", res.out(), "nothing on stdout; " + why);
        assertEquals(1, res.errLines().size(), "exactly one line on stderr; " + why);
        String line = res.errLines().get(0);
        assertTrue(line.startsWith("normgraph " + command + ": ") && line.length() > ("normgraph " + command + ": ").length() + 5,
                why);
        assertFalse(line.contains("Exception") || line.contains("internal error") || line.contains("\tat ")
                || line.contains("com.fasterxml") || line.contains("java."), why);
        assertTrue(line.length() < 600, "a readable line, not a dump; " + why);
    }
}
