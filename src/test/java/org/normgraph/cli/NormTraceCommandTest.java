package org.normgraph.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Tensor;
import org.normgraph.core.Trace;
import org.normgraph.core.family.FamilyInputs;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;

/**
 * {@code trace --norm …}: today's output stays byte for byte what it was, and the family's
 * output has the documented header, names and JSON shapes, with the core's numbers.
 */
class NormTraceCommandTest {

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * src/test/resources/golden/*.trace*.json and *.gradcheck.txt were written by the CLI before
     * the family existed. Batch norm of 2-D input, by default or asked for, still writes them.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hand2x2", "ex4x3", "odd3x2", "single1x3", "tiny1x1"})
    void batch_norm_of_2d_input_writes_exactly_the_bytes_it_wrote_before(String name) throws Exception {
        String json = resource(name + ".case.json");
        assertEquals(resource(name + ".trace.json"), ok(CliRun.withStdin(json, "trace", "-i", "-")));
        assertEquals(resource(name + ".trace.json"), ok(CliRun.withStdin(json, "trace", "-i", "-", "--norm", "batch")));
        assertEquals(resource(name + ".trace-pretty.json"), ok(CliRun.withStdin(json, "trace", "--pretty", "-i", "-")));
        assertEquals(resource(name + ".trace-pretty.json"),
                ok(CliRun.withStdin(json, "trace", "--norm", "batch", "--pretty", "-i", "-")));
        assertEquals(resource(name + ".gradcheck.txt"), ok(CliRun.withStdin(json, "gradcheck", "-i", "-")));
        assertEquals(resource(name + ".gradcheck.txt"), ok(CliRun.withStdin(json, "gradcheck", "-i", "-", "--norm", "batch")));
    }

    /** The byte comparison can fail: layer norm of the same file is another object. */
    @Test
    void layer_norm_of_a_golden_case_is_not_its_golden_output() throws Exception {
        String json = resource("ex4x3.case.json");
        String layer = ok(CliRun.withStdin(json, "trace", "-i", "-", "--norm", "layer"));
        assertTrue(!layer.equals(resource("ex4x3.trace.json")));
        assertTrue(layer.startsWith("{\"norm\":\"layer\",\"N\":4,\"D\":3,\"eps\":1.0,"), layer);
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("batch", 0, new int[] {3, 2, 2, 3}),
                Arguments.of("layer", 0, new int[] {4, 3}),
                Arguments.of("layer", 0, new int[] {2, 3, 2, 2}),
                Arguments.of("group", 2, new int[] {3, 4}),
                Arguments.of("group", 3, new int[] {2, 6, 2, 1}),
                Arguments.of("instance", 0, new int[] {2, 3, 2, 2}));
    }

    /** Every kind, 2-D and 4-D, including batch norm of N×D (the nine-step path and its object). */
    static Stream<Arguments> everyKind() {
        return Stream.concat(kinds(), Stream.of(
                Arguments.of("batch", 0, new int[] {4, 3}),
                Arguments.of("batch", 0, new int[] {1, 2}),
                Arguments.of("instance", 0, new int[] {1, 2, 1, 3})));
    }

    /**
     * What the CLI writes is what the one staged engine computes for the graph the app draws
     * ({@link BatchNormGraph#run(NormLayout, NormInput)}): every forward node and every named
     * gradient, bit for bit, under the DESIGN names in order.
     */
    @ParameterizedTest(name = "{0} G={1} x={2}")
    @MethodSource("everyKind")
    void the_output_of_every_kind_is_the_staged_engines_trace_bit_for_bit(String kind, int g, int[] shape)
            throws Exception {
        NormSpec spec = NormSpec.of(NormKind.parse(kind), g);
        NormInput in = FamilyInputs.random(shape, 1e-3, kind.hashCode() + g + shape.length);
        NormLayout layout = NormLayout.of(spec, shape);
        Trace trace = BatchNormGraph.run(layout, in);
        JsonNode root = trace(in, kind, g);
        boolean nineStep = kind.equals("batch") && shape.length == 2;
        assertEquals(nineStep ? null : kind, root.has("norm") ? root.get("norm").asText() : null);
        assertEquals(g == 0 ? null : g, root.has("groups") ? root.get("groups").intValue() : null);
        assertEquals(BatchNormGraph.FORWARD, names(root.get("forward")));
        List<NamedGradient> gradients = BatchNormGraph.gradients(layout);
        assertEquals(gradients.stream().map(NamedGradient::name).toList(), names(root.get("backward")));
        for (String node : BatchNormGraph.FORWARD) {
            assertArrayEquals(trace.value(node).toArray(), flat(root.get("forward").get(node)), 0.0, node);
        }
        for (NamedGradient grad : gradients) {
            assertArrayEquals(trace.gradient(grad).toArray(), flat(root.get("backward").get(grad.name())), 0.0, grad.name());
        }
    }

    @ParameterizedTest(name = "{0} G={1} x={2}: mu {3}, dx {4}, dgamma {5}")
    @CsvSource(delimiter = '|', value = {
            "batch    | 0 | 2×3×2×2 | 3   | 2×3×2×2 | 3",
            "layer    | 0 | 4×3     | 4   | 4×3     | 3",
            "layer    | 0 | 2×3×1×2 | 2   | 2×3×1×2 | 3",
            "group    | 2 | 3×4     | 3×2 | 3×4     | 4",
            "group    | 2 | 1×4×2×2 | 1×2 | 1×4×2×2 | 4",
            "instance | 0 | 2×3×2×2 | 2×3 | 2×3×2×2 | 3",
            "instance | 0 | 1×1×1×1 | 1×1 | 1×1×1×1 | 1"})
    void statistics_are_written_in_their_documented_shape(String kind, int g, String x, String mu, String dx,
                                                          String dgamma) throws Exception {
        NormInput in = FamilyInputs.random(parse(x), 1e-3, 9);
        JsonNode root = trace(in, kind, g);
        assertEquals(mu, shape(root.get("forward").get("mu")));
        assertEquals(mu, shape(root.get("backward").get("dmu")));
        assertEquals(dx, shape(root.get("backward").get("dx")));
        assertEquals(dx, shape(root.get("forward").get("out")));
        assertEquals(dgamma, shape(root.get("backward").get("dgamma")));
    }

    @Test
    void the_hand_checked_spatial_case_gives_its_hand_derived_numbers() throws Exception {
        String json = "{\"x\": [[[[4, 0], [0, 0]], [[3, -3], [1, 1]]], [[[2, 2], [0, 0]], [[-5, 1], [-3, -3]]]],"
                + " \"gamma\": [2, -1], \"beta\": [0.5, 0],"
                + " \"dout\": [[[[1, 0], [0, -1]], [[2, 0], [1, 0]]], [[[0, 1], [-1, 0]], [[0, 0], [-2, 1]]]], \"eps\": 2}";
        JsonNode root = mapper.readTree(ok(CliRun.withStdin(json, "trace", "-i", "-")));
        assertEquals(List.of("norm", "N", "C", "H", "W", "eps", "forward", "backward"), names(root));
        assertArrayEquals(new double[] {1, -1}, flat(root.get("forward").get("mu")), 1e-15);
        assertArrayEquals(new double[] {2, 3}, flat(root.get("forward").get("sqrtvar")), 1e-15);
        assertArrayEquals(new double[] {3, 4}, flat(root.get("backward").get("dgamma")), 1e-14);
        assertArrayEquals(new double[] {0, 2}, flat(root.get("backward").get("dbeta")), 1e-15);
        assertArrayEquals(new double[] {0.4375, 0.1875, 0.1875, -0.8125, -13.0 / 36, -1.0 / 36, -5.0 / 36, 7.0 / 36,
                -0.1875, 0.8125, -0.8125, 0.1875, -5.0 / 36, 7.0 / 36, 23.0 / 36, -13.0 / 36},
                flat(root.get("backward").get("dx")), 1e-15);
    }

    @ParameterizedTest(name = "{0} G={1} x={2}")
    @MethodSource("kinds")
    void gradcheck_passes_for_every_kind_with_one_line_per_input(String kind, int g, int[] shape) {
        NormInput in = FamilyInputs.random(shape, 1e-3, 5);
        List<String> args = new ArrayList<>(List.of("gradcheck", "-i", "-", "--norm", kind));
        if (g > 0) {
            args.addAll(List.of("--groups", String.valueOf(g)));
        }
        CliRun.Result r = CliRun.withStdin(CliRun.caseJson(in), args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("", r.err());
        List<String> lines = r.outLines();
        assertTrue(lines.get(0).startsWith("norm=" + kind + (g > 0 ? " G=" + g : "") + " x=" + Tensor.format(shape)),
                lines.get(0));
        assertEquals(4, lines.size(), r.out());
        String[] names = {"dx ", "dgamma ", "dbeta "};
        for (int k = 0; k < 3; k++) {
            assertTrue(lines.get(k + 1).startsWith(names[k]) && lines.get(k + 1).contains("vs simplified")
                    && lines.get(k + 1).endsWith("ok"), lines.get(k + 1));
        }
    }

    @ParameterizedTest
    @CsvSource({"trace", "gradcheck"})
    void help_names_the_options_and_the_json_shapes(String command) {
        CliRun.Result r = CliRun.run(command, "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("--norm=KIND") && r.out().contains("--groups=G"), r.out());
        assertTrue(r.out().contains("[N][C][H][W]"), r.out());
        if (command.equals("trace")) {
            assertTrue(r.out().contains("layer [N]; group [N][G]; instance (4-D only) [N][C]"), r.out());
        }
    }

    private JsonNode trace(NormInput in, String kind, int g) throws IOException {
        List<String> args = new ArrayList<>(List.of("trace", "-i", "-", "--norm", kind));
        if (g > 0) {
            args.addAll(List.of("--groups", String.valueOf(g)));
        }
        return mapper.readTree(ok(CliRun.withStdin(CliRun.caseJson(in), args.toArray(String[]::new))));
    }

    private static String ok(CliRun.Result r) {
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        return r.out();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = NormTraceCommandTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static double[] flat(JsonNode v) {
        List<Double> out = new ArrayList<>();
        flatten(v, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flatten(JsonNode v, List<Double> out) {
        if (v.isArray()) {
            v.forEach(e -> flatten(e, out));
        } else {
            out.add(v.doubleValue());
        }
    }

    private static String shape(JsonNode v) {
        return v.isArray() ? v.size() + (v.get(0).isArray() ? "×" + shape(v.get(0)) : "") : "";
    }

    private static List<String> names(JsonNode obj) {
        List<String> n = new ArrayList<>();
        obj.fieldNames().forEachRemaining(n::add);
        return n;
    }

    private static int[] parse(String shape) {
        return java.util.Arrays.stream(shape.split("×")).mapToInt(Integer::parseInt).toArray();
    }
}
