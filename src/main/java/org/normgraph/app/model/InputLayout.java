package org.normgraph.app.model;

import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.normgraph.core.Tensor;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;

/**
 * How the learner's x is laid out: N×D features, or N×C×H×W images. The editors and the core's
 * graph see both as matrices of N rows: an image row holds its C·H·W values channel-major
 * (column {@code (c·H + h)·W + w}), as it lies in memory.
 *
 * <p>gamma and beta are one value per feature or channel. The session keeps them as one value per
 * column (a channel's value repeated over its H·W columns), so that the same data reads as N×D
 * features when the learner switches back; {@link #perChannel} and {@link #perColumn} convert.
 *
 * @param images   whether x is N×C×H×W (else N×D, and height = width = 1)
 * @param channels C, or D for features
 * @param height   H (1 for features)
 * @param width    W (1 for features)
 */
public record InputLayout(boolean images, int channels, int height, int width) {

    public InputLayout {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("C, H, W must be ≥ 1, got " + channels + "×" + height + "×" + width);
        }
        if (!images && (height != 1 || width != 1)) {
            throw new IllegalArgumentException("features have no H, W; got " + height + "×" + width);
        }
    }

    /** N×D: D features. */
    public static InputLayout features(int d) {
        return new InputLayout(false, d, 1, 1);
    }

    /** N×C×H×W. */
    public static InputLayout images(int c, int h, int w) {
        return new InputLayout(true, c, h, w);
    }

    /** The columns of x's matrix: D, or C·H·W. */
    public int columns() {
        return channels * height * width;
    }

    /** H·W: the columns of one channel (1 for features). */
    public int spatial() {
        return height * width;
    }

    /** x's shape for N rows: {N, D} or {N, C, H, W}. */
    public int[] xShape(int n) {
        return images ? new int[] {n, channels, height, width} : new int[] {n, channels};
    }

    /** The core's layout of {@code spec} for N rows; refuses as {@link NormLayout#of} does. */
    public NormLayout norm(NormSpec spec, int n) {
        return NormLayout.of(spec, xShape(n));
    }

    /** The core's family input for this layout: x and dout N×D or N×C×H×W, gamma and beta one per channel. */
    public NormInput coreInput(BatchNormInput in) {
        int[] shape = xShape(in.n());
        return new NormInput(Tensor.of(shape, in.x().toArray()), Tensor.vector(perChannel(in.gamma()).toArray()),
                Tensor.vector(perChannel(in.beta()).toArray()), Tensor.of(shape, in.dout().toArray()), in.eps());
    }

    /** The channel of a column of x's matrix. */
    public int channelOf(int col) {
        return col / spatial();
    }

    /** A column of x's matrix in words: its index for features, {@code (c,h,w)} for images. */
    public String columnName(int col) {
        if (!images) {
            return Integer.toString(col);
        }
        int within = col % spatial();
        return "(" + channelOf(col) + "," + within / width + "," + within % width + ")";
    }

    /** 1×C: a per-column row (gamma, beta as the session keeps them) read once per channel. */
    public Matrix perChannel(Matrix perColumn) {
        requireColumns(perColumn);
        return perColumn.firstOfBlocks(spatial());
    }

    /** 1×(C·H·W): each channel's value repeated over its H·W columns. */
    public Matrix perColumn(Matrix perChannel) {
        if (perChannel.rows() != 1 || perChannel.cols() != channels) {
            throw new IllegalArgumentException("expected 1×" + channels + " (one per channel), got " + perChannel.shape());
        }
        return perChannel.broadcastBlocks(1, spatial());
    }

    /** Whether a per-column row has one value per channel (equal over each channel's columns). */
    public boolean isPerChannel(Matrix perColumn) {
        return perColumn.rows() == 1 && perColumn.cols() == columns()
                && perColumn(perChannel(perColumn)).equals(perColumn);
    }

    private void requireColumns(Matrix row) {
        if (row.rows() != 1 || row.cols() != columns()) {
            throw new IllegalArgumentException("expected 1×" + columns() + ", got " + row.shape());
        }
    }
}
