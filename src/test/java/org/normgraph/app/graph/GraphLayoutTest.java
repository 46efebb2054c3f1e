package org.normgraph.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.normgraph.app.graph.GraphLayout.Box;
import org.normgraph.app.graph.GraphLayout.Lane;
import org.normgraph.app.graph.GraphLayout.Placement;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;
import org.normgraph.core.Node;
import org.normgraph.core.NodeKind;

/** The layered layout, as plain geometry. */
class GraphLayoutTest {

    private final Graph g = BatchNormGraph.build(4, 3, 1e-5);
    private final Map<String, Placement> p = GraphLayout.place(g);

    @Test
    void every_node_gets_its_own_slot() {
        assertEquals(g.nodes().size(), p.size());
        Set<String> slots = new HashSet<>();
        for (Placement pl : p.values()) {
            assertTrue(slots.add(pl.lane() + "@" + pl.column()), "two nodes at " + pl);
        }
    }

    @Test
    void edges_go_left_to_right_or_straight_between_lanes() {
        for (Edge e : g.edges()) {
            Placement a = p.get(e.from());
            Placement b = p.get(e.to());
            assertTrue(b.column() >= a.column(), e + ": " + a + " → " + b);
            if (b.column() == a.column()) {
                assertTrue(a.lane() != b.lane(), e.toString());
            }
        }
    }

    @Test
    void the_nine_steps_run_left_to_right_in_order() {
        int last = -1;
        for (String name : BatchNormGraph.FORWARD) {
            int c = p.get(name).column();
            assertTrue(c >= last, name);
            last = c;
        }
        assertTrue(p.get("out").column() > p.get("mu").column());
    }

    @Test
    void broadcasts_sit_between_the_row_they_copy_and_the_op_they_feed() {
        for (Node n : g.nodes()) {
            if (n.kind() != NodeKind.BROADCAST) {
                continue;
            }
            Placement b = p.get(n.name());
            Placement row = p.get(n.inputs().get(0));
            Placement op = p.get(g.consumers(n.name()).get(0).to());
            assertEquals(Lane.MIDDLE, b.lane(), n.name());
            assertEquals(Lane.TOP, row.lane(), n.name());
            assertEquals(Lane.BOTTOM, op.lane(), n.name());
            assertEquals(b.column(), row.column(), n.name());
            assertEquals(b.column(), op.column(), n.name());
        }
    }

    @Test
    void matrices_are_in_the_bottom_lane_and_rows_on_top() {
        for (String name : new String[] {"x", "xmu", "sq", "xhat", "gammax", "out"}) {
            assertEquals(Lane.BOTTOM, p.get(name).lane(), name);
        }
        for (String name : new String[] {"mu", "var", "sqrtvar", "ivar", "gamma", "beta"}) {
            assertEquals(Lane.TOP, p.get(name).lane(), name);
        }
        assertTrue(p.get("mu").column() > p.get("x").column(), "mu needs room: its value comes back to xmu");
        assertEquals(p.get("sq").column(), p.get("var").column(), "var sits right above sq");
    }

    @Test
    void boxes_never_overlap() {
        GraphLayout.Result r = GraphLayout.layout(g, n -> new double[] {100 + n.length() * 7, 80 + n.length() * 5});
        var boxes = r.boxes().values().toArray(new Box[0]);
        for (int i = 0; i < boxes.length; i++) {
            for (int j = i + 1; j < boxes.length; j++) {
                Box a = boxes[i];
                Box b = boxes[j];
                boolean overlap = a.x() < b.right() && b.x() < a.right() && a.y() < b.bottom() && b.y() < a.bottom();
                assertFalse(overlap, a + " and " + b);
            }
            assertTrue(boxes[i].right() <= r.width() && boxes[i].bottom() <= r.height());
        }
        assertEquals(g.edges().size(), r.routes().size());
    }

    @Test
    void routes_start_and_end_on_their_boxes() {
        GraphLayout.Result r = GraphLayout.layout(g, n -> new double[] {120, 90});
        for (Edge e : g.edges()) {
            GraphLayout.Route route = r.routes().get(e);
            assertTrue(onBorder(r.boxes().get(e.from()), route.x0(), route.y0()), e + " start");
            assertTrue(onBorder(r.boxes().get(e.to()), route.x1(), route.y1()), e + " end");
        }
    }

    private static boolean onBorder(Box b, double x, double y) {
        double t = 0.01;
        boolean inside = x >= b.x() - t && x <= b.right() + t && y >= b.y() - t && y <= b.bottom() + t;
        boolean border = Math.abs(x - b.x()) < t || Math.abs(x - b.right()) < t
                || Math.abs(y - b.y()) < t || Math.abs(y - b.bottom()) < t;
        return inside && border;
    }
}
