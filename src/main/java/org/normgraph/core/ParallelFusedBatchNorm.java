package org.normgraph.core;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * The fused forward+backward on several threads, for large inputs. Batch norm's columns are
 * independent, so each thread takes a contiguous range of columns and runs forward and
 * backward for it with no synchronisation in between. The caller's thread runs the first
 * range; {@code threads − 1} pool threads run the others. Small inputs run on the caller's
 * thread alone: handing work to another thread costs more than the work.
 *
 * <p>Threads may share one instance: their calls share the pool. After {@link #close()} every
 * call is refused with an {@link IllegalStateException}, whatever its size (not only those
 * that would have reached the stopped pool). A call under way when another thread closes the
 * instance either completes or ends with that exception, its outputs then partly written;
 * it never waits for work the stopped pool dropped.
 */
public final class ParallelFusedBatchNorm implements AutoCloseable {

    /** Below this many elements per thread, fewer threads are used. */
    public static final int DEFAULT_MIN_ELEMENTS_PER_THREAD = 1 << 15;

    private final int threads;
    private final int minElementsPerThread;
    private final ExecutorService pool;
    private volatile boolean closed;

    public ParallelFusedBatchNorm(int threads) {
        this(threads, DEFAULT_MIN_ELEMENTS_PER_THREAD);
    }

    public ParallelFusedBatchNorm(int threads, int minElementsPerThread) {
        this.minElementsPerThread = Math.max(1, minElementsPerThread);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "fused-batchnorm");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Same contract, checks and bits as {@link FusedBatchNorm#forwardBackward}; refused once
     * closed.
     */
    public void forwardBackward(int n, int d, double[] x, double[] gamma, double[] beta,
                                double[] dout, double eps, double[] out, double[] dx,
                                double[] dgamma, double[] dbeta, double[] mean, double[] var,
                                double[] ivar) {
        if (closed) {
            throw closedError(null);
        }
        // checked here, on the caller's thread: a pool thread's refusal would arrive wrapped
        FusedBatchNorm.checkForwardBackward(n, d, 0, d, x, gamma, beta, dout, eps, out, dx, dgamma, dbeta,
                mean, var, ivar);
        long byWork = Math.max(1, (long) n * d / minElementsPerThread);
        int parts = (int) Math.min(Math.min(threads, d), byWork);
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int j0 = d * p / parts;
            int j1 = d * (p + 1) / parts;
            try {
                futures[p - 1] = pool.submit(() -> range(n, d, j0, j1, x, gamma, beta, dout, eps, out, dx,
                        dgamma, dbeta, mean, var, ivar));
            } catch (RejectedExecutionException e) { // closed since the check above
                for (int q = 1; q < p; q++) {
                    futures[q - 1].cancel(false);
                }
                throw closedError(e);
            }
        }
        range(n, d, 0, d / parts, x, gamma, beta, dout, eps, out, dx, dgamma, dbeta, mean, var, ivar);
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) { // close() dropped a range before a pool thread took it
            throw closedError(e);
        }
    }

    private static IllegalStateException closedError(Exception cause) {
        return new IllegalStateException("this ParallelFusedBatchNorm is closed", cause);
    }

    private static void range(int n, int d, int j0, int j1, double[] x, double[] gamma, double[] beta,
                              double[] dout, double eps, double[] out, double[] dx, double[] dgamma,
                              double[] dbeta, double[] mean, double[] var, double[] ivar) {
        FusedBatchNorm.columns(n, d, j0, j1, x, gamma, beta, dout, eps, out, dx, dgamma, dbeta,
                mean, var, ivar);
    }

    @Override
    public void close() {
        closed = true;
        if (pool != null) {
            // ranges still queued will never run: cancel them, so that their callers stop waiting
            for (Runnable dropped : pool.shutdownNow()) {
                if (dropped instanceof Future<?> f) {
                    f.cancel(false);
                }
            }
        }
    }
}
