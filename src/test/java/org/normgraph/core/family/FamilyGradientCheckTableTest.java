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
import org.normgraph.core.Tensor;
import org.normgraph.core.TensorComparison;

/**
 * Central finite differences and the simplified backward agree with the staged dx, dgamma and
 * dbeta for every kind and every shape class: 2-D and 4-D, N = 1, one feature, G = 1 and
 * G = C, single-pixel images, one value per statistic.
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
        List<NormGradientCheck.Result> results = NormGradientCheck.check(spec, in);
        assertEquals(List.of("dx", "dgamma", "dbeta"), results.stream().map(NormGradientCheck.Result::gradientName).toList());
        for (NormGradientCheck.Result r : results) {
            assertTrue(r.passed(), () -> r.gradientName() + ": numeric " + r.numeric() + ", simplified " + r.simplified());
        }
    }

    @Test
    void the_worst_element_is_reported_with_its_index() {
        NormInput in = FamilyInputs.random(new int[] {2, 4, 3, 3}, 1e-3, 3);
        Tensor dx = NormGraph.run(NormSpec.group(2), in).gradient("x");
        int[] at = {1, 2, 0, 1};
        Tensor wrong = dx.with(at, dx.get(at) + 1e-3 * dx.maxAbs());
        TensorComparison c = TensorComparison.of(dx, wrong);
        assertFalse(c.within(NormGradientCheck.NUMERIC_TOLERANCE));
        assertEquals(List.of(1, 2, 0, 1), c.index());
        assertEquals("[1][2][0][1]", c.indexText());
        assertEquals(1e-3 * dx.maxAbs(), c.maxDifference(), 1e-12 * dx.maxAbs());
    }

    /** The check can fail: batch-norm gradients are wrong for layer norm and are caught. */
    @Test
    void the_gradients_of_another_kind_fail_the_check() {
        NormInput in = FamilyInputs.random(new int[] {4, 3}, 1e-3, 8);
        NormGraph layer = NormGraph.build(NormLayout.of(NormSpec.layer(), 4, 3), 1e-3);
        NormGradientCheck.Gradients numeric = NormGradientCheck.numeric(layer, in);
        NormGradientCheck.Gradients batch = NormGradientCheck.analytic(NormGraph.run(NormSpec.batch(), in));
        List<NormGradientCheck.Result> results = NormGradientCheck.compare(numeric, numeric, batch);
        assertFalse(results.get(0).passed(), "dx");
        assertFalse(results.get(1).passed(), "dgamma");
    }
}
