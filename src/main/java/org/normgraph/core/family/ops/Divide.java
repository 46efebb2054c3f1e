package org.normgraph.core.family.ops;

import org.normgraph.core.Tensor;

/**
 * {@code y = a / b}; backward: {@code (g / b, −g ⊙ a / b²)}. Not part of the correct graph: the
 * pitfall "divide by the inverse standard deviation" puts it where xhat multiplies.
 */
public record Divide() implements TensorOp {

    @Override
    public String symbol() {
        return "/";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public int[] outputShape(int[]... in) {
        return Shapes.same("divide", in);
    }

    @Override
    public Tensor forward(Tensor... in) {
        return in[0].dividedBy(in[1]);
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor grad) {
        return new Tensor[] {grad.dividedBy(in[1]),
                in[0].zip("divide backward", in[1], (a, b) -> -a / (b * b)).times(grad)};
    }
}
