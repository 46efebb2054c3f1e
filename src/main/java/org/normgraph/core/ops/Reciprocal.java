package org.normgraph.core.ops;

import org.normgraph.core.Matrix;
import org.normgraph.core.Shape;

/** {@code y = 1 / x}; backward: {@code −g / x²}. */
public record Reciprocal() implements Op {

    @Override
    public String symbol() {
        return "1/x";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public Shape outputShape(Shape... in) {
        return in[0];
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
