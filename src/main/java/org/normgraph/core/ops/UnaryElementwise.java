package org.normgraph.core.ops;

import org.normgraph.core.Shape;

/** An op of one input whose output has the input's shape. */
interface UnaryElementwise extends Op {

    @Override
    default int arity() {
        return 1;
    }

    @Override
    default Shape outputShape(Shape... in) {
        return in[0];
    }
}
