package org.normgraph.core.ops;

import org.normgraph.core.Matrix;
import org.normgraph.core.Shape;

/**
 * Reduction over rows: {@code y = (1/N) Σ_rows x}, {@code N×D → 1×D}.
 * Backward spreads {@code (1/N)·g} to every row: the upstream gradient fans out.
 */
public record MeanRows() implements Op {

    @Override
    public String symbol() {
        return "Σ/N";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public Shape outputShape(Shape... in) {
        return new Shape(1, in[0].cols());
    }

    @Override
    public Matrix forward(Matrix... in) {
        return in[0].sumRows().scale(1.0 / in[0].rows());
    }

    @Override
    public Matrix[] backward(Matrix[] in, Matrix out, Matrix grad) {
        int n = in[0].rows();
        return new Matrix[] {grad.broadcastRows(n).scale(1.0 / n)};
    }
}
