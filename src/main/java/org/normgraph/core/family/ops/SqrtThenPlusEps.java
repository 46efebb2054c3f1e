package org.normgraph.core.family.ops;

import org.normgraph.core.Tensor;

/**
 * {@code y = √x + eps}; backward: {@code g / (2 √x)}. Not part of the correct graph: the pitfall
 * "divide by (std + eps)" puts it where {@code √(var + eps)} belongs. Its backward is the right
 * derivative of the wrong function, and is infinite where var = 0.
 */
public record SqrtThenPlusEps(double eps) implements TensorOp {

    @Override
    public String symbol() {
        return "√·+ε";
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
        return in[0].map(v -> Math.sqrt(v) + eps);
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor grad) {
        return new Tensor[] {in[0].zip("sqrt backward", grad, (v, g) -> g / (2 * Math.sqrt(v)))};
    }
}
