package org.normgraph.core.ops;

import org.normgraph.core.Matrix;
import org.normgraph.core.Shape;
import org.normgraph.core.ShapeMismatchException;

/**
 * Broadcast of a statistic or a parameter back to x's shape: a {@code 1×B} row copied to all
 * {@code rows} rows when {@code copyRows} (else an {@code rows×B} matrix row by row), and each
 * column copied to {@code block} consecutive columns: {@code → rows×(B·block)}. Backward sums
 * the copies back into one: the adjoint of broadcast is sum ({@link BlockMean} without 1/M).
 *
 * <p>Batch norm's bcast_mu is {@code (N, true, 1)}; layer norm's {@code (N, false, D)};
 * gamma and beta are {@code (N, true, 1)} for 2-D x and {@code (N, true, H·W)} for 4-D x.
 */
public record BlockBroadcast(int rows, boolean copyRows, int block) implements Op {

    public BlockBroadcast {
        if (rows < 1 || block < 1) {
            throw new IllegalArgumentException("rows and block must be ≥ 1, got " + rows + ", " + block);
        }
    }

    @Override
    public String symbol() {
        if (block == 1) {
            return "⇊";
        }
        return copyRows ? "⇊⇉" : "⇉";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public Shape outputShape(Shape... in) {
        int expected = copyRows ? 1 : rows;
        if (in[0].rows() != expected) {
            throw new ShapeMismatchException("block broadcast: expects " + expected + "×B, got " + in[0]);
        }
        return new Shape(rows, in[0].cols() * block);
    }

    @Override
    public Matrix forward(Matrix... in) {
        return in[0].broadcastBlocks(rows, block);
    }

    @Override
    public Matrix[] backward(Matrix[] in, Matrix out, Matrix grad) {
        return new Matrix[] {grad.sumBlocks(copyRows, block)};
    }
}
