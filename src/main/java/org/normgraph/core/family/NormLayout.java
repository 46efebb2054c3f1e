package org.normgraph.core.family;

import java.util.Arrays;
import org.normgraph.core.InvalidInputException;
import org.normgraph.core.Tensor;

/**
 * Where the statistics and the parameters of a normalization live for one input shape.
 *
 * <p>x is N×D (rank 2) or N×C×H×W (rank 4); axis 1 is the feature (channel) axis. Every
 * statistic (mu, var, sqrtvar, ivar and their gradients) has the <em>statistics shape</em>, of
 * the same rank as x with keepdims:
 *
 * <pre>
 *   kind       2-D x (N×D)   4-D x (N×C×H×W)   reduces over        M (values per statistic)
 *   batch      1×D           1×C×1×1           N (and H, W)        N, or N·H·W
 *   layer      N×1           N×1×1×1           D, or C, H, W       D, or C·H·W
 *   group G    N×G           N×G×1×1           D/G, or C/G, H, W   D/G, or (C/G)·H·W
 *   instance   –             N×C×1×1           H, W                H·W
 * </pre>
 *
 * An axis of size G &lt; C covers G blocks of C/G consecutive channels. gamma and beta are one
 * value per feature or channel in every kind: the <em>parameter shape</em> 1×D or 1×C×1×1.
 *
 * <p>The core runs every kind on x's rows, the N×(C·H·W) matrix: a statistic is then the
 * (statsShape[0])×(statsShape[1]) matrix, taken over all rows or one row each
 * ({@link #statisticsOverRows}) and over blocks of {@link #columnsPerStatistic} consecutive columns.
 */
public final class NormLayout {

    private final NormSpec spec;
    private final int[] xShape;
    private final int[] statsShape;
    private final int[] paramShape;

    private NormLayout(NormSpec spec, int[] xShape) {
        this.spec = spec;
        this.xShape = xShape;
        int rank = xShape.length;
        int c = xShape[1];
        this.statsShape = new int[rank];
        Arrays.fill(statsShape, 1);
        statsShape[0] = spec.kind() == NormKind.BATCH ? 1 : xShape[0];
        statsShape[1] = switch (spec.kind()) {
            case BATCH, INSTANCE -> c;
            case LAYER -> 1;
            case GROUP -> spec.groups();
        };
        this.paramShape = new int[rank];
        Arrays.fill(paramShape, 1);
        paramShape[1] = c;
    }

    /**
     * The layout of {@code spec} for x of {@code xShape}; refuses combinations that have none,
     * naming the field: {@code x} (rank, empty axes), {@code norm} (instance norm of 2-D x),
     * {@code groups} (G not dividing C).
     */
    public static NormLayout of(NormSpec spec, int... xShape) {
        String shape = Tensor.format(xShape);
        if (xShape.length != 2 && xShape.length != 4) {
            throw new InvalidInputException("x", "expected N×D (2-D) or N×C×H×W (4-D), got "
                    + xShape.length + "-D " + shape);
        }
        for (int s : xShape) {
            if (s < 1) {
                throw new InvalidInputException("x", (xShape.length == 2
                        ? "needs N ≥ 1 rows and D ≥ 1 columns, got " : "needs N, C, H, W ≥ 1, got ") + shape);
            }
        }
        if (spec.kind() == NormKind.INSTANCE && xShape.length != 4) {
            throw new InvalidInputException("norm", "instance norm needs 4-D x (N×C×H×W), got 2-D x "
                    + shape + "; for one statistic per row use layer norm");
        }
        if (spec.kind() == NormKind.GROUP && xShape[1] % spec.groups() != 0) {
            String c = xShape.length == 2 ? "D" : "C";
            throw new InvalidInputException("groups", "G = " + spec.groups() + " does not divide "
                    + c + " = " + xShape[1] + " of x (" + shape + "); each group needs " + c + "/G whole "
                    + (xShape.length == 2 ? "features" : "channels"));
        }
        return new NormLayout(spec, xShape.clone());
    }

    public NormSpec spec() {
        return spec;
    }

    public NormKind kind() {
        return spec.kind();
    }

    public int rank() {
        return xShape.length;
    }

    public boolean spatial() {
        return xShape.length == 4;
    }

    /** D for 2-D x, C for 4-D x: the length of gamma and beta. */
    public int channels() {
        return xShape[1];
    }

    public int[] xShape() {
        return xShape.clone();
    }

    /** The keepdims shape of every statistic (see the class comment). */
    public int[] statsShape() {
        return statsShape.clone();
    }

    /** 1×D or 1×C×1×1: gamma and beta as graph inputs. */
    public int[] paramShape() {
        return paramShape.clone();
    }

    /** M: how many values of x each statistic is the mean of. */
    public int count() {
        return Tensor.size(xShape) / Tensor.size(statsShape);
    }

    // The matrix form the core runs: x as the N×(C·H·W) matrix of its rows (channel-major).

    /** H·W for 4-D x, 1 for 2-D x: how many consecutive columns of x's rows one channel has. */
    public int pixels() {
        return Tensor.size(xShape) / (xShape[0] * xShape[1]);
    }

    /** Whether every statistic is taken over all rows (batch norm) rather than one row each. */
    public boolean statisticsOverRows() {
        return spec.kind() == NormKind.BATCH;
    }

    /** Batch norm of an N×D matrix: DESIGN.md's own graph, with its rows-and-columns words and formats. */
    public boolean batchOfFeatures() {
        return statisticsOverRows() && !spatial();
    }

    /** How many consecutive columns of x's rows one statistic covers: C/G·H·W for G statistics per row. */
    public int columnsPerStatistic() {
        return xShape[1] / statsShape[1] * pixels();
    }

    /** The index in x's shape of element (row, col) of x's rows: [row][col], or [n][c][h][w]. */
    public int[] xIndex(int row, int col) {
        if (!spatial()) {
            return new int[] {row, col};
        }
        int hw = pixels();
        int w = xShape[3];
        return new int[] {row, col / hw, col % hw / w, col % w};
    }

    /**
     * The axes of the statistics shape that carry data: batch [1] (D or C), layer [0] (N),
     * group and instance [0, 1] (N×G, N×C). Written to JSON, a statistic keeps only these.
     */
    public int[] statsAxes() {
        return switch (spec.kind()) {
            case BATCH -> new int[] {1};
            case LAYER -> new int[] {0};
            case GROUP, INSTANCE -> new int[] {0, 1};
        };
    }

    /** The statistics shape without its size-1 keepdims axes: [D], [N], [N, G] or [N, C]. */
    public int[] compactStatsShape() {
        return Arrays.stream(statsAxes()).map(a -> statsShape[a]).toArray();
    }

    /** What the statistics sum over, for formulas: {@code Σ_rows}, {@code Σ_{n,h,w}}, … */
    public String statsSum() {
        return switch (spec.kind()) {
            case BATCH -> spatial() ? "Σ_{n,h,w}" : "Σ_rows";
            case LAYER -> spatial() ? "Σ_{c,h,w}" : "Σ_cols";
            case GROUP -> spatial() ? "Σ_{group,h,w}" : "Σ_group";
            case INSTANCE -> "Σ_{h,w}";
        };
    }

    /** M as the formulas write it: {@code N}, {@code D}, {@code (C/G)·H·W}, … */
    public String countText() {
        return switch (spec.kind()) {
            case BATCH -> spatial() ? "N·H·W" : "N";
            case LAYER -> spatial() ? "C·H·W" : "D";
            case GROUP -> spatial() ? "(C/G)·H·W" : "D/G";
            case INSTANCE -> "H·W";
        };
    }

    /** 1/M as the formulas write it: {@code 1/N}, {@code 1/D}, {@code 1/(D/G)}, {@code 1/(N·H·W)}. */
    public String countFraction() {
        String m = countText();
        return "1/" + (m.length() > 1 ? "(" + m + ")" : m);
    }

    /** What dgamma and dbeta sum over: every axis but the channel axis. */
    public String paramSum() {
        return spatial() ? "Σ_{n,h,w}" : "Σ_rows";
    }

    /** One line for people: what is normalized over what. */
    public String describe() {
        return spec + " of x " + Tensor.format(xShape) + ": statistics " + Tensor.format(statsShape)
                + ", each over M = " + countText() + " = " + count() + " values; gamma, beta per "
                + (spatial() ? "channel" : "feature") + " (" + channels() + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormLayout l && l.spec.equals(spec) && Arrays.equals(l.xShape, xShape);
    }

    @Override
    public int hashCode() {
        return 31 * spec.hashCode() + Arrays.hashCode(xShape);
    }

    @Override
    public String toString() {
        return describe();
    }
}
