package org.normgraph.core.family;

import org.normgraph.core.family.ops.TensorOp;

/**
 * How a graph differs from the correct normalization graph: ops replaced at named nodes, and
 * whether a value used twice gets the sum of its branches. The lab's pitfalls are variants;
 * {@link #CORRECT} changes nothing.
 */
public interface GraphVariant {

    /** The correct graph. */
    GraphVariant CORRECT = new GraphVariant() {
        @Override
        public String toString() {
            return "correct";
        }
    };

    /** The op to put at {@code node} instead of {@code correct}. */
    default TensorOp op(String node, TensorOp correct) {
        return correct;
    }

    /** True when backward adds (+=) the branches of a fan-out; false when the last one wins. */
    default boolean addsAtFanOut() {
        return true;
    }
}
