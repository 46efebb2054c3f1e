package org.normgraph.core.ops;

import org.normgraph.core.Matrix;
import org.normgraph.core.Shape;

/**
 * {@code op} forward, but backward sends nothing to its inputs (a stop-gradient: the input is
 * treated as a constant). Not part of the correct graph: the pitfalls "forget the branch"
 * detach the node whose contribution a derivation forgot.
 */
public record Detached(Op op) implements Op {

    @Override
    public String symbol() {
        return op.symbol();
    }

    @Override
    public int arity() {
        return op.arity();
    }

    @Override
    public Shape outputShape(Shape... in) {
        return op.outputShape(in);
    }

    @Override
    public Matrix forward(Matrix... in) {
        return op.forward(in);
    }

    @Override
    public Matrix[] backward(Matrix[] in, Matrix out, Matrix grad) {
        Matrix[] none = new Matrix[in.length];
        for (int a = 0; a < in.length; a++) {
            none[a] = Matrix.zeros(in[a].rows(), in[a].cols());
        }
        return none;
    }
}
