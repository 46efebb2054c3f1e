package org.normgraph.app.model;

import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Graph;
import org.normgraph.core.Shape;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.ops.BlockBroadcast;
import org.normgraph.core.ops.BlockMean;
import org.normgraph.core.ops.MeanRows;
import org.normgraph.core.ops.Op;

/**
 * Which way the statistics of a graph collapse x, read from the op the core runs at
 * {@code mu} (nothing recomputed): over the rows (batch norm, one per feature), over the
 * features (layer norm, one per row), or over groups of {@code groupWidth} features (group
 * norm, one per row and group). The views name shapes and index elements with it. With the
 * session's layout it also knows N×C×H×W x (the graph alone shows its N×(C·H·W) matrix).
 *
 * @param collapse   what one statistic is the mean over
 * @param groupWidth   how many columns one statistic covers in a row (1 for batch norm, D for layer norm)
 * @param channelWidth how many columns one channel has: H·W of N×C×H×W x, read from the graph's
 *                     broadcast of gamma (1 for N×D, and for 1×1 images, whose formulas are N×D's)
 * @param layout       the core's layout the graph was built for, or null (read as N×D)
 */
public record NormAxes(Collapse collapse, int groupWidth, int channelWidth, NormLayout layout) {

    public NormAxes(Collapse collapse, int groupWidth) {
        this(collapse, groupWidth, 1, null);
    }

    /** What one statistic is the mean over. */
    public enum Collapse {
        /** The rows: one statistic per feature, 1×D. */
        ROWS,
        /** All features of a row: one statistic per row, N×1. */
        FEATURES,
        /** Each group of consecutive features of a row: N×G. */
        GROUPS
    }

    /** How an element of a node is indexed in formulas: {@code [j]}, {@code [i]} or {@code [i][j]}. */
    public enum Indexing {
        COLUMN, ROW, BOTH
    }

    public static final NormAxes BATCH = new NormAxes(Collapse.ROWS, 1);

    /** The axes of {@code graph}'s reductions (batch norm for a graph without a block mean). */
    public static NormAxes of(Graph graph) {
        if (!graph.contains("mu")) {
            return BATCH;
        }
        int channel = graph.contains("bcast_gamma") && graph.node("bcast_gamma").op() instanceof BlockBroadcast b ? b.block() : 1;
        Op op = graph.node("mu").op();
        if (op instanceof MeanRows || !(op instanceof BlockMean m)) { // also the inference graph's given mu
            return channel == 1 ? BATCH : new NormAxes(Collapse.ROWS, 1, channel, null);
        }
        if (m.overRows()) {
            return new NormAxes(Collapse.ROWS, 1, channel, null);
        }
        boolean one = graph.node("mu").shape().cols() == 1;
        return new NormAxes(one ? Collapse.FEATURES : Collapse.GROUPS, m.block(), channel, null);
    }

    /** {@link #of(Graph)} for a graph built for {@code layout} (which says whether x is N×C×H×W). */
    public static NormAxes of(Graph graph, NormLayout layout) {
        NormAxes axes = of(graph);
        // group norm with G = 1 has one statistic per row, as layer norm: it is still named and
        // indexed as group norm's N×G, so that the words follow the kind the learner chose
        boolean oneGroup = axes.collapse == Collapse.FEATURES && layout != null && layout.kind() == NormKind.GROUP;
        return new NormAxes(oneGroup ? Collapse.GROUPS : axes.collapse, axes.groupWidth, axes.channelWidth, layout);
    }

    /** Batch norm of N×D features: the nine steps as DESIGN.md writes them. */
    public boolean isBatchOfFeatures() {
        return collapse == Collapse.ROWS && channelWidth == 1 && !spatial();
    }

    /** Whether x is N×C×H×W (known only with the layout). */
    public boolean spatial() {
        return layout != null && layout.spatial();
    }

    /** Whether the statistics are one per row and channel (instance norm). */
    public boolean perChannel() {
        return layout != null && layout.kind() == NormKind.INSTANCE;
    }

    /**
     * The shape of {@code name} in letters: {@code N×D}, {@code 1×D}, {@code N×1} or {@code N×G};
     * for N×C×H×W x {@code N×C×H×W}, {@code 1×C}, {@code N×1}, {@code N×G} or {@code N×C}.
     */
    public String letters(String name) {
        String feature = spatial() ? "C" : "D";
        return switch (indexing(name)) {
            case COLUMN -> "1×" + feature;
            case ROW -> "N×1";
            case BOTH -> !BatchNormGraph.isStatistic(name) ? (spatial() ? "N×C×H×W" : "N×D")
                    : perChannel() ? "N×C" : "N×G";
        };
    }

    /** The sizes of a node of {@code shape} named {@code name}: {@code 4×3}, or {@code 2×2×2×2} for N×C×H×W. */
    public String sizes(String name, Shape shape) {
        if (spatial() && indexing(name) == Indexing.BOTH && !BatchNormGraph.isStatistic(name)) {
            int[] x = layout.xShape();
            return shape.rows() + "×" + x[1] + "×" + x[2] + "×" + x[3];
        }
        return shape.rows() + "×" + shape.cols();
    }

    /** How {@code name}'s elements are indexed: by definition of its role, also when N or D is 1. */
    public Indexing indexing(String name) {
        if (BatchNormGraph.isParameter(name)) {
            return Indexing.COLUMN;
        }
        if (!BatchNormGraph.isStatistic(name)) {
            return Indexing.BOTH;
        }
        return switch (collapse) {
            case ROWS -> Indexing.COLUMN;
            case FEATURES -> Indexing.ROW;
            case GROUPS -> Indexing.BOTH;
        };
    }

    /** {@code name[j]}, {@code name[i]} or {@code name[i][j]} as {@link #indexing} says. */
    public String element(String label, String node, int row, int col) {
        return switch (indexing(node)) {
            case COLUMN -> label + "[" + col + "]";
            case ROW -> label + "[" + row + "]";
            case BOTH -> label + "[" + row + "][" + col + "]";
        };
    }
}
