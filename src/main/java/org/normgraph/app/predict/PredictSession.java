package org.normgraph.app.predict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.normgraph.app.editor.BundleText;
import org.normgraph.app.editor.CellParser;
import org.normgraph.app.inspector.ChainRuleExplainer;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Edge;
import org.normgraph.core.Matrix;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormLayout;
import org.normgraph.timeline.Phase;
import org.normgraph.timeline.Step;

/**
 * Predict-then-reveal, without the toolkit: before each backward step is revealed the learner
 * is asked for one element of the gradient that step computes; the answer is checked against
 * the core's trace and the step's worked chain-rule line (from {@link ChainRuleExplainer}, all
 * numbers from the trace) is shown. Keeps the outcome of every position asked and the running
 * score (correct / attempted; a step revealed without an answer is not an attempt).
 *
 * <p>Tolerance: an answer a is right for the trace's value b when
 * |a − b| ≤ {@value #TOLERANCE} · max(|b|, min(1, G) / 10), G the largest magnitude in the asked
 * gradient's matrix: one percent of the value, and for values under a tenth of the gradient's
 * scale never less than 0.1 % of it (0.001 while the gradient reaches 1). A floor of 1 % of the
 * scale took 0.0285 for 0.0253 (13 % off, learner reviewer), and 0.01 took −0.0224 for −0.0265.
 *
 * <p>Which element: the step's first DESIGN.md gradient ({@code dbeta}, {@code dgamma},
 * {@code divar}, {@code dsqrtvar}, {@code dvar}, {@code dsq}, {@code dxmu2}, {@code dx1},
 * {@code dx2}, {@code dx}); for backward step k, column k mod D and (for N×D) row (2k + 1) mod N,
 * so that the questions wander over the matrix, or the next element that is not 0 (a constant
 * column's divar is 0, a question with nothing to work out).
 */
public final class PredictSession {

    /** Relative tolerance of an answer (of the gradient's scale below it, see the class comment). */
    public static final double TOLERANCE = 1e-2;

    /** How an asked step ended. */
    public enum Verdict { CORRECT, WRONG, REVEALED }

    /**
     * The question before one backward step.
     *
     * @param position the timeline position that reveals the answer
     * @param step     the backward step number (9…0)
     * @param gradient the DESIGN.md gradient asked for
     * @param node     the node whose element is highlighted (the one the gradient belongs to)
     * @param row      element row (0 for a 1×D row)
     * @param col      element column
     * @param line     how the trace's number was computed; {@code line.result()} is the answer
     * @param summands how each summand of {@code line} was computed when the same step computes
     *                 them (not yet on show): dgamma sums dbcast_gamma; empty otherwise
     * @param scale    the largest magnitude in the asked gradient's matrix, for the tolerance
     */
    public record Question(int position, int step, NamedGradient gradient, String node, int row, int col,
                           ChainRuleExplainer.Line line, List<ChainRuleExplainer.Line> summands, double scale) {

        public Question {
            summands = List.copyOf(summands);
        }

        /** What is asked for, e.g. {@code divar[1]} or {@code dx1[2][0]}. */
        public String label() {
            return line.target();
        }

        /** The trace's value. */
        public double expected() {
            return line.result();
        }

        /** First hint: the chain-rule formula with names only, e.g. {@code dxhat[2][1] = dgammax[2][1] · gamma[1]}. */
        public String formulaHint() {
            return line.symbolic().isEmpty() ? line.target() : line.target() + " = " + line.symbolic();
        }

        /**
         * With the first hint, how a summand computed in the same step is made, e.g.
         * {@code dbcast_gamma[0][2] = dgammax[0][2] · xhat[0][2]}; empty when there is none.
         */
        public String summandHint() {
            return summands.isEmpty() ? "" : summands.get(0).target() + " = " + summands.get(0).symbolic();
        }

        /**
         * Second hint: the upstream gradients' numbers (the terms that are gradients), from the
         * trace; those the summands are made of when the step computes its summands itself, so
         * that the hint gives numbers already on show (dgammax for dgamma, not dbcast_gamma).
         */
        public List<ChainRuleExplainer.Term> upstream() {
            List<ChainRuleExplainer.Line> from = summands.isEmpty() ? List.of(line) : summands;
            return from.stream().flatMap(l -> l.terms().stream())
                    .filter(t -> !t.constant() && t.label().startsWith("d")).toList();
        }
    }

    /**
     * What checking an answer gave: a refusal of text that is not a number (nothing
     * counted), or the outcome.
     */
    public record Checked(BundleText refusal, Outcome outcome) {

        public boolean refused() {
            return refusal != null;
        }
    }

    /**
     * @param question what was asked
     * @param verdict  right, wrong, or revealed without an answer
     * @param answer   the learner's number (NaN when revealed)
     */
    public record Outcome(Question question, Verdict verdict, double answer) {
    }

    private final Map<Integer, Outcome> outcomes = new LinkedHashMap<>();
    // hints shown per question (0–2), kept here so that a language switch, which rebuilds the pane, keeps them
    private final Map<Integer, Integer> hints = new java.util.HashMap<>();

    /** Whether {@code answer} counts as the trace's {@code expected} in a gradient that reaches 1. */
    public static boolean accepts(double answer, double expected) {
        return accepts(answer, expected, 1.0);
    }

    /** Whether {@code answer} counts as the trace's {@code expected} in a gradient whose largest magnitude is {@code scale}. */
    public static boolean accepts(double answer, double expected, double scale) {
        double tolerance = TOLERANCE * Math.max(Math.abs(expected), Math.min(1.0, scale) / 10);
        return Double.isFinite(answer) && Math.abs(answer - expected) <= tolerance;
    }

    /**
     * The question to answer before moving on from {@code position}: when the next step is a
     * backward step that has not been asked and answered or revealed yet.
     */
    public Optional<Question> pending(Trace trace, List<Step> steps, int position) {
        return pending(trace, steps, position, null);
    }

    /** {@link #pending(Trace, List, int)} named and indexed for {@code layout}'s kind (null: as the graph reads). */
    public Optional<Question> pending(Trace trace, List<Step> steps, int position, NormLayout layout) {
        int next = position + 1;
        if (next >= steps.size() || steps.get(next).phase() != Phase.BACKWARD || outcomes.containsKey(next)) {
            return Optional.empty();
        }
        return Optional.of(question(trace, steps.get(next), layout));
    }

    /** The question for a backward step, its numbers from {@code trace}. */
    public static Question question(Trace trace, Step step) {
        return question(trace, step, null);
    }

    /**
     * The question for a backward step, its numbers from {@code trace}, its element named as the
     * inspector names it for {@code layout}'s kind (null: as the graph reads).
     */
    public static Question question(Trace trace, Step step, NormLayout layout) {
        if (step.phase() != Phase.BACKWARD) {
            throw new IllegalArgumentException("no question before a " + step.phase() + " step");
        }
        int k = step.number();
        NamedGradient g = BatchNormGraph.GRADIENTS.stream().filter(n -> n.step() == k).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no gradient at backward step " + k));
        Matrix asked = g.isBranch() ? trace.contribution(g.edge()) : trace.gradient(g.node());
        int[] at = nonZeroFrom(asked, asked.rows() == 1 ? 0 : (2 * k + 1) % asked.rows(), k % asked.cols());
        int row = at[0];
        int col = at[1];
        ChainRuleExplainer explainer = new ChainRuleExplainer(trace, layout);
        ChainRuleExplainer.Line line = g.isBranch() ? explainer.contribution(g.edge(), row, col)
                : explainer.gradient(g.node(), row, col);
        List<Edge> into = g.isBranch() ? List.of(g.edge()) : trace.graph().consumers(g.node());
        List<ChainRuleExplainer.Line> summands = into.size() == 1 && step.gradients().contains(into.get(0).to())
                ? explainer.broadcastSummands(into.get(0), row, col) : List.of();
        return new Question(step.position(), k, g, g.node(), row, col, line, summands, asked.maxAbs());
    }

    /**
     * The element at (row, col), or the first after it (row by row, wrapping round) that is not
     * 0: a constant column or group has gradients of exactly 0 there (divar, dsq, …), which make
     * a question without an answer to work out. All 0: (row, col) itself.
     */
    private static int[] nonZeroFrom(Matrix m, int row, int col) {
        int size = m.rows() * m.cols();
        int start = row * m.cols() + col;
        for (int i = 0; i < size; i++) {
            int at = (start + i) % size;
            if (m.get(at / m.cols(), at % m.cols()) != 0) {
                return new int[] {at / m.cols(), at % m.cols()};
            }
        }
        return new int[] {row, col};
    }

    /**
     * Checks {@code text} (the app's number syntax, {@link CellParser}) against the question:
     * text that is no number is refused and not counted; a number is judged and recorded.
     */
    public Checked check(Question q, String text) {
        if (text == null || text.isBlank()) { // not a cell: the grids' "the cell is empty" does not fit
            return new Checked(BundleText.of("predict.refused.empty", q.label()), null);
        }
        CellParser.Parsed parsed = CellParser.parse(text);
        if (!parsed.ok()) {
            return new Checked(parsed.refusal(q.label()), null);
        }
        Verdict v = accepts(parsed.value(), q.expected(), q.scale()) ? Verdict.CORRECT : Verdict.WRONG;
        return new Checked(null, record(new Outcome(q, v, parsed.value())));
    }

    /** Reveals without an answer (skip): recorded, not an attempt. */
    public Outcome reveal(Question q) {
        return record(new Outcome(q, Verdict.REVEALED, Double.NaN));
    }

    private Outcome record(Outcome o) {
        outcomes.put(o.question().position(), o);
        return o;
    }

    /** The outcome at a timeline position, if that step was asked. */
    public Optional<Outcome> outcome(int position) {
        return Optional.ofNullable(outcomes.get(position));
    }

    public Map<Integer, Outcome> outcomes() {
        return Collections.unmodifiableMap(outcomes);
    }

    public int correct() {
        return (int) outcomes.values().stream().filter(o -> o.verdict() == Verdict.CORRECT).count();
    }

    /** Answers given (right or wrong); reveals without an answer do not count. */
    public int attempted() {
        return (int) outcomes.values().stream().filter(o -> o.verdict() != Verdict.REVEALED).count();
    }

    /** How many hints the question before {@code position} has shown: 0, 1 (the formula) or 2 (with the upstream numbers). */
    public int hints(int position) {
        return hints.getOrDefault(position, 0);
    }

    /** One more hint for the question before {@code position}, up to 2. */
    public void moreHint(int position) {
        hints.merge(position, 1, (a, b) -> Math.min(2, a + b));
    }

    /** Forgets every outcome and hint (a new round). */
    public void reset() {
        outcomes.clear();
        hints.clear();
    }
}
