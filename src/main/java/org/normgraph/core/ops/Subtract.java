package org.normgraph.core.ops;

import org.normgraph.core.Matrix;

/** {@code y = a − b}; backward: {@code (g, −g)}. */
public record Subtract() implements BinaryElementwise {

    @Override
    public String symbol() {
        return "−";
    }

    @Override
    public String operation() {
        return "subtract";
    }

    @Override
    public Matrix forward(Matrix... in) {
        return in[0].minus(in[1]);
    }

    @Override
    public Matrix[] backward(Matrix[] in, Matrix out, Matrix grad) {
        return new Matrix[] {grad, grad.negate()};
    }
}
