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
 * Batches of images (N×C×H×W) keep one statistic per channel, over the N·H·W values of it in
 * the batch: M = N·H·W takes the place of N below.
 * What the running statistics approach depends on the convention: the batch mean is
 * unbiased, so every convention's running mean approaches the population mean. The
 * {@link BatchNorm.RunningStats#PYTORCH} running variance averages the unbiased batch variance
 * and approaches the population variance; the other two average the biased one (divide by N),
 * whose expectation is (N − 1)/N of it. (Jittered copies keep the rows of x and draw only the
 * jitter, so there only the jitter's share is biased.)
 *
 * @param convention     the running-statistics convention
 * @param momentum       its momentum
 * @param rows           N, rows (images) per batch
 * @param means          running mean after batch 1…K (1×D, or 1×C for images, each)
 * @param vars           running variance after batch 1…K (1×D, or 1×C, each)
 * @param populationMean the population mean per feature (channel)
 * @param populationVar  the population variance per feature (channel)
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
        return population(mean, std, n, 1, batches, convention, momentum, seed);
    }

    /**
     * Batches of {@code n} images of C×H×W ({@code pixels} = H·W; 1 for N×D features), drawn from
     * a normal population with {@code mean} and {@code std} per channel (1×C): spatial batch norm
     * keeps one running statistic per channel, over the N·H·W values of each batch.
     */
    public static RunningStatsRun population(Matrix mean, Matrix std, int n, int pixels, int batches,
                                             BatchNorm.RunningStats convention, double momentum, long seed) {
        check(mean.rows() == 1 && std.rows() == 1 && mean.cols() == std.cols(), "std",
                "mean and std must be 1×D rows of the same D, got " + mean.shape() + " and " + std.shape());
        check(pixels >= 1, "pixels", "H·W must be ≥ 1, got " + pixels);
        int c = mean.cols();
        for (int j = 0; j < c; j++) {
            check(Double.isFinite(mean.get(0, j)), "mean", "must be finite, got " + mean.get(0, j) + " at [" + j + "]");
            check(Double.isFinite(std.get(0, j)) && std.get(0, j) >= 0, "std",
                    "must be a finite number ≥ 0, got " + std.get(0, j) + " at [" + j + "]");
        }
        Random r = new Random(seed);
        Matrix var = std.times(std);
        int m = n * pixels;
        return run(convention, momentum, n, pixels, batches, mean, var, var.scale((m - 1.0) / m), () -> {
            double[] x = new double[n * c * pixels];
            for (int i = 0; i < n; i++) {
                for (int col = 0; col < c * pixels; col++) {
                    int channel = col / pixels;
                    x[i * c * pixels + col] = mean.get(0, channel) + std.get(0, channel) * r.nextGaussian();
                }
            }
            return Matrix.of(n, c * pixels, x);
        });
    }

    /**
     * Batches {@code x + jitter · noise} (standard normal noise): the rows of x, jittered, as
     * the population. Its mean is x's column mean; its variance x's biased column variance
     * (from the nine-step graph) plus jitter².
     */
    public static RunningStatsRun jittered(Matrix x, double jitter, int batches, BatchNorm.RunningStats convention,
                                           double momentum, long seed) {
        return jittered(x, 1, jitter, batches, convention, momentum, seed);
    }

    /**
     * The same for x of N images of C×H×W ({@code pixels} = H·W), as the N×(C·H·W) matrix of
     * its rows: the population's mean and variance are per channel, over x's N·H·W values of it.
     */
    public static RunningStatsRun jittered(Matrix x, int pixels, double jitter, int batches,
                                           BatchNorm.RunningStats convention, double momentum, long seed) {
        check(Double.isFinite(jitter) && jitter >= 0, "jitter", "must be a finite number ≥ 0, got " + jitter);
        check(pixels >= 1 && x.cols() % pixels == 0, "pixels",
                "H·W must divide x's " + x.cols() + " columns, got " + pixels);
        int n = x.rows();
        Matrix values = pixelsAsRows(x, pixels);
        int m = values.rows();
        int c = values.cols();
        Trace t = BatchNormGraph.run(new BatchNormInput(values, Matrix.filled(1, c, 1), Matrix.zeros(1, c),
                Matrix.zeros(m, c), BatchNormInput.DEFAULT_EPS));
        Matrix var = t.value("var").plus(Matrix.filled(1, c, jitter * jitter));
        Random r = new Random(seed);
        // the rows stay, only the jitter is drawn: E[biased batch variance] = var(x) + jitter²·(M − 1)/M
        Matrix biased = t.value("var").plus(Matrix.filled(1, c, jitter * jitter * (m - 1.0) / m));
        return run(convention, momentum, n, pixels, batches, t.value("mu"), var, biased,
                () -> x.plus(Matrix.of(n, x.cols(), gaussians(r, n * x.cols())).scale(jitter)));
    }

    /**
     * N images of C×H×W, as the N×(C·H·W) matrix of their rows, rearranged into the (N·H·W)×C
     * matrix with one row per pixel: spatial batch norm is batch norm of that matrix (cs231n's
     * spatial_batchnorm reshapes the same way). Features ({@code pixels} = 1) stay as they are.
     */
    static Matrix pixelsAsRows(Matrix x, int pixels) {
        if (pixels == 1) {
            return x;
        }
        int n = x.rows();
        int c = x.cols() / pixels;
        double[] out = new double[n * pixels * c];
        for (int i = 0; i < n; i++) {
            for (int channel = 0; channel < c; channel++) {
                for (int p = 0; p < pixels; p++) {
                    out[(i * pixels + p) * c + channel] = x.get(i, channel * pixels + p);
                }
            }
        }
        return Matrix.of(n * pixels, c, out);
    }

    private static double[] gaussians(Random r, int count) {
        double[] g = new double[count];
        for (int i = 0; i < count; i++) {
            g[i] = r.nextGaussian();
        }
        return g;
    }

    private static RunningStatsRun run(BatchNorm.RunningStats convention, double momentum, int n, int pixels,
                                       int batches, Matrix mean, Matrix var, Matrix expectedBiased,
                                       java.util.function.Supplier<Matrix> batch) {
        check(batches >= 1 && batches <= MAX_BATCHES, "batches", "must be 1 to " + MAX_BATCHES + ", got " + batches);
        check(n >= 1, "N", "must be ≥ 1, got " + n);
        int c = mean.cols();
        int m = n * pixels; // values per statistic in one batch
        BatchNorm layer = new BatchNorm(c, BatchNormInput.DEFAULT_EPS, momentum, BatchNorm.Engine.FUSED, convention);
        Matrix gamma = Matrix.filled(1, c, 1);
        Matrix beta = Matrix.zeros(1, c);
        List<Matrix> means = new ArrayList<>();
        List<Matrix> vars = new ArrayList<>();
        for (int k = 0; k < batches; k++) {
            layer.train(pixelsAsRows(batch.get(), pixels), gamma, beta); // refuses M = 1 for PyTorch's unbiased variance
            means.add(layer.runningMean());
            vars.add(layer.runningVar());
        }
        Matrix expected = convention == BatchNorm.RunningStats.PYTORCH ? expectedBiased.scale(m / (m - 1.0))
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
