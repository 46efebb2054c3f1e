package org.normgraph.app.inspector;

import java.util.Comparator;
import java.util.List;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;

/**
 * The order in which a fan-out node's branches are shown; their names come from
 * {@link BatchNormGraph#contributionName} like everywhere else.
 */
public final class GradientNames {

    private GradientNames() {
    }

    /**
     * The edges along which a node's gradient arrives, in the order the staged engine adds
     * them (its consumers from the last in forward order to the first): for {@code x},
     * {@code dx1} (from {@code xmu}) then {@code dx2} (from {@code mu}).
     */
    public static List<Edge> branches(Graph graph, String node) {
        List<String> order = graph.nodes().stream().map(n -> n.name()).toList();
        return graph.consumers(node).stream()
                .sorted(Comparator.comparingInt((Edge e) -> order.indexOf(e.to())).reversed())
                .toList();
    }
}
