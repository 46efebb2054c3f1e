package org.normgraph.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Matrix;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Trace;
import org.normgraph.core.family.FamilyInputs;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;

/** The family trace writer: header, DESIGN names in order, JSON shapes per kind, exact doubles. */
class NormTraceJsonTest {

    private static final List<String> STATISTICS = List.of("mu", "var", "sqrtvar", "ivar", "divar", "dsqrtvar", "dvar", "dmu");

    @ParameterizedTest(name = "{0} G={1} x={2}")
    @CsvSource(delimiter = '|', value = {
            // kind   | G | x       | header              | statistics | x-shaped
            "batch    | 0 | 2×3×2×2 | norm N C H W eps    | 3          | 2×3×2×2",
            "layer    | 0 | 4×3     | norm N D eps        | 4          | 4×3",
            "layer    | 0 | 2×3×2×1 | norm N C H W eps    | 2          | 2×3×2×1",
            "group    | 2 | 3×4     | norm groups N D eps | 3×2        | 3×4",
            "group    | 2 | 2×4×1×3 | norm groups N C H W eps | 2×2    | 2×4×1×3",
            "instance | 0 | 2×3×2×2 | norm N C H W eps    | 2×3        | 2×3×2×2",
            "layer    | 0 | 1×1     | norm N D eps        | 1          | 1×1"})
    void every_name_has_the_json_shape_of_its_kind(String kind, int g, String x, String header, String stats,
                                                    String full) throws IOException {
        NormSpec spec = NormSpec.of(NormKind.parse(kind), g);
        NormInput in = FamilyInputs.random(parse(x), 1e-3, 3);
        NormLayout layout = NormLayout.of(spec, parse(x));
        JsonNode root = write(layout, in, false);
        assertEquals(List.of((header + " forward backward").split(" ")), names(root));
        assertEquals(kind, root.get("norm").asText());
        assertEquals(BatchNormGraph.FORWARD, names(root.get("forward")));
        assertEquals(BatchNormGraph.gradients(layout).stream().map(NamedGradient::name).toList(), names(root.get("backward")));
        for (String section : List.of("forward", "backward")) {
            root.get(section).fields().forEachRemaining(e -> {
                String expected = STATISTICS.contains(e.getKey()) ? stats
                        : List.of("dgamma", "dbeta").contains(e.getKey()) ? String.valueOf(in.channels()) : full;
                assertEquals(expected, shape(e.getValue()), e.getKey());
            });
        }
    }

    @Test
    void doubles_parse_back_to_the_same_bits() throws IOException {
        NormLayout layout = NormLayout.of(NormSpec.group(2), 2, 4, 3, 2);
        NormInput in = FamilyInputs.random(new int[] {2, 4, 3, 2}, 1e-5, 4);
        Trace trace = BatchNormGraph.run(layout, in);
        JsonNode root = write(layout, in, true);
        assertEquals(1e-5, root.get("eps").doubleValue());
        for (String node : BatchNormGraph.FORWARD) {
            sameBits(node, trace.value(node), root.get("forward").get(node));
        }
        for (NamedGradient g : BatchNormGraph.gradients(layout)) {
            sameBits(g.name(), trace.gradient(g), root.get("backward").get(g.name()));
        }
    }

    private static void sameBits(String name, Matrix expected, JsonNode actual) {
        List<Double> flat = new ArrayList<>();
        flatten(actual, flat);
        double[] values = expected.toArray();
        assertEquals(values.length, flat.size(), name);
        for (int i = 0; i < flat.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(flat.get(i)), name + " " + i);
        }
    }

    private static void flatten(JsonNode v, List<Double> out) {
        if (v.isArray()) {
            v.forEach(e -> flatten(e, out));
        } else {
            out.add(v.doubleValue());
        }
    }

    /** "2×3" for [[…3…], [..3..]]; every sub-array checked against the first. */
    static String shape(JsonNode v) {
        if (!v.isArray()) {
            return "";
        }
        String inner = shape(v.get(0));
        for (JsonNode e : v) {
            assertEquals(inner, shape(e), "not ragged");
        }
        assertTrue(v.size() > 0);
        return v.size() + (inner.isEmpty() ? "" : "×" + inner);
    }

    private static JsonNode write(NormLayout layout, NormInput in, boolean pretty) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NormTraceJson.write(layout, in.eps(), BatchNormGraph.run(layout, in), out, pretty);
        return new ObjectMapper().readTree(out.toByteArray());
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
