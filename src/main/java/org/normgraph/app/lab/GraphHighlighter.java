package org.normgraph.app.lab;

import javafx.css.PseudoClass;
import org.normgraph.app.graph.EdgeView;
import org.normgraph.app.graph.GraphNodeView;
import org.normgraph.app.graph.GraphView;

/**
 * Marks one lab finding on the graph view: the gradient check's worst element
 * ({@code :lab-worst}) or a pitfall's first difference ({@code :lab-first-difference}, on its
 * node and, for a branch, its edge). The graph view may be rebuilt (new shape, language), so the
 * mark is put on again by {@link #apply}.
 */
public final class GraphHighlighter {

    public static final PseudoClass WORST = PseudoClass.getPseudoClass("lab-worst");
    public static final PseudoClass FIRST_DIFFERENCE = PseudoClass.getPseudoClass("lab-first-difference");

    private GraphView view;
    private LabResults.Site site;
    private PseudoClass kind;

    public void setView(GraphView view) {
        clear();
        this.view = view;
        apply();
    }

    /** Marks {@code site} as {@code kind}, or nothing when {@code site} is null. */
    public void mark(LabResults.Site site, PseudoClass kind) {
        clear();
        this.site = site;
        this.kind = kind;
        apply();
    }

    /** Puts the mark on the current views (after the graph view rebuilt them). */
    public void apply() {
        if (view == null || site == null) {
            return;
        }
        GraphNodeView v = view.nodeView(site.node());
        if (v != null) {
            v.pseudoClassStateChanged(kind, true);
        }
        if (site.edge() != null) {
            EdgeView e = view.edgeView(site.edge());
            if (e != null) {
                e.pseudoClassStateChanged(kind, true);
            }
        }
    }

    private void clear() {
        if (view == null) {
            return;
        }
        for (GraphNodeView v : view.nodeViews().values()) {
            v.pseudoClassStateChanged(WORST, false);
            v.pseudoClassStateChanged(FIRST_DIFFERENCE, false);
        }
        for (EdgeView e : view.edgeViews().values()) {
            e.pseudoClassStateChanged(WORST, false);
            e.pseudoClassStateChanged(FIRST_DIFFERENCE, false);
        }
    }

    /** The marked site, or null. */
    public LabResults.Site site() {
        return site;
    }
}
