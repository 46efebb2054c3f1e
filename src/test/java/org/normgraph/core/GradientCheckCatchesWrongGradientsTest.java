package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The finite-difference check is only worth something if it fails on a wrong gradient. These
 * tests compute a central difference of {@link GradientCheck#loss} here and show that
 * {@link Comparison} flags classic backprop mistakes while it accepts the real dx.
 */
class GradientCheckCatchesWrongGradientsTest {

    private final BatchNormInput in = TestInputs.random(5, 3, 1e-3, 42);
    private final Trace trace = BatchNormGraph.run(in);
    private final Matrix numericDx = numericDx(in);

    @Test
    void the_real_dx_passes() {
        assertTrue(Comparison.of(numericDx, trace.gradient("x")).within(GradientCheck.NUMERIC_TOLERANCE));
    }

    @Test
    void forgetting_the_branch_through_mu_fails() {
        Matrix dx1Only = BatchNormGraph.gradient("dx1").in(trace);
        assertFalse(Comparison.of(numericDx, dx1Only).within(GradientCheck.NUMERIC_TOLERANCE));
    }

    @Test
    void forgetting_the_branch_through_the_variance_fails() {
        // dx computed as if the variance were a constant: dxmu1 plus its mean-subtraction share
        Matrix dxmu1 = BatchNormGraph.gradient("dxmu1").in(trace);
        Matrix wrong = dxmu1.minus(dxmu1.sumRows().scale(1.0 / in.n()).broadcastRows(in.n()));
        assertFalse(Comparison.of(numericDx, wrong).within(GradientCheck.NUMERIC_TOLERANCE));
    }

    @Test
    void assigning_instead_of_adding_at_the_fan_out_fails() {
        // "dx = dx2" – the second branch overwrote the first
        Matrix dx2Only = BatchNormGraph.gradient("dx2").in(trace);
        assertFalse(Comparison.of(numericDx, dx2Only).within(GradientCheck.NUMERIC_TOLERANCE));
    }

    @Test
    void one_element_off_by_a_thousandth_fails() {
        Matrix dx = trace.gradient("x");
        Matrix wrong = dx.with(2, 1, dx.get(2, 1) + 1e-3 * dx.maxAbs());
        Comparison c = Comparison.of(numericDx, wrong);
        assertFalse(c.within(GradientCheck.NUMERIC_TOLERANCE));
        assertEquals(2, c.row());
        assertEquals(1, c.col());
    }

    @Test
    void a_result_fails_when_either_reference_disagrees() {
        Matrix dx = trace.gradient("x");
        Matrix wrong = dx.scale(1.01);
        assertTrue(new GradientCheck.Result("x", Comparison.of(numericDx, dx), Comparison.of(dx, dx)).passed());
        assertFalse(new GradientCheck.Result("x", Comparison.of(numericDx, wrong), Comparison.of(dx, dx)).passed());
        assertFalse(new GradientCheck.Result("x", Comparison.of(numericDx, dx), Comparison.of(dx, wrong)).passed());
    }

    @Test
    void a_nan_never_counts_as_agreement() {
        Matrix dx = trace.gradient("x");
        assertFalse(Comparison.of(dx, dx.with(0, 0, Double.NaN)).within(GradientCheck.NUMERIC_TOLERANCE));
        assertFalse(Comparison.of(dx.with(0, 0, Double.NaN), dx).within(GradientCheck.NUMERIC_TOLERANCE));
    }

    /** Central difference of loss = Σ out ⊙ dout, written here (not GradientCheck's own). */
    private static Matrix numericDx(BatchNormInput in) {
        double[][] g = new double[in.n()][in.d()];
        for (int i = 0; i < in.n(); i++) {
            for (int j = 0; j < in.d(); j++) {
                double v = in.x().get(i, j);
                double h = 1e-6 * Math.max(1, Math.abs(v));
                double plus = GradientCheck.loss(in.withX(in.x().with(i, j, v + h)));
                double minus = GradientCheck.loss(in.withX(in.x().with(i, j, v - h)));
                g[i][j] = (plus - minus) / (2 * h);
            }
        }
        return Matrix.fromRows(g);
    }
}
