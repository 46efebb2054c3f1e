package org.normgraph.core;

/**
 * Batch norm forward and backward in a few passes over flat row-major arrays, with the
 * simplified backward
 * {@code dx = (1/N) · gamma · ivar · (N·dout − Σ_rows dout − xhat · Σ_rows(dout ⊙ xhat))}.
 *
 * <p>The array methods write into caller-provided buffers and allocate nothing, so a program
 * can run them in a loop without garbage. {@code xhat} is recomputed from x, mean and ivar
 * instead of being stored: one N×D buffer less to write and read back.
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
        double[] x = in.x().toArray();
        double[] gamma = in.gamma().toArray();
        forward(n, d, x, gamma, in.beta().toArray(), in.eps(), out, mean, var, ivar);
        backward(n, d, x, gamma, in.dout().toArray(), mean, ivar, dx, dgamma, dbeta);
        return new Result(Matrix.wrap(n, d, out), Matrix.wrap(n, d, dx), Matrix.wrap(1, d, dgamma),
                Matrix.wrap(1, d, dbeta), Matrix.wrap(1, d, mean), Matrix.wrap(1, d, var));
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
