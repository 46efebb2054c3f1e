package org.normgraph.app.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;
import javafx.stage.Window;
import javafx.util.Subscription;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.model.NormAxes;
import org.normgraph.app.model.Selection;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Node;
import org.normgraph.core.Trace;
import org.normgraph.timeline.Phase;
import org.normgraph.timeline.Step;

/**
 * The graph the core executes, drawn: one {@link GraphNodeView} per core node and one
 * {@link EdgeView} per edge, laid out by {@link GraphLayout}, on a pannable and zoomable
 * surface (drag to pan, wheel to scroll, Ctrl+wheel to zoom). Reads every number from the
 * session's {@link Trace}; on an edit it updates the existing views in place.
 *
 * <p>Keys while it has focus: ↑/↓ select the previous/next node, Esc clears the selection.
 * Stepping keys are handled by the window.
 */
public final class GraphView extends Region {

    /** The graph's user-agent stylesheet. */
    public static final String STYLESHEET =
            GraphView.class.getResource("/org/normgraph/app/graph/graph.css").toExternalForm();

    /** Low enough that Fit shows the whole graph at 200 % text beside both side panes. */
    public static final double MIN_ZOOM = 0.1;
    public static final double MAX_ZOOM = 4.0;
    /** How much of the view, at least, a pan leaves covered by the drawing (all of a smaller drawing). */
    static final double KEEP_IN_VIEW = 0.25;
    private static final double ZOOM_STEP = 1.2;

    private final SessionModel model;
    private final Group world = new Group();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group chipLayer = new Group();
    private final Group animLayer = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate translate = new Translate();
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    /** The screen's output scale (2 on a HiDPI screen), 1 while the view is in no window. */
    private final ObservableValue<Number> screenScale = sceneProperty().flatMap(Scene::windowProperty)
            .flatMap(Window::renderScaleXProperty).orElse(1.0);
    /** Device pixels per pixel of the screen, or of the snapshot being taken ({@link #renderedAt}). */
    private final DoubleProperty outputScale = new SimpleDoubleProperty(this, "outputScale", 1);
    /** Device pixels per pixel of the drawing: the nodes draw their numbers at this resolution. */
    private final DoubleBinding pixelScale = zoom.multiply(outputScale);
    private final DoubleProperty animationSpeed = new SimpleDoubleProperty(this, "animationSpeed", 1);
    private final Map<String, GraphNodeView> nodeViews = new LinkedHashMap<>();
    private final Map<Edge, EdgeView> edgeViews = new LinkedHashMap<>();
    private final FlowAnimator animator;
    private GraphLayout.Result layout;
    private boolean autoFit = true;
    private boolean chipsPlaced;
    private double pressX;
    private double pressY;
    private double pressTx;
    private double pressTy;
    private javafx.animation.Timeline follow;
    private Runnable afterRefresh;
    private final Subscription modelSubscription;

    public GraphView(SessionModel model) {
        this.model = model;
        setId("graph-view");
        getStyleClass().add("graph-view");
        getStylesheets().add(STYLESHEET);
        setFocusTraversable(true);
        setMinSize(200, 150);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        animLayer.setMouseTransparent(true);
        world.getChildren().addAll(edgeLayer, nodeLayer, chipLayer, animLayer);
        world.getTransforms().addAll(translate, scale);
        getChildren().add(world);
        animator = new FlowAnimator(this);
        outputScale.bind(screenScale);

        rebuild(model.getGraph());
        Subscription onGraph = model.graphProperty().subscribe((a, g) -> {
            if (sameNames(g)) {
                animator.finish();
                NormAxes axes = NormAxes.of(g, model.getNormLayout());
                for (Node n : g.nodes()) {
                    GraphNodeView v = nodeViews.get(n.name());
                    v.axesProperty().set(axes);
                    v.setValue(null); // the old numbers do not fit the new shape
                    v.setGradient(null);
                    v.setBranches(List.of());
                    v.coreNodeProperty().set(n);
                }
            } else {
                rebuild(g);
            }
            requestLayout();
        });
        Subscription onTrace = model.traceProperty().subscribe((a, t) -> refresh());
        Subscription onPosition = model.positionProperty().subscribe((a, b) -> {
            animator.finish();
            refresh();
            if (b.intValue() == a.intValue() + 1) {
                animator.play(model.getStep(), animationSpeed.get());
            }
            followCurrent();
        });
        Subscription onSelection = model.selectionProperty().subscribe((a, s) -> {
            for (GraphNodeView v : nodeViews.values()) {
                v.selectionProperty().set(s);
            }
        });
        modelSubscription = Subscription.combine(onGraph, onTrace, onPosition, onSelection);

        // a filter: the drawn nodes are controls, whose skins consume the press before it bubbles
        // here, and a click on one must still take the keys from a text the user was typing in
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && !e.isConsumed()) {
                model.setSelection(null);
            }
        });
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        widthProperty().addListener((o, a, b) -> fitIfAuto());
        heightProperty().addListener((o, a, b) -> fitIfAuto());
        refresh();
    }

    /**
     * Stops following the session (for a view that is replaced, e.g. after a language
     * switch): no more listeners on the model, no running animation.
     */
    public void dispose() {
        modelSubscription.unsubscribe();
        animator.finish();
        if (follow != null) {
            follow.stop();
        }
    }

    // ---------------------------------------------------------------- views

    /** The drawn node for a core node name, e.g. {@code xhat}. */
    public GraphNodeView nodeView(String name) {
        return nodeViews.get(name);
    }

    public Map<String, GraphNodeView> nodeViews() {
        return java.util.Collections.unmodifiableMap(nodeViews);
    }

    public EdgeView edgeView(Edge e) {
        return edgeViews.get(e);
    }

    public Map<Edge, EdgeView> edgeViews() {
        return java.util.Collections.unmodifiableMap(edgeViews);
    }

    SessionModel model() {
        return model;
    }

    Group animLayer() {
        return animLayer;
    }

    Group world() {
        return world;
    }

    FlowAnimator animator() {
        return animator;
    }

    /** Runs once after the next refresh of the views (for timing). */
    public void setAfterRefresh(Runnable r) {
        this.afterRefresh = r;
    }

    private boolean sameNames(Graph g) {
        Set<String> names = g.nodes().stream().map(Node::name).collect(Collectors.toSet());
        Set<Edge> edges = Set.copyOf(g.edges());
        return names.equals(nodeViews.keySet()) && edges.equals(edgeViews.keySet());
    }

    private void rebuild(Graph g) {
        animator.finish();
        nodeViews.clear();
        edgeViews.clear();
        nodeLayer.getChildren().clear();
        edgeLayer.getChildren().clear();
        chipLayer.getChildren().clear();
        NormAxes axes = NormAxes.of(g, model.getNormLayout());
        for (Node n : g.nodes()) {
            GraphNodeView v = new GraphNodeView(n, g.isFanOut(n.name()));
            v.axesProperty().set(axes);
            v.setOnSelect(model::setSelection);
            v.pixelScaleProperty().bind(pixelScale);
            v.selectionProperty().set(model.getSelection());
            nodeViews.put(n.name(), v);
            nodeLayer.getChildren().add(v);
        }
        for (Edge e : g.edges()) {
            EdgeView ev = new EdgeView(e);
            ev.setGradientName(org.normgraph.core.InferenceGraph.isInference(g)
                    ? org.normgraph.core.InferenceGraph.contributionName(e) : BatchNormGraph.contributionName(e));
            edgeViews.put(e, ev);
            edgeLayer.getChildren().add(ev);
            chipLayer.getChildren().add(ev.chip());
        }
        layout = null;
        chipsPlaced = false;
        requestLayout();
    }

    /** Puts the session's current values, gradients and step state on the views. */
    public void refresh() {
        Trace t = model.getTrace();
        Graph g = model.getGraph();
        Step step = model.getStep();
        Trace.NonFinite nf = model.getNonFinite();
        Set<String> afterNonFinite = NonFiniteReach.of(g, nf);
        boolean markShown = model.nonFiniteShown();
        for (Node n : g.nodes()) {
            GraphNodeView v = nodeViews.get(n.name());
            // what is computed from the first non-finite number is marked as the walk reaches it
            boolean reached = nf != null && (nf.inGradient() ? model.gradientShown(n.name()) : model.valueShown(n.name()));
            v.setNonFinite(markShown && nf.node().equals(n.name()));
            v.setAfterNonFinite(reached && afterNonFinite.contains(n.name()));
            boolean computed = model.valueShown(n.name());
            boolean gradient = model.gradientShown(n.name());
            v.setComputed(computed);
            v.setValue(computed ? t.value(n.name()) : null);
            v.setGradient(gradient ? t.gradient(n.name()) : null);
            v.setCurrent(model.isCurrent(n.name()));
            boolean anyBranch = false;
            if (v.isFanOut()) {
                List<GraphNodeView.Branch> branches = new ArrayList<>();
                for (Edge e : branchOrder(g, n.name())) {
                    boolean shown = model.contributionShown(e);
                    anyBranch |= shown;
                    branches.add(new GraphNodeView.Branch(edgeViews.get(e).gradientName(), e,
                            shown ? t.contribution(e) : null));
                }
                v.setBranches(branches);
            }
            v.setHasGradient(gradient || anyBranch);
        }
        for (EdgeView ev : edgeViews.values()) {
            Edge e = ev.edge();
            boolean shown = model.contributionShown(e);
            ev.setContribution(g.node(e.from()).shape(), shown ? t.contribution(e) : null);
            ev.setFlowed(model.valueShown(e.to()));
            ev.setNonFinite(markShown && e.equals(nf.branch()));
            boolean active = step.phase() == Phase.BACKWARD ? step.edges().contains(e)
                    : step.phase() == Phase.FORWARD && step.values().contains(e.to());
            ev.setActive(active);
        }
        if (afterRefresh != null) {
            Runnable r = afterRefresh;
            afterRefresh = null;
            r.run();
        }
    }

    /** A fan-out node's consumer edges in the order the backward pass fills them. */
    static List<Edge> branchOrder(Graph g, String node) {
        List<Edge> edges = new ArrayList<>(g.consumers(node));
        edges.sort((a, b) -> Integer.compare(g.node(b.to()).step(), g.node(a.to()).step()));
        return edges;
    }

    // ---------------------------------------------------------------- layout

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 600;
    }

    @Override
    protected void layoutChildren() {
        for (GraphNodeView v : nodeViews.values()) {
            v.autosize();
        }
        GraphLayout.Result r = GraphLayout.layout(model.getGraph(), name -> {
            GraphNodeView v = nodeViews.get(name);
            return new double[] {Math.ceil(v.prefWidth(-1)), Math.ceil(v.prefHeight(-1))};
        });
        boolean changed = layout == null || !r.equals(layout);
        layout = r;
        if (changed) {
            for (Map.Entry<String, GraphLayout.Box> b : r.boxes().entrySet()) {
                GraphNodeView v = nodeViews.get(b.getKey());
                v.resizeRelocate(b.getValue().x(), b.getValue().y(), b.getValue().w(), b.getValue().h());
            }
            for (Map.Entry<Edge, GraphLayout.Route> e : r.routes().entrySet()) {
                edgeViews.get(e.getKey()).setRoute(e.getValue());
            }
            if (autoFit) {
                fit();
            }
        }
        if (changed || !chipsPlaced) {
            // chips keep their size (a name and a fixed-size mini map): placed again only when nodes move
            List<GraphLayout.Box> taken = new ArrayList<>(r.boxes().values());
            for (EdgeView ev : edgeViews.values()) {
                GraphLayout.Box b = ev.placeChip(taken);
                if (b != null) {
                    taken.add(b);
                }
            }
            chipsPlaced = true;
        }
    }

    /** The current layout (after the first layout pass), for tests and the animator. */
    public GraphLayout.Result layoutResult() {
        return layout;
    }

    // ---------------------------------------------------------------- zoom and pan

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public double getZoom() {
        return zoom.get();
    }

    /** Speed factor of the flow animation. */
    public DoubleProperty animationSpeedProperty() {
        return animationSpeed;
    }

    public void zoomIn() {
        zoomAt(ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAt(1 / ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    /** Zoom to 100 %, keeping the centre. */
    public void actualSize() {
        zoomAt(1 / scale.getX(), getWidth() / 2, getHeight() / 2);
    }

    /** Scales the whole graph into the window and keeps fitting on resize until the next manual zoom or pan. */
    public void fit() {
        autoFit = true;
        if (layout == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double s = Math.min(getWidth() / layout.width(), getHeight() / layout.height());
        s = clamp(s, MIN_ZOOM, 1.6);
        setView(s, (getWidth() - layout.width() * s) / 2, (getHeight() - layout.height() * s) / 2);
    }

    private void fitIfAuto() {
        if (autoFit) {
            fit();
        }
    }

    /** Zooms by {@code factor} around the point (x, y) of this view. */
    public void zoomAt(double factor, double x, double y) {
        autoFit = false;
        double s = clamp(scale.getX() * factor, MIN_ZOOM, MAX_ZOOM);
        double wx = (x - translate.getX()) / scale.getX();
        double wy = (y - translate.getY()) / scale.getY();
        setView(s, x - wx * s, y - wy * s);
    }

    /** Horizontal pan: where the drawing's origin is, in pixels of this view. */
    public double getPanX() {
        return translate.getX();
    }

    /** Vertical pan: where the drawing's origin is, in pixels of this view. */
    public double getPanY() {
        return translate.getY();
    }

    /** Whether the view fits the graph to the window (until the next manual zoom or pan). */
    public boolean isFitting() {
        return autoFit;
    }

    /** Shows the drawing at {@code zoom} (clamped) with its origin at (panX, panY); stops fitting. */
    public void setViewport(double zoom, double panX, double panY) {
        autoFit = false;
        setView(clamp(zoom, MIN_ZOOM, MAX_ZOOM), panX, panY);
    }

    /**
     * Runs {@code render} (a snapshot at {@code scale} device pixels per pixel) with the numbers
     * drawn for that resolution instead of the screen's, so that they are as sharp as the rest.
     */
    public <T> T renderedAt(double scale, Supplier<T> render) {
        outputScale.unbind();
        outputScale.set(scale);
        try {
            return render.get();
        } finally {
            outputScale.bind(screenScale);
        }
    }

    /** Ends a running step animation at once (e.g. before a snapshot). */
    public void finishAnimation() {
        animator.finish();
        if (follow != null) {
            follow.stop();
        }
    }

    /** Moves the drawing by (dx, dy) pixels. */
    public void panBy(double dx, double dy) {
        autoFit = false;
        setView(scale.getX(), translate.getX() + dx, translate.getY() + dy);
    }

    private void setView(double s, double tx, double ty) {
        if (follow != null) {
            follow.stop();
        }
        scale.setX(s);
        scale.setY(s);
        Bounds nodes = nodeLayer.getBoundsInParent(); // in the drawing's own units
        boolean drawn = !nodes.isEmpty();
        translate.setX(drawn ? keptInView(tx, nodes.getMinX() * s, nodes.getMaxX() * s, getWidth()) : tx);
        translate.setY(drawn ? keptInView(ty, nodes.getMinY() * s, nodes.getMaxY() * s, getHeight()) : ty);
        zoom.set(s);
    }

    /**
     * The pan {@code t} moved just far enough that the nodes, drawn from {@code from} to
     * {@code to} px past the drawing's origin, cover a quarter of a view {@code view} px long
     * (all of it for smaller nodes): a long drag, or a file's pan of 1e300, otherwise left an
     * empty view with nothing to drag back.
     */
    private static double keptInView(double t, double from, double to, double view) {
        if (view <= 0) {
            return t; // not laid out yet
        }
        double keep = Math.min(to - from, KEEP_IN_VIEW * view);
        return clamp(t, keep - to, view - keep - from);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** When zoomed in, glides so that the nodes of the current step are in view. */
    private void followCurrent() {
        if (autoFit || layout == null) {
            return;
        }
        GraphLayout.Box current = GraphLayout.Box.around(nodeViews.values().stream().filter(GraphNodeView::isCurrent)
                .map(v -> layout.boxes().get(v.getName())).toList());
        if (current == null) {
            return;
        }
        double s = scale.getX();
        double left = translate.getX() + current.x() * s;
        double right = translate.getX() + current.right() * s;
        double top = translate.getY() + current.y() * s;
        double bottom = translate.getY() + current.bottom() * s;
        if (left >= 0 && right <= getWidth() && top >= 0 && bottom <= getHeight()) {
            return;
        }
        double tx = getWidth() / 2 - current.cx() * s;
        double ty = getHeight() / 2 - current.cy() * s;
        if (follow != null) {
            follow.stop();
        }
        follow = new javafx.animation.Timeline(new KeyFrame(Duration.millis(300),
                new KeyValue(translate.xProperty(), tx, Interpolator.EASE_BOTH),
                new KeyValue(translate.yProperty(), ty, Interpolator.EASE_BOTH)));
        follow.play();
    }

    private void pressed(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        pressTx = translate.getX();
        pressTy = translate.getY();
    }

    private void dragged(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY && e.getButton() != MouseButton.MIDDLE) {
            return;
        }
        double dx = e.getX() - pressX;
        double dy = e.getY() - pressY;
        if (Math.abs(dx) + Math.abs(dy) > 2) {
            autoFit = false;
            setView(scale.getX(), pressTx + dx, pressTy + dy);
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            double f = Math.pow(1.0015, e.getDeltaY());
            zoomAt(f, e.getX(), e.getY());
        } else {
            panBy(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }

    /**
     * ↑ / ↓ choose a node; Enter picks the first number of the chosen node and Shift + arrows
     * move to another, so the chain rule of an element is there without a mouse; Esc goes
     * back from a number to its node, then to no selection.
     */
    private void keyPressed(KeyEvent e) {
        Selection s = model.getSelection();
        if (e.isShiftDown() && isArrow(e.getCode())) {
            if (s != null) {
                moveElement(s, e.getCode());
                e.consume();
            }
        } else if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
            List<String> names = new ArrayList<>(nodeViews.keySet());
            int i = s == null ? -1 : names.indexOf(s.node());
            int n = names.size();
            int next = e.getCode() == KeyCode.DOWN ? (i + 1) % n : (i <= 0 ? n - 1 : i - 1);
            model.setSelection(Selection.node(names.get(next)));
            reveal(names.get(next));
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && s != null && !s.hasElement()) {
            model.setSelection(Selection.element(s.node(), 0, 0));
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && s != null) {
            model.setSelection(s.hasElement() ? Selection.node(s.node()) : null);
            e.consume();
        }
    }

    private static boolean isArrow(KeyCode k) {
        return k == KeyCode.UP || k == KeyCode.DOWN || k == KeyCode.LEFT || k == KeyCode.RIGHT;
    }

    /** Shift + arrow: the next number of the node's matrix that way, stopping at its edges (the first one if none). */
    private void moveElement(Selection s, KeyCode k) {
        Trace t = model.getTrace();
        if (t == null || !s.hasElement()) {
            model.setSelection(Selection.element(s.node(), 0, 0));
            return;
        }
        int rows = t.value(s.node()).rows();
        int cols = t.value(s.node()).cols();
        int row = s.row() + (k == KeyCode.DOWN ? 1 : k == KeyCode.UP ? -1 : 0);
        int col = s.col() + (k == KeyCode.RIGHT ? 1 : k == KeyCode.LEFT ? -1 : 0);
        model.setSelection(Selection.element(s.node(), Math.max(0, Math.min(rows - 1, row)),
                Math.max(0, Math.min(cols - 1, col))));
    }

    /** Pans just enough that node {@code name} is inside the view (with a small margin); no change if it is. */
    void reveal(String name) {
        GraphNodeView v = nodeViews.get(name);
        if (v == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        Bounds b = worldBounds(v);
        double sc = scale.getX();
        double margin = 12;
        double dx = shiftInto(b.getMinX() * sc + translate.getX(), b.getMaxX() * sc + translate.getX(), getWidth(), margin);
        double dy = shiftInto(b.getMinY() * sc + translate.getY(), b.getMaxY() * sc + translate.getY(), getHeight(), margin);
        if (dx != 0 || dy != 0) {
            panBy(dx, dy);
        }
    }

    /** How far to move [lo, hi] so that it lies in [margin, size − margin]; its start first when it is larger. */
    private static double shiftInto(double lo, double hi, double size, double margin) {
        if (lo < margin || hi - lo > size - 2 * margin) {
            return margin - lo;
        }
        return hi > size - margin ? size - margin - hi : 0;
    }

    /** The bounds of {@code node} in the coordinates of the drawing (before zoom/pan). */
    Bounds worldBounds(javafx.scene.Node node) {
        Bounds scene = node.localToScene(node.getBoundsInLocal());
        return world.sceneToLocal(scene);
    }

    Point2D worldCenter(javafx.scene.Node node) {
        Bounds b = worldBounds(node);
        return new Point2D(b.getCenterX(), b.getCenterY());
    }
}
