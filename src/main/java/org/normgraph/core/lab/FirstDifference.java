package org.normgraph.core.lab;

import java.util.Optional;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Comparison;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Node;
import org.normgraph.core.Trace;

/**
 * Where a variant's trace first leaves the correct one: the first node, in forward order,
 * whose value differs; or, when every value agrees, the first named gradient, in backward
 * order (dbeta … dx, branches included), that differs.
 *
 * @param name       the node (forward) or the gradient's DESIGN name (backward)
 * @param inBackward false for a value, true for a gradient
 * @param comparison the correct trace against the variant's there (element of the node's matrix)
 */
public record FirstDifference(String name, boolean inBackward, Comparison comparison) {

    /** Differences up to this (relative) are rounding: the two traces compute the same. */
    public static final double TOLERANCE = 1e-9;

    /** Both traces come from graphs of one layout: the same nodes, edges and gradient names. */
    public static Optional<FirstDifference> between(Trace correct, Trace variant) {
        for (Node n : correct.graph().nodes()) {
            Comparison c = Comparison.of(correct.value(n.name()), variant.value(n.name()));
            if (!c.within(TOLERANCE)) {
                return Optional.of(new FirstDifference(n.name(), false, c));
            }
        }
        // every kind has the same gradient names and edges (only the formulas' axes differ)
        for (NamedGradient g : BatchNormGraph.GRADIENTS) {
            Comparison c = Comparison.of(correct.gradient(g), variant.gradient(g));
            if (!c.within(TOLERANCE)) {
                return Optional.of(new FirstDifference(g.name(), true, c));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return (inBackward ? "gradient " : "value of ") + name + " differs first: relative " + comparison.relativeError()
                + " at " + comparison.indexText() + " (correct " + comparison.reference() + ", variant "
                + comparison.actual() + ")";
    }
}
