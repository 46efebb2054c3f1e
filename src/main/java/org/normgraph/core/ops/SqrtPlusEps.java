package org.normgraph.core.ops;

import org.normgraph.core.Matrix;

/** {@code y = √(x + eps)}; backward: {@code g / (2 √(x + eps))}. */
public record SqrtPlusEps(double eps) implements UnaryElementwise {

    @Override
    public String symbol() {
        return "√(·+ε)";
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
