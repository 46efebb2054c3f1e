package org.normgraph.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;

/**
 * Checks the staged backward of any member of the family against independent references:
 * central finite differences of {@code loss = Σ (out ⊙ dout)}, whose gradient with respect to
 * each input is exactly what the backward pass computes when seeded with {@code dout}; and the
 * simplified formula ({@link SimplifiedNorm}: the fused engine for batch norm of N×D).
 *
 * <p>Gradients are compared in the core's matrix form: dx as x's rows, dgamma and dbeta as 1×C.
 */
public final class GradientCheck {

    /** Finite differences are accurate to about this (truncation and rounding). */
    public static final double NUMERIC_TOLERANCE = 1e-5;
    /** Staged and simplified compute the same math in another order: rounding only. */
    public static final double SIMPLIFIED_TOLERANCE = 1e-9;
    /** Step, relative to the input's natural scale. */
    private static final double STEP = 1e-5;
    /**
     * The step is never below this many ulps of the value: a (nearly) constant column of large
     * values has a tiny sqrtvar, and a step under half an ulp would vanish (v ± h == v, 0/0).
     */
    private static final double MIN_STEP_ULPS = 16;
    private static final List<String> INPUTS = List.of(BatchNormGraph.X, BatchNormGraph.GAMMA, BatchNormGraph.BETA);

    private GradientCheck() {
    }

    /**
     * The check of one input's gradient ({@code x}, {@code gamma} or {@code beta}).
     *
     * @param numeric    finite differences (reference) against the staged gradient
     * @param simplified the simplified formula (reference) against the staged gradient
     */
    public record Result(String input, Comparison numeric, Comparison simplified) {

        public String gradientName() {
            return "d" + input;
        }

        public boolean passed() {
            return numeric.within(NUMERIC_TOLERANCE) && simplified.within(SIMPLIFIED_TOLERANCE);
        }
    }

    /** dx (x's rows), dgamma and dbeta (1×C). */
    public record Gradients(Matrix dx, Matrix dgamma, Matrix dbeta) {

        /** The gradients a trace holds for x, gamma and beta. */
        public static Gradients of(Trace trace) {
            return new Gradients(trace.gradient(BatchNormGraph.X), trace.gradient(BatchNormGraph.GAMMA),
                    trace.gradient(BatchNormGraph.BETA));
        }

        public Matrix of(String input) {
            return switch (input) {
                case BatchNormGraph.X -> dx;
                case BatchNormGraph.GAMMA -> dgamma;
                case BatchNormGraph.BETA -> dbeta;
                default -> throw new IllegalArgumentException("no input named '" + input + "'");
            };
        }
    }

    /** Checks dx, dgamma and dbeta of the nine-step batch-norm graph. */
    public static List<Result> check(BatchNormInput in) {
        return check(NormLayout.of(NormSpec.batch(), in.n(), in.d()), NormInput.of(in));
    }

    /** Checks dx, dgamma and dbeta of the correct staged graph of {@code layout}. */
    public static List<Result> check(NormLayout layout, NormInput in) {
        return check(layout, in, GraphVariant.CORRECT);
    }

    /**
     * Checks the gradients of {@code variant}'s staged graph against finite differences of the
     * <em>correct</em> loss and against the simplified formula: the references stay right
     * whatever the variant gets wrong.
     */
    public static List<Result> check(NormLayout layout, NormInput in, GraphVariant variant) {
        Gradients staged = Gradients.of(BatchNormGraph.run(layout, in, variant));
        Gradients numeric = numeric(layout, in, GraphVariant.CORRECT);
        FusedBatchNorm.Result simple = SimplifiedNorm.run(layout, in);
        return compare(numeric, new Gradients(simple.dx(), simple.dgamma(), simple.dbeta()), staged);
    }

    /** One result per input: {@code staged} against both references. */
    public static List<Result> compare(Gradients numeric, Gradients simplified, Gradients staged) {
        return INPUTS.stream().map(name -> new Result(name, Comparison.of(numeric.of(name), staged.of(name)),
                Comparison.of(simplified.of(name), staged.of(name)))).toList();
    }

    /** {@code loss = Σ (out ⊙ dout)} from the staged forward of the nine-step graph. */
    public static double loss(BatchNormInput in) {
        Graph graph = BatchNormGraph.build(in);
        return loss(graph, Map.of(BatchNormGraph.X, in.x(), BatchNormGraph.GAMMA, in.gamma(),
                BatchNormGraph.BETA, in.beta()), in.dout());
    }

    /**
     * Central finite differences of the loss of {@code variant}'s forward, for x, gamma and beta.
     * A forward mistake's own loss is another function: its backward may be its right derivative.
     */
    public static Gradients numeric(NormLayout layout, NormInput in, GraphVariant variant) {
        Graph correct = BatchNormGraph.build(layout, in.eps());
        Graph graph = BatchNormGraph.build(layout, in.eps(), variant);
        Map<String, Matrix> inputs = BatchNormGraph.inputs(in);
        Matrix dout = in.doutRows();
        // x only matters through (x − mu)/sqrtvar, so its natural scale is its statistic's sqrtvar.
        Matrix sqrtvar = StagedEngine.forward(correct, inputs).value("sqrtvar");
        Matrix scale = correct.node("bcast_ivar").op().forward(sqrtvar);
        Matrix gamma = inputs.get(BatchNormGraph.GAMMA);
        Matrix beta = inputs.get(BatchNormGraph.BETA);
        return new Gradients(
                numeric(graph, inputs, dout, BatchNormGraph.X, (i, j) -> STEP * scale.get(i, j)),
                numeric(graph, inputs, dout, BatchNormGraph.GAMMA, (i, j) -> STEP * Math.max(1, Math.abs(gamma.get(i, j)))),
                numeric(graph, inputs, dout, BatchNormGraph.BETA, (i, j) -> STEP * Math.max(1, Math.abs(beta.get(i, j)))));
    }

    private static double loss(Graph graph, Map<String, Matrix> inputs, Matrix dout) {
        return StagedEngine.forward(graph, inputs).output().times(dout).sum();
    }

    /** Step size for element (i, j). */
    @FunctionalInterface
    interface StepSize {
        double at(int i, int j);
    }

    private static Matrix numeric(Graph graph, Map<String, Matrix> inputs, Matrix dout, String input, StepSize step) {
        Matrix value = inputs.get(input);
        Map<String, Matrix> stepped = new HashMap<>(inputs);
        double[] g = new double[value.rows() * value.cols()];
        for (int i = 0; i < value.rows(); i++) {
            for (int j = 0; j < value.cols(); j++) {
                double v = value.get(i, j);
                double h = Math.max(step.at(i, j), MIN_STEP_ULPS * Math.ulp(v));
                stepped.put(input, steppedBy(input, value, i, j, v + h));
                double plus = loss(graph, stepped, dout);
                stepped.put(input, steppedBy(input, value, i, j, v - h));
                double minus = loss(graph, stepped, dout);
                // divide by the step actually taken: v ± h is rounded to a double
                g[i * value.cols() + j] = (plus - minus) / ((v + h) - (v - h));
            }
        }
        return Matrix.wrap(value.rows(), value.cols(), g);
    }

    /** {@code value} with one element set; refused like any input when it is not finite. */
    private static Matrix steppedBy(String input, Matrix value, int i, int j, double v) {
        Matrix stepped = value.with(i, j, v);
        BatchNormInput.requireFinite(input, stepped);
        return stepped;
    }
}
