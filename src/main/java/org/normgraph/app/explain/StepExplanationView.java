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

    public StepExplanationView(SessionModel model) {
        super(() -> StepExplanations.texts(model.steps()));
        setId("step-explanation");
        getStyleClass().add("step-explanation");
        subscription = model.stepProperty().subscribe(step -> setText(StepExplanations.text(step)));
    }

    public void dispose() {
        subscription.unsubscribe();
    }
}
