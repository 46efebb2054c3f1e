package org.normgraph.app.lab;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;
import org.normgraph.app.graph.GraphView;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.model.Selection;

/**
 * Where the lab lives in the window: the centre holds the graph alone, or, while the lab is
 * shown, the graph above and the lab's tabs below (a split the user can drag). Owns the
 * {@link LabModel} (which outlives a language switch) and marks the lab's findings on the
 * graph. The main window puts {@link #center()} in its centre, hands over each new graph view
 * with {@link #setGraph} and each rebuild with {@link #rebuild}.
 */
public final class LabDock {

    private final SessionModel session;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "normgraph-lab");
        t.setDaemon(true);
        return t;
    });
    private final LabModel model;
    private final RunningStatsModel running;
    private final StackPane center = new StackPane();
    private final SplitPane split = new SplitPane();
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private final GraphHighlighter highlighter = new GraphHighlighter();
    private GraphView graph;
    private LabPane pane;
    private int tab; // the selected tab, kept over a rebuild

    public LabDock(SessionModel session) {
        this.session = session;
        this.model = new LabModel(session.inputProperty(), session.normSpecProperty(), session.inputLayoutProperty(),
                worker, Platform::runLater);
        this.running = new RunningStatsModel(session, worker, Platform::runLater);
        center.setId("center-area");
        split.setId("lab-split");
        split.setOrientation(Orientation.VERTICAL);
        shown.addListener((o, a, on) -> place());
        // the graph view rebuilds its nodes for a new shape: mark them again
        session.traceProperty().addListener((o, a, t) -> highlighter.apply());
    }

    /** The node for the window's centre. */
    public Node center() {
        return center;
    }

    public BooleanProperty shownProperty() {
        return shown;
    }

    public LabModel model() {
        return model;
    }

    public RunningStatsModel running() {
        return running;
    }

    /** The lab's tabs (null until the lab is first shown). */
    public LabPane pane() {
        return pane;
    }

    public GraphHighlighter highlighter() {
        return highlighter;
    }

    /** The graph view to show and mark (after a language switch there is a new one). */
    public void setGraph(GraphView view) {
        this.graph = view;
        if (!view.getStylesheets().contains(LabPane.STYLESHEET)) {
            view.getStylesheets().add(LabPane.STYLESHEET); // the marks' styles, after graph.css
        }
        highlighter.setView(view);
        place();
    }

    /**
     * Builds the lab's tabs again in the current language — at once if the lab is shown,
     * else when it is first shown: most sessions never open it, and its tabs are a good
     * part of the window's startup time.
     */
    public void rebuild() {
        if (pane != null) {
            tab = pane.getSelectionModel().getSelectedIndex();
            pane.dispose();
            pane = null;
        }
        place();
    }

    private void build() {
        pane = new LabPane(model, running, this::select);
        pane.getSelectionModel().select(tab);
        pane.setOnSite(s -> highlighter.mark(s, pane.siteIsDifference() ? GraphHighlighter.FIRST_DIFFERENCE
                : GraphHighlighter.WORST));
    }

    /** Selects a finding's element, so the inspector shows it (for a branch, the element it reaches). */
    private void select(LabResults.Site site) {
        String node = site.edge() != null ? site.edge().from() : site.node();
        if (!session.getGraph().contains(node)) {
            return; // e.g. sq, which the inference graph has not
        }
        var shape = session.getGraph().node(node).shape();
        int row = Math.min(site.row(), shape.rows() - 1);
        int col = Math.min(site.col(), shape.cols() - 1);
        session.setSelection(Selection.element(node, row, col));
        if (!session.atEndProperty().get()) {
            session.last(); // a check is about gradients: show the whole backward pass
        }
        if (graph != null) {
            graph.requestFocus();
        }
    }

    private void place() {
        boolean on = shown.get() && graph != null;
        if (on && pane == null) {
            build();
        }
        model.setActive(on);
        if (on) {
            split.getItems().setAll(graph, pane);
            split.setDividerPositions(0.55);
            center.getChildren().setAll(split);
            if (pane.getSelectionModel().getSelectedItem() != null) {
                pane.setOnSite(s -> highlighter.mark(s, pane.siteIsDifference() ? GraphHighlighter.FIRST_DIFFERENCE
                        : GraphHighlighter.WORST));
            }
        } else {
            // the Lab closed around the focus (Ctrl+L inside it): the graph takes the keys again
            boolean focusLeaves = pane != null && pane.isFocusWithin();
            split.getItems().clear();
            center.getChildren().setAll(graph == null ? new StackPane() : graph);
            highlighter.mark(null, null);
            if (focusLeaves && graph != null) {
                graph.requestFocus();
            }
        }
    }
}
