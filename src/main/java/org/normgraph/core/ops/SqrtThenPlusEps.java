package org.normgraph.core.ops;

import org.normgraph.core.Matrix;

/**
 * {@code y = √x + eps}; backward: {@code g / (2 √x)}. Not part of the correct graph: the pitfall
 * "divide by (std + eps)" puts it where {@code √(var + eps)} belongs. Its backward is the right
 * derivative of the wrong function, and is infinite where var = 0.
 */
public record SqrtThenPlusEps(double eps) implements UnaryElementwise {

    @Override
    public String symbol() {
        return "√·+ε";
    }

    @Override
    public Matrix forward(Matrix... in) {
        return in[0].map(v -> Math.sqrt(v) + eps);
    }

    @Override
    public Matrix[] backward(Matrix[] in, Matrix out, Matrix grad) {
        return new Matrix[] {in[0].zip("sqrt backward", grad, (v, g) -> g / (2 * Math.sqrt(v)))};
    }
}
