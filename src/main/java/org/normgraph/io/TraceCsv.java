package org.normgraph.io;

import java.io.IOException;
import java.io.Writer;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Trace;

/**
 * Writes a trace as CSV for spreadsheets: a header {@code name,kind,row,col,number}, then one
 * row per element of every value (inputs x, gamma, beta, dout, then the nine forward nodes)
 * and of every named gradient of DESIGN.md (kind {@code gradient}, dbeta … dx). Rows and
 * columns are 0-based like the core; numbers are written so that they parse back exactly.
 */
public final class TraceCsv {

    public static final String HEADER = "name,kind,row,col,number";

    private TraceCsv() {
    }

    public static void write(BatchNormInput in, Trace trace, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        // the graph's own inputs: for images gamma and beta are one per channel there
        rows(out, "x", "value", trace.value(BatchNormGraph.X));
        rows(out, "gamma", "value", trace.value(BatchNormGraph.GAMMA));
        rows(out, "beta", "value", trace.value(BatchNormGraph.BETA));
        rows(out, "dout", "value", in.dout());
        for (String node : BatchNormGraph.FORWARD) {
            rows(out, node, "value", trace.value(node));
        }
        for (NamedGradient g : BatchNormGraph.GRADIENTS) {
            rows(out, g.name(), "gradient", g.in(trace));
        }
        out.flush();
    }

    private static void rows(Writer out, String name, String kind, Matrix m) throws IOException {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                out.write(name + ',' + kind + ',' + i + ',' + j + ',' + Double.toString(m.get(i, j)) + '\n');
            }
        }
    }
}
