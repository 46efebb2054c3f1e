package org.normgraph.app;

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

    public UncachedScrollPane(Node content) {
        super(content);
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
