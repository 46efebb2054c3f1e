package org.normgraph.core.ops;

import org.normgraph.core.Matrix;
import org.normgraph.core.Shape;

/** {@code y = a ⊙ b}; backward: {@code (g ⊙ b, g ⊙ a)}. */
public record Multiply() implements Op {

    @Override
    public String symbol() {
        return "⊙";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public Shape outputShape(Shape... in) {
        return Elementwise.sameShape("multiply", in);
    }

    @Override
    public Matrix forward(Matrix... in) {
        return in[0].times(in[1]);
    }

    @Override
    public Matrix[] backward(Matrix[] in, Matrix out, Matrix grad) {
        return new Matrix[] {grad.times(in[1]), grad.times(in[0])};
    }
}
