package org.normgraph.core.ops;

import org.normgraph.core.Matrix;

/** {@code y = a ⊙ b}; backward: {@code (g ⊙ b, g ⊙ a)}. */
public record Multiply() implements BinaryElementwise {

    @Override
    public String symbol() {
        return "⊙";
    }

    @Override
    public String operation() {
        return "multiply";
    }

    @Override
    public Matrix forward(Matrix... in) {
        return in[0].times(in[1]);
    }

    @Override
    public Matrix[] backward(Matrix[] in, Matrix out, Matrix grad) {
        return Matrix.productGradients(grad, in[0], in[1]);
    }
}
