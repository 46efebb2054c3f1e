package org.normgraph.app.graph;

import java.util.Collection;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.util.Duration;
import org.normgraph.app.Messages;
import org.normgraph.core.Edge;
import org.normgraph.core.Matrix;
import org.normgraph.core.Shape;

/**
 * One edge of the core graph: a curve with an arrow head (id {@code edge-<from>-<to>},
 * style class {@code graph-edge}), and a label chip that shows, in the backward pass,
 * the gradient contribution sent back along it ({@code Trace.contribution(edge)}) by name
 * and as a small heat map. Pseudo-classes: {@code :active} while the current step uses
 * the edge, {@code :has-gradient} once its contribution is known, {@code :flowed} once the
 * value has passed along it.
 */
public final class EdgeView extends Group {

    public static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    public static final PseudoClass HAS_GRADIENT = PseudoClass.getPseudoClass("has-gradient");
    public static final PseudoClass FLOWED = PseudoClass.getPseudoClass("flowed");
    /** The branch sent back along this edge is where the gradients first stop being finite. */
    public static final PseudoClass NON_FINITE = PseudoClass.getPseudoClass("non-finite");

    private static final double ARROW = 8;

    private final Edge edge;
    private final CubicCurve curve = new CubicCurve();
    private final Polygon arrow = new Polygon();
    private final Line leader = new Line();
    private final HBox chip = new HBox();
    private final Label chipName = new Label();
    private final MatrixView chipMatrix = new MatrixView(Palette.GRADIENT, true);
    private final Tooltip chipTip = new Tooltip();
    private GraphLayout.Route route;
    private boolean leaderWanted;
    private String gradientName;

    public EdgeView(Edge edge) {
        this.edge = edge;
        setId("edge-" + edge.from() + "-" + edge.to());
        getStyleClass().add("graph-edge");
        curve.getStyleClass().add("edge-line");
        arrow.getStyleClass().add("edge-arrow");
        leader.getStyleClass().add("edge-leader");
        leader.setVisible(false);
        getChildren().addAll(curve, arrow, leader);
        setManaged(false);

        chip.getStyleClass().add("edge-chip");
        chip.setId("chip-" + edge.from() + "-" + edge.to());
        chip.setAlignment(Pos.CENTER);
        chipName.getStyleClass().add("edge-chip-name");
        chip.getChildren().addAll(chipName, chipMatrix);
        chip.setVisible(false);
        chipTip.setShowDelay(Duration.millis(200));
        chipTip.setOnShowing(e -> updateTip());
        Tooltip.install(chip, chipTip);
    }

    public Edge edge() {
        return edge;
    }

    /** The label chip; {@link GraphView} puts it on a layer above the nodes. */
    public HBox chip() {
        return chip;
    }

    public GraphLayout.Route route() {
        return route;
    }

    /** The name of the contribution on this edge, e.g. {@code dxmu1}. */
    public String gradientName() {
        return gradientName;
    }

    public void setGradientName(String name) {
        this.gradientName = name;
        chipName.setText(name);
    }

    public void setRoute(GraphLayout.Route r) {
        this.route = r;
        curve.setStartX(r.x0());
        curve.setStartY(r.y0());
        curve.setControlX1(r.c1x());
        curve.setControlY1(r.c1y());
        curve.setControlX2(r.c2x());
        curve.setControlY2(r.c2y());
        curve.setEndX(r.x1());
        curve.setEndY(r.y1());
        double dx = r.x1() - r.c2x();
        double dy = r.y1() - r.c2y();
        double len = Math.hypot(dx, dy);
        if (len < 1e-6) {
            dx = r.x1() - r.x0();
            dy = r.y1() - r.y0();
            len = Math.max(1e-6, Math.hypot(dx, dy));
        }
        double ux = dx / len;
        double uy = dy / len;
        double bx = r.x1() - ux * ARROW;
        double by = r.y1() - uy * ARROW;
        arrow.getPoints().setAll(r.x1(), r.y1(),
                bx - uy * ARROW * 0.55, by + ux * ARROW * 0.55,
                bx + uy * ARROW * 0.55, by - ux * ARROW * 0.55);
        placeChip();
    }

    /** Marks this edge and its chip as where the gradients first stop being finite. */
    public void setNonFinite(boolean b) {
        pseudoClassStateChanged(NON_FINITE, b);
        chip.pseudoClassStateChanged(NON_FINITE, b);
    }

    public boolean isNonFinite() {
        return getPseudoClassStates().contains(NON_FINITE);
    }

    /** Shows the contribution sent back along this edge, or hides the chip ({@code null}). */
    public void setContribution(Shape shape, Matrix m) {
        pseudoClassStateChanged(HAS_GRADIENT, m != null);
        chip.setVisible(m != null);
        leader.setVisible(m != null && leaderWanted);
        chipMatrix.setContent(shape, m);
    }

    /** The tooltip's text, written only when it is about to show. */
    private void updateTip() {
        Matrix m = chipMatrix.getMatrix();
        if (m != null) {
            chipTip.setText(Messages.get("graph.edge.contribution", gradientName, edge.to(), edge.from(),
                    Numbers.format(m.maxAbs())) + "\n" + rows(m));
        }
    }

    /** The contribution's numbers for the tooltip, at most 8 rows. */
    private static String rows(Matrix m) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, m.rows()); i++) {
            for (int j = 0; j < Math.min(8, m.cols()); j++) {
                sb.append(j == 0 ? "" : "  ").append(Numbers.format(m.get(i, j)));
            }
            sb.append(m.cols() > 8 ? "  …" : "").append('\n');
        }
        if (m.rows() > 8) {
            sb.append("…");
        }
        return sb.toString().strip();
    }

    public void setActive(boolean b) {
        pseudoClassStateChanged(ACTIVE, b);
    }

    public void setFlowed(boolean b) {
        pseudoClassStateChanged(FLOWED, b);
    }

    private void placeChip() {
        placeChip(List.of());
    }

    /**
     * Puts the chip on the middle of the curve, or, where that would cover a node or an
     * earlier chip, the nearest free place above or below it. Returns where it went.
     */
    GraphLayout.Box placeChip(Collection<GraphLayout.Box> obstacles) {
        if (route == null) {
            return null;
        }
        chip.applyCss();
        chip.autosize();
        double w = chip.getWidth();
        double h = chip.getHeight();
        double[] p = route.at(0.5);
        double x = p[0] - w / 2;
        double y = p[1] - h / 2;
        // up to 400 px either way: at a large text size the chip is wider than the gap between
        // two columns, and the nearest free place is past the end of the shorter node
        for (int k = 0; k <= 200; k++) {
            double dy = (k % 2 == 1 ? 1 : -1) * ((k + 1) / 2) * 4.0; // below first, then above
            GraphLayout.Box b = new GraphLayout.Box(x, y + dy, w, h);
            if (obstacles.stream().noneMatch(o -> overlaps(o, b))) {
                chip.relocate(b.x(), b.y());
                setLeader(p, b);
                return b;
            }
        }
        chip.relocate(x, y);
        GraphLayout.Box b = new GraphLayout.Box(x, y, w, h);
        setLeader(p, b);
        return b;
    }

    /** A dotted line from the curve to a chip that had to move away from it. */
    private void setLeader(double[] p, GraphLayout.Box b) {
        leaderWanted = p[1] < b.y() - 1 || p[1] > b.bottom() + 1;
        leader.setStartX(p[0]);
        leader.setStartY(p[1]);
        leader.setEndX(Math.max(b.x(), Math.min(b.right(), p[0])));
        leader.setEndY(p[1] < b.y() ? b.y() : b.bottom());
        leader.setVisible(leaderWanted && chip.isVisible());
    }

    private static boolean overlaps(GraphLayout.Box a, GraphLayout.Box b) {
        double m = 2;
        return a.x() - m < b.right() && b.x() < a.right() + m
                && a.y() - m < b.bottom() && b.y() < a.bottom() + m;
    }
}
