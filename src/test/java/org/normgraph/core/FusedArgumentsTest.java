package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fused engine's array API checks its arguments at entry, naming the argument: a wrong
 * eps, size or buffer gave NaN silently or an ArrayIndexOutOfBoundsException from the loop.
 */
class FusedArgumentsTest {

    private static final int N = 3;
    private static final int D = 2;

    /** x, gamma, beta, dout, out, dx, dgamma, dbeta, mean, var, ivar. */
    private static final String[] NAMES = {"x", "gamma", "beta", "dout", "out", "dx", "dgamma", "dbeta", "mean",
        "var", "ivar"};

    private static double[][] buffers() {
        double[][] b = new double[NAMES.length][];
        for (int k = 0; k < b.length; k++) {
            b[k] = new double[k == 0 || k == 3 || k == 4 || k == 5 ? N * D : D];
        }
        b[0] = new double[] {1, 2, 3, 5, 8, 13};
        Arrays.fill(b[1], 1.0);
        return b;
    }

    private static void fused(int n, int d, double eps, double[][] b) {
        FusedBatchNorm.forwardBackward(n, d, b[0], b[1], b[2], b[3], eps, b[4], b[5], b[6], b[7], b[8], b[9], b[10]);
    }

    private static void parallel(ParallelFusedBatchNorm p, int n, int d, double eps, double[][] b) {
        p.forwardBackward(n, d, b[0], b[1], b[2], b[3], eps, b[4], b[5], b[6], b[7], b[8], b[9], b[10]);
    }

    @ParameterizedTest(name = "eps {0}")
    @CsvSource({"0", "-1e-5", "NaN", "Infinity"})
    void an_eps_that_is_not_finite_and_positive_is_refused(double eps) {
        expect(() -> fused(N, D, eps, buffers()), "eps", String.valueOf(eps));
        try (ParallelFusedBatchNorm p = new ParallelFusedBatchNorm(2, 1)) {
            expect(() -> parallel(p, N, D, eps, buffers()), "eps", String.valueOf(eps));
        }
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"0,2", "-1,2", "3,0", "3,-2"})
    void an_empty_or_negative_size_is_refused(int n, int d) {
        expect(() -> fused(n, d, 1e-5, buffers()), n < 1 ? "n: " : "d: ", "got " + (n < 1 ? n : d));
    }

    @Test
    void every_short_buffer_is_refused_by_name_before_anything_is_written() {
        for (int k = 0; k < NAMES.length; k++) {
            double[][] b = buffers();
            b[k] = new double[b[k].length - 1];
            double[] outBefore = b[4].clone();
            String length = (k == 0 || k == 3 || k == 4 || k == 5 ? "3×2 = 6" : "2");
            expect(() -> fused(N, D, 1e-5, b), NAMES[k], length, String.valueOf(b[k].length));
            assertTrue(Arrays.equals(outBefore, b[4]), NAMES[k] + ": out was written");
            try (ParallelFusedBatchNorm p = new ParallelFusedBatchNorm(2, 1)) {
                expect(() -> parallel(p, N, D, 1e-5, b), NAMES[k]);
            }
        }
    }

    /** Each output given the array of each other argument of the same length: refused by name, nothing written. */
    @Test
    void an_output_that_shares_an_array_with_another_argument_is_refused() {
        for (int k = 4; k < NAMES.length; k++) {
            for (int other = 0; other < NAMES.length; other++) {
                double[][] b = buffers();
                if (other == k || b[other].length != b[k].length) {
                    continue;
                }
                b[k] = b[other];
                double[][] before = Arrays.stream(b).map(double[]::clone).toArray(double[][]::new);
                String named = NAMES[other >= 4 ? Math.min(k, other) : k]; // of two outputs, the first is named
                expect(() -> fused(N, D, 1e-5, b), named + ": the same array as another argument");
                for (int i = 0; i < b.length; i++) {
                    assertTrue(Arrays.equals(before[i], b[i]), NAMES[i] + " was written");
                }
            }
        }
        double[] x = buffers()[0];
        double[][] forward = buffers();
        expect(() -> FusedBatchNorm.forward(N, D, x, forward[1], forward[2], 1e-5, x, forward[8], forward[9],
                forward[10]), "out: the same array");
        double[][] b = buffers();
        expect(() -> FusedBatchNorm.backward(N, D, b[0], b[1], b[3], b[8], b[10], b[5], b[1], b[7]),
                "dgamma: the same array");
    }

    @Test
    void a_missing_buffer_is_refused_by_name() {
        double[][] b = buffers();
        b[9] = null;
        expect(() -> fused(N, D, 1e-5, b), "var");
    }

    @Test
    void longer_buffers_are_accepted_and_only_their_start_is_used() {
        double[][] b = buffers();
        for (int k = 0; k < b.length; k++) {
            b[k] = Arrays.copyOf(b[k], b[k].length + 3);
        }
        fused(N, D, 1e-5, b);
        assertTrue(b[4][N * D] == 0 && Double.isFinite(b[4][0]));
    }

    @Test
    void a_column_range_outside_the_columns_is_refused() {
        double[][] b = buffers();
        expect(() -> FusedBatchNorm.forwardBackwardColumns(N, D, 1, 3, b[0], b[1], b[2], b[3], 1e-5, b[4], b[5],
                b[6], b[7], b[8], b[9], b[10]), "columns", "[1, 3)");
    }

    @Test
    void a_closed_parallel_engine_refuses_every_input_small_or_large() {
        ParallelFusedBatchNorm p = new ParallelFusedBatchNorm(2);
        p.close();
        double[][] small = buffers();
        assertTrue(assertThrows(IllegalStateException.class, () -> parallel(p, N, D, 1e-5, small))
                .getMessage().contains("closed"));
        int n = 256;
        int d = 256; // over the threshold for a second thread: went to the pool, RejectedExecutionException
        double[][] large = new double[NAMES.length][];
        for (int k = 0; k < large.length; k++) {
            large[k] = new double[k == 0 || k == 3 || k == 4 || k == 5 ? n * d : d];
        }
        assertTrue(assertThrows(IllegalStateException.class, () -> parallel(p, n, d, 1e-5, large))
                .getMessage().contains("closed"));
        ParallelFusedBatchNorm one = new ParallelFusedBatchNorm(1);
        one.close();
        assertThrows(IllegalStateException.class, () -> parallel(one, N, D, 1e-5, buffers()));
    }

    private static void expect(Executable call, String... mentions) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), () -> "'" + m + "' not in: " + e.getMessage());
        }
    }
}
