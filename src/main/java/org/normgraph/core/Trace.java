package org.normgraph.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Everything one forward+backward run of a graph computed: each node's value, each edge's
 * gradient contribution and each node's total gradient (the sum of its contributions).
 * Immutable.
 */
public final class Trace {

    private final Graph graph;
    private final Map<String, Matrix> values;
    private final Map<String, Matrix> gradients;
    private final Map<Edge, Matrix> contributions;

    Trace(Graph graph, Map<String, Matrix> values, Map<String, Matrix> gradients,
          Map<Edge, Matrix> contributions) {
        this.graph = graph;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.gradients = Collections.unmodifiableMap(new LinkedHashMap<>(gradients));
        this.contributions = Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
    }

    public Graph graph() {
        return graph;
    }

    public Matrix value(String node) {
        return lookup(values, node, "value");
    }

    /** The total gradient of the output-seeded loss with respect to {@code node}. */
    public Matrix gradient(String node) {
        return lookup(gradients, node, "gradient");
    }

    /** What {@code edge.to()}'s local backward sent back along this edge. */
    public Matrix contribution(Edge edge) {
        return lookup(contributions, edge, "contribution");
    }

    public Matrix contribution(String from, String to) {
        for (Edge e : graph.consumers(from)) {
            if (e.to().equals(to)) {
                return contribution(e);
            }
        }
        throw new NoSuchElementException("no edge " + from + "→" + to);
    }

    /**
     * The first node, in forward order and then in backward order, whose value or gradient
     * holds a NaN or an infinity: where the numbers stop making sense.
     */
    public Optional<NonFinite> firstNonFinite() {
        for (Node n : graph.nodes()) {
            if (!values.get(n.name()).allFinite()) {
                return Optional.of(new NonFinite(n.name(), false));
            }
        }
        var nodes = graph.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            String name = nodes.get(i).name();
            if (!gradients.get(name).allFinite()) {
                return Optional.of(new NonFinite(name, true));
            }
        }
        return Optional.empty();
    }

    /** Where a trace first holds a non-finite number: a node's value, or its gradient. */
    public record NonFinite(String node, boolean inGradient) {
    }

    private static <K> Matrix lookup(Map<K, Matrix> map, K key, String what) {
        Matrix m = map.get(key);
        if (m == null) {
            throw new NoSuchElementException("no " + what + " for '" + key + "'");
        }
        return m;
    }
}
