package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;
import org.normgraph.core.lab.Pitfall;

/**
 * Input whose rounding leaves the references fewer digits than the fixed tolerances: the
 * check used to fail these correct gradients (each case below failed before
 * {@link CheckResolution}); it must pass them and still fail wrong ones.
 */
class CheckResolutionTest {

    static Stream<Arguments> illConditioned() {
        return Stream.of(
                // dout of ±1e7 in one column: dbeta[0] = 2 is the sum of cancelling terms
                Arguments.of("large cancelling dout", new BatchNormInput(Matrix.of(3, 2, 1, 2, 3, 4, 0, 7),
                        Matrix.rowVector(1, 1), Matrix.rowVector(0, 0), Matrix.of(3, 2, 1e7, 0.1, -1e7, 0.2, 2, -0.3), 1e-5)),
                // x = 1e8 + 0.1…0.4: x − mu keeps about 7 of 16 digits
                Arguments.of("offsets of 1e8", new BatchNormInput(Matrix.of(4, 1, 1e8 + 0.1, 1e8 + 0.2, 1e8 + 0.3, 1e8 + 0.4),
                        Matrix.rowVector(1), Matrix.rowVector(0), Matrix.of(4, 1, 1, -2, 0.5, 3), 1e-5)),
                // the large-offsets example: staged and simplified differ by 2.3e-9
                Arguments.of("large-offsets example", new BatchNormInput(Matrix.of(4, 2, 100000000.1, 100000000.5,
                        99999999.9, 100000000.2, 100000000.3, 99999999.7, 99999999.7, 100000000.0), Matrix.rowVector(1, 1),
                        Matrix.rowVector(0, 0), Matrix.of(4, 2, 0.1, -0.2, -0.4, 0.5, 0.2, 0.1, 0.3, -0.1), 1e-5)),
                // a constant column with eps = 1e-12: sqrtvar = 1e-6 next to values of 5
                Arguments.of("constant column, eps 1e-12", new BatchNormInput(Matrix.of(3, 2, 5, 1, 5, 2, 5, 4),
                        Matrix.rowVector(1, 1), Matrix.rowVector(0, 0), Matrix.of(3, 2, 1, 2, -1, 0, 0.5, 1), 1e-12)),
                // N = 2: xhat is ±1 and dx (about 1e-9) is what eps leaves of terms of 1; staged and
                // fused agreed to 2e-8 of it, and the check failed
                Arguments.of("N = 2, dx cancels", new BatchNormInput(Matrix.of(2, 1, 0, 3), Matrix.rowVector(1),
                        Matrix.rowVector(0), Matrix.of(2, 1, 1, 0), 1e-8)),
                Arguments.of("N = 2, two columns", new BatchNormInput(Matrix.of(2, 2, 10, 1, 13, 2), Matrix.rowVector(1, 2),
                        Matrix.rowVector(0, 0), Matrix.of(2, 2, 1, 0.5, 0, -0.25), 1e-8)),
                // the same cancellation of x − mu rounded at an offset of 800 spreads: 7e-9 apart
                Arguments.of("N = 2, offset 800 spreads", new BatchNormInput(Matrix.of(2, 2, 1002.500616674672,
                        1.0000799483383946, 1000.0002180197305, 10.270599881001024), Matrix.rowVector(2, 2),
                        Matrix.rowVector(0, 0), Matrix.of(2, 2, 1, 0, 0, 0), 1e-5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illConditioned")
    void correct_gradients_pass_where_rounding_leaves_fewer_digits(String name, BatchNormInput in) {
        List<GradientCheck.Result> results = GradientCheck.check(in);
        results.forEach(r -> assertTrue(r.passed(), name + ": " + r));
        assertTrue(results.stream().anyMatch(GradientCheck.Result::widened), name + " needs a wider tolerance");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illConditioned")
    void forgotten_branches_still_fail_there(String name, BatchNormInput in) {
        NormLayout layout = NormLayout.of(NormSpec.batch(), in.n(), in.d());
        for (Pitfall p : List.of(Pitfall.FORGET_DX2, Pitfall.FORGET_DXMU2, Pitfall.ASSIGN_AT_FAN_OUT)) {
            List<GradientCheck.Result> results = GradientCheck.check(layout, NormInput.of(in), p);
            assertFalse(results.get(0).passed(), name + ", " + p + ": " + results.get(0));
        }
    }

    @Test
    void well_scaled_input_is_judged_by_the_fixed_tolerances() {
        BatchNormInput in = TestInputs.random(5, 3, 1e-5, 7);
        for (GradientCheck.Result r : GradientCheck.check(in)) {
            assertTrue(r.passed(), r.toString());
            assertFalse(r.widened(), r.toString());
            assertEquals(GradientCheck.NUMERIC_TOLERANCE, r.numericDecidingTolerance());
            assertEquals(GradientCheck.SIMPLIFIED_TOLERANCE, r.simplifiedDecidingTolerance());
        }
    }

    @Test
    void the_offset_ratio_is_how_far_x_lies_from_zero_in_units_of_its_spread() {
        // column 0: mean 2, var 2/3 over (1, 3, 2); the largest |x| / sqrtvar is 3 / √(2/3 + eps)
        BatchNormInput in = new BatchNormInput(Matrix.of(3, 1, 1, 3, 2), Matrix.rowVector(1), Matrix.rowVector(0),
                Matrix.of(3, 1, 1, 0, 0), 1e-5);
        CheckResolution r = CheckResolution.of(NormLayout.of(NormSpec.batch(), 3, 1), NormInput.of(in));
        assertEquals(3 / Math.sqrt(2.0 / 3 + 1e-5), r.offsetRatio(), 1e-12);
        assertEquals(GradientCheck.SIMPLIFIED_TOLERANCE, r.simplifiedTolerance());
    }

    @Test
    void where_rounding_leaves_no_digit_the_check_says_so() {
        // dout of 1e300 in a column whose dx is 0: the loss's rounding is far above any dx
        BatchNormInput in = new BatchNormInput(Matrix.of(2, 2, 1, 2, 3, 4), Matrix.rowVector(1, 1), Matrix.rowVector(0, 0),
                Matrix.of(2, 2, 1e300, 1, 1e300, 2), 1e-5);
        GradientCheck.Result dx = GradientCheck.check(in).get(0);
        assertTrue(dx.passed(), dx.toString());
        assertTrue(dx.numericUnresolved(), dx.toString());
        assertTrue(dx.simplified().within(GradientCheck.SIMPLIFIED_TOLERANCE), "the simplified formula still checks it");
    }

    /** The same 8×3 input with x, or dout, scaled by a power of ten: gradients of about 1e-20 or 1e-150. */
    static Stream<Arguments> scaled() {
        BatchNormInput base = TestInputs.random(8, 3, 1e-5, 11);
        return Stream.of(
                Arguments.of("x ~ 1e20", new BatchNormInput(base.x().scale(1e20), base.gamma(), base.beta(), base.dout(), 1e-5)),
                Arguments.of("x ~ 1e150", new BatchNormInput(base.x().scale(1e150), base.gamma(), base.beta(), base.dout(), 1e-5)),
                Arguments.of("dout ~ 1e-12", new BatchNormInput(base.x(), base.gamma(), base.beta(), base.dout().scale(1e-12), 1e-5)),
                Arguments.of("dout ~ 1e-150", new BatchNormInput(base.x(), base.gamma(), base.beta(), base.dout().scale(1e-150), 1e-5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scaled")
    void gradients_far_below_one_are_still_checked_digit_by_digit(String name, BatchNormInput in) {
        List<GradientCheck.Result> right = GradientCheck.check(in);
        right.forEach(r -> assertTrue(r.passed() && !r.numericUnresolved(), name + ": " + r));
        NormLayout layout = NormLayout.of(NormSpec.batch(), in.n(), in.d());
        for (Pitfall p : List.of(Pitfall.FORGET_DX2, Pitfall.FORGET_DXMU2, Pitfall.ASSIGN_AT_FAN_OUT)) {
            GradientCheck.Result dx = GradientCheck.check(layout, NormInput.of(in), p).get(0);
            assertFalse(dx.numericPassed(), name + ", " + p + ": " + dx);
            assertFalse(dx.simplifiedPassed(), name + ", " + p + ": " + dx);
        }
    }

    @Test
    void a_gradient_that_is_zero_still_counts_as_zero() {
        // N = 1: every dx is 0 in exact arithmetic, and finite differences give rounding noise
        BatchNormInput in = new BatchNormInput(Matrix.of(1, 2, 3, -4), Matrix.rowVector(2, 1), Matrix.rowVector(0, 0),
                Matrix.of(1, 2, 1, 5), 1e-5);
        GradientCheck.check(in).forEach(r -> assertTrue(r.passed(), r.toString()));
    }

    /** std + eps on a constant column: the variant's dx is ∞ or NaN (d√var at var = 0); its tolerances stay numbers. */
    @Test
    void a_gradient_that_is_not_finite_fails_against_a_tolerance_that_is_a_number() {
        BatchNormInput in = new BatchNormInput(Matrix.of(3, 2, 1, 5, 2, 5, 4, 5), Matrix.rowVector(1, 1),
                Matrix.rowVector(0, 0), Matrix.of(3, 2, 0.1, 0.2, -0.3, 0.4, 0.5, -0.6), 1e-5);
        NormLayout layout = NormLayout.of(NormSpec.batch(), in.n(), in.d());
        GradientCheck.Result dx = GradientCheck.check(layout, NormInput.of(in), Pitfall.STD_PLUS_EPS).get(0);
        assertFalse(dx.passed(), dx.toString());
        assertTrue(Double.isFinite(dx.numericDecidingTolerance()), dx.toString());
        assertTrue(Double.isFinite(dx.simplifiedDecidingTolerance()), dx.toString());
    }
}
