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

    /**
     * Finite differences are accurate to about this (truncation and rounding) on well-scaled
     * input; {@link CheckResolution} widens it where the input leaves them fewer digits.
     */
    public static final double NUMERIC_TOLERANCE = 1e-5;
    /**
     * Staged and simplified compute the same math in another order: rounding only. Widened by
     * {@link CheckResolution} for x far from its mean compared with its spread, and for a
     * gradient much smaller than the terms it is summed from.
     */
    public static final double SIMPLIFIED_TOLERANCE = 1e-9;
    private static final List<String> INPUTS = List.of(BatchNormGraph.X, BatchNormGraph.GAMMA, BatchNormGraph.BETA);

    private GradientCheck() {
    }

    /**
     * The check of one input's gradient ({@code x}, {@code gamma} or {@code beta}).
     *
     * @param numeric             finite differences (reference) against the staged gradient
     * @param simplified          the simplified formula (reference) against the staged gradient
     * @param numericTolerance    what {@code numeric}'s relative error may be for this input
     *                            ({@link CheckResolution}: at least {@link #NUMERIC_TOLERANCE})
     * @param simplifiedTolerance what {@code simplified}'s relative error may be for this input
     *                            (at least {@link #SIMPLIFIED_TOLERANCE})
     */
    public record Result(String input, Comparison numeric, Comparison simplified, double numericTolerance,
                         double simplifiedTolerance) {

        /** A result held to the fixed tolerances of well-scaled input. */
        public Result(String input, Comparison numeric, Comparison simplified) {
            this(input, numeric, simplified, NUMERIC_TOLERANCE, SIMPLIFIED_TOLERANCE);
        }

        public String gradientName() {
            return "d" + input;
        }

        public boolean numericPassed() {
            return numeric.within(numericTolerance);
        }

        public boolean simplifiedPassed() {
            return simplified.within(simplifiedTolerance);
        }

        public boolean passed() {
            return numericPassed() && simplifiedPassed();
        }

        /**
         * The tolerance that decides the finite-difference comparison: the fixed one where the
         * error is within it, else the one this input's rounding allows.
         */
        public double numericDecidingTolerance() {
            return CheckResolution.deciding(numeric, NUMERIC_TOLERANCE, numericTolerance);
        }

        /** As {@link #numericDecidingTolerance()}, for the comparison with the simplified formula. */
        public double simplifiedDecidingTolerance() {
            return CheckResolution.deciding(simplified, SIMPLIFIED_TOLERANCE, simplifiedTolerance);
        }

        /** Whether an error beyond a fixed tolerance was judged against a wider one this input's rounding allows. */
        public boolean widened() {
            return numericDecidingTolerance() > NUMERIC_TOLERANCE || simplifiedDecidingTolerance() > SIMPLIFIED_TOLERANCE;
        }

        /** Whether that wider tolerance leaves finite differences no digit of this gradient to check (≥ 1). */
        public boolean numericUnresolved() {
            return numericDecidingTolerance() >= 1;
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
        CheckResolution resolution = CheckResolution.of(layout, in);
        Gradients numeric = numeric(layout, in, GraphVariant.CORRECT, resolution);
        FusedBatchNorm.Result simple = SimplifiedNorm.run(layout, in);
        return compare(numeric, new Gradients(simple.dx(), simple.dgamma(), simple.dbeta()), staged, resolution);
    }

    /** One result per input: {@code staged} against both references, held to the fixed tolerances. */
    public static List<Result> compare(Gradients numeric, Gradients simplified, Gradients staged) {
        return INPUTS.stream().map(name -> new Result(name, Comparison.of(numeric.of(name), staged.of(name)),
                Comparison.of(simplified.of(name), staged.of(name)))).toList();
    }

    /** One result per input: {@code staged} against both references, to the tolerances the input allows. */
    private static List<Result> compare(Gradients numeric, Gradients simplified, Gradients staged,
                                        CheckResolution resolution) {
        return INPUTS.stream().map(name -> {
            double zero = resolution.zeroBelow(name);
            double scale = Comparison.scale(numeric.of(name), staged.of(name), zero);
            return new Result(name, Comparison.of(numeric.of(name), staged.of(name), zero),
                    Comparison.of(simplified.of(name), staged.of(name), zero), resolution.numericTolerance(name, scale),
                    resolution.simplifiedTolerance(name, simplified.of(name), staged.of(name)));
        }).toList();
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
        return numeric(layout, in, variant, CheckResolution.of(layout, in));
    }

    private static Gradients numeric(NormLayout layout, NormInput in, GraphVariant variant, CheckResolution steps) {
        Graph graph = BatchNormGraph.build(layout, in.eps(), variant);
        Map<String, Matrix> inputs = BatchNormGraph.inputs(in);
        Matrix dout = in.doutRows();
        return new Gradients(numeric(graph, inputs, dout, BatchNormGraph.X, steps),
                numeric(graph, inputs, dout, BatchNormGraph.GAMMA, steps),
                numeric(graph, inputs, dout, BatchNormGraph.BETA, steps));
    }

    private static double loss(Graph graph, Map<String, Matrix> inputs, Matrix dout) {
        return StagedEngine.forward(graph, inputs).output().times(dout).sum();
    }

    private static Matrix numeric(Graph graph, Map<String, Matrix> inputs, Matrix dout, String input,
                                  CheckResolution steps) {
        Matrix value = inputs.get(input);
        Map<String, Matrix> stepped = new HashMap<>(inputs);
        double[] g = new double[value.rows() * value.cols()];
        for (int i = 0; i < value.rows(); i++) {
            for (int j = 0; j < value.cols(); j++) {
                double v = value.get(i, j);
                double h = steps.step(input, i, j);
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
