package org.normgraph.core;

/**
 * A batch-normalization layer as a program would use it.
 *
 * <p>Training mode normalizes with the batch statistics and updates the running statistics by
 * one of the {@link RunningStats} conventions; the default, {@link RunningStats#CLASSIC}, is
 * {@code running = momentum · running + (1 − momentum) · batch} with the biased batch variance,
 * running mean starting at 0 and running variance at 1. Inference mode normalizes with the
 * running statistics.
 *
 * <p>With {@link Engine#STAGED} a training step runs the nine-step graph of
 * {@link BatchNormGraph} (the same graph the app draws) and keeps its {@link Trace};
 * {@link Engine#FUSED} runs {@link FusedBatchNorm}. Both give the same numbers.
 */
public final class BatchNorm {

    /** Which implementation a training step runs. */
    public enum Engine { STAGED, FUSED }

    /**
     * How training updates the running statistics. {@code m} is the layer's momentum; the
     * three conventions differ in which value m weighs, which batch variance they keep and
     * where they start.
     */
    public enum RunningStats {
        /**
         * normgraph's original convention, still the default: {@code running = m · running +
         * (1 − m) · batch} (m on the old value, default 0.9), the biased batch variance
         * (divide by N), running mean starting at 0 and running variance at 1.
         */
        CLASSIC(0.9),
        /**
         * PyTorch's {@code nn.BatchNorm1d/2d}: {@code running = (1 − m) · running + m · batch}
         * (m on the new batch, default 0.1), the <em>unbiased</em> batch variance
         * (divide by N − 1) for the running variance, starting at mean 0 and variance 1. The
         * normalization itself still uses the biased variance. A batch with N = 1 is refused
         * (as PyTorch refuses one value per channel in training): N − 1 = 0.
         */
        PYTORCH(0.1),
        /**
         * {@link #CLASSIC}'s update ({@code running = m · running + (1 − m) · batch}, m on the
         * old value, default 0.9, the biased batch variance), but initialised from the first
         * batch: after one training step the running statistics are that batch's mean and biased
         * variance, so they carry no start-up bias towards 0 and 1. Before the first batch they
         * are 0 and 1. (Keras starts at 0 and 1 as {@link #CLASSIC} does, cs231n's assignment at
         * 0 and 0: neither starts at the first batch.)
         */
        FIRST_BATCH(0.9);

        private final double defaultMomentum;

        RunningStats(double defaultMomentum) {
            this.defaultMomentum = defaultMomentum;
        }

        public double defaultMomentum() {
            return defaultMomentum;
        }
    }

    private final int features;
    private final double eps;
    private final double momentum;
    private final Engine engine;
    private final RunningStats convention;
    private boolean seenBatch;
    private double[] runningMean;
    private double[] runningVar;

    /** A layer with the {@link RunningStats#CLASSIC} running statistics. */
    public BatchNorm(int features, double eps, double momentum, Engine engine) {
        this(features, eps, momentum, engine, RunningStats.CLASSIC);
    }

    /** A layer whose {@code momentum} is the m of {@code convention}'s formula. */
    public BatchNorm(int features, double eps, double momentum, Engine engine, RunningStats convention) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be ≥ 1, got " + features);
        }
        BatchNormInput.requireEps(eps);
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1], got " + momentum);
        }
        this.features = features;
        this.eps = eps;
        this.momentum = momentum;
        // refused, not defaulted: train() would otherwise run the fused engine for null
        this.engine = java.util.Objects.requireNonNull(engine, "engine: expected STAGED or FUSED, got null");
        this.convention = java.util.Objects.requireNonNull(convention, "convention");
        this.runningMean = new double[features];
        this.runningVar = new double[features];
        java.util.Arrays.fill(runningVar, 1.0);
    }

    public BatchNorm(int features) {
        this(features, BatchNormInput.DEFAULT_EPS, 0.9, Engine.STAGED);
    }

    /** A staged layer with default eps and the convention's default momentum. */
    public BatchNorm(int features, RunningStats convention) {
        this(features, BatchNormInput.DEFAULT_EPS, convention.defaultMomentum(), Engine.STAGED, convention);
    }

    public RunningStats convention() {
        return convention;
    }

    public double momentum() {
        return momentum;
    }

    public Matrix runningMean() {
        return Matrix.of(1, features, runningMean);
    }

    public Matrix runningVar() {
        return Matrix.of(1, features, runningVar);
    }

    /** dx, dgamma and dbeta of one backward pass. */
    public record Gradients(Matrix dx, Matrix dgamma, Matrix dbeta) {
    }

    /** A training-mode forward pass, ready for its backward. */
    public interface TrainStep {
        Matrix out();

        Gradients backward(Matrix dout);
    }

    /** Training-mode forward with batch statistics; updates the running statistics. */
    public TrainStep train(Matrix x, Matrix gamma, Matrix beta) {
        checkFeatures(x, gamma, beta);
        if (convention == RunningStats.PYTORCH && x.rows() < 2) {
            // refuse before anything changes: the unbiased variance would be 0/0 = NaN
            throw new InvalidInputException("x", "PyTorch running statistics need N ≥ 2 rows in training:"
                    + " the unbiased variance divides by N − 1 = 0 (got " + x.shape() + ")");
        }
        return engine == Engine.STAGED ? stagedStep(x, gamma, beta) : fusedStep(x, gamma, beta);
    }

    private TrainStep stagedStep(Matrix x, Matrix gamma, Matrix beta) {
        Graph graph = BatchNormGraph.build(x.rows(), x.cols(), eps);
        var forward = StagedEngine.forward(graph, java.util.Map.of(
                BatchNormGraph.X, x, BatchNormGraph.GAMMA, gamma, BatchNormGraph.BETA, beta));
        updateRunning(forward.value("mu").toArray(), forward.value("var").toArray(), x.rows());
        return new StagedStep(forward);
    }

    /** A staged step also exposes the full trace of its graph once backward has run. */
    public static final class StagedStep implements TrainStep {
        private final StagedEngine.Forward forward;
        private Trace trace;

        private StagedStep(StagedEngine.Forward forward) {
            this.forward = forward;
        }

        @Override
        public Matrix out() {
            return forward.output();
        }

        @Override
        public Gradients backward(Matrix dout) {
            BatchNormInput.requireShape("dout", dout, out().shape(), "N×D like x");
            BatchNormInput.requireFinite("dout", dout);
            trace = forward.backward(dout);
            return new Gradients(trace.gradient(BatchNormGraph.X), trace.gradient(BatchNormGraph.GAMMA),
                    trace.gradient(BatchNormGraph.BETA));
        }

        /** The trace of the last backward, or {@code null} before it. */
        public Trace trace() {
            return trace;
        }
    }

    private TrainStep fusedStep(Matrix x, Matrix gamma, Matrix beta) {
        int n = x.rows();
        int d = x.cols();
        double[] xs = x.toArray();
        double[] gs = gamma.toArray();
        double[] out = new double[n * d];
        double[] mean = new double[d];
        double[] var = new double[d];
        double[] ivar = new double[d];
        FusedBatchNorm.forward(n, d, xs, gs, beta.toArray(), eps, out, mean, var, ivar);
        updateRunning(mean, var, n);
        Matrix outM = Matrix.wrap(n, d, out);
        return new TrainStep() {
            @Override
            public Matrix out() {
                return outM;
            }

            @Override
            public Gradients backward(Matrix dout) {
                BatchNormInput.requireShape("dout", dout, outM.shape(), "N×D like x");
                BatchNormInput.requireFinite("dout", dout);
                double[] dx = new double[n * d];
                double[] dgamma = new double[d];
                double[] dbeta = new double[d];
                FusedBatchNorm.backward(n, d, xs, gs, dout.toArray(), mean, ivar, dx, dgamma, dbeta);
                return new Gradients(Matrix.wrap(n, d, dx), Matrix.wrap(1, d, dgamma),
                        Matrix.wrap(1, d, dbeta));
            }
        };
    }

    /** Inference-mode forward: normalizes with the running statistics, changes nothing. */
    public Matrix infer(Matrix x, Matrix gamma, Matrix beta) {
        checkFeatures(x, gamma, beta);
        int n = x.rows();
        double[] ivar = inferenceIvar();
        double[] out = new double[n * features];
        FusedBatchNorm.normalize(n, features, x.toArray(), runningMean, ivar, gamma.toArray(),
                beta.toArray(), out);
        return Matrix.wrap(n, features, out);
    }

    /**
     * Inference-mode backward: mean and variance are constants, so
     * {@code dx = dout ⊙ gamma ⊙ ivar}, {@code dgamma = Σ_rows dout ⊙ xhat}, {@code dbeta = Σ_rows dout}.
     * Refuses what {@link #infer} refuses in x and gamma and what a training backward refuses in
     * dout (a shape other than x's, a value that is not finite).
     */
    public Gradients inferBackward(Matrix x, Matrix gamma, Matrix dout) {
        // the checks of infer() and of a training backward; beta plays no part here, so gamma,
        // already checked under its own name, stands in for it
        checkFeatures(x, gamma, gamma);
        BatchNormInput.requireShape("dout", dout, x.shape(), "N×D like x");
        BatchNormInput.requireFinite("dout", dout);
        double[] ivar = inferenceIvar();
        Matrix ivarRow = Matrix.of(1, features, ivar);
        Matrix xhat = x.minus(runningMean().broadcastRows(x.rows())).times(ivarRow.broadcastRows(x.rows()));
        Matrix dx = dout.times(gamma.times(ivarRow).broadcastRows(x.rows()));
        return new Gradients(dx, dout.times(xhat).sumRows(), dout.sumRows());
    }

    private double[] inferenceIvar() {
        double[] ivar = new double[features];
        for (int j = 0; j < features; j++) {
            ivar[j] = 1.0 / Math.sqrt(runningVar[j] + eps);
        }
        return ivar;
    }

    /** One update by the convention, from the batch mean and biased variance of n rows. */
    private void updateRunning(double[] mean, double[] var, int n) {
        double[] m = runningMean.clone();
        double[] v = runningVar.clone();
        for (int j = 0; j < features; j++) {
            switch (convention) {
                case CLASSIC -> {
                    m[j] = momentum * m[j] + (1 - momentum) * mean[j];
                    v[j] = momentum * v[j] + (1 - momentum) * var[j];
                }
                case PYTORCH -> {
                    m[j] = (1 - momentum) * m[j] + momentum * mean[j];
                    v[j] = (1 - momentum) * v[j] + momentum * (var[j] * n / (n - 1));
                }
                case FIRST_BATCH -> {
                    m[j] = seenBatch ? momentum * m[j] + (1 - momentum) * mean[j] : mean[j];
                    v[j] = seenBatch ? momentum * v[j] + (1 - momentum) * var[j] : var[j];
                }
            }
        }
        runningMean = m;
        runningVar = v;
        seenBatch = true;
    }

    private void checkFeatures(Matrix x, Matrix gamma, Matrix beta) {
        BatchNormInput.checkForward(x, gamma, beta, eps);
        if (x.cols() != features) {
            throw new InvalidInputException("x", "expected D = " + features + " features, got "
                    + x.shape());
        }
    }
}
