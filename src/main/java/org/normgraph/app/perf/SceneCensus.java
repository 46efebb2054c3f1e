package org.normgraph.app.perf;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * How many scene-graph nodes a window has, in all and per area (the root's children and
 * their children with an id): each pulse walks the whole tree to update bounds, and CSS
 * and layout cost grows with it, so this is the first number to look at when frames are slow.
 */
public final class SceneCensus {

    private SceneCensus() {
    }

    /** "N nodes (id a, id b, …)" for the tree under {@code root}. */
    public static String of(Parent root) {
        Map<String, Integer> areas = new LinkedHashMap<>();
        int total = count(root, areas, 0);
        StringBuilder sb = new StringBuilder().append(total).append(" nodes");
        if (!areas.isEmpty()) {
            sb.append(" (");
            areas.forEach((k, v) -> sb.append(k).append(' ').append(v).append(", "));
            sb.setLength(sb.length() - 2);
            sb.append(')');
        }
        return sb.toString();
    }

    /** Nodes under and including {@code n}. */
    public static int count(Node n) {
        return count(n, null, 99);
    }

    private static int count(Node n, Map<String, Integer> areas, int depth) {
        int c = 1;
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                c += count(child, areas, depth + 1);
            }
        }
        if (areas != null && depth > 0 && depth <= 2 && n.getId() != null) {
            areas.merge(n.getId(), c, Integer::sum);
        }
        return c;
    }
}
