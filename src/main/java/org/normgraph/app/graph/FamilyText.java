package org.normgraph.app.graph;

import org.normgraph.app.Messages;
import org.normgraph.app.model.NormAxes;
import org.normgraph.core.Node;
import org.normgraph.core.ops.BlockBroadcast;

/**
 * The words a node shows for the kind of normalization: which way a reduction collapses x,
 * and where a broadcast copies its statistic or parameter — read from the core's op, so the
 * words follow the graph that runs.
 */
public final class FamilyText {

    private FamilyText() {
    }

    /** "bcast_mu = mu copied to N rows", "… to the D columns of its row", "… to the 2 columns of its group". */
    static String broadcast(Node n) {
        String source = n.inputs().get(0);
        if (n.op() instanceof BlockBroadcast b && !b.copyRows()) {
            return n.shape().cols() == b.block()
                    ? Messages.get("graph.formula.broadcast.columns", n.name(), source)
                    : Messages.get("graph.formula.broadcast.groups", n.name(), source, Integer.toString(b.block()));
        }
        return Messages.get("graph.formula.broadcast", n.name(), source);
    }

    /** "mean over the rows: one per feature (1×D)", or over the features, or over each group. */
    public static String reduction(NormAxes axes) {
        return switch (axes.collapse()) {
            case ROWS -> Messages.get("graph.axes.rows");
            case FEATURES -> Messages.get("graph.axes.features");
            case GROUPS -> Messages.get("graph.axes.groups", Integer.toString(axes.groupWidth()));
        };
    }
}
