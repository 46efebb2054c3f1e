package org.normgraph.app;

import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/**
 * A side pane of the window: the inputs at its left, the inspector at its right. Its width is
 * in em, so that it grows with the text size. The user sets it by dragging the pane's inner
 * edge (the one next to the graph); a double click on the edge gives back the default width.
 * The default width is at most {@value #DEFAULT_MAX_SHARE} of the window, so that at 200 %
 * text the graph keeps room; a dragged one may take up to {@value #MAX_SHARE}, and a drag
 * leaves the graph at least {@value #GRAPH_MIN_SHARE} of the window. Limits are applied at
 * layout time rather than bound, so that resizing the window sets no property.
 *
 * <p>Cut at its edges, so that content wider than the pane is not drawn over the graph;
 * content taller than the pane is cut at its bottom, not at its top.
 */
final class SidePane extends StackPane {

    static final double DEFAULT_MAX_SHARE = 0.3;
    static final double MAX_SHARE = 0.5;
    static final double GRAPH_MIN_SHARE = 0.25;
    /** Pixels of the inner edge that take a drag. */
    static final double EDGE_WIDTH = 6;

    private final Side side;
    private final double defaultEm;
    private double widthEm;
    private final Region edge = new Region();
    private final Tooltip edgeTip = new Tooltip();
    private DoubleConsumer onWidthChosen = em -> { };
    private double dragStartX;
    private double dragStartWidth;
    private double dragEmPx;
    private boolean dragged;

    /**
     * @param side      where the pane sits in the window, {@link Side#LEFT} or {@link Side#RIGHT}
     * @param defaultEm its width in em when the user has not chosen one
     */
    SidePane(Side side, double defaultEm) {
        if (side != Side.LEFT && side != Side.RIGHT) {
            throw new IllegalArgumentException("a side pane sits at the left or the right: " + side);
        }
        this.side = side;
        this.defaultEm = defaultEm;
        setAlignment(Pos.TOP_LEFT);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        edge.getStyleClass().add("side-pane-edge");
        edge.setCursor(Cursor.H_RESIZE);
        edge.setManaged(false); // laid out by hand over the content's edge
        Tooltip.install(edge, edgeTip);
        edge.setOnMousePressed(this::startDrag);
        edge.setOnMouseDragged(this::drag);
        edge.setOnMouseReleased(e -> {
            if (dragged) {
                onWidthChosen.accept(widthEm); // once per drag: storing writes the preferences to disk
            }
            dragged = false;
            e.consume();
        });
        edge.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                chooseWidthEm(this.defaultEm);
            }
            e.consume();
        });
        getChildren().add(edge);
        setWidthEm(defaultEm);
    }

    /** Shows {@code content} in the pane (it replaces the one before). */
    void setContent(Node content) {
        getChildren().setAll(content, edge);
    }

    /** The edge's tooltip, in the current language. */
    void setEdgeTip(String text) {
        edgeTip.setText(text);
    }

    /** Called with the width in em each time the user has dragged the edge or reset it. */
    void setOnWidthChosen(DoubleConsumer action) {
        onWidthChosen = action;
    }

    double getWidthEm() {
        return widthEm;
    }

    double getDefaultEm() {
        return defaultEm;
    }

    /** Sets the width in em (a stored choice); a number that is not a positive width means the default. */
    void setWidthEm(double em) {
        widthEm = Double.isFinite(em) && em > 0 ? em : defaultEm;
        // an inline style: a width set in code would lose to the stylesheet's at the next CSS pass
        setStyle(String.format(Locale.ROOT, "-fx-pref-width: %.3fem;", widthEm));
    }

    private void chooseWidthEm(double em) {
        setWidthEm(em);
        onWidthChosen.accept(widthEm);
    }

    private void startDrag(MouseEvent e) {
        dragStartX = e.getScreenX();
        dragStartWidth = getWidth();
        // the em in effect: the pref width the stylesheet resolved for the current em width
        // (measured here: during the drag the new width's CSS pass has not run yet)
        dragEmPx = getPrefWidth() > 0 ? getPrefWidth() / widthEm : 13;
        e.consume();
    }

    private void drag(MouseEvent e) {
        double dx = e.getScreenX() - dragStartX;
        double wanted = dragStartWidth + (side == Side.LEFT ? dx : -dx);
        double px = Math.max(minWidth(-1), Math.min(wanted, dragLimit()));
        setWidthEm(px / dragEmPx);
        dragged = true;
        e.consume();
    }

    /** The widest a drag may make the pane: its share, and the graph keeps its own. */
    private double dragLimit() {
        if (!(getParent() instanceof BorderPane window) || window.getWidth() <= 0) {
            return Double.MAX_VALUE;
        }
        Node other = side == Side.LEFT ? window.getRight() : window.getLeft();
        double otherWidth = other instanceof Region r ? r.getWidth() : 0;
        double w = window.getWidth();
        return Math.min(MAX_SHARE * w, (1 - GRAPH_MIN_SHARE) * w - otherWidth);
    }

    private boolean isDefaultWidth() {
        return widthEm == defaultEm;
    }

    @Override
    protected double computeMaxWidth(double height) {
        if (!(getParent() instanceof Region p) || p.getWidth() <= 0) {
            return Double.MAX_VALUE;
        }
        return p.getWidth() * (isDefaultWidth() ? DEFAULT_MAX_SHARE : MAX_SHARE);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double x = side == Side.LEFT ? getWidth() - EDGE_WIDTH : 0;
        edge.resizeRelocate(x, 0, EDGE_WIDTH, getHeight());
    }
}
