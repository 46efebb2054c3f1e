package org.normgraph.app.family;

import javafx.util.Subscription;
import org.normgraph.app.explain.SteadyHeightLabel;
import org.normgraph.app.model.SessionModel;
import org.normgraph.timeline.Step;

/**
 * The current step in words ({@link FamilyStatus}), following the session's position and
 * graph (the kind of norm, the layout of x), as tall as the longest line of the walk. The
 * window's status line and the presentation caption both show it. {@link #dispose()} takes
 * it off the session.
 */
public final class StatusLineView extends SteadyHeightLabel {

    private final Subscription subscription;

    /** @param withKeys whether the start says which key runs the walk (the window's line, not the room's) */
    public StatusLineView(SessionModel model, boolean withKeys) {
        super(() -> model.steps().stream().map(s -> line(model, s, withKeys)).toList());
        setId("status-line");
        getStyleClass().add("status-line");
        subscription = model.statusKeyProperty().subscribe(k -> setText(line(model, withKeys)))
                // the graph, not the kind: a new kind is set before its graph and layout exist
                .and(model.graphProperty().subscribe(g -> {
                    setText(line(model, withKeys));
                    refreshTexts(); // another walk, maybe at a step whose line reads the same
                }));
    }

    private static String line(SessionModel model, boolean withKeys) {
        Step step = model.getStep();
        return step == null ? FamilyStatus.text(model) : line(model, step, withKeys);
    }

    private static String line(SessionModel model, Step step, boolean withKeys) {
        return withKeys ? FamilyStatus.withKeys(model, step) : FamilyStatus.text(model, step);
    }

    public void dispose() {
        subscription.unsubscribe();
    }
}
