package org.normgraph.core.ops;

import org.normgraph.core.Shape;
import org.normgraph.core.ShapeMismatchException;

/** Shape rules shared by the elementwise ops. */
final class Elementwise {

    private Elementwise() {
    }

    static Shape sameShape(String operation, Shape... in) {
        for (Shape s : in) {
            if (!s.equals(in[0])) {
                throw new ShapeMismatchException(operation, in[0], s);
            }
        }
        return in[0];
    }
}
