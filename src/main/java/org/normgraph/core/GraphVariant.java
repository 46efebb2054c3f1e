package org.normgraph.core;

import org.normgraph.core.ops.Op;

/**
 * How a graph differs from the correct normalization graph: ops replaced at named nodes
 * ({@link BatchNormGraph#build(org.normgraph.core.family.NormLayout, double, GraphVariant)}),
 * and the engine's rule at a fan-out. The lab's pitfalls are variants; {@link #CORRECT}
 * changes nothing.
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
    default Op op(String node, Op correct) {
        return correct;
    }

    /** What backward does with the branches of a value used twice. */
    default StagedEngine.FanOut fanOut() {
        return StagedEngine.FanOut.ADD;
    }
}
