package org.normgraph.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.TestInputs;
import org.normgraph.core.Trace;

/** The trace JSON writer: names in DESIGN order, shapes, and doubles that parse back exactly. */
class TraceJsonTest {

    @Test
    void writes_every_design_name_in_order() throws IOException {
        JsonNode root = write(TestInputs.random(3, 2, 1e-5, 1), false);
        assertEquals(List.of("N", "D", "eps", "forward", "backward"), names(root));
        assertEquals(BatchNormGraph.FORWARD, names(root.get("forward")));
        assertEquals(BatchNormGraph.GRADIENTS.stream().map(NamedGradient::name).toList(), names(root.get("backward")));
    }

    @Test
    void awkward_doubles_parse_back_to_the_same_bits() throws IOException {
        double[] awkward = {0.1, 1.0 / 3, -0.0, Double.MIN_VALUE, 1e-300, 123456789.123456789, Math.PI * 1e-7};
        Matrix x = Matrix.fromRows(new double[][] {awkward, {2, 3, 5, 7, 11, 13, 17}});
        BatchNormInput in = new BatchNormInput(x, Matrix.filled(1, 7, 0.7), Matrix.filled(1, 7, -0.1),
                Matrix.filled(2, 7, 0.3), 1e-5);
        Trace trace = BatchNormGraph.run(in);
        JsonNode root = write(in, true);
        assertEquals(in.eps(), root.get("eps").doubleValue());
        for (String node : BatchNormGraph.FORWARD) {
            sameBits(node, trace.value(node), root.get("forward").get(node));
        }
        for (NamedGradient g : BatchNormGraph.GRADIENTS) {
            sameBits(g.name(), g.in(trace), root.get("backward").get(g.name()));
        }
    }

    @Test
    void compact_output_is_a_single_line() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        BatchNormInput in = TestInputs.random(2, 2, 1e-5, 3);
        TraceJson.write(in, BatchNormGraph.run(in), buf, false);
        assertTrue(!buf.toString(StandardCharsets.UTF_8).contains("\n"));
    }

    static void sameBits(String name, Matrix expected, JsonNode actual) {
        boolean vector = BatchNormGraph.isVector(name);
        for (int i = 0; i < expected.rows(); i++) {
            JsonNode row = vector ? actual : actual.get(i);
            for (int j = 0; j < expected.cols(); j++) {
                double e = expected.get(i, j);
                double a = row.get(j).doubleValue();
                String at = name + (vector ? "" : "[" + i + "]") + "[" + j + "]";
                assertEquals(Double.doubleToRawLongBits(e), Double.doubleToRawLongBits(a),
                        () -> at + ": " + e + " written, " + a + " read");
            }
        }
    }

    private static JsonNode write(BatchNormInput in, boolean pretty) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        TraceJson.write(in, BatchNormGraph.run(in), buf, pretty);
        return new ObjectMapper().readTree(buf.toByteArray());
    }

    private static List<String> names(JsonNode obj) {
        List<String> n = new ArrayList<>();
        obj.fieldNames().forEachRemaining(n::add);
        return n;
    }
}
