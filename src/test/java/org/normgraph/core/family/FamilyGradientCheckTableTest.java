package org.normgraph.core.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Comparison;
import org.normgraph.core.GradientCheck;
import org.normgraph.core.GraphVariant;
import org.normgraph.core.Matrix;
import org.normgraph.core.Tensor;

/**
 * Central finite differences and the simplified backward agree with the staged dx, dgamma and
 * dbeta of the one staged engine for every kind and every shape class: 2-D and 4-D, N = 1, one
 * feature, G = 1 and G = C, single-pixel images, one value per statistic.
 */
class FamilyGradientCheckTableTest {

    private static Arguments row(NormSpec spec, int[] shape, double eps) {
        return Arguments.of(spec, Tensor.format(shape), shape, eps);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                row(NormSpec.batch(), new int[] {5, 3}, 1e-5),
                row(NormSpec.batch(), new int[] {1, 4}, 1e-3),
                row(NormSpec.batch(), new int[] {3, 2, 3, 2}, 1e-5),
                row(NormSpec.batch(), new int[] {1, 3, 2, 2}, 1e-3),
                row(NormSpec.batch(), new int[] {4, 2, 1, 1}, 0.1),
                row(NormSpec.layer(), new int[] {4, 5}, 1e-5),
                row(NormSpec.layer(), new int[] {1, 3}, 1e-3),
                row(NormSpec.layer(), new int[] {3, 1}, 1e-3),
                row(NormSpec.layer(), new int[] {2, 3, 2, 2}, 1e-5),
                row(NormSpec.group(2), new int[] {3, 4}, 1e-5),
                row(NormSpec.group(3), new int[] {2, 6}, 1e-3),
                row(NormSpec.group(1), new int[] {2, 4}, 1e-5),
                row(NormSpec.group(4), new int[] {2, 4}, 0.1),
                row(NormSpec.group(2), new int[] {2, 4, 3, 3}, 1e-5),
                row(NormSpec.group(3), new int[] {1, 6, 2, 1}, 1e-3),
                row(NormSpec.group(1), new int[] {2, 2, 2, 2}, 1e-5),
                row(NormSpec.group(4), new int[] {2, 4, 2, 2}, 1e-3),
                row(NormSpec.instance(), new int[] {2, 3, 2, 2}, 1e-5),
                row(NormSpec.instance(), new int[] {1, 2, 3, 1}, 1e-3),
                row(NormSpec.instance(), new int[] {2, 2, 1, 1}, 1));
    }

    @ParameterizedTest(name = "{0} x={1} eps={3}")
    @MethodSource("table")
    void finite_differences_and_the_simplified_backward_agree_with_the_staged_gradients(
            NormSpec spec, String shapeText, int[] shape, double eps) {
        NormInput in = FamilyInputs.random(shape, eps, shapeText.hashCode() * 31L + spec.toString().hashCode());
        List<GradientCheck.Result> results = GradientCheck.check(NormLayout.of(spec, shape), in);
        assertEquals(List.of("dx", "dgamma", "dbeta"), results.stream().map(GradientCheck.Result::gradientName).toList());
        for (GradientCheck.Result r : results) {
            assertTrue(r.passed(), () -> r.gradientName() + ": numeric " + r.numeric() + ", simplified " + r.simplified());
        }
    }

    @Test
    void the_worst_element_is_reported_with_its_index_in_the_shape_of_x() {
        NormInput in = FamilyInputs.random(new int[] {2, 4, 3, 3}, 1e-3, 3);
        NormLayout layout = NormLayout.of(NormSpec.group(2), 2, 4, 3, 3);
        Matrix dx = BatchNormGraph.run(layout, in).gradient("x");
        // x[1][2][0][1] is row 1, column 2·(3·3) + 0·3 + 1 = 19 of x's rows
        Matrix wrong = dx.with(1, 19, dx.get(1, 19) + 1e-3 * dx.maxAbs());
        Comparison c = Comparison.of(dx, wrong);
        assertFalse(c.within(GradientCheck.NUMERIC_TOLERANCE));
        assertEquals(1, c.row());
        assertEquals(19, c.col());
        assertEquals("[1][2][0][1]", Tensor.indexText(layout.xIndex(c.row(), c.col())));
        assertEquals(1e-3 * dx.maxAbs(), c.maxDifference(), 1e-12 * dx.maxAbs());
    }

    /** The check can fail: batch-norm gradients are wrong for layer norm and are caught. */
    @Test
    void the_gradients_of_another_kind_fail_the_check() {
        NormInput in = FamilyInputs.random(new int[] {4, 3}, 1e-3, 8);
        GradientCheck.Gradients numeric = GradientCheck.numeric(NormLayout.of(NormSpec.layer(), 4, 3), in,
                GraphVariant.CORRECT);
        GradientCheck.Gradients batch = GradientCheck.Gradients.of(
                BatchNormGraph.run(NormLayout.of(NormSpec.batch(), 4, 3), in));
        List<GradientCheck.Result> results = GradientCheck.compare(numeric, numeric, batch);
        assertFalse(results.get(0).passed(), "dx");
        assertFalse(results.get(1).passed(), "dgamma");
    }
}
