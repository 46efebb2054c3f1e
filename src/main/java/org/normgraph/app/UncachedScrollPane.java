package org.normgraph.app;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ScrollPaneSkin;
import org.normgraph.app.editor.FocusChain;

/**
 * A scroll pane for content that changes while the user works (the input grids, the
 * inspector's tables). JavaFX's skin draws its viewport through a bitmap cache, which pays off
 * only for content that stays the same: with the software renderer, every changed number
 * inside re-rendered the whole viewport into the cache and then drew the cache, on top of
 * the rest of the frame. Here the viewport is drawn directly, like every other pane.
 */
public class UncachedScrollPane extends ScrollPane {

    /** The style class of the skin's viewport node. */
    static final String VIEWPORT = "viewport";

    /** Scrolls the control that takes the focus into view; on the scene the pane is in. */
    private final ChangeListener<Node> onFocus = (o, a, owner) -> scrollToShow(owner);

    public UncachedScrollPane(Node content) {
        super(content);
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.focusOwnerProperty().removeListener(onFocus);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(onFocus);
            }
        });
    }

    /**
     * Scrolls so that {@code node}, if it lies in this pane's content, is in view (one taller than
     * the view: its top, unless part of it is in view): Tab went on into a grid below the pane's
     * visible part, and the keyboard user typed into a cell they could not see. Lays the pane
     * out first: callers scroll to content they have just changed.
     */
    public void scrollIntoView(Node node) {
        layOutNow();
        scrollToShow(node);
    }

    /**
     * Scrolls so that {@code area} of {@code node} (in the node's coordinates) is in view, across
     * as well as down: Tab into a column of a grid wider than the pane typed into a cell out of
     * sight, and the grid keeps the focus while its cell moves.
     */
    public void scrollIntoView(Node node, Bounds area) {
        Node content = getContent();
        if (node == null || content == null || !FocusChain.isInside(node, content)) {
            return;
        }
        Bounds b = content.sceneToLocal(node.localToScene(area));
        if (hidden() > 0) {
            showDown(b);
        }
        double visible = getViewportBounds().getWidth();
        double hidden = content.getLayoutBounds().getWidth() - visible;
        if (hidden > 0) {
            double left = (getHvalue() - getHmin()) / (getHmax() - getHmin()) * hidden;
            double to = b.getMinX() < left ? b.getMinX() : b.getMaxX() > left + visible ? b.getMaxX() - visible : left;
            setHvalue(getHmin() + Math.max(0, Math.min(hidden, to)) / hidden * (getHmax() - getHmin()));
        }
    }

    private void scrollToShow(Node node) {
        Bounds b = inContent(node);
        if (b != null) {
            showDown(b);
        }
    }

    /** Scrolls the content's area {@code b} into view from above or below (with {@link #hidden()} above 0). */
    private void showDown(Bounds b) {
        double visible = getViewportBounds().getHeight();
        double top = top();
        boolean inSight = b.getMaxY() > top && b.getMinY() < top + visible;
        if (b.getHeight() > visible) { // a grid taller than the view: its top, unless part of it shows (a click there)
            scrollTo(inSight ? top : b.getMinY());
        } else if (b.getMinY() < top) {
            scrollTo(b.getMinY());
        } else if (b.getMaxY() > top + visible) {
            scrollTo(b.getMaxY() - visible);
        }
    }

    /**
     * Scrolls {@code node} (a message under a grid) down into view, as far as the focused control
     * stays in sight: a refused cell's message ended below the view, cut mid-sentence. Lays the
     * pane out first, as {@link #scrollIntoView} does.
     */
    public void reveal(Node node) {
        layOutNow();
        Bounds b = inContent(node);
        double visible = getViewportBounds().getHeight();
        if (b == null || b.getMaxY() <= top() + visible) {
            return;
        }
        double to = b.getMaxY() - visible;
        Bounds f = inContent(getScene() == null ? null : getScene().getFocusOwner());
        if (f != null && f.getHeight() < visible) {
            to = Math.min(to, f.getMinY()); // the cell being typed into stays
        }
        if (to > top()) {
            scrollTo(to);
        }
    }

    /**
     * Scrolls a page down ({@code direction} 1) or up (−1), keeping a tenth of the view in sight:
     * Shift + PageDown / PageUp, for panes that are no Tab stop.
     */
    public void scrollPage(int direction) {
        if (hidden() > 0) {
            scrollTo(top() + direction * 0.9 * getViewportBounds().getHeight());
        }
    }

    /** The content's sizes and places with its latest changes, now rather than at the next pulse. */
    private void layOutNow() {
        applyCss();
        layout();
    }

    /**
     * Where {@code node} lies in the content's coordinates; null if it is not in the content,
     * the content does not scroll, or its place cannot be told.
     */
    private Bounds inContent(Node node) {
        Node content = getContent();
        if (node == null || content == null || !FocusChain.isInside(node, content) || hidden() <= 0) {
            return null;
        }
        return content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
    }

    /** How much of the content's height lies outside the view: how far it scrolls. */
    private double hidden() {
        return getContent() == null ? 0 : getContent().getLayoutBounds().getHeight() - getViewportBounds().getHeight();
    }

    /** The content's y at the top of the view (with {@link #hidden()} above 0). */
    private double top() {
        return (getVvalue() - getVmin()) / (getVmax() - getVmin()) * hidden();
    }

    /** Scrolls the content's y {@code top} (kept within the scroll range) to the top of the view. */
    private void scrollTo(double top) {
        setVvalue(getVmin() + Math.max(0, Math.min(hidden(), top)) / hidden() * (getVmax() - getVmin()));
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        ScrollPaneSkin skin = new ScrollPaneSkin(this);
        for (Node n : skin.getChildren()) {
            if (n.getStyleClass().contains(VIEWPORT)) {
                n.setCache(false);
            }
        }
        return skin;
    }
}
