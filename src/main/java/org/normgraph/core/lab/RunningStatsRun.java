package org.normgraph.core.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.normgraph.core.BatchNorm;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.InvalidInputException;
import org.normgraph.core.Matrix;
import org.normgraph.core.Trace;

/**
 * K training batches through a {@link BatchNorm} layer, recording its running mean and
 * running variance after each batch, and the values they should settle at.
 *
 * <p>Batches are drawn with a seed, either from a population (per feature j: mean m_j,
 * standard deviation s_j, normal) or as jittered copies of a given x (x + jitter · noise).
 * What the running statistics approach depends on the convention: the batch mean is
 * unbiased, so every convention's running mean approaches the population mean. The
 * {@link BatchNorm.RunningStats#PYTORCH} running variance averages the unbiased batch variance
 * and approaches the population variance; the other two average the biased one (divide by N),
 * whose expectation is (N − 1)/N of it. (Jittered copies keep the rows of x and draw only the
 * jitter, so there only the jitter's share is biased.)
 *
 * @param convention     the running-statistics convention
 * @param momentum       its momentum
 * @param rows           N, rows per batch
 * @param means          running mean after batch 1…K (1×D each)
 * @param vars           running variance after batch 1…K (1×D each)
 * @param populationMean the population mean per feature
 * @param populationVar  the population variance per feature
 * @param expectedVar    where the convention's running variance settles (on average)
 * @param layer          the layer after the K batches (its running statistics are the last entries)
 */
public record RunningStatsRun(BatchNorm.RunningStats convention, double momentum, int rows, List<Matrix> means,
                              List<Matrix> vars, Matrix populationMean, Matrix populationVar, Matrix expectedVar,
                              BatchNorm layer) {

    /** Most batches a run takes. */
    public static final int MAX_BATCHES = 1000;

    /**
     * Batches of {@code n} rows drawn from a normal population with {@code mean} and {@code std} per feature.
     */
    public static RunningStatsRun population(Matrix mean, Matrix std, int n, int batches,
                                             BatchNorm.RunningStats convention, double momentum, long seed) {
        check(mean.rows() == 1 && std.rows() == 1 && mean.cols() == std.cols(), "std",
                "mean and std must be 1×D rows of the same D, got " + mean.shape() + " and " + std.shape());
        int d = mean.cols();
        for (int j = 0; j < d; j++) {
            check(Double.isFinite(mean.get(0, j)), "mean", "must be finite, got " + mean.get(0, j) + " at [" + j + "]");
            check(Double.isFinite(std.get(0, j)) && std.get(0, j) >= 0, "std",
                    "must be a finite number ≥ 0, got " + std.get(0, j) + " at [" + j + "]");
        }
        Random r = new Random(seed);
        Matrix var = std.times(std);
        return run(convention, momentum, n, batches, mean, var, var.scale((n - 1.0) / n), () -> {
            double[] x = new double[n * d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    x[i * d + j] = mean.get(0, j) + std.get(0, j) * r.nextGaussian();
                }
            }
            return Matrix.of(n, d, x);
        });
    }

    /**
     * Batches {@code x + jitter · noise} (standard normal noise): the rows of x, jittered, as
     * the population. Its mean is x's column mean; its variance x's biased column variance
     * (from the nine-step graph) plus jitter².
     */
    public static RunningStatsRun jittered(Matrix x, double jitter, int batches, BatchNorm.RunningStats convention,
                                           double momentum, long seed) {
        check(Double.isFinite(jitter) && jitter >= 0, "jitter", "must be a finite number ≥ 0, got " + jitter);
        int n = x.rows();
        int d = x.cols();
        Trace t = BatchNormGraph.run(new BatchNormInput(x, Matrix.filled(1, d, 1), Matrix.zeros(1, d),
                Matrix.zeros(n, d), BatchNormInput.DEFAULT_EPS));
        Matrix var = t.value("var").plus(Matrix.filled(1, d, jitter * jitter));
        Random r = new Random(seed);
        // the rows stay, only the jitter is drawn: E[biased batch variance] = var(x) + jitter²·(N − 1)/N
        Matrix biased = t.value("var").plus(Matrix.filled(1, d, jitter * jitter * (n - 1.0) / n));
        return run(convention, momentum, n, batches, t.value("mu"), var, biased,
                () -> x.plus(Matrix.of(n, d, gaussians(r, n * d)).scale(jitter)));
    }

    private static double[] gaussians(Random r, int count) {
        double[] g = new double[count];
        for (int i = 0; i < count; i++) {
            g[i] = r.nextGaussian();
        }
        return g;
    }

    private static RunningStatsRun run(BatchNorm.RunningStats convention, double momentum, int n, int batches,
                                       Matrix mean, Matrix var, Matrix expectedBiased,
                                       java.util.function.Supplier<Matrix> batch) {
        check(batches >= 1 && batches <= MAX_BATCHES, "batches", "must be 1 to " + MAX_BATCHES + ", got " + batches);
        check(n >= 1, "N", "must be ≥ 1, got " + n);
        int d = mean.cols();
        BatchNorm layer = new BatchNorm(d, BatchNormInput.DEFAULT_EPS, momentum, BatchNorm.Engine.FUSED, convention);
        Matrix gamma = Matrix.filled(1, d, 1);
        Matrix beta = Matrix.zeros(1, d);
        List<Matrix> means = new ArrayList<>();
        List<Matrix> vars = new ArrayList<>();
        for (int k = 0; k < batches; k++) {
            layer.train(batch.get(), gamma, beta); // refuses N = 1 for PyTorch's unbiased variance
            means.add(layer.runningMean());
            vars.add(layer.runningVar());
        }
        Matrix expected = convention == BatchNorm.RunningStats.PYTORCH ? expectedBiased.scale(n / (n - 1.0))
                : expectedBiased;
        return new RunningStatsRun(convention, momentum, n, List.copyOf(means), List.copyOf(vars), mean, var, expected,
                layer);
    }

    public int batches() {
        return means.size();
    }

    private static void check(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidInputException(field, message);
        }
    }
}
