package org.normgraph.app;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ScrollPaneSkin;

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
    private final ChangeListener<Node> onFocus = (o, a, owner) -> scrollIntoView(owner);

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
     * visible part, and the keyboard user typed into a cell they could not see.
     */
    void scrollIntoView(Node node) {
        Node content = getContent();
        if (node == null || content == null || !isInside(node, content)) {
            return;
        }
        Bounds b = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double visible = getViewportBounds().getHeight();
        double hidden = content.getLayoutBounds().getHeight() - visible;
        if (b == null || hidden <= 0) {
            return;
        }
        double top = (getVvalue() - getVmin()) / (getVmax() - getVmin()) * hidden;
        boolean inSight = b.getMaxY() > top && b.getMinY() < top + visible;
        double newTop;
        if (b.getHeight() > visible) { // a grid taller than the view: its top, unless part of it shows (a click there)
            newTop = inSight ? top : b.getMinY();
        } else {
            newTop = b.getMinY() < top ? b.getMinY() : b.getMaxY() > top + visible ? b.getMaxY() - visible : top;
        }
        if (newTop != top) {
            setVvalue(getVmin() + Math.max(0, Math.min(hidden, newTop)) / hidden * (getVmax() - getVmin()));
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * Scrolls a page down ({@code direction} 1) or up (−1), keeping a tenth of the view in sight:
     * Shift + PageDown / PageUp, for panes that are no Tab stop.
     */
    public void scrollPage(int direction) {
        double visible = getViewportBounds().getHeight();
        double hidden = getContent() == null ? 0 : getContent().getLayoutBounds().getHeight() - visible;
        if (hidden > 0) {
            setVvalue(Math.max(getVmin(), Math.min(getVmax(), getVvalue() + direction * 0.9 * visible / hidden
                    * (getVmax() - getVmin()))));
        }
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
