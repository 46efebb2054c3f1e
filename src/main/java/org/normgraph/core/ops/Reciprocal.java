package org.normgraph.core.ops;

import org.normgraph.core.Matrix;

/** {@code y = 1 / x}; backward: {@code −g / x²}. */
public record Reciprocal() implements UnaryElementwise {

    @Override
    public String symbol() {
        return "1/x";
    }

    @Override
    public Matrix forward(Matrix... in) {
        return in[0].map(v -> 1.0 / v);
    }

    @Override
    public Matrix[] backward(Matrix[] in, Matrix out, Matrix grad) {
        return new Matrix[] {in[0].zip("reciprocal backward", grad, (v, g) -> -g / (v * v))};
    }
}
