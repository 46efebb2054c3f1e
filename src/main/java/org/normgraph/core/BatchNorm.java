package org.normgraph.core;

/**
 * A batch-normalization layer as a program would use it.
 *
 * <p>Training mode normalizes with the batch statistics and updates the running statistics:
 * {@code running = momentum · running + (1 − momentum) · batch}, with the biased batch
 * variance (the cs231n convention; running mean starts at 0, running variance at 1).
 * Inference mode normalizes with the running statistics.
 *
 * <p>With {@link Engine#STAGED} a training step runs the nine-step graph of
 * {@link BatchNormGraph} (the same graph the app draws) and keeps its {@link Trace};
 * {@link Engine#FUSED} runs {@link FusedBatchNorm}. Both give the same numbers.
 */
public final class BatchNorm {

    /** Which implementation a training step runs. */
    public enum Engine { STAGED, FUSED }

    private final int features;
    private final double eps;
    private final double momentum;
    private final Engine engine;
    private double[] runningMean;
    private double[] runningVar;

    public BatchNorm(int features, double eps, double momentum, Engine engine) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be ≥ 1, got " + features);
        }
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new InvalidInputException("eps", "must be a finite number > 0, got " + eps);
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1], got " + momentum);
        }
        this.features = features;
        this.eps = eps;
        this.momentum = momentum;
        this.engine = engine;
        this.runningMean = new double[features];
        this.runningVar = new double[features];
        java.util.Arrays.fill(runningVar, 1.0);
    }

    public BatchNorm(int features) {
        this(features, BatchNormInput.DEFAULT_EPS, 0.9, Engine.STAGED);
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
        return engine == Engine.STAGED ? stagedStep(x, gamma, beta) : fusedStep(x, gamma, beta);
    }

    private TrainStep stagedStep(Matrix x, Matrix gamma, Matrix beta) {
        Graph graph = BatchNormGraph.build(x.rows(), x.cols(), eps);
        var forward = StagedEngine.forward(graph, java.util.Map.of(
                BatchNormGraph.X, x, BatchNormGraph.GAMMA, gamma, BatchNormGraph.BETA, beta));
        updateRunning(forward.value("mu").toArray(), forward.value("var").toArray());
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
        updateRunning(mean, var);
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
     */
    public Gradients inferBackward(Matrix x, Matrix gamma, Matrix dout) {
        BatchNormInput.requireShape("dout", dout, x.shape(), "N×D like x");
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

    private void updateRunning(double[] mean, double[] var) {
        double[] m = runningMean.clone();
        double[] v = runningVar.clone();
        for (int j = 0; j < features; j++) {
            m[j] = momentum * m[j] + (1 - momentum) * mean[j];
            v[j] = momentum * v[j] + (1 - momentum) * var[j];
        }
        runningMean = m;
        runningVar = v;
    }

    private void checkFeatures(Matrix x, Matrix gamma, Matrix beta) {
        BatchNormInput.checkForward(x, gamma, beta, eps);
        if (x.cols() != features) {
            throw new InvalidInputException("x", "expected D = " + features + " features, got "
                    + x.shape());
        }
    }
}
