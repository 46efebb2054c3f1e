package org.normgraph.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Tensor;
import org.normgraph.core.family.NormGraph;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormTrace;

/**
 * Writes a normalization-family trace as one JSON object, the same names as DESIGN.md section 3:
 *
 * <pre>
 * {"norm": "group", "groups": 2, "N": 2, "C": 4, "H": 3, "W": 3, "eps": 1e-5,
 *  "forward": {"mu": …, …, "out": …}, "backward": {"dbeta": …, …, "dx": …}}
 * </pre>
 *
 * "groups" only for group norm; "D" instead of "C", "H", "W" for 2-D x. Values shaped like x
 * are nested arrays of x's shape ([N][D] or [N][C][H][W], also when an axis is 1). Statistics
 * (mu, var, sqrtvar, ivar, divar, dsqrtvar, dvar, dmu) keep only the axes they vary along:
 * batch [D] or [C], layer [N], group [N][G], instance [N][C]. gamma-shaped gradients (dgamma,
 * dbeta) are [D] or [C]. Batch norm of 2-D x is written by {@link TraceJson}, unchanged.
 */
public final class NormTraceJson {

    private NormTraceJson() {
    }

    public static void write(NormTrace trace, OutputStream out, boolean pretty) throws IOException {
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            write(trace, g, pretty);
        }
    }

    /** The same, to a character stream: lets the CLI stream a large trace instead of buffering it. */
    public static void write(NormTrace trace, java.io.Writer out, boolean pretty) throws IOException {
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            write(trace, g, pretty);
        }
    }

    private static void write(NormTrace trace, JsonGenerator g, boolean pretty) throws IOException {
        NormGraph graph = trace.graph();
        NormLayout layout = graph.layout();
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (pretty) {
            g.useDefaultPrettyPrinter();
        }
        g.writeStartObject();
        g.writeStringField("norm", layout.kind().id());
        if (layout.kind() == NormKind.GROUP) {
            g.writeNumberField("groups", layout.spec().groups());
        }
        int[] x = layout.xShape();
        String[] axes = layout.spatial() ? new String[] {"N", "C", "H", "W"} : new String[] {"N", "D"};
        for (int k = 0; k < axes.length; k++) {
            g.writeNumberField(axes[k], x[k]);
        }
        g.writeNumberField("eps", graph.eps());
        g.writeObjectFieldStart("forward");
        for (String node : NormGraph.FORWARD) {
            g.writeFieldName(node);
            write(g, trace.value(node), shapeFor(graph, node));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("backward");
        for (NamedGradient grad : graph.gradients()) {
            g.writeFieldName(grad.name());
            write(g, trace.gradient(grad), shapeFor(graph, grad.name()));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The JSON shape of a node or gradient name (see the class comment). */
    public static int[] shapeFor(NormGraph graph, String name) {
        NormLayout layout = graph.layout();
        return switch (graph.role(name)) {
            case FULL -> layout.xShape();
            case STATISTIC -> layout.compactStatsShape();
            case PARAMETER -> new int[] {layout.channels()};
        };
    }

    /** {@code t} as nested arrays of {@code shape} (also for session files' N×C×H×W x). */
    static void write(JsonGenerator g, Tensor t, int[] shape) throws IOException {
        write(g, t.reshape(shape), 0, 0);
    }

    private static int write(JsonGenerator g, Tensor t, int axis, int at) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < t.dim(axis); i++) {
            if (axis == t.rank() - 1) {
                g.writeNumber(t.at(at++));
            } else {
                at = write(g, t, axis + 1, at);
            }
        }
        g.writeEndArray();
        return at;
    }
}
