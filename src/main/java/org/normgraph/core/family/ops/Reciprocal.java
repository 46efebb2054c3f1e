package org.normgraph.core.family.ops;

import org.normgraph.core.Tensor;

/** {@code y = 1 / x}; backward: {@code −g / x²}. */
public record Reciprocal() implements TensorOp {

    @Override
    public String symbol() {
        return "1/x";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public int[] outputShape(int[]... in) {
        return in[0];
    }

    @Override
    public Tensor forward(Tensor... in) {
        return in[0].map(v -> 1.0 / v);
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor grad) {
        return new Tensor[] {in[0].zip("reciprocal backward", grad, (v, g) -> -g / (v * v))};
    }
}
