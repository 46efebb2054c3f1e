package org.normgraph.core.ops;

import org.normgraph.core.Matrix;

/**
 * {@code y = a / b}; backward: {@code (g / b, −g ⊙ a / b²)}. Not part of the correct graph: the
 * pitfall "divide by the inverse standard deviation" puts it where xhat multiplies.
 */
public record Divide() implements BinaryElementwise {

    @Override
    public String symbol() {
        return "/";
    }

    @Override
    public String operation() {
        return "divide";
    }

    @Override
    public Matrix forward(Matrix... in) {
        return in[0].zip(operation(), in[1], (a, b) -> a / b);
    }

    @Override
    public Matrix[] backward(Matrix[] in, Matrix out, Matrix grad) {
        return new Matrix[] {grad.zip("divide backward", in[1], (g, b) -> g / b),
                in[0].zip("divide backward", in[1], (a, b) -> -a / (b * b)).times(grad)};
    }
}
