package org.normgraph.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Matrix;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormLayout;

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
 *
 * <p>The trace is the staged engine's, of {@link BatchNormGraph#build(NormLayout, double)}: x's rows
 * (N×(C·H·W), channel-major) and the statistics' matrices hold their values in the row-major
 * order of the JSON shape, so writing is reading them out in order.
 */
public final class NormTraceJson {

    private NormTraceJson() {
    }

    public static void write(NormLayout layout, double eps, Trace trace, OutputStream out, boolean pretty)
            throws IOException {
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            write(layout, eps, trace, g, pretty);
        }
    }

    /** The same, to a character stream: lets the CLI stream a large trace instead of buffering it. */
    public static void write(NormLayout layout, double eps, Trace trace, java.io.Writer out, boolean pretty)
            throws IOException {
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            write(layout, eps, trace, g, pretty);
        }
    }

    private static void write(NormLayout layout, double eps, Trace trace, JsonGenerator g, boolean pretty)
            throws IOException {
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
        g.writeNumberField("eps", eps);
        g.writeObjectFieldStart("forward");
        for (String node : BatchNormGraph.FORWARD) {
            g.writeFieldName(node);
            write(g, trace.value(node), shapeFor(layout, node));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("backward");
        for (NamedGradient grad : BatchNormGraph.gradients(layout)) {
            g.writeFieldName(grad.name());
            write(g, trace.gradient(grad), shapeFor(layout, grad.name()));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The JSON shape of a node or gradient name (see the class comment). */
    private static int[] shapeFor(NormLayout layout, String name) {
        if (BatchNormGraph.isStatistic(name)) {
            return layout.compactStatsShape();
        }
        return BatchNormGraph.isParameter(name) ? new int[] {layout.channels()} : layout.xShape();
    }

    /** {@code m}'s elements as nested arrays of {@code shape} (also for session files' N×C×H×W x). */
    static void write(JsonGenerator g, Matrix m, int[] shape) throws IOException {
        write(g, m.toArray(), shape, 0, 0);
    }

    /** Writes {@code data} from {@code at} as a nested array of {@code shape}[axis…]; returns where it stopped. */
    private static int write(JsonGenerator g, double[] data, int[] shape, int axis, int at) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < shape[axis]; i++) {
            if (axis == shape.length - 1) {
                g.writeNumber(data[at++]);
            } else {
                at = write(g, data, shape, axis + 1, at);
            }
        }
        g.writeEndArray();
        return at;
    }
}
