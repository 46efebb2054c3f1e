package org.normgraph.app.model;

import java.util.ArrayList;
import java.util.List;
import org.normgraph.core.Matrix;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormLayout;

/**
 * The normalization groups of x's matrix: the values that one statistic is taken over (a
 * channel's N·H·W values in batch norm, a row in layer norm, a row's C/G channels in group
 * norm, a row's channel in instance norm). Named by their statistic, as the graph indexes it:
 * {@code mu[c]}, {@code mu[i]} or {@code mu[i][g]}; batch norm's groups of N×D x are its columns,
 * named by their number as the notes on constant columns say.
 */
final class NormGroups {

    private NormGroups() {
    }

    /** The names of the groups in which every value of x is equal, in the statistics' order. */
    static List<String> constant(NormLayout layout, Matrix x) {
        boolean overRows = layout.kind() == NormKind.BATCH;
        int statRows = overRows ? 1 : x.rows();
        int statCols = layout.statsShape()[1];
        int block = x.cols() / statCols; // columns of one group in a row
        List<String> out = new ArrayList<>();
        for (int r = 0; r < statRows; r++) {
            for (int g = 0; g < statCols; g++) {
                if (isConstant(x, overRows ? 0 : r, overRows ? x.rows() : r + 1, g * block, (g + 1) * block)) {
                    out.add(name(layout, r, g));
                }
            }
        }
        return out;
    }

    private static boolean isConstant(Matrix x, int rowFrom, int rowTo, int colFrom, int colTo) {
        double first = x.get(rowFrom, colFrom);
        for (int i = rowFrom; i < rowTo; i++) {
            for (int j = colFrom; j < colTo; j++) {
                if (x.get(i, j) != first) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code j} (batch of N×D), {@code mu[c]} (batch), {@code mu[i]} (layer) or {@code mu[i][g]} (group, instance). */
    private static String name(NormLayout layout, int row, int col) {
        return switch (layout.kind()) {
            case BATCH -> layout.spatial() ? "mu[" + col + "]" : Integer.toString(col);
            case LAYER -> "mu[" + row + "]";
            case GROUP, INSTANCE -> "mu[" + row + "][" + col + "]";
        };
    }
}
