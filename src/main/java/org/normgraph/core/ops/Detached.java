package org.normgraph.core.ops;

import org.normgraph.core.Matrix;

/**
 * {@code of} forward, but backward sends nothing to its inputs (a stop-gradient: the input is
 * treated as a constant). Not part of the correct graph: the pitfalls "forget the branch"
 * detach the node whose contribution a derivation forgot.
 */
public record Detached(Op of) implements BackwardVariant {

    @Override
    public Matrix[] backward(Matrix[] in, Matrix out, Matrix grad) {
        Matrix[] none = new Matrix[in.length];
        for (int a = 0; a < in.length; a++) {
            none[a] = Matrix.zeros(in[a].rows(), in[a].cols());
        }
        return none;
    }
}
