package org.normgraph.core.ops;

import org.normgraph.core.Matrix;
import org.normgraph.core.Shape;
import org.normgraph.core.ShapeMismatchException;

/**
 * Reduction to the statistics of a normalization: the mean over every row when
 * {@code overRows} (else per row) and over each block of {@code block} consecutive columns,
 * {@code y = (1/M) Σ_block x}, {@code R×K → (1 or R)×(K/block)}, M = (R or 1)·block.
 * Backward spreads {@code (1/M)·g} to every element of the block: the gradient fans out.
 *
 * <p>Every kind is one setting: batch norm {@code (true, 1)} → 1×D; layer norm
 * {@code (false, D)} → N×1; group norm {@code (false, D/G)} → N×G; for 4-D x seen as
 * N×(C·H·W), instance norm {@code (false, H·W)} → N×C and spatial batch norm
 * {@code (true, H·W)} → 1×C.
 *
 * @param overRows whether the rows collapse into one
 * @param block    how many consecutive columns collapse into one
 * @param count    M as formulas write it ({@code N}, {@code D}, {@code D/G}, …), for the symbol
 */
public record BlockMean(boolean overRows, int block, String count) implements Op {

    public BlockMean {
        if (block < 1) {
            throw new IllegalArgumentException("block must be ≥ 1, got " + block);
        }
    }

    @Override
    public String symbol() {
        return "Σ/" + (count.length() > 1 ? "(" + count + ")" : count);
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public Shape outputShape(Shape... in) {
        if (in[0].cols() % block != 0) {
            throw new ShapeMismatchException("block mean: " + in[0] + " has no whole blocks of " + block + " columns");
        }
        return new Shape(overRows ? 1 : in[0].rows(), in[0].cols() / block);
    }

    /** M: how many values each mean takes, for an input of {@code rows} rows. */
    public int count(int rows) {
        return (overRows ? rows : 1) * block;
    }

    @Override
    public Matrix forward(Matrix... in) {
        // multiply by 1/M (not divide by M): the same rounding as MeanRows
        return in[0].sumBlocks(overRows, block).scale(1.0 / count(in[0].rows()));
    }

    @Override
    public Matrix[] backward(Matrix[] in, Matrix out, Matrix grad) {
        int rows = in[0].rows();
        return new Matrix[] {grad.broadcastBlocks(rows, block).scale(1.0 / count(rows))};
    }
}
