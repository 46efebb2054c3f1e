package org.normgraph.app.explain;

import javafx.util.Subscription;
import org.normgraph.app.model.SessionModel;

/**
 * The explanation of the current step under the status line: a wrapped paragraph that
 * follows the session's position, as tall as the longest explanation of the walk.
 * {@link #dispose()} takes it off the session.
 */
public final class StepExplanationView extends SteadyHeightLabel {

    private final Subscription subscription;
    private org.normgraph.core.Graph graph;

    public StepExplanationView(SessionModel model) {
        super(() -> StepExplanations.texts(model));
        setId("step-explanation");
        getStyleClass().add("step-explanation");
        // another kind or inference keeps the step but not its words; an edit's numbers change no words
        subscription = Subscription.combine(
                model.stepProperty().subscribe(step -> setText(StepExplanations.text(model, step))),
                model.traceProperty().subscribe(t -> {
                    if (t != null && t.graph() != graph && model.getStep() != null) {
                        graph = t.graph();
                        setText(StepExplanations.text(model, model.getStep()));
                        refreshTexts();
                    }
                }));
    }

    public void dispose() {
        subscription.unsubscribe();
    }
}
