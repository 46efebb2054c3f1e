package org.normgraph.core.ops;

import org.normgraph.core.Shape;
import org.normgraph.core.ShapeMismatchException;

/** An op of two inputs of the same shape, elementwise; a shape error names both shapes. */
interface BinaryElementwise extends Op {

    /** The operation's name in shape errors, e.g. {@code "multiply"}. */
    String operation();

    @Override
    default int arity() {
        return 2;
    }

    @Override
    default Shape outputShape(Shape... in) {
        if (!in[0].equals(in[1])) {
            throw new ShapeMismatchException(operation(), in[0], in[1]);
        }
        return in[0];
    }
}
