package org.normgraph.app.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;
import org.normgraph.core.Node;
import org.normgraph.core.NodeKind;

/**
 * A tidy layered layout of the core graph, left to right in step order, in three lanes:
 * <ul>
 *   <li>{@link Lane#TOP}: 1×D rows — the reductions, what follows from them only, and
 *       inputs that are only broadcast (gamma, beta);</li>
 *   <li>{@link Lane#MIDDLE}: the broadcast nodes, each straight above the op it feeds and
 *       straight below the row it copies;</li>
 *   <li>{@link Lane#BOTTOM}: the N×D values: x, xmu, sq, xhat, gammax, out.</li>
 * </ul>
 * A node's column is one right of its same-lane inputs; a broadcast shares its consumer's
 * column, and a reduction sits above its input unless the reduced value comes back to a
 * node that also reads the input (mu: x → mu → bcast_mu → xmu ← x), which needs a column
 * of its own. Inputs that are only broadcast are placed where they are used. Pure
 * geometry: no JavaFX, tested on its own.
 */
public final class GraphLayout {

    /** Horizontal room between columns and vertical room between lanes. */
    public static final double H_GAP = 50;
    public static final double V_GAP = 54;
    /** Room around the drawing. */
    public static final double MARGIN = 24;
    /** Depth of an edge that passes under a lane. */
    public static final double DIP = 34;
    /** Height below a node's top where same-lane edges enter and leave. */
    public static final double PORT_Y = 28;

    public enum Lane { TOP, MIDDLE, BOTTOM }

    /** Where a node goes on the grid. */
    public record Placement(String node, int column, Lane lane) {
    }

    /** A node's rectangle. */
    public record Box(double x, double y, double w, double h) {
        public double cx() {
            return x + w / 2;
        }

        public double cy() {
            return y + h / 2;
        }

        public double right() {
            return x + w;
        }

        public double bottom() {
            return y + h;
        }

        /** This box with {@code margin} more on every side. */
        public Box grown(double margin) {
            return new Box(x - margin, y - margin, w + 2 * margin, h + 2 * margin);
        }

        /** The smallest box that holds all of {@code boxes}; null when there are none. */
        public static Box around(Collection<Box> boxes) {
            if (boxes.isEmpty()) {
                return null;
            }
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (Box b : boxes) {
                minX = Math.min(minX, b.x());
                minY = Math.min(minY, b.y());
                maxX = Math.max(maxX, b.right());
                maxY = Math.max(maxY, b.bottom());
            }
            return new Box(minX, minY, maxX - minX, maxY - minY);
        }
    }

    /** An edge drawn as a cubic Bézier curve from (x0, y0) to (x1, y1). */
    public record Route(double x0, double y0, double c1x, double c1y, double c2x, double c2y,
                       double x1, double y1) {

        /** The point at parameter {@code t} ∈ [0, 1]. */
        public double[] at(double t) {
            double u = 1 - t;
            double a = u * u * u;
            double b = 3 * u * u * t;
            double c = 3 * u * t * t;
            double d = t * t * t;
            return new double[] {a * x0 + b * c1x + c * c2x + d * x1,
                    a * y0 + b * c1y + c * c2y + d * y1};
        }
    }

    /** The finished layout: a box per node, a route per edge, and the overall size. */
    public record Result(Map<String, Placement> placements, Map<String, Box> boxes,
                         Map<Edge, Route> routes, double width, double height) {
    }

    private GraphLayout() {
    }

    /** Lanes and columns, from the graph's structure alone. */
    public static Map<String, Placement> place(Graph g) {
        Map<String, Lane> lanes = new HashMap<>();
        for (Node n : g.nodes()) {
            lanes.put(n.name(), lane(g, n, lanes));
        }
        Set<String> deferred = new HashSet<>();
        for (Node n : g.nodes()) {
            if (n.isInput() && lanes.get(n.name()) == Lane.TOP) {
                deferred.add(n.name());
            } else if (n.kind() == NodeKind.BROADCAST && deferred.containsAll(n.inputs())) {
                deferred.add(n.name());
            }
        }
        Map<String, Integer> cols = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (Node n : g.nodes()) {
            if (deferred.contains(n.name())) {
                continue;
            }
            Lane lane = lanes.get(n.name());
            int c = 0;
            for (String in : n.inputs()) {
                if (deferred.contains(in)) {
                    continue;
                }
                c = Math.max(c, cols.get(in) + step(g, g.node(in), lanes.get(in), n, lane));
            }
            while (taken.contains(lane + "@" + c)) {
                c++;
            }
            cols.put(n.name(), c);
            taken.add(lane + "@" + c);
        }
        // deferred nodes: broadcasts first (they take their consumer's column), then inputs
        List<Node> reversed = new ArrayList<>(g.nodes());
        java.util.Collections.reverse(reversed);
        for (Node n : reversed) {
            if (!deferred.contains(n.name())) {
                continue;
            }
            int c = Integer.MAX_VALUE;
            for (Edge e : g.consumers(n.name())) {
                c = Math.min(c, cols.get(e.to()));
            }
            if (c == Integer.MAX_VALUE) {
                c = 0;
            }
            Lane lane = lanes.get(n.name());
            while (taken.contains(lane + "@" + c)) {
                c++;
            }
            cols.put(n.name(), c);
            taken.add(lane + "@" + c);
        }
        Map<String, Placement> out = new LinkedHashMap<>();
        for (Node n : g.nodes()) {
            out.put(n.name(), new Placement(n.name(), cols.get(n.name()), lanes.get(n.name())));
        }
        return out;
    }

    private static Lane lane(Graph g, Node n, Map<String, Lane> known) {
        if (n.kind() == NodeKind.BROADCAST) {
            return Lane.MIDDLE;
        }
        if (n.kind() == NodeKind.REDUCTION) {
            return Lane.TOP;
        }
        if (n.isInput()) {
            List<Edge> uses = g.consumers(n.name());
            boolean onlyBroadcast = !uses.isEmpty() && uses.stream()
                    .allMatch(e -> g.node(e.to()).kind() == NodeKind.BROADCAST);
            return onlyBroadcast ? Lane.TOP : Lane.BOTTOM;
        }
        boolean allTop = n.inputs().stream().allMatch(i -> known.get(i) == Lane.TOP);
        return allTop ? Lane.TOP : Lane.BOTTOM;
    }

    /** How many columns right of input {@code u} the node {@code v} must go. */
    private static int step(Graph g, Node u, Lane lu, Node v, Lane lv) {
        if (lu == Lane.MIDDLE || (lu == Lane.TOP && lv == Lane.MIDDLE)) {
            return 0; // broadcast: straight down
        }
        if (lu == Lane.BOTTOM && lv == Lane.TOP && !comesBack(g, u, v)) {
            return 0; // reduction: straight up
        }
        return 1;
    }

    /** Whether {@code v}'s value returns, through broadcasts, to a node that also reads {@code u}. */
    private static boolean comesBack(Graph g, Node u, Node v) {
        Set<String> readersOfU = new HashSet<>();
        g.consumers(u.name()).forEach(e -> readersOfU.add(e.to()));
        for (Edge e : g.consumers(v.name())) {
            if (readersOfU.contains(e.to())) {
                return true;
            }
            if (g.node(e.to()).kind() == NodeKind.BROADCAST) {
                for (Edge e2 : g.consumers(e.to())) {
                    if (readersOfU.contains(e2.to())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Boxes and routes for node sizes given by {@code size} (width, height).
     */
    public static Result layout(Graph g, Function<String, double[]> size) {
        Map<String, Placement> places = place(g);
        int columns = places.values().stream().mapToInt(Placement::column).max().orElse(0) + 1;
        double[] colW = new double[columns];
        Map<Lane, Double> laneH = new HashMap<>();
        Map<String, double[]> sizes = new HashMap<>();
        for (Placement p : places.values()) {
            double[] s = size.apply(p.node());
            sizes.put(p.node(), s);
            colW[p.column()] = Math.max(colW[p.column()], s[0]);
            laneH.merge(p.lane(), s[1], Math::max);
        }
        double[] colX = new double[columns];
        double x = MARGIN;
        for (int c = 0; c < columns; c++) {
            colX[c] = x;
            x += colW[c] + H_GAP;
        }
        double width = x - H_GAP + MARGIN;
        Map<Lane, Double> laneY = new HashMap<>();
        double y = MARGIN;
        for (Lane l : Lane.values()) {
            laneY.put(l, y);
            y += laneH.getOrDefault(l, 0.0) + (laneH.containsKey(l) ? V_GAP : 0);
        }
        double height = y - V_GAP + DIP + 16 + MARGIN;
        Map<String, Box> boxes = new LinkedHashMap<>();
        for (Placement p : places.values()) {
            double[] s = sizes.get(p.node());
            double bx = colX[p.column()] + (colW[p.column()] - s[0]) / 2;
            double ly = laneY.get(p.lane());
            double lh = laneH.get(p.lane());
            double by = switch (p.lane()) {
                case TOP -> ly + lh - s[1];
                case MIDDLE -> ly + (lh - s[1]) / 2;
                case BOTTOM -> ly;
            };
            boxes.put(p.node(), new Box(bx, by, s[0], s[1]));
        }
        Map<Edge, Route> routes = new LinkedHashMap<>();
        for (Edge e : g.edges()) {
            routes.put(e, route(e, places, boxes));
        }
        return new Result(places, boxes, routes, width, height);
    }

    private static Route route(Edge e, Map<String, Placement> places, Map<String, Box> boxes) {
        Placement ps = places.get(e.from());
        Placement pt = places.get(e.to());
        Box s = boxes.get(e.from());
        Box t = boxes.get(e.to());
        if (ps.column() == pt.column()) {
            boolean down = pt.lane().ordinal() > ps.lane().ordinal();
            double x0 = s.cx();
            double x1 = t.cx();
            double y0 = down ? s.bottom() : s.y();
            double y1 = down ? t.y() : t.bottom();
            double k = (y1 - y0) * 0.4;
            return new Route(x0, y0, x0, y0 + k, x1, y1 - k, x1, y1);
        }
        if (ps.lane() == pt.lane() && blocked(ps, pt, places)) {
            // pass under (or over) the nodes in between
            boolean under = ps.lane() != Lane.TOP;
            double x0 = s.cx() + s.w() / 4;
            double x1 = t.cx() - t.w() / 4;
            double y0 = under ? s.bottom() : s.y();
            double y1 = under ? t.bottom() : t.y();
            double lowest = y0;
            for (Placement p : places.values()) {
                if (p.lane() == ps.lane() && p.column() > ps.column() && p.column() < pt.column()) {
                    Box b = boxes.get(p.node());
                    lowest = under ? Math.max(lowest, b.bottom()) : Math.min(lowest, b.y());
                }
            }
            double yy = under ? Math.max(Math.max(y0, y1), lowest) + DIP * 1.6
                    : Math.min(Math.min(y0, y1), lowest) - DIP * 1.6;
            return new Route(x0, y0, x0, yy, x1, yy, x1, y1);
        }
        double x0 = s.right();
        double x1 = t.x();
        double y0 = ps.lane() == Lane.BOTTOM ? s.y() + PORT_Y : s.cy();
        double y1 = pt.lane() == Lane.BOTTOM ? t.y() + PORT_Y : t.cy();
        double dx = Math.max(24, (x1 - x0) * 0.5);
        return new Route(x0, y0, x0 + dx, y0, x1 - dx, y1, x1, y1);
    }

    private static boolean blocked(Placement ps, Placement pt, Map<String, Placement> places) {
        for (Placement p : places.values()) {
            if (p.lane() == ps.lane() && p.column() > ps.column() && p.column() < pt.column()) {
                return true;
            }
        }
        return false;
    }
}
