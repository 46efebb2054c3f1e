package org.normgraph.core.family.ops;

import org.normgraph.core.Tensor;

/**
 * Broadcast a statistic or a parameter to the shape of x (see {@link Tensor#broadcastTo}).
 * Backward sums every copy back into its source element: the adjoint of broadcast is sum.
 */
public record BroadcastTo(int[] shape) implements TensorOp {

    public BroadcastTo {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public String symbol() {
        return "⇊";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public int[] outputShape(int[]... in) {
        Tensor.blockSize(in[0], shape); // throws, naming both shapes, if they do not fit
        return shape.clone();
    }

    @Override
    public Tensor forward(Tensor... in) {
        return in[0].broadcastTo(shape);
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor grad) {
        return new Tensor[] {Tensor.unbroadcast(grad, in[0].shape())};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BroadcastTo b && java.util.Arrays.equals(b.shape, shape);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "BroadcastTo[" + Tensor.format(shape) + "]";
    }
}
