package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Identities every correct batch-norm backward satisfies, and degenerate inputs. */
class BackwardIdentitiesTest {

    private static final double TOLERANCE = 1e-12;

    @ParameterizedTest(name = "N={0} D={1} eps={2}")
    @CsvSource({"2,1,1e-5", "3,4,1e-3", "7,2,1", "12,5,0.1"})
    void gradients_satisfy_the_batch_norm_identities(int n, int d, double eps) {
        BatchNormInput in = TestInputs.random(n, d, eps, 99L * n + d);
        Trace t = BatchNormGraph.run(in);
        Matrix dx = t.gradient("x");
        Matrix xhat = t.value("xhat");
        Matrix dout = in.dout();
        // dx is orthogonal to the constant, column by column
        small("Σ_rows dx", dx.sumRows(), dx.maxAbs() * n);
        // and to xhat up to eps: Σ xhat² = N·var/(var+eps), so with the fused formula
        // Σ_rows dx ⊙ xhat = gamma · ivar · dgamma · eps/(var + eps) – zero only as eps → 0
        Matrix ivar = t.value("ivar");
        Matrix epsShare = t.value("var").map(v -> eps / (v + eps));
        close("Σ_rows dx ⊙ xhat", in.gamma().times(ivar).times(t.gradient("gamma")).times(epsShare),
                dx.times(xhat).sumRows());
        close("dbeta = Σ_rows dout", dout.sumRows(), t.gradient("beta"));
        close("dgamma = Σ_rows dout ⊙ xhat", dout.times(xhat).sumRows(), t.gradient("gamma"));
        // the sums at the two fan-out nodes
        close("dx = dx1 + dx2", named(t, "dx1").plus(named(t, "dx2")), named(t, "dx"));
        close("dx1 = dxmu1 + dxmu2", named(t, "dxmu1").plus(named(t, "dxmu2")), named(t, "dx1"));
        close("gradient of xmu = dx1", named(t, "dx1"), t.gradient("xmu"));
        close("dmu = −Σ_rows dx1", named(t, "dx1").sumRows().negate(), named(t, "dmu"));
    }

    @Test
    void dx_is_orthogonal_to_xhat_when_eps_is_negligible() {
        BatchNormInput in = TestInputs.random(6, 3, 1e-14, 8);
        Trace t = BatchNormGraph.run(in);
        Matrix dx = t.gradient("x");
        small("Σ_rows dx ⊙ xhat", dx.times(t.value("xhat")).sumRows(), dx.maxAbs() * in.n());
    }

    @Test
    void a_batch_of_one_row_gives_finite_results_and_dx_exactly_zero() {
        BatchNormInput in = TestInputs.random(1, 4, 1e-5, 5);
        Trace t = BatchNormGraph.run(in);
        assertTrue(t.firstNonFinite().isEmpty(), () -> "non-finite at " + t.firstNonFinite());
        assertEquals(Matrix.zeros(1, 4), t.gradient("x").map(v -> v + 0.0), "dx");
        assertEquals(Matrix.zeros(1, 4), t.value("xhat").map(v -> v + 0.0), "xhat");
        assertEquals(in.beta(), t.value("out"), "out = beta");
        Matrix fusedDx = FusedBatchNorm.run(in).dx();
        assertEquals(Matrix.zeros(1, 4), fusedDx.map(v -> v + 0.0), "fused dx");
    }

    @ParameterizedTest(name = "eps={0}")
    @CsvSource({"1e-5", "1e-12", "1e-300", "4.9e-324"})
    void a_constant_column_gives_finite_results_even_with_tiny_eps(double eps) {
        // column 0 constant (0.1 does not average exactly), column 1 ordinary
        Matrix x = Matrix.fromRows(new double[][] {{0.1, 1}, {0.1, 2}, {0.1, 4}});
        BatchNormInput in = new BatchNormInput(x, Matrix.rowVector(1.5, -1), Matrix.rowVector(0.25, 0),
                Matrix.fromRows(new double[][] {{1, -1}, {0.5, 2}, {-3, 1}}), eps);
        Trace t = BatchNormGraph.run(in);
        assertTrue(t.firstNonFinite().isEmpty(), () -> "non-finite at " + t.firstNonFinite());
        FusedBatchNorm.Result f = FusedBatchNorm.run(in);
        assertTrue(f.dx().allFinite() && f.out().allFinite(), "fused finite");
        // the check itself must stay finite too (it may fail: at eps ≪ ulp² the loss is not smooth)
        for (GradientCheck.Result r : GradientCheck.check(in)) {
            assertTrue(Double.isFinite(r.numeric().relativeError()), () -> r.gradientName() + ": " + r);
        }
    }

    @Test
    void a_constant_column_normalizes_to_beta_and_its_dx_is_gamma_ivar_times_centred_dout() {
        double eps = 1e-5;
        Matrix x = Matrix.fromRows(new double[][] {{3, 1}, {3, 2}, {3, 4}, {3, 0}});
        Matrix dout = Matrix.fromRows(new double[][] {{1, 0}, {-2, 1}, {0.5, 3}, {4, -1}});
        BatchNormInput in = new BatchNormInput(x, Matrix.rowVector(2, 1), Matrix.rowVector(0.5, 0), dout, eps);
        Trace t = BatchNormGraph.run(in);
        double meanDout = (1 - 2 + 0.5 + 4) / 4.0;
        for (int i = 0; i < 4; i++) {
            assertEquals(0.5, t.value("out").get(i, 0), "out[" + i + "][0]");
            // xhat = 0 in the column, so the fused formula leaves gamma · ivar · (dout − mean dout)
            assertEquals(2 / Math.sqrt(eps) * (dout.get(i, 0) - meanDout), t.gradient("x").get(i, 0), 1e-9,
                    "dx[" + i + "][0]");
        }
        GradientCheck.check(in).forEach(r -> assertTrue(r.passed(), r.toString()));
    }

    @Test
    void a_constant_column_of_large_values_gets_a_finite_check_error_not_infinity() {
        // sqrtvar = √eps puts the natural step (1e-5 · sqrtvar) far below an ulp of 1e10: the
        // step must not vanish (it used to: 0/0, "Infinity at [0][0]"). Finite differences
        // cannot resolve this column to 1e-5, so dx may fail, but with a finite error.
        Matrix x = Matrix.fromRows(new double[][] {{1e10, 1}, {1e10, 2}, {1e10, 4}});
        BatchNormInput in = new BatchNormInput(x, Matrix.rowVector(1, 1), Matrix.rowVector(0, 0),
                Matrix.fromRows(new double[][] {{1, 0}, {0, 1}, {2, 2}}), 1e-5);
        for (GradientCheck.Result r : GradientCheck.check(in)) {
            assertTrue(r.numeric().relativeError() < 0.1, r::toString);
            assertTrue(r.simplified().within(GradientCheck.SIMPLIFIED_TOLERANCE), r::toString);
        }
    }

    private static Matrix named(Trace t, String name) {
        return BatchNormGraph.gradient(name).in(t);
    }

    private static void close(String what, Matrix expected, Matrix actual) {
        Comparison c = Comparison.of(expected, actual);
        assertTrue(c.within(TOLERANCE), () -> what + ": " + c);
    }

    private static void small(String what, Matrix m, double scale) {
        assertTrue(m.maxAbs() <= TOLERANCE * Math.max(scale, 1e-300), () -> what + " = " + m);
    }
}
