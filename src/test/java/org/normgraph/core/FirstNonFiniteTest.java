package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Where a trace first stops being finite, in hand-checked cases: forward by node order,
 * backward by backward step (9 down to 0), a branch into a fan-out node before its sum.
 */
class FirstNonFiniteTest {

    private static final Matrix X = Matrix.of(3, 2, 1, 2.5, 3, 2.5, 8, 2.5); // column 1 constant
    private static final Matrix ONES = Matrix.of(3, 2, 1, 1, 1, 1, 1, 1);

    private static Trace.NonFinite first(BatchNormInput in) {
        return BatchNormGraph.run(in).firstNonFinite().orElseThrow();
    }

    @Test
    void an_ordinary_input_has_none() {
        assertTrue(BatchNormGraph.run(new BatchNormInput(X, Matrix.rowVector(1, 1), Matrix.rowVector(0, 0), ONES, 1e-5))
                .firstNonFinite().isEmpty());
    }

    /** x = 1e200: mu and xmu are finite, sq = xmu² ≈ 1e400 = ∞ at forward step 3. */
    @Test
    void x_of_1e200_stops_at_the_value_of_sq() {
        BatchNormInput in = new BatchNormInput(X.with(0, 0, 1e200), Matrix.rowVector(1, 1), Matrix.rowVector(0, 0), ONES,
                1e-5);
        assertEquals(new Trace.NonFinite("sq", false, null, 3), first(in));
    }

    /**
     * dout = 1e308 down column 0, gamma = 2: at backward step 9 dbeta = Σ_rows dout = 3e308 = ∞
     * (dgammax = dout is finite); dxhat = dgammax · gamma = 2e308 = ∞ too, but only at step 8.
     */
    @Test
    void dout_of_1e308_stops_at_dbeta_in_step_9_before_dxhat_in_step_8() {
        Matrix dout = ONES.with(0, 0, 1e308).with(1, 0, 1e308).with(2, 0, 1e308);
        BatchNormInput in = new BatchNormInput(X, Matrix.rowVector(2, 1), Matrix.rowVector(0, 0), dout, 1e-5);
        Trace t = BatchNormGraph.run(in);
        assertFalse(t.gradient("xhat").allFinite(), "dxhat overflows as well");
        assertTrue(t.gradient("gammax").allFinite());
        assertEquals(new Trace.NonFinite("beta", true, null, 9), first(in));
    }

    /** gamma = dout = 1e200: dbeta, dgamma finite; dxhat = dgammax · gamma = 1e400 = ∞ at step 8. */
    @Test
    void gamma_and_dout_of_1e200_stop_at_dxhat_in_step_8() {
        BatchNormInput in = new BatchNormInput(X, Matrix.rowVector(1e200, 1), Matrix.rowVector(0, 0),
                ONES.with(1, 0, 1e200), 1e-5);
        assertEquals(new Trace.NonFinite("xhat", true, null, 8), first(in));
    }

    /**
     * Column 1 constant with eps = 1e-300: var = 0, ivar = 1e150; dout = 1e200 there. Step 7
     * sends dxmu1 = dxhat · ivar = 1e350 = ∞ back to xmu, while dxmu2 and the sum dx1 come at
     * steps 3 and 2 — the branch is where it starts. (divar = Σ dxhat · xmu = 0: xmu is 0.)
     */
    @Test
    void tiny_eps_with_a_constant_column_stops_at_the_branch_dxmu1_in_step_7() {
        BatchNormInput in = new BatchNormInput(X, Matrix.rowVector(1, 1), Matrix.rowVector(0, 0), ONES.with(0, 1, 1e200),
                1e-300);
        Trace t = BatchNormGraph.run(in);
        assertEquals(1e150, t.value("ivar").get(0, 1), 1e140);
        assertTrue(t.gradient("ivar").allFinite());
        Trace.NonFinite nf = first(in);
        assertEquals("xmu", nf.node());
        assertTrue(nf.inGradient());
        assertEquals(7, nf.step());
        assertEquals("dxmu1", BatchNormGraph.contributionName(nf.branch()));
        assertEquals("xhat", nf.branch().to());
    }
}
