package org.normgraph.core.lab;

import java.util.Optional;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Comparison;
import org.normgraph.core.Matrix;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Node;
import org.normgraph.core.Trace;

/**
 * Where a variant's trace first leaves the correct one: the first node, in forward order,
 * whose value differs; or, when every value agrees, the first named gradient, in backward
 * order (dbeta … dx, branches included), that differs. Within that matrix, the first element
 * in row-major order that differs beyond {@link #TOLERANCE} (relative to the matrix's scale, as
 * the comparison of the whole matrix judges it): where the mistake first shows, not where it
 * is largest (dbeta as a mean on the classic 4×3 example: dbeta[0], though dbeta[1] is off more).
 *
 * @param name       the node (forward) or the gradient's DESIGN name (backward)
 * @param inBackward false for a value, true for a gradient
 * @param row        the first differing element's row
 * @param col        the first differing element's column
 * @param reference  the correct trace's value there
 * @param actual     the variant's value there
 * @param comparison the correct trace against the variant's over the whole matrix: its relative
 *                   error decided that it differs; its row and column are the <em>largest</em>
 *                   difference, not the first
 */
public record FirstDifference(String name, boolean inBackward, int row, int col, double reference, double actual,
                              Comparison comparison) {

    /** Differences up to this (relative) are rounding: the two traces compute the same. */
    public static final double TOLERANCE = 1e-9;

    /** Both traces come from graphs of one layout: the same nodes, edges and gradient names. */
    public static Optional<FirstDifference> between(Trace correct, Trace variant) {
        for (Node n : correct.graph().nodes()) {
            Matrix a = correct.value(n.name());
            Matrix b = variant.value(n.name());
            Comparison c = Comparison.of(a, b);
            if (!c.within(TOLERANCE)) {
                return Optional.of(at(n.name(), false, a, b, c));
            }
        }
        // every kind has the same gradient names and edges (only the formulas' axes differ)
        for (NamedGradient g : BatchNormGraph.GRADIENTS) {
            Matrix a = correct.gradient(g);
            Matrix b = variant.gradient(g);
            Comparison c = Comparison.of(a, b);
            if (!c.within(TOLERANCE)) {
                return Optional.of(at(g.name(), true, a, b, c));
            }
        }
        return Optional.empty();
    }

    /** The first element, row-major, of {@code a} against {@code b} that differs; {@code c} (which does not agree) has one. */
    private static FirstDifference at(String name, boolean inBackward, Matrix a, Matrix b, Comparison c) {
        Comparison first = Comparison.firstBeyond(a, b, Comparison.ABSOLUTE_FLOOR, TOLERANCE).orElse(c);
        return new FirstDifference(name, inBackward, first.row(), first.col(), first.reference(), first.actual(), c);
    }

    @Override
    public String toString() {
        return (inBackward ? "gradient " : "value of ") + name + " differs first at [" + row + "][" + col + "] (correct "
                + reference + ", variant " + actual + "); largest relative difference " + comparison.relativeError()
                + " at " + comparison.indexText();
    }
}
