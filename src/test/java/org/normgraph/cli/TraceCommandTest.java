package org.normgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.StagedReference;
import org.normgraph.core.TestInputs;
import org.normgraph.core.Trace;

/** {@code normgraph trace}: the JSON contract of DESIGN.md section 3. */
class TraceCommandTest {

    private static final List<String> FORWARD =
            List.of("mu", "xmu", "sq", "var", "sqrtvar", "ivar", "xhat", "gammax", "out");
    private static final List<String> BACKWARD = List.of("dbeta", "dgammax", "dgamma", "dxhat", "divar",
            "dxmu1", "dsqrtvar", "dvar", "dsq", "dxmu2", "dx1", "dmu", "dx2", "dx");
    private static final List<String> VECTORS = List.of("mu", "var", "sqrtvar", "ivar", "dbeta", "dgamma",
            "divar", "dsqrtvar", "dvar", "dmu");

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void output_has_exactly_the_design_names_in_order() throws Exception {
        JsonNode root = trace(TestInputs.random(3, 2, 1e-5, 1));
        assertEquals(List.of("N", "D", "eps", "forward", "backward"), names(root));
        assertEquals(FORWARD, names(root.get("forward")));
        assertEquals(BACKWARD, names(root.get("backward")));
        assertEquals(3, root.get("N").intValue());
        assertEquals(2, root.get("D").intValue());
        assertEquals(1e-5, root.get("eps").doubleValue());
    }

    @ParameterizedTest(name = "N={0} D={1}")
    @CsvSource({"1, 1", "1, 3", "3, 1", "4, 3"})
    void vectors_are_flat_arrays_and_matrices_arrays_of_rows_even_when_n_is_1(int n, int d) throws Exception {
        JsonNode root = trace(TestInputs.random(n, d, 1e-3, n * 10L + d));
        for (String section : List.of("forward", "backward")) {
            root.get(section).fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                assertTrue(v.isArray(), e.getKey());
                if (VECTORS.contains(e.getKey())) {
                    assertEquals(d, v.size(), e.getKey() + " has D numbers");
                    v.forEach(x -> assertTrue(x.isNumber(), e.getKey()));
                } else {
                    assertEquals(n, v.size(), e.getKey() + " has N rows");
                    v.forEach(r -> {
                        assertTrue(r.isArray(), e.getKey() + " row is an array");
                        assertEquals(d, r.size(), e.getKey() + " row has D numbers");
                    });
                }
            });
        }
    }

    @Test
    void doubles_round_trip_exactly() throws Exception {
        BatchNormInput in = TestInputs.random(5, 4, 1e-5, 2);
        Trace trace = BatchNormGraph.run(in);
        JsonNode root = trace(in);
        for (String node : FORWARD) {
            sameBits(node, trace.value(node).toRows(), root.get("forward").get(node));
        }
        for (NamedGradient g : BatchNormGraph.GRADIENTS) {
            sameBits(g.name(), g.in(trace).toRows(), root.get("backward").get(g.name()));
        }
    }

    static Stream<Arguments> shapes() {
        Random r = new Random(7);
        double[] eps = {1e-5, 1e-3, 0.1, 1};
        return IntStream.range(0, 24).mapToObj(k -> Arguments.of(1 + r.nextInt(12), 1 + r.nextInt(6),
                eps[r.nextInt(eps.length)], r.nextLong()));
    }

    /** Acceptance: the CLI's JSON, parsed back, agrees with the independent reference to 1e-9. */
    @ParameterizedTest(name = "N={0} D={1} eps={2}")
    @MethodSource("shapes")
    void trace_output_agrees_with_the_independent_reference(int n, int d, double eps, long seed) throws Exception {
        BatchNormInput in = TestInputs.random(n, d, eps, seed);
        Map<String, double[][]> reference = StagedReference.run(in);
        JsonNode root = trace(in);
        reference.forEach((name, expected) -> {
            JsonNode v = root.get(FORWARD.contains(name) ? "forward" : "backward").get(name);
            double rel = StagedReference.relativeDifference(expected, toRows(name, v));
            assertTrue(rel <= 1e-9, () -> name + ": relative difference " + rel);
        });
    }

    @Test
    void the_hand_checked_file_gives_the_hand_checked_out_and_dx() throws Exception {
        CliRun.Result r = CliRun.run("trace", "--input", resource("/cases/hand2x2.json"));
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = mapper.readTree(r.out());
        assertRows(new double[][] {{-0.7, 1.8}, {1.7, 0.2}}, root.get("forward").get("out"));
        assertRows(new double[][] {{0.512, 0.108}, {-0.512, -0.108}}, root.get("backward").get("dx"));
        assertRows(new double[][] {{-0.8, 0.3}, {-0.8, 0.3}}, root.get("backward").get("dx2"));
        assertEquals(1.0, root.get("eps").doubleValue());
    }

    @Test
    void pretty_output_has_the_same_content_on_several_lines() throws Exception {
        String json = CliRun.caseJson(TestInputs.random(2, 3, 1e-5, 9));
        CliRun.Result compact = CliRun.withStdin(json, "trace", "--input", "-");
        CliRun.Result pretty = CliRun.withStdin(json, "trace", "--input", "-", "--pretty");
        assertEquals(1, compact.outLines().size());
        assertTrue(pretty.outLines().size() > 10);
        assertEquals(mapper.readTree(compact.out()), mapper.readTree(pretty.out()));
    }

    @Test
    void eps_may_be_left_out_and_defaults_to_1e_minus_5() throws Exception {
        CliRun.Result r = CliRun.withStdin("{\"x\": [[1, 2], [3, 5]], \"gamma\": [1, 1], \"beta\": [0, 0], "
                + "\"dout\": [[1, 0], [0, 1]]}", "trace", "-i", "-");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertEquals(1e-5, mapper.readTree(r.out()).get("eps").doubleValue());
    }

    private JsonNode trace(BatchNormInput in) throws Exception {
        CliRun.Result r = CliRun.withStdin(CliRun.caseJson(in), "trace", "--input", "-");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        return mapper.readTree(r.out());
    }

    private static double[][] toRows(String name, JsonNode v) {
        if (VECTORS.contains(name)) {
            return new double[][] {numbers(v)};
        }
        double[][] rows = new double[v.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = numbers(v.get(i));
        }
        return rows;
    }

    private static double[] numbers(JsonNode row) {
        double[] d = new double[row.size()];
        for (int j = 0; j < d.length; j++) {
            d[j] = row.get(j).doubleValue();
        }
        return d;
    }

    private static void sameBits(String name, double[][] expected, JsonNode actual) {
        double[][] a = toRows(name, actual);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(Double.doubleToRawLongBits(expected[i][j]), Double.doubleToRawLongBits(a[i][j]),
                        name + "[" + i + "][" + j + "]");
            }
        }
    }

    private static void assertRows(double[][] expected, JsonNode actual) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], actual.get(i).get(j).doubleValue(), 1e-12);
            }
        }
    }

    private static List<String> names(JsonNode obj) {
        List<String> n = new ArrayList<>();
        obj.fieldNames().forEachRemaining(n::add);
        return n;
    }

    static String resource(String name) throws URISyntaxException {
        return Path.of(TraceCommandTest.class.getResource(name).toURI()).toString();
    }
}
