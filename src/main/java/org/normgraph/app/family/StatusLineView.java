package org.normgraph.app.family;

import javafx.util.Subscription;
import org.normgraph.app.explain.SteadyHeightLabel;
import org.normgraph.app.model.SessionModel;

/**
 * The current step in words ({@link FamilyStatus}), following the session's position and
 * graph (the kind of norm, the layout of x), as tall as the longest line of the walk. The
 * window's status line and the presentation caption both show it. {@link #dispose()} takes
 * it off the session.
 */
public final class StatusLineView extends SteadyHeightLabel {

    private final Subscription subscription;

    public StatusLineView(SessionModel model) {
        super(() -> FamilyStatus.all(model));
        setId("status-line");
        getStyleClass().add("status-line");
        subscription = model.statusKeyProperty().subscribe(k -> setText(FamilyStatus.text(model)))
                // the graph, not the kind: a new kind is set before its graph and layout exist
                .and(model.graphProperty().subscribe(g -> {
                    setText(FamilyStatus.text(model));
                    refreshTexts(); // another walk, maybe at a step whose line reads the same
                }));
    }

    public void dispose() {
        subscription.unsubscribe();
    }
}
