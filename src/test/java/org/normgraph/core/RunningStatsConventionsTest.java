package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three running-statistics conventions on worked examples.
 *
 * <p>Batch 1 (as in BatchNormLayerTest): columns (3, 3, −1, 3) and (−4, 0, 2, 6): mean (2, 1),
 * biased variance (12/4, 52/4) = (3, 13), unbiased variance (12/3, 52/3) = (4, 17.33…).
 * Batch 2: columns (0, 4, 2, 2) and (1, 1, 7, 7): mean (2, 4), deviations (−2, 2, 0, 0) and
 * (−3, −3, 3, 3), biased variance (2, 9).
 */
class RunningStatsConventionsTest {

    private static final Matrix BATCH1 = Matrix.fromRows(new double[][] {{3, -4}, {3, 0}, {-1, 2}, {3, 6}});
    private static final Matrix BATCH2 = Matrix.fromRows(new double[][] {{0, 1}, {4, 1}, {2, 7}, {2, 7}});
    private static final Matrix GAMMA = Matrix.rowVector(2, 3);
    private static final Matrix BETA = Matrix.rowVector(1, -1);
    private static final double TOL = 1e-14;

    private static BatchNorm layer(BatchNorm.RunningStats convention, BatchNorm.Engine engine) {
        return new BatchNorm(2, 1e-5, convention.defaultMomentum(), engine, convention);
    }

    @ParameterizedTest
    @EnumSource(BatchNorm.Engine.class)
    void classic_stays_the_default_m_on_the_old_value_biased_variance_from_0_and_1(BatchNorm.Engine engine) {
        BatchNorm layer = new BatchNorm(2, 1e-5, 0.9, engine);
        assertEquals(BatchNorm.RunningStats.CLASSIC, layer.convention());
        assertEquals(BatchNorm.RunningStats.CLASSIC, new BatchNorm(2).convention());
        layer.train(BATCH1, GAMMA, BETA);
        // 0.9 · (0, 0) + 0.1 · (2, 1);  0.9 · (1, 1) + 0.1 · (3, 13)
        assertArrayEquals(new double[] {0.2, 0.1}, layer.runningMean().row(0), TOL);
        assertArrayEquals(new double[] {1.2, 2.2}, layer.runningVar().row(0), TOL);
        layer.train(BATCH2, GAMMA, BETA);
        // 0.9 · (0.2, 0.1) + 0.1 · (2, 4);  0.9 · (1.2, 2.2) + 0.1 · (2, 9)
        assertArrayEquals(new double[] {0.38, 0.49}, layer.runningMean().row(0), TOL);
        assertArrayEquals(new double[] {1.28, 2.88}, layer.runningVar().row(0), TOL);
    }

    @ParameterizedTest
    @EnumSource(BatchNorm.Engine.class)
    void pytorch_puts_m_on_the_new_batch_and_keeps_the_unbiased_variance(BatchNorm.Engine engine) {
        BatchNorm layer = layer(BatchNorm.RunningStats.PYTORCH, engine);
        assertEquals(0.1, layer.momentum());
        layer.train(BATCH1, GAMMA, BETA);
        // 0.9 · (0, 0) + 0.1 · (2, 1);  0.9 · (1, 1) + 0.1 · (4, 52/3)
        assertArrayEquals(new double[] {0.2, 0.1}, layer.runningMean().row(0), TOL);
        assertArrayEquals(new double[] {1.3, 0.9 + 5.2 / 3}, layer.runningVar().row(0), TOL);
        layer.train(BATCH1, GAMMA, BETA);
        // 0.9 · (0.2, 0.1) + 0.1 · (2, 1);  0.9 · (1.3, 79/30) + 0.1 · (4, 52/3) = (1.57, 1231/300)
        assertArrayEquals(new double[] {0.38, 0.19}, layer.runningMean().row(0), TOL);
        assertArrayEquals(new double[] {1.57, 1231.0 / 300}, layer.runningVar().row(0), TOL);
    }

    @ParameterizedTest
    @EnumSource(BatchNorm.Engine.class)
    void first_batch_starts_from_the_first_batch_then_puts_m_on_the_old_value(BatchNorm.Engine engine) {
        BatchNorm layer = layer(BatchNorm.RunningStats.FIRST_BATCH, engine);
        assertEquals(0.9, layer.momentum());
        assertArrayEquals(new double[] {0, 0}, layer.runningMean().row(0));
        assertArrayEquals(new double[] {1, 1}, layer.runningVar().row(0));
        layer.train(BATCH1, GAMMA, BETA);
        assertArrayEquals(new double[] {2, 1}, layer.runningMean().row(0), TOL);
        assertArrayEquals(new double[] {3, 13}, layer.runningVar().row(0), TOL, "biased variance of batch 1");
        layer.train(BATCH2, GAMMA, BETA);
        // 0.9 · (2, 1) + 0.1 · (2, 4);  0.9 · (3, 13) + 0.1 · (2, 9)
        assertArrayEquals(new double[] {2, 1.3}, layer.runningMean().row(0), TOL);
        assertArrayEquals(new double[] {2.9, 12.6}, layer.runningVar().row(0), TOL);
    }

    /** The examples can fail: the same momentum read the other way gives other numbers. */
    @Test
    void the_conventions_give_different_numbers_for_the_same_momentum() {
        BatchNorm classic = new BatchNorm(2, 1e-5, 0.5, BatchNorm.Engine.STAGED, BatchNorm.RunningStats.CLASSIC);
        BatchNorm pytorch = new BatchNorm(2, 1e-5, 0.5, BatchNorm.Engine.STAGED, BatchNorm.RunningStats.PYTORCH);
        classic.train(BATCH1, GAMMA, BETA);
        pytorch.train(BATCH1, GAMMA, BETA);
        assertArrayEquals(classic.runningMean().row(0), pytorch.runningMean().row(0), TOL, "m = 0.5 is symmetric for the mean");
        assertArrayEquals(new double[] {2, 7}, classic.runningVar().row(0), TOL);
        assertArrayEquals(new double[] {2.5, 0.5 + 26.0 / 3}, pytorch.runningVar().row(0), TOL, "unbiased");
    }

    @ParameterizedTest
    @EnumSource(BatchNorm.Engine.class)
    void pytorch_refuses_a_batch_of_one_row_and_changes_nothing(BatchNorm.Engine engine) {
        BatchNorm layer = layer(BatchNorm.RunningStats.PYTORCH, engine);
        layer.train(BATCH1, GAMMA, BETA);
        Matrix before = layer.runningVar();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> layer.train(Matrix.rowVector(1, 2), GAMMA, BETA));
        assertEquals("x", e.field());
        assertTrue(e.getMessage().contains("N ≥ 2") && e.getMessage().contains("N − 1 = 0")
                && e.getMessage().contains("1×2"), e.getMessage());
        assertEquals(before, layer.runningVar());
    }

    @ParameterizedTest
    @EnumSource(value = BatchNorm.RunningStats.class, names = {"CLASSIC", "FIRST_BATCH"})
    void the_biased_conventions_take_a_batch_of_one_row_without_nan(BatchNorm.RunningStats convention) {
        BatchNorm layer = layer(convention, BatchNorm.Engine.STAGED);
        layer.train(Matrix.rowVector(1, 2), GAMMA, BETA);
        assertTrue(layer.runningVar().allFinite() && layer.runningMean().allFinite());
    }

    @Test
    void inference_uses_the_running_statistics_of_the_convention() {
        // m = 1 keeps only the last batch: PyTorch's running var is then the unbiased (4, 52/3)
        BatchNorm layer = new BatchNorm(2, 5, 1, BatchNorm.Engine.FUSED, BatchNorm.RunningStats.PYTORCH);
        layer.train(BATCH1, GAMMA, BETA);
        // var + eps = (9, 52/3 + 5 = 67/3); x = mean + (3, 0): out = gamma · 3/3 + beta for column 0
        Matrix out = layer.infer(Matrix.rowVector(5, 1), GAMMA, BETA);
        assertArrayEquals(new double[] {2 * 1.0 + 1, -1}, out.row(0), TOL);
    }
}
