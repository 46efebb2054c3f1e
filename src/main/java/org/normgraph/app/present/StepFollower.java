package org.normgraph.app.present;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import org.normgraph.app.graph.GraphLayout;
import org.normgraph.app.graph.GraphView;
import org.normgraph.app.model.SessionModel;

/**
 * Keeps the current step's nodes framed in a graph view ({@link StepFramer}): at every step,
 * once more after the layout pass the step causes (the nodes' sizes change with what it
 * reveals), after any layout pass that moved the nodes (an edit of N or D, an opened file),
 * and whenever the view is resized. A zoom or pan by hand stays until one of these.
 * Presentation mode follows the steps this way, and so does the window while its "Follow
 * step" toggle is on.
 */
public final class StepFollower {

    private final SessionModel model;
    private final Supplier<GraphView> graph;
    private final double maxZoom;
    private final double margin;
    /** The view being followed; null while stopped. */
    private GraphView view;
    private boolean frameAfterLayout;
    /** The layout the view was last framed for. */
    private GraphLayout.Result framedLayout;
    private final ChangeListener<Number> stepped = (o, a, b) -> frameNowAndAfterLayout();
    // a change listener: Parent.isNeedsLayout() does not read the property, so an invalidation
    // listener would hear only the first layout pass
    private final ChangeListener<Boolean> laidOut = (o, was, needs) -> {
        if (!needs) {
            afterLayout();
        }
    };
    // later: a new size arrives in the middle of a layout pass
    private final ChangeListener<Number> resized = (o, a, b) -> Platform.runLater(this::frameNow);

    /**
     * @param graph   the view to follow when {@link #start} is called (the window builds a new one on a language switch)
     * @param maxZoom the largest zoom a step is framed at
     * @param margin  view pixels left free around the framed nodes
     */
    public StepFollower(SessionModel model, Supplier<GraphView> graph, double maxZoom, double margin) {
        this.model = model;
        this.graph = graph;
        this.maxZoom = maxZoom;
        this.margin = margin;
    }

    /** Frames the current step and follows the steps from now on (nothing if already following). */
    public void start() {
        if (view != null) {
            return;
        }
        view = graph.get();
        model.positionProperty().addListener(stepped);
        view.needsLayoutProperty().addListener(laidOut);
        view.widthProperty().addListener(resized);
        view.heightProperty().addListener(resized);
        frameNowAndAfterLayout();
    }

    /** Stops following; the view keeps its zoom and pan. */
    public void stop() {
        if (view == null) {
            return;
        }
        model.positionProperty().removeListener(stepped);
        view.needsLayoutProperty().removeListener(laidOut);
        view.widthProperty().removeListener(resized);
        view.heightProperty().removeListener(resized);
        view = null;
        frameAfterLayout = false;
        framedLayout = null;
    }

    /** Frames the current step again now (after a manual zoom or pan, say). */
    public void frameNow() {
        if (view != null && StepFramer.frame(view, model.steps(), model.getPosition(), maxZoom, margin)) {
            framedLayout = view.layoutResult();
        }
    }

    private void frameNowAndAfterLayout() {
        frameNow();
        frameAfterLayout = true;
    }

    private void afterLayout() {
        if (view != null && (frameAfterLayout || !Objects.equals(view.layoutResult(), framedLayout))) {
            frameAfterLayout = false;
            Platform.runLater(this::frameNow);
        }
    }
}
