package org.normgraph.core;

import java.util.List;

/**
 * Checks the staged backward against independent references: central finite differences of
 * {@code loss = Σ (out ⊙ dout)}, whose gradient with respect to each input is exactly what
 * the backward pass computes when seeded with {@code dout}; and the fused engine's
 * simplified formula.
 */
public final class GradientCheck {

    /** Finite differences are accurate to about this (truncation and rounding). */
    public static final double NUMERIC_TOLERANCE = 1e-5;
    /** Staged and fused compute the same math in another order: rounding only. */
    public static final double FUSED_TOLERANCE = 1e-9;
    /** Step, relative to the input's natural scale. */
    private static final double STEP = 1e-5;
    /**
     * The step is never below this many ulps of the value: a (nearly) constant column of large
     * values has a tiny sqrtvar, and a step under half an ulp would vanish (v ± h == v, 0/0).
     */
    private static final double MIN_STEP_ULPS = 16;

    private GradientCheck() {
    }

    /** The check of one input's gradient ({@code x}, {@code gamma} or {@code beta}). */
    public record Result(String input, Comparison numeric, Comparison fused) {

        public String gradientName() {
            return "d" + input;
        }

        public boolean passed() {
            return numeric.within(NUMERIC_TOLERANCE) && fused.within(FUSED_TOLERANCE);
        }
    }

    /** Checks dx, dgamma and dbeta of the staged graph. */
    public static List<Result> check(BatchNormInput in) {
        Trace trace = BatchNormGraph.run(in);
        FusedBatchNorm.Result fused = FusedBatchNorm.run(in);
        Matrix sqrtvar = trace.value("sqrtvar");
        Matrix dx = trace.gradient(BatchNormGraph.X);
        Matrix dgamma = trace.gradient(BatchNormGraph.GAMMA);
        Matrix dbeta = trace.gradient(BatchNormGraph.BETA);
        // x only matters through (x − mu)/sqrtvar, so its natural scale is sqrtvar per column.
        Matrix nx = numericGradient(in.x(), (i, j) -> STEP * sqrtvar.get(0, j), in::withX);
        Matrix ng = numericGradient(in.gamma(), (i, j) -> STEP * Math.max(1, Math.abs(in.gamma().get(0, j))),
                in::withGamma);
        Matrix nb = numericGradient(in.beta(), (i, j) -> STEP * Math.max(1, Math.abs(in.beta().get(0, j))),
                in::withBeta);
        return List.of(
                new Result(BatchNormGraph.X, Comparison.of(nx, dx), Comparison.of(dx, fused.dx())),
                new Result(BatchNormGraph.GAMMA, Comparison.of(ng, dgamma), Comparison.of(dgamma, fused.dgamma())),
                new Result(BatchNormGraph.BETA, Comparison.of(nb, dbeta), Comparison.of(dbeta, fused.dbeta())));
    }

    /** {@code loss = Σ (out ⊙ dout)} from the staged forward. */
    public static double loss(BatchNormInput in) {
        Graph graph = BatchNormGraph.build(in);
        Matrix out = StagedEngine.forward(graph, java.util.Map.of(BatchNormGraph.X, in.x(),
                BatchNormGraph.GAMMA, in.gamma(), BatchNormGraph.BETA, in.beta())).output();
        return out.times(in.dout()).sum();
    }

    /** Step size for element (i, j). */
    @FunctionalInterface
    interface StepSize {
        double at(int i, int j);
    }

    private static Matrix numericGradient(Matrix value, StepSize step,
                                          java.util.function.Function<Matrix, BatchNormInput> with) {
        double[] g = new double[value.rows() * value.cols()];
        for (int i = 0; i < value.rows(); i++) {
            for (int j = 0; j < value.cols(); j++) {
                double v = value.get(i, j);
                double h = Math.max(step.at(i, j), MIN_STEP_ULPS * Math.ulp(v));
                double plus = loss(with.apply(value.with(i, j, v + h)));
                double minus = loss(with.apply(value.with(i, j, v - h)));
                // divide by the step actually taken: v ± h is rounded to a double
                g[i * value.cols() + j] = (plus - minus) / ((v + h) - (v - h));
            }
        }
        return Matrix.wrap(value.rows(), value.cols(), g);
    }
}
