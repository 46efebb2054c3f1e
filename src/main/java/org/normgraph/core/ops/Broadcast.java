package org.normgraph.core.ops;

import org.normgraph.core.Matrix;
import org.normgraph.core.Shape;
import org.normgraph.core.ShapeMismatchException;

/**
 * Broadcast a row to {@code rows} rows: {@code 1×D → N×D}.
 * Backward sums the N upstream rows into one: the adjoint of broadcast is sum.
 */
public record Broadcast(int rows) implements Op {

    @Override
    public String symbol() {
        return "⇊";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public Shape outputShape(Shape... in) {
        if (!in[0].isRowVector()) {
            throw new ShapeMismatchException("broadcast: expects a 1×D row, got " + in[0]);
        }
        return new Shape(rows, in[0].cols());
    }

    @Override
    public Matrix forward(Matrix... in) {
        return in[0].broadcastRows(rows);
    }

    @Override
    public Matrix[] backward(Matrix[] in, Matrix out, Matrix grad) {
        return new Matrix[] {grad.sumRows()};
    }
}
