package org.normgraph.app.explain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.normgraph.app.CjkWrap;
import org.normgraph.app.Messages;
import org.normgraph.app.inspector.ChainRuleExplainer;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.InferenceGraph;
import org.normgraph.timeline.Phase;
import org.normgraph.timeline.Step;

/**
 * A one-paragraph explanation in plain words for every timeline position (start, forward
 * 1…9, backward 9…0): why the gradient sums at x and xmu, collapses over the rows at a
 * broadcast, spreads out with 1/N at the two means. For batch norm of N×D features in
 * training the text is in the messages bundle under {@code explain.*}, one key per step, next
 * to the step's one-line status ({@code step.*}). Those paragraphs speak of rows and columns
 * and of both branches at x and xmu; for the other kinds, N×C×H×W x and inference the
 * paragraph is made of the notes on the operations the step runs, as the inspector words them
 * for that graph.
 */
public final class StepExplanations {

    private static final String STATUS_PREFIX = "step.";

    private StepExplanations() {
    }

    /** The bundle key of batch norm's explanation of {@code step}, e.g. {@code explain.backward.7}. */
    public static String key(Step step) {
        String status = step.messageKey();
        return "explain." + status.substring(STATUS_PREFIX.length());
    }

    /** The keys of all positions of a walk, in order. */
    public static List<String> keys(List<Step> steps) {
        return steps.stream().map(StepExplanations::key).toList();
    }

    /** The explanations of all positions of the session's walk, in order, in the current language. */
    public static List<String> texts(SessionModel model) {
        ChainRuleExplainer explainer = byNotes(model) ? new ChainRuleExplainer(model.getTrace(), model.getNormLayout()) : null;
        return model.steps().stream().map(s -> explainer == null ? Messages.get(key(s)) : fromNotes(explainer, s)).toList();
    }

    /** The explanation of {@code step} of the session's walk in the current language. */
    public static String text(SessionModel model, Step step) {
        return byNotes(model) ? fromNotes(new ChainRuleExplainer(model.getTrace(), model.getNormLayout()), step)
                : Messages.get(key(step));
    }

    /** Whether the session's graph is not the one the bundle's paragraphs describe. */
    private static boolean byNotes(SessionModel model) {
        return !model.getNormLayout().batchOfFeatures() || InferenceGraph.isInference(model.getGraph());
    }

    /**
     * The notes on what {@code step} does, each once: forward, on each op it computes; backward,
     * on each contribution it sends (in the order the gradient meets them) and on each fan-out it
     * sums.
     */
    static String fromNotes(ChainRuleExplainer explainer, Step step) {
        if (step.phase() == Phase.BACKWARD && step.number() == 0 && InferenceGraph.isInference(explainer.trace().graph())) {
            // the last step computes nothing here: it concludes, per channel for images
            return Messages.get(explainer.axes().spatial() ? "explain.inference.backward.0.images" : "explain.inference.backward.0");
        }
        Set<String> notes = new LinkedHashSet<>();
        switch (step.phase()) {
            case START -> notes.add(Messages.get("explain.other.start"));
            case FORWARD -> step.values().forEach(n -> notes.add(forwardNote(explainer.value(n, 0, 0))));
            case BACKWARD -> {
                step.edgesAsMet().forEach(e -> notes.add(note(explainer.contribution(e, 0, 0))));
                step.gradients().stream().filter(n -> explainer.trace().graph().isFanOut(n))
                        .forEach(n -> notes.add(note(explainer.gradient(n, 0, 0))));
            }
        }
        notes.remove("");
        return paragraph(notes);
    }

    /**
     * Sentences as one paragraph: a space between them, none after a Chinese or Japanese one
     * ("…統計量のコピー。 要素ごとの演算です" had a stray half-width space).
     */
    public static String paragraph(java.util.Collection<String> sentences) {
        StringBuilder sb = new StringBuilder();
        for (String s : sentences) {
            if (!sb.isEmpty() && !CjkWrap.isCjk(sb.codePointBefore(sb.length()))) {
                sb.append(' ');
            }
            sb.append(s);
        }
        return sb.toString();
    }

    private static String note(ChainRuleExplainer.Line line) {
        return line == null ? "" : line.note();
    }

    /** Batch norm's notes on an element-wise op speak of a 1×D row; here the broadcast node says what is copied. */
    private static String forwardNote(ChainRuleExplainer.Line line) {
        boolean elementwise = line != null && line.noteKey().matches("chain\\.note\\.(add|subtract|multiply)\\.forward");
        return elementwise ? Messages.get("explain.note.elementwise") : note(line);
    }
}
