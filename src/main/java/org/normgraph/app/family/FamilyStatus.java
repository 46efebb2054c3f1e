package org.normgraph.app.family;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.normgraph.app.Messages;
import org.normgraph.app.explain.StepExplanations;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Graph;
import org.normgraph.core.InferenceGraph;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.NodeKind;
import org.normgraph.core.family.NormLayout;
import org.normgraph.timeline.Phase;
import org.normgraph.timeline.Step;

/**
 * The status line's words for the current step. Batch norm's steps have their own sentences
 * in the bundle; the steps whose sentences speak of rows and columns (the two reductions, the
 * broadcasts of mu and ivar, and their backward steps) would be wrong for layer, group and instance
 * norm and for N×C×H×W x,
 * so there the line shows the kind's own formulas from the core's graph instead.
 */
public final class FamilyStatus {

    /** Steps whose batch-norm sentence names the rows the statistics collapse. */
    private static final Set<Integer> FORWARD_BY_AXES = Set.of(1, 2, 4, 7);
    private static final Set<Integer> BACKWARD_BY_AXES = Set.of(7, 4, 2, 1);

    private FamilyStatus() {
    }

    /** The status line at the current step. */
    public static String text(SessionModel model) {
        Step step = model.getStep();
        return step == null ? Messages.get(model.getStatusKey()) : text(model, step);
    }

    /** The status line at every step of the current walk, in order. */
    public static List<String> all(SessionModel model) {
        return model.steps().stream().map(s -> text(model, s)).toList();
    }

    /**
     * {@link #text(SessionModel, Step)}, and at the start the key that runs the walk, for the
     * window: a slide or the room's caption said "Press →" to people who cannot.
     */
    public static String withKeys(SessionModel model, Step step) {
        String text = text(model, step);
        return step.phase() == Phase.START ? StepExplanations.paragraph(List.of(text, Messages.get("step.start.keys"))) : text;
    }

    /** The status line at {@code step} of the current walk. */
    public static String text(SessionModel model, Step step) {
        NormLayout layout = model.getNormLayout();
        if (layout.batchOfFeatures()) {
            return Messages.get(model.statusKey(step));
        }
        Graph g = model.getGraph();
        if (layout.spatial()) { // gamma and beta of images are one per channel, in training and in inference
            if (step.phase() == Phase.FORWARD && step.number() == 8) {
                return Messages.get("step.forward.8.images");
            }
            if (step.phase() == Phase.BACKWARD && (step.number() == 9 || step.number() == 8)) {
                return backwardFormulas(layout, step); // dbeta and dgamma sum over n, h, w, not over rows
            }
        }
        if (InferenceGraph.isInference(g)) {
            return inferenceOfImages(model, step);
        }
        switch (step.phase()) {
            case FORWARD -> {
                if (!FORWARD_BY_AXES.contains(step.number())) {
                    return Messages.get(model.statusKey(step));
                }
                String formulas = g.nodes().stream()
                        .filter(n -> n.step() == step.number() && n.kind() != NodeKind.INPUT && n.kind() != NodeKind.BROADCAST)
                        .map(n -> n.formula()).collect(Collectors.joining(Messages.get("status.family.join")));
                if (step.number() == 1 || step.number() == 4) {
                    formulas += Messages.get("status.family.dash") + org.normgraph.app.graph.FamilyText.reduction(
                            org.normgraph.app.model.NormAxes.of(g, layout)); // N×C×H×W x is worded as images
                }
                return Messages.get("status.family.forward", Integer.toString(step.number()), formulas);
            }
            case BACKWARD -> {
                if (!BACKWARD_BY_AXES.contains(step.number())) {
                    return Messages.get(model.statusKey(step));
                }
                return backwardFormulas(layout, step);
            }
            default -> { // the start: x of images has gamma and beta per channel
                return Messages.get(layout.spatial() ? "step.start.images" : model.statusKey(step));
            }
        }
    }

    /**
     * Spatial batch norm in inference: the inference sentences, which compute no statistics;
     * but the constant mean and ivar are one per channel, copied over its H·W columns too.
     */
    private static String inferenceOfImages(SessionModel model, Step step) {
        if (step.phase() == Phase.FORWARD && step.number() == 2) {
            return Messages.get("inference.step.forward.2.images");
        }
        if (step.phase() == Phase.FORWARD && step.number() == 7) {
            return Messages.get("inference.step.forward.7.images");
        }
        return Messages.get(model.statusKey(step));
    }

    /** "Backward 8: dgamma = Σ_{n,h,w} (dgammax ⊙ xhat); dxhat = …": the step's gradients in the kind's formulas. */
    private static String backwardFormulas(NormLayout layout, Step step) {
        String formulas = BatchNormGraph.gradients(layout).stream()
                .filter(ng -> ng.step() == step.number()).map(NamedGradient::formula)
                .collect(Collectors.joining(Messages.get("status.family.join")));
        return Messages.get("status.family.backward", Integer.toString(step.number()), formulas);
    }
}
