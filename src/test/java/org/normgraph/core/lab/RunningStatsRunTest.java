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
}
