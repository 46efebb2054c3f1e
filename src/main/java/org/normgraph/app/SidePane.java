package org.normgraph.app;

import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
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
 * A side pane of the window: the inputs at its left, the inspector at its right. Its default
 * width is in em, so that it grows with the text size, up to {@value #DEFAULT_MAX_SHARE} of the
 * window (at 200 % text the graph keeps room). The user sets another by dragging the pane's
 * inner edge (the one next to the graph): a share of the window, as a split pane's divider
 * keeps, between the pane's minimum width and {@value #MAX_SHARE}, and a drag leaves the graph
 * at least {@value #GRAPH_MIN_SHARE}. A dragged pane keeps its share at any text size: in em it
 * doubled at 200 % and took half the window. A double click on the edge gives back the
 * default width. Limits are applied at layout time rather than bound, so that resizing the
 * window sets no property.
 *
 * <p>Cut at its edges, so that content wider than the pane is not drawn over the graph;
 * content taller than the pane is cut at its bottom, not at its top.
 */
final class SidePane extends StackPane {

    static final double DEFAULT_MAX_SHARE = 0.3;
    static final double MAX_SHARE = 0.5;
    static final double GRAPH_MIN_SHARE = 0.25;
    /** Pixels of the inner edge that take a drag: 6 were easy to miss, and a miss pans the graph. */
    static final double EDGE_WIDTH = 8;

    private final Side side;
    private final double defaultEm;
    /** The dragged width as a share of the window, or NaN: the default width. */
    private double share = Double.NaN;
    private final Region edge = new Region();
    private final Tooltip edgeTip = new Tooltip();
    private DoubleConsumer onShareChosen = s -> { };
    /** What the content needs to show itself whole, in px: the default width grows to it. */
    private DoubleSupplier contentWidth = () -> 0;
    /** One em of the pane's text in px, from CSS: the default width is in em. */
    private final Region emProbe = new Region();
    private double dragStartX;
    private double dragStartWidth;
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
                onShareChosen.accept(share); // once per drag: storing writes the preferences to disk
            }
            dragged = false;
            e.consume();
        });
        edge.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                setShare(Double.NaN);
                onShareChosen.accept(share);
            }
            e.consume();
        });
        emProbe.setManaged(false); // never laid out: only its CSS width is read
        emProbe.setStyle("-fx-pref-width: 1em;");
        getChildren().addAll(emProbe, edge);
        setShare(Double.NaN);
    }

    /** Shows {@code content} in the pane (it replaces the one before). */
    void setContent(Node content) {
        getChildren().setAll(content, emProbe, edge);
    }

    /** The edge's tooltip, in the current language. */
    void setEdgeTip(String text) {
        edgeTip.setText(text);
    }

    /** Called with the share of the window (NaN: the default width) each time the user has dragged the edge or reset it. */
    void setOnShareChosen(DoubleConsumer action) {
        onShareChosen = action;
    }

    /** Sets the width as a share of the window (a stored choice); one outside (0, {@value #MAX_SHARE}] means the default. */
    void setShare(double s) {
        share = s > 0 && s <= MAX_SHARE ? s : Double.NaN;
        requestLayout();
    }

    private void startDrag(MouseEvent e) {
        dragStartX = e.getScreenX();
        dragStartWidth = getWidth();
        e.consume();
    }

    private void drag(MouseEvent e) {
        double windowWidth = windowWidth();
        if (windowWidth <= 0) {
            return;
        }
        double dx = e.getScreenX() - dragStartX;
        double wanted = dragStartWidth + (side == Side.LEFT ? dx : -dx);
        double px = Math.max(minWidth(-1), Math.min(wanted, dragLimit(windowWidth)));
        setShare(px / windowWidth);
        dragged = true;
        e.consume();
    }

    private double windowWidth() {
        return getParent() instanceof Region p ? p.getWidth() : 0;
    }

    /** The widest a drag may make the pane: its share, and the graph keeps its own. */
    private double dragLimit(double windowWidth) {
        Node other = getParent() instanceof BorderPane window
                ? (side == Side.LEFT ? window.getRight() : window.getLeft()) : null;
        double otherWidth = other instanceof Region r ? r.getWidth() : 0;
        return Math.min(MAX_SHARE * windowWidth, (1 - GRAPH_MIN_SHARE) * windowWidth - otherWidth);
    }

    /**
     * Lets the default width grow to what the content needs ({@code width}, in px, read at each
     * layout), up to {@value #DEFAULT_MAX_SHARE} of the window; a dragged width stays as dragged.
     */
    void setContentWidth(DoubleSupplier width) {
        contentWidth = width;
        requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = windowWidth();
        if (!Double.isNaN(share) && w > 0) {
            return share * w;
        }
        double em = emProbe.getPrefWidth() > 0 ? emProbe.getPrefWidth() : 13; // before the first CSS pass
        return Math.max(defaultEm * em, contentWidth.getAsDouble() + snappedLeftInset() + snappedRightInset());
    }

    @Override
    protected double computeMaxWidth(double height) {
        double w = windowWidth();
        return w <= 0 ? Double.MAX_VALUE : w * (Double.isNaN(share) ? DEFAULT_MAX_SHARE : MAX_SHARE);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double x = side == Side.LEFT ? getWidth() - EDGE_WIDTH : 0;
        edge.resizeRelocate(x, 0, EDGE_WIDTH, getHeight());
    }
}
