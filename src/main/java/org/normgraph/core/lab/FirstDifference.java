package org.normgraph.core.lab;

import java.util.Optional;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.TensorComparison;
import org.normgraph.core.family.NormNode;
import org.normgraph.core.family.NormTrace;

/**
 * Where a variant's trace first leaves the correct one: the first node, in forward order,
 * whose value differs; or, when every value agrees, the first named gradient, in backward
 * order (dbeta … dx, branches included), that differs.
 *
 * @param name       the node (forward) or the gradient's DESIGN name (backward)
 * @param inBackward false for a value, true for a gradient
 * @param comparison the correct trace against the variant's there
 */
public record FirstDifference(String name, boolean inBackward, TensorComparison comparison) {

    /** Differences up to this (relative) are rounding: the two traces compute the same. */
    public static final double TOLERANCE = 1e-9;

    public static Optional<FirstDifference> between(NormTrace correct, NormTrace variant) {
        for (NormNode n : correct.graph().nodes()) {
            TensorComparison c = TensorComparison.of(correct.value(n.name()), variant.value(n.name()));
            if (!c.within(TOLERANCE)) {
                return Optional.of(new FirstDifference(n.name(), false, c));
            }
        }
        for (NamedGradient g : correct.graph().gradients()) {
            TensorComparison c = TensorComparison.of(correct.gradient(g), variant.gradient(g));
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
