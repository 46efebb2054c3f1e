package org.normgraph.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Trace;

/**
 * Writes a trace as the JSON object of DESIGN.md section 3: N, D, eps, every forward node
 * and every named gradient. Doubles are written with {@link Double#toString}, which parses
 * back to the same double.
 */
public final class TraceJson {

    private TraceJson() {
    }

    public static void write(BatchNormInput in, Trace trace, OutputStream out, boolean pretty)
            throws IOException {
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            write(in, trace, g, pretty);
        }
    }

    /** The same, to a character stream: lets the CLI stream a large trace instead of buffering it. */
    public static void write(BatchNormInput in, Trace trace, java.io.Writer out, boolean pretty)
            throws IOException {
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            write(in, trace, g, pretty);
        }
    }

    private static void write(BatchNormInput in, Trace trace, JsonGenerator g, boolean pretty)
            throws IOException {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (pretty) {
            g.useDefaultPrettyPrinter();
        }
        g.writeStartObject();
        g.writeNumberField("N", in.n());
        g.writeNumberField("D", in.d());
        g.writeNumberField("eps", in.eps());
        g.writeObjectFieldStart("forward");
        for (String node : BatchNormGraph.FORWARD) {
            g.writeFieldName(node);
            write(g, trace.value(node), BatchNormGraph.isVector(node));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("backward");
        for (NamedGradient grad : BatchNormGraph.GRADIENTS) {
            g.writeFieldName(grad.name());
            write(g, grad.in(trace), BatchNormGraph.isVector(grad.name()));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * A vector as an array of D numbers; a matrix as an array of N rows, even when N = 1, so
     * that a reader can rely on the shape of each name.
     */
    static void write(JsonGenerator g, Matrix m, boolean vector) throws IOException {
        if (vector) {
            writeRow(g, m, 0);
            return;
        }
        g.writeStartArray();
        for (int i = 0; i < m.rows(); i++) {
            writeRow(g, m, i);
        }
        g.writeEndArray();
    }

    private static void writeRow(JsonGenerator g, Matrix m, int row) throws IOException {
        g.writeStartArray();
        for (int j = 0; j < m.cols(); j++) {
            g.writeNumber(m.get(row, j));
        }
        g.writeEndArray();
    }
}
