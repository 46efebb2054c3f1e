package org.normgraph.core;

/**
 * Batch norm forward and backward in a few passes over flat row-major arrays, with the
 * simplified backward
 * {@code dx = (1/N) · gamma · ivar · (N·dout − Σ_rows dout − xhat · Σ_rows(dout ⊙ xhat))}.
 *
 * <p>The array methods write into caller-provided buffers and allocate nothing, so a program
 * can run them in a loop without garbage. {@code xhat} is recomputed from x, mean and ivar
 * instead of being stored: one N×D buffer less to write and read back.
 *
 * <p>{@link #forwardBackward} is the fast path for a training step: two passes over memory
 * instead of five. The first reads x and dout once, a chunk of rows at a time, and gathers
 * every column statistic (mean, variance, Σ dout, Σ dout ⊙ (x − mean)); the second reads them
 * again and writes out and dx. Rows are streamed in order (sequential reads, which the
 * hardware prefetches); a chunk is small enough to stay in cache while it is read twice.
 *
 * <p>Every array method checks its arguments at entry, in a few comparisons that allocate
 * nothing: n, d ≥ 1, eps finite and &gt; 0, a column range inside the columns, and each array
 * present and long enough — n·d values for x, dout, out and dx, d for the column vectors. An
 * array may be longer (a buffer reused for a smaller batch): only its first values are read or
 * written. Each output needs an array of its own, apart from the inputs and the other outputs:
 * dgamma written over gamma, say, would be read back as gamma. A refusal is an
 * {@link IllegalArgumentException} naming the argument, before anything is written.
 */
public final class FusedBatchNorm {

    private FusedBatchNorm() {
    }

    /** What one fused forward+backward returns, as matrices (also {@link SimplifiedNorm}'s, for every kind). */
    public record Result(Matrix out, Matrix dx, Matrix dgamma, Matrix dbeta, Matrix mean,
                         Matrix var) {
    }

    /** Forward + backward on validated input, allocating only the results. */
    public static Result run(BatchNormInput in) {
        int n = in.n();
        int d = in.d();
        double[] out = new double[n * d];
        double[] dx = new double[n * d];
        double[] dgamma = new double[d];
        double[] dbeta = new double[d];
        double[] mean = new double[d];
        double[] var = new double[d];
        double[] ivar = new double[d];
        forwardBackward(n, d, in.x().toArray(), in.gamma().toArray(), in.beta().toArray(),
                in.dout().toArray(), in.eps(), out, dx, dgamma, dbeta, mean, var, ivar);
        return new Result(Matrix.wrap(n, d, out), Matrix.wrap(n, d, dx), Matrix.wrap(1, d, dgamma),
                Matrix.wrap(1, d, dbeta), Matrix.wrap(1, d, mean), Matrix.wrap(1, d, var));
    }

    /** Rows per chunk of the statistics pass are chosen so that one chunk of x and dout is this many values. */
    static final int CHUNK_VALUES = 1 << 14;

    /**
     * One row of x and one of dout, per thread, indexed like the column vectors, and a row of
     * running deviations ({@link #columnStatistics}). The JIT
     * (C2, JDK 17) turns a loop into vector instructions only when the arrays it stores to are
     * indexed like the ones it loads: {@code sum[j] += x[base + j]} stays scalar (x could be
     * sum). So the statistics pass copies each row here first (a vectorized copy) and adds
     * from the copy, which the JIT vectorizes. Allocated once per thread and width: a call
     * allocates nothing.
     */
    private static final ThreadLocal<double[][]> ROW = new ThreadLocal<>();

    private static double[][] rowScratch(int d) {
        double[][] row = ROW.get();
        if (row == null || row[0].length < d) {
            row = new double[3][d];
            ROW.set(row);
        }
        return row;
    }

    /**
     * Training-mode forward and backward in two passes over memory: the same results as
     * {@link #forward} followed by {@link #backward} (up to rounding), and the same buffers.
     */
    public static void forwardBackward(int n, int d, double[] x, double[] gamma, double[] beta,
                                       double[] dout, double eps, double[] out, double[] dx,
                                       double[] dgamma, double[] dbeta, double[] mean, double[] var,
                                       double[] ivar) {
        checkForwardBackward(n, d, 0, d, x, gamma, beta, dout, eps, out, dx, dgamma, dbeta, mean, var, ivar);
        columns(n, d, 0, d, x, gamma, beta, dout, eps, out, dx, dgamma, dbeta, mean, var, ivar);
    }

    /**
     * {@link #forwardBackward} for columns {@code [j0, j1)} only. The chunking depends on d,
     * not on the range, so any split of the columns gives the same bits.
     */
    public static void forwardBackwardColumns(int n, int d, int j0, int j1, double[] x, double[] gamma,
                                              double[] beta, double[] dout, double eps, double[] out,
                                              double[] dx, double[] dgamma, double[] dbeta, double[] mean,
                                              double[] var, double[] ivar) {
        checkForwardBackward(n, d, j0, j1, x, gamma, beta, dout, eps, out, dx, dgamma, dbeta, mean, var, ivar);
        columns(n, d, j0, j1, x, gamma, beta, dout, eps, out, dx, dgamma, dbeta, mean, var, ivar);
    }

    /**
     * The work of {@link #forwardBackwardColumns}, on checked arguments. Kept apart from the
     * checks so that the hot method stays as the JIT compiled it before: with the checks inside,
     * an 8×4 call went from 0.36 to 0.40 µs (p10 of {@code bench}).
     */
    static void columns(int n, int d, int j0, int j1, double[] x, double[] gamma, double[] beta, double[] dout,
                        double eps, double[] out, double[] dx, double[] dgamma, double[] dbeta, double[] mean,
                        double[] var, double[] ivar) {
        double[][] row = rowScratch(d);
        columnStatistics(n, d, j0, j1, x, dout, mean, var, dgamma, dbeta, ivar, row[0], row[1], row[2]);
        double invN = 1.0 / n;
        for (int j = j0; j < j1; j++) {
            var[j] *= invN;
            ivar[j] = 1.0 / Math.sqrt(var[j] + eps);
            dgamma[j] *= ivar[j]; // Σ dout ⊙ (x − mean) · ivar = Σ dout ⊙ xhat
        }
        // written straight to out and dx: copying rows out again measured slower than the scalar loop
        for (int i = 0, base = 0; i < n; i++, base += d) {
            for (int j = j0; j < j1; j++) {
                double xhat = (x[base + j] - mean[j]) * ivar[j];
                out[base + j] = gamma[j] * xhat + beta[j];
                dx[base + j] = invN * gamma[j] * ivar[j]
                        * (n * dout[base + j] - dbeta[j] - xhat * dgamma[j]);
            }
        }
    }

    /** The checks of {@link #forwardBackwardColumns}; also made once by the parallel engine before it splits. */
    static void checkForwardBackward(int n, int d, int j0, int j1, double[] x, double[] gamma, double[] beta,
                                     double[] dout, double eps, double[] out, double[] dx, double[] dgamma,
                                     double[] dbeta, double[] mean, double[] var, double[] ivar) {
        checkForward(n, d, j0, j1, x, gamma, beta, eps, out, mean, var, ivar);
        checkMatrix("dout", dout, n, d);
        checkMatrix("dx", dx, n, d);
        checkVector("dgamma", dgamma, d);
        checkVector("dbeta", dbeta, d);
        ownArray("out", out, x, gamma, beta, dout, dx, dgamma, dbeta, mean, var, ivar);
        ownArray("dx", dx, x, gamma, beta, dout, out, dgamma, dbeta, mean, var, ivar);
        ownArray("dgamma", dgamma, x, gamma, beta, dout, out, dx, dbeta, mean, var, ivar);
        ownArray("dbeta", dbeta, x, gamma, beta, dout, out, dx, dgamma, mean, var, ivar);
        ownArray("mean", mean, x, gamma, beta, dout, out, dx, dgamma, dbeta, var, ivar);
        ownArray("var", var, x, gamma, beta, dout, out, dx, dgamma, dbeta, mean, ivar);
        ownArray("ivar", ivar, x, gamma, beta, dout, out, dx, dgamma, dbeta, mean, var);
    }

    /** The checks of {@link #forwardColumns}. */
    private static void checkForward(int n, int d, int j0, int j1, double[] x, double[] gamma, double[] beta,
                                     double eps, double[] out, double[] mean, double[] var, double[] ivar) {
        checkSize(n, d, j0, j1);
        BatchNormInput.requireEps(eps);
        checkMatrix("x", x, n, d);
        checkVector("gamma", gamma, d);
        checkVector("beta", beta, d);
        checkMatrix("out", out, n, d);
        checkVector("mean", mean, d);
        checkVector("var", var, d);
        checkVector("ivar", ivar, d);
        ownArray("out", out, x, gamma, beta, mean, var, ivar, null, null, null, null);
        ownArray("mean", mean, x, gamma, beta, out, var, ivar, null, null, null, null);
        ownArray("var", var, x, gamma, beta, out, mean, ivar, null, null, null, null);
        ownArray("ivar", ivar, x, gamma, beta, out, mean, var, null, null, null, null);
    }

    private static void checkSize(int n, int d, int j0, int j1) {
        if (n < 1) {
            throw new IllegalArgumentException("n: expected N ≥ 1 rows, got " + n);
        }
        if (d < 1) {
            throw new IllegalArgumentException("d: expected D ≥ 1 columns, got " + d);
        }
        if (j0 < 0 || j0 > j1 || j1 > d) {
            throw new IllegalArgumentException("columns: [" + j0 + ", " + j1 + ") is not a range of the " + d
                    + " columns");
        }
    }

    /** An N×D argument: at least n·d values (computed in long, so that a large n·d cannot wrap). */
    private static void checkMatrix(String name, double[] a, int n, int d) {
        if (a == null || a.length < (long) n * d) {
            throw tooShort(name, a, "n·d = " + n + "×" + d + " = " + (long) n * d);
        }
    }

    /** A column vector: at least d values. */
    private static void checkVector(String name, double[] a, int d) {
        if (a == null || a.length < d) {
            throw tooShort(name, a, "d = " + d);
        }
    }

    /**
     * Refuses output {@code name} when its array is one of the other arguments (null: none).
     * Ten of them at most, as plain parameters: an array of them would be allocated per call.
     */
    private static void ownArray(String name, double[] a, double[] o1, double[] o2, double[] o3, double[] o4,
                                 double[] o5, double[] o6, double[] o7, double[] o8, double[] o9, double[] o10) {
        if (a == o1 || a == o2 || a == o3 || a == o4 || a == o5 || a == o6 || a == o7 || a == o8 || a == o9
                || a == o10) {
            throw new IllegalArgumentException(name + ": the same array as another argument;"
                    + " each output needs an array of its own");
        }
    }

    /** Kept out of the checks, so that they stay small enough to be inlined into every call. */
    private static IllegalArgumentException tooShort(String name, double[] a, String needs) {
        return new IllegalArgumentException(name + ": needs " + needs + " values, got "
                + (a == null ? "null" : String.valueOf(a.length)));
    }

    /**
     * One pass over x and dout, a chunk of rows at a time: leaves the mean in {@code mean},
     * Σ (x − mean)² in {@code m2}, Σ dout ⊙ (x − mean) in {@code comoment} and Σ dout in
     * {@code sumDout}; {@code chunkSum}, {@code xs}, {@code gs} and {@code dev} are scratch.
     *
     * <p>Stable for large offsets: each chunk first finds its own mean (a read of x that stays
     * in cache), the running mean moves to include it, the sums gathered so far are moved to
     * the new mean exactly (Σ_old (x − m')² = Σ_old (x − m)² + n_old (m − m')², and
     * Σ_old dout (x − m') = Σ_old dout (x − m) + (m − m') Σ_old dout), and then the chunk adds
     * its deviations from that mean. No sum of raw x² is ever formed, so nothing cancels.
     *
     * <p>A stored mean is rounded (to 1.5e-8 at 1e8), so the old deviations do not sum to 0:
     * {@code dev} keeps Σ_old (x − m), which moves the mean to the exact one of all rows so far
     * and adds the cross term 2 (m − m') Σ_old (x − m) to the squares. Sums are of x − m (m: at
     * first the first row), never of raw x: for x = 1e8 + noise of 0.1 over 9000 rows, raw sums
     * and the dropped cross term left the variance 2.9e-9 off; now 3e-14 (FusedTwoPassTest).
     */
    private static void columnStatistics(int n, int d, int j0, int j1, double[] x, double[] dout,
                                         double[] mean, double[] m2, double[] comoment,
                                         double[] sumDout, double[] chunkSum, double[] xs, double[] gs,
                                         double[] dev) {
        System.arraycopy(x, j0, mean, j0, j1 - j0); // the first row: a reference near the mean
        java.util.Arrays.fill(m2, j0, j1, 0.0);
        java.util.Arrays.fill(comoment, j0, j1, 0.0);
        java.util.Arrays.fill(sumDout, j0, j1, 0.0);
        java.util.Arrays.fill(dev, j0, j1, 0.0);
        int w = j1 - j0;
        int chunkRows = Math.max(1, CHUNK_VALUES / d);
        for (int r0 = 0; r0 < n; r0 += chunkRows) {
            int r1 = Math.min(n, r0 + chunkRows);
            java.util.Arrays.fill(chunkSum, j0, j1, 0.0);
            for (int i = r0, base = r0 * d; i < r1; i++, base += d) {
                System.arraycopy(x, base + j0, xs, j0, w);
                for (int j = j0; j < j1; j++) {
                    chunkSum[j] += xs[j] - mean[j];
                }
            }
            double seen = r0;
            double invAll = 1.0 / r1;
            for (int j = j0; j < j1; j++) {
                double moved = mean[j] + (dev[j] + chunkSum[j]) * invAll;
                double shift = mean[j] - moved;
                m2[j] += shift * (2 * dev[j] + seen * shift);
                comoment[j] += shift * sumDout[j];
                dev[j] += seen * shift; // Σ_old (x − moved)
                mean[j] = moved;
            }
            for (int i = r0, base = r0 * d; i < r1; i++, base += d) {
                System.arraycopy(x, base + j0, xs, j0, w);
                System.arraycopy(dout, base + j0, gs, j0, w);
                for (int j = j0; j < j1; j++) {
                    double c = xs[j] - mean[j];
                    double g = gs[j];
                    m2[j] += c * c;
                    comoment[j] += g * c;
                    sumDout[j] += g;
                    dev[j] += c;
                }
            }
        }
    }

    /**
     * Training-mode forward: batch mean and biased variance (two passes, so large offsets
     * do not cancel), then {@code out = gamma · (x − mean) · ivar + beta}.
     *
     * @param mean receives the batch mean (length d)
     * @param var  receives the biased batch variance (length d)
     * @param ivar receives {@code 1/√(var + eps)} (length d), needed by {@link #backward}
     */
    public static void forward(int n, int d, double[] x, double[] gamma, double[] beta, double eps,
                               double[] out, double[] mean, double[] var, double[] ivar) {
        forwardColumns(n, d, 0, d, x, gamma, beta, eps, out, mean, var, ivar);
    }

    /**
     * {@link #forward} for columns {@code [j0, j1)} only: columns are independent in batch
     * norm, so disjoint column ranges can run on different threads.
     */
    public static void forwardColumns(int n, int d, int j0, int j1, double[] x, double[] gamma,
                                      double[] beta, double eps, double[] out, double[] mean,
                                      double[] var, double[] ivar) {
        checkForward(n, d, j0, j1, x, gamma, beta, eps, out, mean, var, ivar);
        java.util.Arrays.fill(mean, j0, j1, 0.0);
        java.util.Arrays.fill(var, j0, j1, 0.0);
        for (int i = 0, base = 0; i < n; i++, base += d) {
            for (int j = j0; j < j1; j++) {
                mean[j] += x[base + j];
            }
        }
        double invN = 1.0 / n;
        for (int j = j0; j < j1; j++) {
            mean[j] *= invN;
        }
        for (int i = 0, base = 0; i < n; i++, base += d) {
            for (int j = j0; j < j1; j++) {
                double c = x[base + j] - mean[j];
                var[j] += c * c;
            }
        }
        for (int j = j0; j < j1; j++) {
            var[j] *= invN;
            ivar[j] = 1.0 / Math.sqrt(var[j] + eps);
        }
        normalizeColumns(n, d, j0, j1, x, mean, ivar, gamma, beta, out);
    }

    /** {@code out = gamma · (x − mean) · ivar + beta}: the last forward pass, also used for inference. */
    public static void normalize(int n, int d, double[] x, double[] mean, double[] ivar,
                                 double[] gamma, double[] beta, double[] out) {
        checkSize(n, d, 0, d);
        checkMatrix("x", x, n, d);
        checkVector("mean", mean, d);
        checkVector("ivar", ivar, d);
        checkVector("gamma", gamma, d);
        checkVector("beta", beta, d);
        checkMatrix("out", out, n, d);
        ownArray("out", out, x, mean, ivar, gamma, beta, null, null, null, null, null);
        normalizeColumns(n, d, 0, d, x, mean, ivar, gamma, beta, out);
    }

    private static void normalizeColumns(int n, int d, int j0, int j1, double[] x, double[] mean,
                                         double[] ivar, double[] gamma, double[] beta, double[] out) {
        for (int i = 0, base = 0; i < n; i++, base += d) {
            for (int j = j0; j < j1; j++) {
                out[base + j] = gamma[j] * ((x[base + j] - mean[j]) * ivar[j]) + beta[j];
            }
        }
    }

    /**
     * Training-mode backward from the forward's mean and ivar: two passes, one for the two
     * column sums (dbeta, dgamma) and one to write dx.
     */
    public static void backward(int n, int d, double[] x, double[] gamma, double[] dout,
                                double[] mean, double[] ivar,
                                double[] dx, double[] dgamma, double[] dbeta) {
        backwardColumns(n, d, 0, d, x, gamma, dout, mean, ivar, dx, dgamma, dbeta);
    }

    /** {@link #backward} for columns {@code [j0, j1)} only. */
    public static void backwardColumns(int n, int d, int j0, int j1, double[] x, double[] gamma,
                                       double[] dout, double[] mean, double[] ivar,
                                       double[] dx, double[] dgamma, double[] dbeta) {
        checkSize(n, d, j0, j1);
        checkMatrix("x", x, n, d);
        checkVector("gamma", gamma, d);
        checkMatrix("dout", dout, n, d);
        checkVector("mean", mean, d);
        checkVector("ivar", ivar, d);
        checkMatrix("dx", dx, n, d);
        checkVector("dgamma", dgamma, d);
        checkVector("dbeta", dbeta, d);
        ownArray("dx", dx, x, gamma, dout, mean, ivar, dgamma, dbeta, null, null, null);
        ownArray("dgamma", dgamma, x, gamma, dout, mean, ivar, dx, dbeta, null, null, null);
        ownArray("dbeta", dbeta, x, gamma, dout, mean, ivar, dx, dgamma, null, null, null);
        java.util.Arrays.fill(dgamma, j0, j1, 0.0);
        java.util.Arrays.fill(dbeta, j0, j1, 0.0);
        for (int i = 0, base = 0; i < n; i++, base += d) {
            for (int j = j0; j < j1; j++) {
                double g = dout[base + j];
                dbeta[j] += g;
                dgamma[j] += g * ((x[base + j] - mean[j]) * ivar[j]);
            }
        }
        double invN = 1.0 / n;
        for (int i = 0, base = 0; i < n; i++, base += d) {
            for (int j = j0; j < j1; j++) {
                double xhat = (x[base + j] - mean[j]) * ivar[j];
                dx[base + j] = invN * gamma[j] * ivar[j]
                        * (n * dout[base + j] - dbeta[j] - xhat * dgamma[j]);
            }
        }
    }
}
