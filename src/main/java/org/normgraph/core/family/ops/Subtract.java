package org.normgraph.core.family.ops;

import org.normgraph.core.Tensor;

/** {@code y = a − b}; backward: {@code (g, −g)}. */
public record Subtract() implements TensorOp {

    @Override
    public String symbol() {
        return "−";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public int[] outputShape(int[]... in) {
        return Shapes.same("subtract", in);
    }

    @Override
    public Tensor forward(Tensor... in) {
        return in[0].minus(in[1]);
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor grad) {
        return new Tensor[] {grad, grad.negate()};
    }
}
