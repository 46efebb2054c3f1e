package org.normgraph.core.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Two-pass against one-pass variance, and what a tiny eps does to a constant column. */
class NumericsTest {

    @Test
    void one_pass_variance_loses_most_digits_on_a_large_offset_and_two_pass_keeps_them() {
        double[] x = VarianceAccuracy.offsetSample(1e8, 0.1, 1000, 42);
        VarianceAccuracy v = VarianceAccuracy.of(x);
        assertEquals(0.01, v.exact(), 0.002, "the noise's variance");
        assertTrue(v.twoPassRelativeError() < 1e-11, () -> "two-pass " + v);
        assertTrue(v.onePassRelativeError() > 0.1, () -> "one-pass " + v);
        assertTrue(VarianceAccuracy.correctDigits(v.twoPassRelativeError()) > 11);
        assertTrue(VarianceAccuracy.correctDigits(v.onePassRelativeError()) < 1);
    }

    /** The comparison can fail both ways: without an offset, one-pass is as good as two-pass. */
    @Test
    void without_an_offset_both_formulas_are_accurate() {
        VarianceAccuracy v = VarianceAccuracy.of(VarianceAccuracy.offsetSample(0, 0.1, 1000, 42));
        assertTrue(v.onePassRelativeError() < 1e-12, () -> "one-pass " + v);
        assertTrue(v.twoPassRelativeError() < 1e-12, () -> "two-pass " + v);
    }

    @Test
    void the_exact_variance_of_a_hand_case_is_exact() {
        // 1e8 + (4, 7, 13, 16): mean 1e8 + 10, deviations (−6, −3, 3, 6), var = 90/4
        VarianceAccuracy v = VarianceAccuracy.of(1e8 + 4, 1e8 + 7, 1e8 + 13, 1e8 + 16);
        assertEquals(22.5, v.exact());
        assertEquals(22.5, v.twoPass());
    }

    @Test
    void a_tiny_eps_on_a_constant_column_gives_finite_gradients_of_size_one_over_root_eps() {
        List<TinyEps.Row> rows = TinyEps.constantColumn(3, 4, 1e-2, 1e-8, 1e-16, 1e-100, Double.MIN_VALUE);
        for (TinyEps.Row r : rows) {
            assertTrue(r.finite(), () -> "finite at eps " + r.eps());
            assertEquals(0, r.maxAbsXhat(), "mean of 3, 3, 3, 3 is exact: xmu = 0");
            assertEquals(Math.sqrt(r.eps()), r.sqrtvar(), 1e-15 * Math.sqrt(r.eps()));
            assertEquals(1 / Math.sqrt(r.eps()), r.maxAbsDx(), 1e-12 / Math.sqrt(r.eps()));
        }
        assertTrue(rows.get(4).maxAbsDx() > 1e161, "at the smallest double, |dx| ≈ 4.5e161");
    }

    @Test
    void the_huge_gradient_is_the_true_slope() {
        assertTrue(TinyEps.check(3, 4, 1e-12).passed(), () -> TinyEps.check(3, 4, 1e-12).toString());
    }

    @Test
    void rounding_noise_in_the_mean_is_normalized_to_unit_size_once_eps_is_below_its_square() {
        // (0.7 + 0.7 + 0.7) · (1/3) = 0.6999999999999998: xmu is 1.1e-16 everywhere, var 1.2e-32
        TinyEps.Row big = TinyEps.constantColumn(0.7, 3, 1e-16).get(0);
        TinyEps.Row tiny = TinyEps.constantColumn(0.7, 3, 1e-60).get(0);
        assertTrue(big.maxAbsXhat() < 1e-7, () -> "eps 1e-16: " + big);
        assertEquals(1, tiny.maxAbsXhat(), 1e-9, () -> "eps 1e-60: " + tiny);
    }
}
