package org.normgraph.core;

import java.util.Map;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormLayout;

/**
 * How finely a gradient check can resolve one input, and the steps its finite differences
 * take. Well-scaled input is held to the fixed tolerances {@link GradientCheck#NUMERIC_TOLERANCE}
 * and {@link GradientCheck#SIMPLIFIED_TOLERANCE}; two properties of the input, not of the
 * graph, widen them:
 * <ul>
 *   <li>x far from its mean compared with its spread (the <em>offset ratio</em> |x| / sqrtvar,
 *       about 1e9 for 1e8 + noise of 0.1): x − mu keeps only about 16 − log10(ratio) digits,
 *       and the staged chain and the simplified formula round it in different places, so they
 *       agree only to about ε · ratio;</li>
 *   <li>central differences divide the rounding of the loss Σ (out ⊙ dout), about
 *       ε · Σ |dout| · (|out| + |gamma| · ratio), by the step: a large dout, or large offsets,
 *       leave them fewer digits than 1e−5.</li>
 * </ul>
 * Without these bounds the check failed correct gradients on such input (the large-offsets
 * example among them); with them it says how far it can vouch for the gradients.
 *
 * <p>It also says below what each gradient counts as 0 ({@link #zeroBelow}): a fixed floor
 * would pass any gradient of x ~ 1e20 (whose values are about 1e-20), however wrong.
 */
public final class CheckResolution {

    /** Step of central differences, relative to the input's natural scale. */
    private static final double STEP = 1e-5;
    /**
     * The step is never below this many ulps of the value: a (nearly) constant column of large
     * values has a tiny sqrtvar, and a step under half an ulp would vanish (v ± h == v, 0/0).
     */
    private static final double MIN_STEP_ULPS = 16;
    /** Rounding of a few operations and of a sum, in units of the unit roundoff: a safe margin. */
    private static final double ROUNDING_GROWTH = 16;
    private static final double UNIT_ROUNDOFF = Math.ulp(1.0) / 2;

    private final Map<String, Matrix> inputs;
    /** sqrtvar of each element's statistic, in x's rows: the natural scale of x. */
    private final Matrix spread;
    private final double offsetRatio;
    private final double lossRounding;
    /** Per input, the size of the terms its gradient is summed from (see {@link #zeroBelow}). */
    private final Map<String, Double> termSize;
    private final double largestOut;
    private final double largestXhat;

    private CheckResolution(Map<String, Matrix> inputs, Matrix spread, double offsetRatio, double lossRounding,
                            Map<String, Double> termSize, double largestOut, double largestXhat) {
        this.inputs = inputs;
        this.spread = spread;
        this.offsetRatio = offsetRatio;
        this.lossRounding = lossRounding;
        this.termSize = termSize;
        this.largestOut = largestOut;
        this.largestXhat = largestXhat;
    }

    /** The resolution of a check of {@code in} on the correct staged graph of {@code layout}. */
    public static CheckResolution of(NormLayout layout, NormInput in) {
        Graph graph = BatchNormGraph.build(layout, in.eps());
        Map<String, Matrix> inputs = BatchNormGraph.inputs(in);
        StagedEngine.Forward forward = StagedEngine.forward(graph, inputs);
        Matrix spread = graph.node("bcast_ivar").op().forward(forward.value("sqrtvar"));
        Matrix gamma = graph.node("bcast_gamma").op().forward(inputs.get(BatchNormGraph.GAMMA));
        Matrix x = inputs.get(BatchNormGraph.X);
        Matrix out = forward.output();
        Matrix xhat = forward.value("xhat");
        Matrix dout = in.doutRows();
        double ratio = 1;
        double rounding = 0;
        double termX = 0;
        double termGamma = 0;
        double termBeta = 0;
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                double r = Math.abs(x.get(i, j)) / spread.get(i, j);
                double g = Math.abs(dout.get(i, j));
                ratio = Math.max(ratio, r);
                rounding += g * (Math.abs(out.get(i, j)) + Math.abs(gamma.get(i, j)) * (r + 1));
                termX = Math.max(termX, g * Math.abs(gamma.get(i, j)) / spread.get(i, j));
                termGamma += g * Math.abs(xhat.get(i, j));
                termBeta += g;
            }
        }
        return new CheckResolution(inputs, spread, ratio, ROUNDING_GROWTH * UNIT_ROUNDOFF * rounding,
                Map.of(BatchNormGraph.X, termX, BatchNormGraph.GAMMA, termGamma, BatchNormGraph.BETA, termBeta),
                out.maxAbs(), xhat.maxAbs());
    }

    /**
     * The largest |out| and |gamma|: with |dout| and the offset ratio, what the loss's rounding
     * grows with, so that a note on a widened tolerance can name the large one (gamma = 1e300).
     */
    public double largestOut() {
        return largestOut;
    }

    public double largestGamma() {
        return inputs.get(BatchNormGraph.GAMMA).maxAbs();
    }

    /**
     * The scale below which the gradient of {@code input} ({@code x}, {@code gamma} or
     * {@code beta}) counts as 0 in a comparison: {@link Comparison#ABSOLUTE_FLOOR} times the
     * size of the terms it is summed from (dx: |dout ⊙ gamma| / sqrtvar; dgamma: Σ |dout ⊙ xhat|;
     * dbeta: Σ |dout|). Below it a gradient is what remains when those terms cancel, far above
     * their rounding; about the fixed floor itself for well-scaled input.
     */
    public double zeroBelow(String input) {
        return Comparison.ABSOLUTE_FLOOR * termSize(input);
    }

    private double termSize(String input) {
        Double size = termSize.get(input);
        if (size == null) {
            throw new IllegalArgumentException("no input named '" + input + "'");
        }
        return size;
    }

    /**
     * The largest term the gradient of {@code input} is summed from: {@link #zeroBelow}'s term
     * size, and for dx up to (2 + xhat²) times it, since dx = (1/N)·gamma·ivar·(N·dout −
     * Σ dout − xhat·Σ(dout ⊙ xhat)).
     */
    public double largestTerm(String input) {
        return termSize(input) * (input.equals(BatchNormGraph.X) ? 2 + largestXhat * largestXhat : 1);
    }

    /** The largest |x| / sqrtvar of x's statistic; at least 1. */
    public double offsetRatio() {
        return offsetRatio;
    }

    /** The relative tolerance of the staged gradients against the simplified formula, from the offset ratio alone. */
    public double simplifiedTolerance() {
        return Math.max(GradientCheck.SIMPLIFIED_TOLERANCE, ROUNDING_GROWTH * UNIT_ROUNDOFF * offsetRatio);
    }

    /**
     * The relative tolerance of the staged gradient of {@code input} against the simplified
     * formula's, compared at their scale ({@link Comparison#scale} with {@link #zeroBelow}).
     */
    public double simplifiedTolerance(String input, Matrix simplified, Matrix staged) {
        return simplifiedTolerance(input, Comparison.scale(simplified, staged, zeroBelow(input)));
    }

    /**
     * The relative tolerance of the staged gradient of {@code input} against the simplified
     * formula, for a gradient whose scale ({@link Comparison#scale}) is {@code scale}: both
     * round terms up to {@link #largestTerm} in another order, each to about ε · offset ratio
     * of itself, so where those terms cancel to a much smaller gradient they agree only to about
     * ε · ratio · term / scale. dx of x = [0, 3] (N = 2, eps 1e-8) is about 1e-9 of terms of 1,
     * and the two agreed to 2e-8 of it: the check failed a correct gradient.
     */
    private double simplifiedTolerance(String input, double scale) {
        if (!Double.isFinite(scale)) {
            return simplifiedTolerance(); // a gradient with ∞ or NaN fails whatever the tolerance
        }
        double cancellation = ROUNDING_GROWTH * UNIT_ROUNDOFF * offsetRatio * largestTerm(input)
                / Math.max(Double.MIN_NORMAL, scale);
        return Math.max(simplifiedTolerance(), cancellation);
    }

    /**
     * The relative tolerance of the staged gradient of {@code input} against central
     * differences, for a gradient whose scale ({@link Comparison#scale}) is {@code scale}.
     * At 1 or above the differences resolve no digit of that gradient.
     */
    public double numericTolerance(String input, double scale) {
        if (!Double.isFinite(scale)) {
            return GradientCheck.NUMERIC_TOLERANCE; // a gradient with ∞ or NaN fails whatever the tolerance
        }
        Matrix value = inputs.get(input);
        double smallestStep = Double.POSITIVE_INFINITY;
        for (int i = 0; i < value.rows(); i++) {
            for (int j = 0; j < value.cols(); j++) {
                smallestStep = Math.min(smallestStep, step(input, i, j));
            }
        }
        double noise = lossRounding / smallestStep;
        return Math.max(GradientCheck.NUMERIC_TOLERANCE, noise / Math.max(Double.MIN_NORMAL, scale));
    }

    /**
     * The tolerance that decides comparison {@code c}: {@code fixed} where the error is within
     * it, else {@code widened}, what this input's rounding allows. Shown so that well-scaled
     * input reads as before, and a widened tolerance appears only where it was needed.
     */
    public static double deciding(Comparison c, double fixed, double widened) {
        return c.within(fixed) ? fixed : widened;
    }

    /**
     * The step of central differences for element (i, j) of {@code input}: x only matters
     * through (x − mu) / sqrtvar, so its step follows sqrtvar; gamma's and beta's follow their
     * magnitude (at least 1).
     */
    double step(String input, int i, int j) {
        double v = inputs.get(input).get(i, j);
        double natural = input.equals(BatchNormGraph.X) ? spread.get(i, j) : Math.max(1, Math.abs(v));
        return Math.max(STEP * natural, MIN_STEP_ULPS * Math.ulp(v));
    }
}
