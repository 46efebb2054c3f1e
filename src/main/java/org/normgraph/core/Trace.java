package org.normgraph.core;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Everything one forward+backward run of a graph computed: each node's value, each edge's
 * gradient contribution and each node's total gradient (the sum of its contributions).
 * Immutable.
 */
public final class Trace {

    private final Graph graph;
    private final Matrix[] values;
    private final Matrix[] gradients;
    private final Matrix[] contributions;

    /** Arrays indexed like {@code graph.nodes()} and {@code graph.edges()}; the trace owns them. */
    Trace(Graph graph, Matrix[] values, Matrix[] gradients, Matrix[] contributions) {
        this.graph = graph;
        this.values = values;
        this.gradients = gradients;
        this.contributions = contributions;
    }

    public Graph graph() {
        return graph;
    }

    public Matrix value(String node) {
        return values[graph.indexOf(node)];
    }

    /** The total gradient of the output-seeded loss with respect to {@code node}. */
    public Matrix gradient(String node) {
        return gradients[graph.indexOf(node)];
    }

    /** What {@code edge.to()}'s local backward sent back along this edge. */
    public Matrix contribution(Edge edge) {
        return contributions[graph.indexOf(edge)];
    }

    public Matrix contribution(String from, String to) {
        for (Edge e : graph.consumers(from)) {
            if (e.to().equals(to)) {
                return contribution(e);
            }
        }
        throw new NoSuchElementException("no edge " + from + "→" + to);
    }

    /** A named gradient (DESIGN.md): a node's total, or one branch (dxmu1, …) before the sum. */
    public Matrix gradient(NamedGradient g) {
        return g.isBranch() ? contribution(g.edge()) : gradient(g.node());
    }

    /**
     * The first node, in forward order and then in backward order, whose value or gradient
     * holds a NaN or an infinity: where the numbers stop making sense.
     */
    public Optional<NonFinite> firstNonFinite() {
        var nodes = graph.nodes();
        for (int i = 0; i < values.length; i++) {
            if (!values[i].allFinite()) {
                return Optional.of(new NonFinite(nodes.get(i).name(), false));
            }
        }
        for (int i = gradients.length - 1; i >= 0; i--) {
            if (!gradients[i].allFinite()) {
                return Optional.of(new NonFinite(nodes.get(i).name(), true));
            }
        }
        return Optional.empty();
    }

    /** Where a trace first holds a non-finite number: a node's value, or its gradient. */
    public record NonFinite(String node, boolean inGradient) {
    }
}
