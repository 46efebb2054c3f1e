package org.normgraph.core.family.ops;

import org.normgraph.core.Tensor;

/** {@code y = x²}; backward: {@code 2x ⊙ g}. */
public record Square() implements TensorOp {

    @Override
    public String symbol() {
        return "x²";
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
        return in[0].times(in[0]);
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor grad) {
        return new Tensor[] {in[0].zip("square backward", grad, (x, g) -> 2 * x * g)};
    }
}
