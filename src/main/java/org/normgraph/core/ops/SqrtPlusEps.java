package org.normgraph.core.ops;

import org.normgraph.core.Matrix;
import org.normgraph.core.Shape;

/** {@code y = √(x + eps)}; backward: {@code g / (2 √(x + eps))}. */
public record SqrtPlusEps(double eps) implements Op {

    @Override
    public String symbol() {
        return "√(·+ε)";
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
        return in[0].map(v -> Math.sqrt(v + eps));
    }

    @Override
    public Matrix[] backward(Matrix[] in, Matrix out, Matrix grad) {
        return new Matrix[] {in[0].zip("sqrt backward", grad, (v, g) -> g / (2 * Math.sqrt(v + eps)))};
    }
}
