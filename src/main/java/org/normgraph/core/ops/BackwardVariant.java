package org.normgraph.core.ops;

import org.normgraph.core.Matrix;
import org.normgraph.core.Shape;

/**
 * An op with the forward of {@link #of()} and a backward of its own: a lab pitfall that gets
 * only the gradient wrong (a forgotten branch, a mean where the adjoint sums).
 */
public interface BackwardVariant extends Op {

    /** The correct op whose forward this one computes. */
    Op of();

    @Override
    default String symbol() {
        return of().symbol();
    }

    @Override
    default int arity() {
        return of().arity();
    }

    @Override
    default Shape outputShape(Shape... in) {
        return of().outputShape(in);
    }

    @Override
    default Matrix forward(Matrix... in) {
        return of().forward(in);
    }
}
