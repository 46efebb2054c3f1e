package org.normgraph.core.family;

import java.util.NoSuchElementException;
import java.util.Optional;
import org.normgraph.core.Edge;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Tensor;
import org.normgraph.core.Trace;

/**
 * Everything one forward+backward run of a {@link NormGraph} computed: each node's value, each
 * edge's gradient contribution and each node's total gradient. Immutable.
 */
public final class NormTrace {

    private final NormGraph graph;
    private final Tensor[] values;
    private final Tensor[] gradients;
    private final Tensor[] contributions;

    NormTrace(NormGraph graph, Tensor[] values, Tensor[] gradients, Tensor[] contributions) {
        this.graph = graph;
        this.values = values;
        this.gradients = gradients;
        this.contributions = contributions;
    }

    public NormGraph graph() {
        return graph;
    }

    public NormLayout layout() {
        return graph.layout();
    }

    public Tensor value(String node) {
        return values[graph.indexOf(node)];
    }

    /** The total gradient of the output-seeded loss with respect to {@code node}. */
    public Tensor gradient(String node) {
        return gradients[graph.indexOf(node)];
    }

    /** What {@code edge.to()}'s local backward sent back along this edge. */
    public Tensor contribution(Edge edge) {
        return contributions[graph.indexOf(edge)];
    }

    public Tensor contribution(String from, String to) {
        for (Edge e : graph.consumers(from)) {
            if (e.to().equals(to)) {
                return contribution(e);
            }
        }
        throw new NoSuchElementException("no edge " + from + "→" + to);
    }

    /** A named gradient: a node's total, or one branch before the sum. */
    public Tensor gradient(NamedGradient g) {
        return g.isBranch() ? contribution(g.edge()) : gradient(g.node());
    }

    /** Any DESIGN name: a node (x, mu, …, out, bcast_mu, …) or a gradient (dbeta, …, dx). */
    public Tensor named(String name) {
        return graph.contains(name) ? value(name) : gradient(graph.gradient(name));
    }

    /** The output, {@code out}. */
    public Tensor output() {
        return values[values.length - 1];
    }

    /** The first node, in forward order and then in backward order, holding a NaN or infinity. */
    public Optional<Trace.NonFinite> firstNonFinite() {
        var nodes = graph.nodes();
        for (int i = 0; i < values.length; i++) {
            if (!values[i].allFinite()) {
                return Optional.of(new Trace.NonFinite(nodes.get(i).name(), false));
            }
        }
        for (int i = gradients.length - 1; i >= 0; i--) {
            if (!gradients[i].allFinite()) {
                return Optional.of(new Trace.NonFinite(nodes.get(i).name(), true));
            }
        }
        return Optional.empty();
    }
}
