package org.normgraph.core.family;

import java.util.List;
import java.util.function.Function;
import org.normgraph.core.GradientCheck;
import org.normgraph.core.Tensor;
import org.normgraph.core.TensorComparison;

/**
 * {@link GradientCheck} for the whole family: the staged gradients dx, dgamma and dbeta against
 * central finite differences of {@code loss = Σ (out ⊙ dout)} (whose gradient is exactly what
 * backward computes when seeded with dout) and against {@link SimplifiedNorm}. Each comparison
 * reports its worst element.
 */
public final class NormGradientCheck {

    /** Finite differences are accurate to about this (truncation and rounding). */
    public static final double NUMERIC_TOLERANCE = GradientCheck.NUMERIC_TOLERANCE;
    /** Staged and simplified compute the same math in another order: rounding only. */
    public static final double SIMPLIFIED_TOLERANCE = GradientCheck.FUSED_TOLERANCE;
    /** Step, relative to the input's natural scale. */
    private static final double STEP = 1e-5;
    /** Never below this many ulps of the value, or v ± h could round back to v. */
    private static final double MIN_STEP_ULPS = 16;

    private NormGradientCheck() {
    }

    /** The check of one input's gradient ({@code x}, {@code gamma} or {@code beta}). */
    public record Result(String input, TensorComparison numeric, TensorComparison simplified) {

        public String gradientName() {
            return "d" + input;
        }

        public boolean passed() {
            return numeric.within(NUMERIC_TOLERANCE) && simplified.within(SIMPLIFIED_TOLERANCE);
        }
    }

    /** dx, dgamma and dbeta as tensors shaped like x, gamma and beta. */
    public record Gradients(Tensor dx, Tensor dgamma, Tensor dbeta) {

        public Tensor of(String input) {
            return switch (input) {
                case NormGraph.X -> dx;
                case NormGraph.GAMMA -> dgamma;
                case NormGraph.BETA -> dbeta;
                default -> throw new IllegalArgumentException("no input named '" + input + "'");
            };
        }
    }

    /** Checks dx, dgamma and dbeta of the correct staged graph. */
    public static List<Result> check(NormSpec spec, NormInput in) {
        return check(spec, in, GraphVariant.CORRECT);
    }

    /**
     * Checks the gradients of {@code variant}'s staged graph against finite differences of the
     * <em>correct</em> loss and against the simplified formula: the references stay right
     * whatever the variant gets wrong.
     */
    public static List<Result> check(NormSpec spec, NormInput in, GraphVariant variant) {
        NormLayout layout = NormLayout.of(spec, in.shape());
        NormGraph correct = NormGraph.build(layout, in.eps());
        Gradients staged = analytic(NormGraph.build(layout, in.eps(), variant).run(in));
        Gradients numeric = numeric(correct, in);
        SimplifiedNorm.Result simple = SimplifiedNorm.run(spec, in);
        Gradients simplified = new Gradients(simple.dx(), simple.dgamma(), simple.dbeta());
        return compare(numeric, simplified, staged);
    }

    /** One result per input: {@code staged} against both references. */
    public static List<Result> compare(Gradients numeric, Gradients simplified, Gradients staged) {
        return List.of(NormGraph.X, NormGraph.GAMMA, NormGraph.BETA).stream()
                .map(name -> new Result(name, TensorComparison.of(numeric.of(name), staged.of(name)),
                        TensorComparison.of(simplified.of(name), staged.of(name))))
                .toList();
    }

    /** The gradients a trace holds for x, gamma and beta (gamma, beta flattened to length C). */
    public static Gradients analytic(NormTrace trace) {
        int c = trace.layout().channels();
        return new Gradients(trace.gradient(NormGraph.X), trace.gradient(NormGraph.GAMMA).reshape(c),
                trace.gradient(NormGraph.BETA).reshape(c));
    }

    /** Central finite differences of {@link #loss} of {@code graph}, for x, gamma and beta. */
    public static Gradients numeric(NormGraph graph, NormInput in) {
        NormLayout layout = graph.layout();
        NormGraph correct = NormGraph.build(layout, in.eps());
        // x only matters through (x − mu)/sqrtvar, so its natural scale is its statistic's sqrtvar.
        Tensor scale = NormEngine.forward(correct, in).value("sqrtvar").broadcastTo(layout.xShape());
        Tensor dx = numeric(graph, in.x(), i -> STEP * scale.at(i), in::withX);
        Tensor dgamma = numeric(graph, in.gamma(), i -> STEP * Math.max(1, Math.abs(in.gamma().at(i))), in::withGamma);
        Tensor dbeta = numeric(graph, in.beta(), i -> STEP * Math.max(1, Math.abs(in.beta().at(i))), in::withBeta);
        return new Gradients(dx, dgamma, dbeta);
    }

    /** {@code loss = Σ (out ⊙ dout)} from {@code graph}'s staged forward. */
    public static double loss(NormGraph graph, NormInput in) {
        return NormEngine.forward(graph, in).output().times(in.dout()).sum();
    }

    private interface StepSize {
        double at(int flat);
    }

    private static Tensor numeric(NormGraph graph, Tensor value, StepSize step, Function<Tensor, NormInput> with) {
        double[] g = new double[value.size()];
        for (int i = 0; i < g.length; i++) {
            int[] at = value.index(i);
            double v = value.at(i);
            double h = Math.max(step.at(i), MIN_STEP_ULPS * Math.ulp(v));
            double plus = loss(graph, with.apply(value.with(at, v + h)));
            double minus = loss(graph, with.apply(value.with(at, v - h)));
            // divide by the step actually taken: v ± h is rounded to a double
            g[i] = (plus - minus) / ((v + h) - (v - h));
        }
        return Tensor.of(value.shape(), g);
    }
}
