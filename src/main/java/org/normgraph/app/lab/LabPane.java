package org.normgraph.app.lab;

import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.normgraph.app.Messages;
import org.normgraph.app.UncachedScrollPane;

/**
 * The verification lab's tabs: gradient check, staged vs simplified, pitfalls, numerics (and
 * the running statistics, added by {@link LabDock}). Shows the {@link LabModel}'s results;
 * {@code onSite} is told which finding to mark on the graph whenever the tab or the results
 * change, and {@code onShow} when the user asks to select it.
 */
public final class LabPane extends TabPane {

    public static final String STYLESHEET = LabPane.class.getResource("/org/normgraph/app/lab/lab.css").toExternalForm();

    /** The tab content's padding on both sides (lab.css), and some room for the scroll bar's edge. */
    private static final double TEXT_INSETS = 24;
    private static final double MIN_TEXT_WIDTH = 120;

    private final LabModel model;
    private final Consumer<LabResults.Site> onShow;
    private final StackPane check = area("lab-check-area");
    private final StackPane simplified = area("lab-simplified-area");
    private final StackPane pitfall = area("lab-pitfall-area");
    private final StackPane numerics = area("lab-numerics-area");
    private final Tab checkTab;
    private final Tab pitfallTab;
    private final Subscription subscription;
    /** The tabs' scroll panes, whose sentences wrap at the visible width ({@link #wrapText}). */
    private final java.util.List<ScrollPane> scrolls = new java.util.ArrayList<>();

    private final RunningStatsTab running;
    /** Whether the session's graph is the inference graph, which these tabs do not check. */
    private final BooleanBinding inference;

    public LabPane(LabModel model, RunningStatsModel runningModel, Consumer<LabResults.Site> onShow) {
        this.model = model;
        this.onShow = onShow;
        this.inference = runningModel.session().inferenceProperty().isNotNull();
        setId("lab-pane");
        getStyleClass().add("lab-pane");
        getStylesheets().add(STYLESHEET);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        checkTab = tab("lab-tab-check", "lab.tab.check", check);
        Tab simplifiedTab = tab("lab-tab-simplified", "lab.tab.simplified", simplified);
        pitfallTab = tab("lab-tab-pitfalls", "lab.tab.pitfalls",
                new VBox(8, withLabel("lab.pitfall.choose", PitfallTab.chooser(model)), pitfall));
        Tab numericsTab = tab("lab-tab-numerics", "lab.tab.numerics",
                new VBox(8, withLabel("lab.numerics.offset", NumericsTab.offsetChooser(model)), numerics));
        running = new RunningStatsTab(runningModel);
        Tab runningTab = tab("lab-tab-running", "lab.tab.running", running.node());
        getTabs().addAll(checkTab, simplifiedTab, pitfallTab, numericsTab, runningTab);
        subscription = Subscription.combine(
                model.resultsProperty().subscribe(r -> showResults()),
                model.errorProperty().subscribe(e -> showResults()),
                model.numericsProperty().subscribe(n -> {
                    numerics.getChildren().setAll(NumericsTab.content(n));
                    scrolls.forEach(LabPane::wrapText);
                }),
                getSelectionModel().selectedItemProperty().subscribe(t -> markSite()));
    }

    /**
     * Shown while the graph is in inference mode: these tabs check batch norm in training on the
     * same input, whose numbers differ from the inference graph's (learner reviewer: the Lab's dx
     * was not the graph's, without a word).
     */
    private Label inferenceNote() {
        Label note = LabFormat.label(Messages.get("lab.inference.note"), "lab-inference-note");
        note.visibleProperty().bind(inference);
        note.managedProperty().bind(inference);
        return note;
    }

    /** Stops listening to the model (the pane is replaced, e.g. after a language switch). */
    public void dispose() {
        subscription.unsubscribe();
        running.dispose();
    }

    /** Where to mark on the graph for the selected tab: the worst element, the first difference, or nothing. */
    public LabResults.Site site() {
        LabResults r = model.getResults();
        if (r == null) {
            return null;
        }
        Tab t = getSelectionModel().getSelectedItem();
        if (t == checkTab) {
            return r.worstSite();
        }
        if (t == pitfallTab) {
            return r.firstDifferenceSite().orElse(null);
        }
        return null;
    }

    /** Whether {@link #site()} is a pitfall's first difference (else the worst element). */
    public boolean siteIsDifference() {
        return getSelectionModel().getSelectedItem() == pitfallTab;
    }

    private Consumer<LabResults.Site> siteListener = s -> { };

    /** Told the site to mark whenever the tab or the results change. */
    public void setOnSite(Consumer<LabResults.Site> listener) {
        siteListener = listener;
        markSite();
    }

    private void markSite() {
        siteListener.accept(site());
    }

    private void showResults() {
        String error = model.errorProperty().get();
        LabResults r = model.getResults();
        if (error != null) {
            for (StackPane a : new StackPane[] {check, simplified, pitfall}) {
                a.getChildren().setAll(LabFormat.label(Messages.get("lab.error", error), "lab-error"));
            }
        } else if (r != null) {
            check.getChildren().setAll(new VBox(8, inferenceNote(), GradientCheckTab.content(r, onShow)));
            simplified.getChildren().setAll(new VBox(8, inferenceNote(), StagedVsSimplifiedTab.content(r)));
            pitfall.getChildren().setAll(new VBox(8, inferenceNote(), PitfallTab.content(r, onShow)));
        }
        scrolls.forEach(LabPane::wrapText);
        markSite();
    }

    /** Scrolls the shown tab a page down (1) or up (−1): Shift + PageDown / PageUp from within the Lab. */
    public void scrollPage(int direction) {
        Tab shown = getSelectionModel().getSelectedItem();
        if (shown != null && shown.getContent() instanceof UncachedScrollPane scroll) {
            scroll.scrollPage(direction);
        }
    }

    private Tab tab(String id, String key, Node content) {
        ScrollPane scroll = new UncachedScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("lab-scroll");
        scrolls.add(scroll);
        double[] width = {-1};
        scroll.viewportBoundsProperty().addListener((o, was, now) -> { // a new bounds object every layout pass
            if (now.getWidth() != width[0]) {
                width[0] = now.getWidth();
                wrapText(scroll);
            }
        });
        Tab t = new Tab(Messages.get(key), scroll);
        t.setId(id);
        t.setTooltip(new Tooltip(Messages.get(key + ".tip")));
        return t;
    }

    /**
     * The tab's sentences wrap at the width that is visible, not at the width of its widest
     * table (which scrolls sideways): before, a paragraph under a wide table ran on behind
     * the scroll bar. Table cells do not wrap and keep their width.
     */
    private static void wrapText(ScrollPane scroll) {
        double w = Math.max(MIN_TEXT_WIDTH, scroll.getViewportBounds().getWidth() - TEXT_INSETS);
        for (Node n : scroll.getContent().lookupAll(".label")) {
            if (n instanceof javafx.scene.control.Label l && l.isWrapText() && l.getMaxWidth() != w) {
                l.setMaxWidth(w);
            }
        }
    }

    private static HBox withLabel(String key, Node control) {
        HBox box = new HBox(8, LabFormat.label(Messages.get(key), "lab-th"), control);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.setPadding(new javafx.geometry.Insets(8, 10, 0, 10));
        return box;
    }

    private static StackPane area(String id) {
        StackPane p = new StackPane();
        p.setId(id);
        p.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        return p;
    }
}
