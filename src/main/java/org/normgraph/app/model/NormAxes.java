package org.normgraph.app.model;

import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Graph;
import org.normgraph.core.ops.BlockMean;
import org.normgraph.core.ops.MeanRows;
import org.normgraph.core.ops.Op;

/**
 * Which way the statistics of a graph collapse x, read from the op the core runs at
 * {@code mu} (nothing recomputed): over the rows (batch norm, one per feature), over the
 * features (layer norm, one per row), or over groups of {@code groupWidth} features (group
 * norm, one per row and group). The views name shapes and index elements with it.
 *
 * @param collapse   what one statistic is the mean over
 * @param groupWidth how many features one statistic covers in a row (1 for batch norm, D for layer norm)
 */
public record NormAxes(Collapse collapse, int groupWidth) {

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
        Op op = graph.node("mu").op();
        if (op instanceof MeanRows || !(op instanceof BlockMean m) || m.overRows()) {
            return BATCH;
        }
        boolean one = graph.node("mu").shape().cols() == 1;
        return new NormAxes(one ? Collapse.FEATURES : Collapse.GROUPS, m.block());
    }

    /** The shape of {@code name} in letters: {@code N×D}, {@code 1×D}, {@code N×1} or {@code N×G}. */
    public String letters(String name) {
        return switch (indexing(name)) {
            case COLUMN -> "1×D";
            case ROW -> "N×1";
            case BOTH -> BatchNormGraph.isStatistic(name) ? "N×G" : "N×D";
        };
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
