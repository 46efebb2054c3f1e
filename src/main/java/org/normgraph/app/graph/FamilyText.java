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

    /**
     * "bcast_mu = mu copied to N rows", "… to the D columns of its row", "… to the 2 columns of its
     * group"; for N×C×H×W x "… to the N rows and H·W = 4 columns of its channel", "… to the C·H·W
     * columns of its row", "… to the H·W = 4 columns of its image's channel" (instance norm).
     */
    static String broadcast(Node n, NormAxes axes) {
        String source = n.inputs().get(0);
        if (n.op() instanceof BlockBroadcast b && !b.copyRows()) {
            if (n.shape().cols() == b.block()) {
                return Messages.get(axes.spatial() ? "graph.formula.broadcast.row.images" : "graph.formula.broadcast.columns",
                        n.name(), source);
            }
            // instance norm's block is one channel of one image; group norm's a group of channels
            return Messages.get(axes.perChannel() ? "graph.formula.broadcast.image-channel" : "graph.formula.broadcast.groups",
                    n.name(), source, Integer.toString(b.block()));
        }
        if (n.op() instanceof BlockBroadcast b && b.block() > 1) {
            return Messages.get("graph.formula.broadcast.channel", n.name(), source, Integer.toString(b.block()));
        }
        return Messages.get("graph.formula.broadcast", n.name(), source);
    }

    /**
     * "mean over the rows: one per feature (1×D)", or over the features, or over each group; for
     * N×C×H×W x over N, H, W (per channel), C, H, W (per row), a group's channels and H, W, or H, W
     * (per row and channel).
     */
    public static String reduction(NormAxes axes) {
        if (axes.spatial()) {
            if (axes.perChannel()) {
                return Messages.get("graph.axes.images.instance");
            }
            return switch (axes.collapse()) {
                case ROWS -> Messages.get("graph.axes.images.rows");
                case FEATURES -> Messages.get("graph.axes.images.features");
                case GROUPS -> Messages.get("graph.axes.images.groups", Integer.toString(axes.groupWidth()));
            };
        }
        return switch (axes.collapse()) {
            case ROWS -> Messages.get("graph.axes.rows");
            case FEATURES -> Messages.get("graph.axes.features");
            case GROUPS -> Messages.get("graph.axes.groups", Integer.toString(axes.groupWidth()));
        };
    }
}
