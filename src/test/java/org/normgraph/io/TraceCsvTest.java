package org.normgraph.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Trace;

class TraceCsvTest {

    private static final BatchNormInput IN = SessionFileLimitsTest.input(3, 2);

    @Test
    void every_value_and_named_gradient_element_is_one_row_that_parses_back_exactly() throws Exception {
        Trace t = BatchNormGraph.run(IN);
        StringWriter w = new StringWriter();
        TraceCsv.write(IN, t, w);
        List<String> lines = w.toString().lines().toList();
        assertEquals(TraceCsv.HEADER, lines.get(0));
        Map<String, Double> cells = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals(5, f.length, line);
            assertTrue(f[1].equals("value") || f[1].equals("gradient"), line);
            Double before = cells.put(f[0] + "/" + f[1] + "/" + f[2] + "/" + f[3], Double.parseDouble(f[4]));
            assertEquals(null, before, "one row per element: " + line);
        }
        int count = 0;
        for (String node : BatchNormGraph.FORWARD) {
            Matrix m = t.value(node);
            count += m.rows() * m.cols();
            for (int i = 0; i < m.rows(); i++) {
                for (int j = 0; j < m.cols(); j++) {
                    assertEquals(m.get(i, j), cells.get(node + "/value/" + i + "/" + j), node);
                }
            }
        }
        for (NamedGradient g : BatchNormGraph.GRADIENTS) {
            Matrix m = g.in(t);
            count += m.rows() * m.cols();
            for (int i = 0; i < m.rows(); i++) {
                for (int j = 0; j < m.cols(); j++) {
                    assertEquals(m.get(i, j), cells.get(g.name() + "/gradient/" + i + "/" + j), g.name());
                }
            }
        }
        assertEquals(IN.x().get(2, 1), cells.get("x/value/2/1"));
        assertEquals(IN.gamma().get(0, 1), cells.get("gamma/value/0/1"));
        assertEquals(count + 3 * 2 + 2 + 2 + 3 * 2, cells.size(), "inputs x, gamma, beta, dout, then nodes and gradients");
    }
}
