package org.normgraph.app.explain;

import java.util.List;
import org.normgraph.app.Messages;
import org.normgraph.timeline.Step;

/**
 * A one-paragraph explanation in plain words for every timeline position (start, forward
 * 1…9, backward 9…0): why the gradient sums at x and xmu, collapses over the rows at a
 * broadcast, spreads out with 1/N at the two means. The text is in the messages bundle
 * under {@code explain.*}, one key per step, next to the step's one-line status
 * ({@code step.*}).
 */
public final class StepExplanations {

    private static final String STATUS_PREFIX = "step.";

    private StepExplanations() {
    }

    /** The bundle key of the explanation of {@code step}, e.g. {@code explain.backward.7}. */
    public static String key(Step step) {
        String status = step.messageKey();
        return "explain." + status.substring(STATUS_PREFIX.length());
    }

    /** The keys of all positions of a walk, in order. */
    public static List<String> keys(List<Step> steps) {
        return steps.stream().map(StepExplanations::key).toList();
    }

    /** The explanations of all positions of a walk, in order, in the current language. */
    public static List<String> texts(List<Step> steps) {
        return steps.stream().map(StepExplanations::text).toList();
    }

    /** The explanation of {@code step} in the current language. */
    public static String text(Step step) {
        return Messages.get(key(step));
    }
}
