package org.normgraph.core.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.normgraph.core.BatchNorm;
import org.normgraph.core.InvalidInputException;
import org.normgraph.core.Matrix;

class RunningStatsRunTest {

    private static final Matrix MEAN = Matrix.rowVector(2, -1, 10);
    private static final Matrix STD = Matrix.rowVector(1, 0.5, 3);

    @ParameterizedTest
    @EnumSource(BatchNorm.RunningStats.class)
    void records_one_entry_per_batch_ending_at_the_layers_running_statistics(BatchNorm.RunningStats c) {
        RunningStatsRun r = RunningStatsRun.population(MEAN, STD, 8, 25, c, c.defaultMomentum(), 7);
        assertEquals(25, r.batches());
        assertEquals(25, r.vars().size());
        assertEquals(r.layer().runningMean(), r.means().get(24));
        assertEquals(r.layer().runningVar(), r.vars().get(24));
    }

    @ParameterizedTest
    @EnumSource(BatchNorm.RunningStats.class)
    void running_statistics_converge_to_where_the_convention_says(BatchNorm.RunningStats c) {
        int n = 16;
        RunningStatsRun r = RunningStatsRun.population(MEAN, STD, n, 400, c, c.defaultMomentum(), 11);
        // average the last 200 entries: the running values fluctuate around their limit
        for (int j = 0; j < 3; j++) {
            double m = 0;
            double v = 0;
            for (int k = 200; k < 400; k++) {
                m += r.means().get(k).get(0, j) / 200;
                v += r.vars().get(k).get(0, j) / 200;
            }
            double sigma2 = STD.get(0, j) * STD.get(0, j);
            assertEquals(MEAN.get(0, j), m, 0.1 * STD.get(0, j), "mean " + j);
            double expected = c == BatchNorm.RunningStats.PYTORCH ? sigma2 : sigma2 * (n - 1) / n;
            assertEquals(expected, r.expectedVar().get(0, j), 1e-12);
            assertEquals(expected, v, 0.06 * sigma2, c + " var " + j);
        }
        // and the first entry is far from it for the conventions that start at 0 and 1
        if (c != BatchNorm.RunningStats.FIRST_BATCH) {
            assertTrue(Math.abs(r.means().get(0).get(0, 2) - 10) > 5);
        }
    }

    @Test
    void first_batch_starts_at_the_first_batch_and_classic_weighs_the_old_value() {
        RunningStatsRun first = RunningStatsRun.population(MEAN, STD, 4, 1, BatchNorm.RunningStats.FIRST_BATCH, 0.9, 3);
        RunningStatsRun classic = RunningStatsRun.population(MEAN, STD, 4, 1, BatchNorm.RunningStats.CLASSIC, 0.9, 3);
        // same seed, same first batch: classic = 0.9·0 + 0.1·batch mean
        for (int j = 0; j < 3; j++) {
            assertEquals(0.1 * first.means().get(0).get(0, j), classic.means().get(0).get(0, j), 1e-12);
            assertEquals(0.9 + 0.1 * first.vars().get(0).get(0, j), classic.vars().get(0).get(0, j), 1e-12);
        }
    }

    @Test
    void jittered_copies_of_x_settle_at_xs_statistics_plus_the_jitter() {
        Matrix x = Matrix.fromRows(new double[][] {{1, 2}, {3, 4}, {5, 0}, {7, 2}});
        RunningStatsRun r = RunningStatsRun.jittered(x, 0.1, 300, BatchNorm.RunningStats.CLASSIC, 0.9, 5);
        assertEquals(4, r.populationMean().get(0, 0), 1e-12);
        assertEquals(2, r.populationMean().get(0, 1), 1e-12);
        assertEquals(5 + 0.01 * 3 / 4, r.expectedVar().get(0, 0), 1e-12); // biased var of 1,3,5,7 is 5
        assertEquals(4, r.means().get(299).get(0, 0), 0.1);
        assertEquals(5, r.vars().get(299).get(0, 0), 0.3);
    }

    @Test
    void refuses_what_cannot_run() {
        assertThrows(InvalidInputException.class, () -> RunningStatsRun.population(MEAN, STD, 1, 5,
                BatchNorm.RunningStats.PYTORCH, 0.1, 1));
        assertThrows(InvalidInputException.class, () -> RunningStatsRun.population(MEAN, Matrix.rowVector(1, -1, 1), 4, 5,
                BatchNorm.RunningStats.CLASSIC, 0.9, 1));
        assertThrows(InvalidInputException.class, () -> RunningStatsRun.population(MEAN, STD, 4, 0,
                BatchNorm.RunningStats.CLASSIC, 0.9, 1));
    }

    @ParameterizedTest
    @EnumSource(BatchNorm.RunningStats.class)
    void images_keep_one_statistic_per_channel_over_n_h_w(BatchNorm.RunningStats c) {
        int n = 2;
        int pixels = 4; // H·W: M = N·H·W = 8 values per channel in each batch
        Matrix mean = Matrix.rowVector(2, -1);
        Matrix std = Matrix.rowVector(1, 0.5);
        RunningStatsRun r = RunningStatsRun.population(mean, std, n, pixels, 400, c, c.defaultMomentum(), 13);
        assertEquals(1, r.layer().runningMean().rows());
        assertEquals(2, r.layer().runningMean().cols(), "one running mean per channel, not per (c,h,w)");
        assertEquals(n, r.rows());
        for (int j = 0; j < 2; j++) {
            double sigma2 = std.get(0, j) * std.get(0, j);
            double expected = c == BatchNorm.RunningStats.PYTORCH ? sigma2 : sigma2 * 7 / 8;
            assertEquals(expected, r.expectedVar().get(0, j), 1e-12);
            double m = 0;
            double v = 0;
            for (int k = 200; k < 400; k++) {
                m += r.means().get(k).get(0, j) / 200;
                v += r.vars().get(k).get(0, j) / 200;
            }
            assertEquals(mean.get(0, j), m, 0.1 * std.get(0, j), "mean " + j);
            assertEquals(expected, v, 0.08 * sigma2, c + " var " + j);
        }
    }

    @Test
    void one_image_is_enough_for_pytorch_when_it_has_more_than_one_pixel() {
        RunningStatsRun r = RunningStatsRun.population(Matrix.rowVector(0), Matrix.rowVector(1), 1, 4, 3,
                BatchNorm.RunningStats.PYTORCH, 0.1, 2);
        assertEquals(3, r.batches());
        assertThrows(InvalidInputException.class, () -> RunningStatsRun.population(Matrix.rowVector(0),
                Matrix.rowVector(1), 1, 1, 3, BatchNorm.RunningStats.PYTORCH, 0.1, 2));
    }

    @Test
    void jittered_images_settle_at_each_channels_statistics_over_n_h_w() {
        // 2 images of C = 2 channels with H·W = 2: channel 0 holds 1, 3 | 5, 7; channel 1 holds 2, 2 | 4, 0
        Matrix x = Matrix.fromRows(new double[][] {{1, 3, 2, 2}, {5, 7, 4, 0}});
        RunningStatsRun r = RunningStatsRun.jittered(x, 2, 0.1, 300, BatchNorm.RunningStats.CLASSIC, 0.9, 5);
        assertEquals(2, r.populationMean().cols());
        assertEquals(4, r.populationMean().get(0, 0), 1e-12);
        assertEquals(2, r.populationMean().get(0, 1), 1e-12);
        assertEquals(5 + 0.01, r.populationVar().get(0, 0), 1e-12); // biased var of 1, 3, 5, 7 is 5
        assertEquals(2 + 0.01 * 3 / 4, r.expectedVar().get(0, 1), 1e-12); // of 2, 2, 4, 0 it is 2
        assertEquals(4, r.means().get(299).get(0, 0), 0.1);
        assertEquals(5, r.vars().get(299).get(0, 0), 0.3);
    }

    @Test
    void pixels_as_rows_puts_every_pixel_of_a_channel_in_its_column() {
        Matrix x = Matrix.fromRows(new double[][] {{1, 2, 3, 4, 5, 6}, {7, 8, 9, 10, 11, 12}});
        Matrix rows = RunningStatsRun.pixelsAsRows(x, 3); // C = 2 channels of H·W = 3
        assertEquals(Matrix.fromRows(new double[][] {{1, 4}, {2, 5}, {3, 6}, {7, 10}, {8, 11}, {9, 12}}), rows);
        assertEquals(x, RunningStatsRun.pixelsAsRows(x, 1));
    }
}
