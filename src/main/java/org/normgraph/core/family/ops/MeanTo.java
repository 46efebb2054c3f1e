package org.normgraph.core.family.ops;

import org.normgraph.core.Tensor;

/**
 * Reduction: the mean of each block of x that one element of {@code shape} covers,
 * {@code y = (1/M) Σ_block x} with M elements per block (batch norm: M = N, one column).
 * Backward spreads {@code (1/M)·g} to every element of the block: the gradient fans out.
 */
public record MeanTo(int[] shape) implements TensorOp {

    public MeanTo {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public String symbol() {
        return "Σ/M";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public int[] outputShape(int[]... in) {
        Tensor.blockSize(shape, in[0]);
        return shape.clone();
    }

    @Override
    public Tensor forward(Tensor... in) {
        // multiply by 1/M (not divide by M): the same rounding as the nine-step MeanRows
        return in[0].sumTo(shape).scale(1.0 / Tensor.blockSize(shape, in[0].shape()));
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor grad) {
        int[] full = in[0].shape();
        return new Tensor[] {grad.broadcastTo(full).scale(1.0 / Tensor.blockSize(shape, full))};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeanTo m && java.util.Arrays.equals(m.shape, shape);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "MeanTo[" + Tensor.format(shape) + "]";
    }
}
