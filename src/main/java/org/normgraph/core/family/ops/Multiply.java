package org.normgraph.core.family.ops;

import org.normgraph.core.Tensor;

/** {@code y = a ⊙ b}; backward: {@code (g ⊙ b, g ⊙ a)}. */
public record Multiply() implements TensorOp {

    @Override
    public String symbol() {
        return "⊙";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public int[] outputShape(int[]... in) {
        return Shapes.same("multiply", in);
    }

    @Override
    public Tensor forward(Tensor... in) {
        return in[0].times(in[1]);
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor grad) {
        return new Tensor[] {grad.times(in[1]), grad.times(in[0])};
    }
}
