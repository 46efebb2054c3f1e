package org.normgraph.app.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import javafx.animation.Interpolator;
import javafx.animation.Transition;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.normgraph.app.Messages;
import org.normgraph.core.Edge;
import org.normgraph.core.ops.BlockBroadcast;
import org.normgraph.core.ops.BlockMean;
import org.normgraph.core.Graph;
import org.normgraph.core.NodeKind;
import org.normgraph.timeline.Phase;
import org.normgraph.timeline.Step;

/**
 * The short animation of one step (about 0.8 s at speed 1): in the forward pass a value dot
 * runs along each edge into the new node; in the backward pass a gradient dot runs back
 * along each edge. At a broadcast node the N row contributions arrive and merge into their
 * sum; at a reduction the (1/N)·g dot splits and spreads to every row; at a fan-out node
 * the two branch contributions move together into their sum. Purely decorative: the
 * numbers are already in place, the animation never blocks input, and the next step (or
 * {@link #finish()}) ends it at once.
 */
final class FlowAnimator {

    static final double BASE_MILLIS = 800;
    /** At most this many row dots, however large N is. */
    static final int MAX_ROW_DOTS = 8;

    private final GraphView view;
    private final List<Transition> running = new ArrayList<>();
    private final List<Node> faded = new ArrayList<>();

    FlowAnimator(GraphView view) {
        this.view = view;
    }

    boolean isRunning() {
        return !running.isEmpty();
    }

    /** Ends any running animation: removes the dots, shows everything fully. */
    void finish() {
        for (Transition t : List.copyOf(running)) {
            t.stop();
        }
        running.clear();
        view.animLayer().getChildren().clear();
        for (Node n : faded) {
            n.setOpacity(1);
        }
        faded.clear();
    }

    /** Animates arriving at {@code step}. */
    void play(Step step, double speed) {
        if (view.layoutResult() == null || view.getScene() == null) {
            return;
        }
        Duration d = Duration.millis(BASE_MILLIS / Math.max(0.1, speed));
        Graph g = view.model().getGraph();
        if (step.phase() == Phase.FORWARD) {
            for (Edge e : g.edges()) {
                if (step.values().contains(e.to())) {
                    EdgeView ev = view.edgeView(e);
                    Circle dot = dot("value");
                    run(d, f -> place(dot, ev.route().at(f)));
                }
            }
            for (String n : step.values()) {
                fadeIn(skin(n).valueView(), d, 0.4);
            }
        } else if (step.phase() == Phase.BACKWARD) {
            for (Edge e : step.edges()) {
                NodeKind kind = g.node(e.to()).kind();
                if (kind == NodeKind.BROADCAST) {
                    collapse(e, d);
                } else if (kind == NodeKind.REDUCTION) {
                    spread(e, d);
                } else {
                    EdgeView ev = view.edgeView(e);
                    Circle dot = dot("gradient");
                    run(d, f -> place(dot, ev.route().at(1 - f)));
                }
                fadeIn(view.edgeView(e).chip(), d, 0.5);
                GraphNodeView from = view.nodeView(e.from());
                if (from.isFanOut()) {
                    int i = GraphView.branchOrder(g, e.from()).indexOf(e);
                    fadeIn(skin(e.from()).branchViews().get(i).getParent(), d, 0.55);
                }
            }
            for (String n : step.gradients()) {
                GraphNodeView v = view.nodeView(n);
                if (v.isFanOut()) {
                    sum(n, d);
                } else if (!view.model().getGraph().output().name().equals(n)) {
                    fadeIn(skin(n).gradientView(), d, 0.55);
                } else {
                    fadeIn(skin(n).gradientView(), d, 0.0);
                }
            }
        }
    }

    /** Backward through a broadcast: the N upstream rows arrive and merge into one row. */
    private void collapse(Edge e, Duration d) {
        EdgeView ev = view.edgeView(e);
        List<Point2D> rows = rowPoints(skin(e.to()).gradientView());
        List<Circle> dots = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            dots.add(dot("gradient", "row"));
        }
        Circle merged = dot("gradient", "merged");
        merged.setVisible(false);
        // layer and group norm copied a statistic along a row: the copies are summed in the row
        boolean inRow = view.model().getGraph().node(e.to()).op() instanceof BlockBroadcast b && !b.copyRows();
        Text label = label(Messages.get(inRow ? "graph.flow.sum.row" : "graph.flow.sum"));
        label.setVisible(false);
        double split = 0.45;
        run(d, f -> {
            double[] port = ev.route().at(1);
            if (f < split) {
                double k = Interpolator.EASE_IN.interpolate(0.0, 1.0, f / split);
                for (int i = 0; i < dots.size(); i++) {
                    Point2D p = rows.get(i);
                    place(dots.get(i), new double[] {lerp(p.getX(), port[0], k), lerp(p.getY(), port[1], k)});
                }
            } else {
                dots.forEach(c -> c.setVisible(false));
                merged.setVisible(true);
                label.setVisible(true);
                double[] p = ev.route().at(1 - (f - split) / (1 - split));
                place(merged, p);
                label.setX(p[0] + 9);
                label.setY(p[1] - 6);
            }
        });
    }

    /** Backward through a reduction: (1/N)·g leaves as one dot and spreads to every row. */
    private void spread(Edge e, Duration d) {
        EdgeView ev = view.edgeView(e);
        GraphNodeView from = view.nodeView(e.from());
        MatrixView target = from.isFanOut()
                ? skin(e.from()).branchViews().get(
                        GraphView.branchOrder(view.model().getGraph(), e.from()).indexOf(e))
                : skin(e.from()).gradientView();
        List<Point2D> rows = rowPoints(target);
        Circle single = dot("gradient", "merged");
        // the mean's own 1/M: 1/N in batch norm, 1/D in layer norm, 1/(D/G) in group norm
        Text label = label(view.model().getGraph().node(e.to()).op() instanceof BlockMean m && !m.overRows()
                ? "(1/" + (m.count().length() > 1 ? "(" + m.count() + ")" : m.count()) + ")\u00b7g"
                : Messages.get("graph.flow.spread"));
        List<Circle> dots = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Circle c = dot("gradient", "row");
            c.setVisible(false);
            dots.add(c);
        }
        double split = 0.55;
        run(d, f -> {
            if (f < split) {
                double[] p = ev.route().at(1 - f / split);
                place(single, p);
                label.setX(p[0] + 9);
                label.setY(p[1] - 6);
            } else {
                single.setVisible(false);
                label.setVisible(false);
                double[] port = ev.route().at(0);
                double k = Interpolator.EASE_OUT.interpolate(0.0, 1.0, (f - split) / (1 - split));
                for (int i = 0; i < dots.size(); i++) {
                    Point2D p = rows.get(i);
                    Circle c = dots.get(i);
                    c.setVisible(true);
                    place(c, new double[] {lerp(port[0], p.getX(), k), lerp(port[1], p.getY(), k)});
                }
            }
        });
    }

    /** At a fan-out node: both branch contributions move into their sum. */
    private void sum(String node, Duration d) {
        GraphNodeSkin s = skin(node);
        Point2D target = view.worldCenter(s.gradientView());
        List<Point2D> starts = new ArrayList<>();
        for (MatrixView b : s.branchViews()) {
            starts.add(view.worldCenter(b));
        }
        List<Circle> dots = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            dots.add(dot("gradient", "merged"));
        }
        run(d, f -> {
            double k = Interpolator.EASE_BOTH.interpolate(0.0, 1.0, Math.min(1, f / 0.6));
            for (int i = 0; i < dots.size(); i++) {
                Point2D p = starts.get(i);
                place(dots.get(i), new double[] {lerp(p.getX(), target.getX(), k),
                        lerp(p.getY(), target.getY(), k)});
                dots.get(i).setVisible(f < 0.75);
            }
        });
        fadeIn(s.sumRow(), d, 0.5);
    }

    private List<Point2D> rowPoints(MatrixView m) {
        Bounds b = view.worldBounds(m);
        int rows = Math.max(1, m.getMatrixShape().rows());
        int n = Math.min(rows, MAX_ROW_DOTS);
        List<Point2D> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double y = b.getMinY() + (i + 0.5) * b.getHeight() / n;
            out.add(new Point2D(b.getCenterX(), y));
        }
        return out;
    }

    private GraphNodeSkin skin(String node) {
        return (GraphNodeSkin) view.nodeView(node).getSkin();
    }

    private Circle dot(String... classes) {
        Circle c = new Circle(5);
        c.getStyleClass().add("flow-dot");
        c.getStyleClass().addAll(classes);
        c.setManaged(false);
        view.animLayer().getChildren().add(c);
        return c;
    }

    private Text label(String text) {
        Text t = new Text(text);
        t.getStyleClass().add("flow-label");
        t.setManaged(false);
        view.animLayer().getChildren().add(t);
        return t;
    }

    private static void place(Circle c, double[] p) {
        c.setCenterX(p[0]);
        c.setCenterY(p[1]);
    }

    private static double lerp(double a, double b, double k) {
        return a + (b - a) * k;
    }

    /** Fades {@code n} in during the part of the step after {@code from} (0…1). */
    private void fadeIn(Node n, Duration d, double from) {
        if (n == null) {
            return;
        }
        faded.add(n);
        n.setOpacity(from > 0 ? 0.15 : 1);
        run(d, f -> n.setOpacity(f < from ? 0.15 : 0.15 + 0.85 * (f - from) / (1 - from)));
    }

    private void run(Duration d, DoubleConsumer frame) {
        Transition t = new Transition() {
            {
                setCycleDuration(d);
                setInterpolator(Interpolator.LINEAR);
            }

            @Override
            protected void interpolate(double frac) {
                frame.accept(frac);
            }
        };
        running.add(t);
        t.setOnFinished(ev -> {
            running.remove(t);
            if (running.isEmpty()) {
                finish();
            }
        });
        frame.accept(0);
        t.play();
    }
}
