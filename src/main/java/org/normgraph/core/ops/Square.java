package org.normgraph.core.ops;

import org.normgraph.core.Matrix;

/** {@code y = x²}; backward: {@code 2x ⊙ g}. */
public record Square() implements UnaryElementwise {

    @Override
    public String symbol() {
        return "x²";
    }

    @Override
    public Matrix forward(Matrix... in) {
        return in[0].times(in[0]);
    }

    @Override
    public Matrix[] backward(Matrix[] in, Matrix out, Matrix grad) {
        return new Matrix[] {in[0].timesScaled(grad, 2.0)};
    }
}
