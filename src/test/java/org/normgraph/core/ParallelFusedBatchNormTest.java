package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
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

    @Test
    void a_closed_instance_refuses_every_call() {
        ParallelFusedBatchNorm parallel = new ParallelFusedBatchNorm(2, 1);
        parallel.close();
        double[][] b = buffers(2, 1);
        assertThrows(IllegalStateException.class, () -> parallel.forwardBackward(2, 1, new double[] {1, 2},
                new double[] {1}, new double[] {0}, new double[] {1, 1}, 1e-5, b[0], b[1], b[2], b[3], b[4], b[5], b[6]));
    }

    /**
     * Three threads share one instance (one pool thread, so their ranges queue) and another
     * closes it while they run: every caller returns, with a result or the closed refusal.
     * Before, a caller whose range the stopped pool dropped waited for it forever.
     */
    @Test
    void callers_sharing_an_instance_all_return_when_it_is_closed() throws InterruptedException {
        int n = 200;
        int d = 256;
        Random rng = new Random(5);
        double[] x = gaussian(rng, n * d, 1, 0);
        double[] dout = gaussian(rng, n * d, 1, 0);
        double[] gamma = gaussian(rng, d, 1, 1);
        double[] beta = gaussian(rng, d, 1, 0);
        ParallelFusedBatchNorm parallel = new ParallelFusedBatchNorm(2, 1);
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        CountDownLatch running = new CountDownLatch(3);
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread caller = new Thread(() -> {
                double[][] b = buffers(n, d);
                running.countDown();
                try {
                    while (true) {
                        parallel.forwardBackward(n, d, x, gamma, beta, dout, 1e-5, b[0], b[1], b[2], b[3], b[4], b[5], b[6]);
                    }
                } catch (IllegalStateException closed) {
                    if (!closed.getMessage().contains("closed")) {
                        unexpected.add(closed);
                    }
                } catch (Throwable other) {
                    unexpected.add(other);
                }
            });
            caller.setDaemon(true);
            caller.start();
            callers.add(caller);
        }
        running.await();
        Thread.sleep(100);
        parallel.close();
        for (Thread caller : callers) {
            caller.join(20_000);
            assertFalse(caller.isAlive(), "a caller still waits after close()");
        }
        assertTrue(unexpected.isEmpty(), unexpected.toString());
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
