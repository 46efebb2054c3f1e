package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParallelFusedBatchNormTest {

    @ParameterizedTest(name = "{0}×{1} on {2} threads")
    @CsvSource({"1,1,2", "5,3,2", "16,7,3", "33,64,2", "4,2,4", "13,3000,2", "7,20000,3"})
    void column_ranges_on_threads_give_the_same_bits_as_one_thread(int n, int d, int threads) {
        Random rng = new Random(n * 31L + d);
        double[] x = gaussian(rng, n * d, 3, 1.5);
        double[] dout = gaussian(rng, n * d, 1, 0);
        double[] gamma = gaussian(rng, d, 1, 0);
        double[] beta = gaussian(rng, d, 1, 0);
        double[][] one = buffers(n, d);
        double[][] many = buffers(n, d);
        FusedBatchNorm.forwardBackward(n, d, x, gamma, beta, dout, 1e-5, one[0], one[1], one[2], one[3],
                one[4], one[5], one[6]);
        try (ParallelFusedBatchNorm parallel = new ParallelFusedBatchNorm(threads, 1)) {
            parallel.forwardBackward(n, d, x, gamma, beta, dout, 1e-5, many[0], many[1], many[2], many[3],
                    many[4], many[5], many[6]);
        }
        for (int k = 0; k < one.length; k++) {
            assertArrayEquals(one[k], many[k], 0.0, "buffer " + k);
        }
    }

    /** out, dx, dgamma, dbeta, mean, var, ivar. */
    private static double[][] buffers(int n, int d) {
        return new double[][] {new double[n * d], new double[n * d], new double[d], new double[d],
            new double[d], new double[d], new double[d]};
    }

    private static double[] gaussian(Random rng, int size, double scale, double offset) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = rng.nextGaussian() * scale + offset;
        }
        return v;
    }
}
