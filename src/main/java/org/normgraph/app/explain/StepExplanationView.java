package org.normgraph.app.explain;

import javafx.scene.control.Label;
import javafx.util.Subscription;
import org.normgraph.app.model.SessionModel;

/**
 * The explanation of the current step under the status line: a wrapped paragraph that
 * follows the session's position. {@link #dispose()} takes it off the session.
 */
public final class StepExplanationView extends Label {

    private final Subscription subscription;

    public StepExplanationView(SessionModel model) {
        setId("step-explanation");
        getStyleClass().add("step-explanation");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        subscription = model.stepProperty().subscribe(step -> setText(StepExplanations.text(step)));
    }

    public void dispose() {
        subscription.unsubscribe();
    }
}
