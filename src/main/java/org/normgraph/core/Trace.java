package org.normgraph.core;

import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

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
     * Where the numbers first stop being finite (NaN or ±∞). Forward: the first node, in
     * forward order, whose value is not finite. Else backward, in the order of the backward
     * steps (9 down to 0): the first gradient that is not finite — a branch sent back along
     * an edge into a fan-out node (dxmu2 at step 3, long before their sum dx1 at step 2), or a
     * node's total gradient at the step it is complete (dbeta at step 9, before dxhat at 8).
     * Within one step, in the order the staged engine computes. An inference graph's constant
     * part, which no gradient reaches, is left out.
     */
    public Optional<NonFinite> firstNonFinite() {
        var nodes = graph.nodes();
        for (int i = 0; i < values.length; i++) {
            if (!values[i].allFinite()) {
                return Optional.of(new NonFinite(nodes.get(i).name(), false, null, nodes.get(i).step()));
            }
        }
        Set<String> constants = InferenceGraph.constants(graph);
        NonFinite first = null;
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (first != null && n.step() <= first.step()) {
                continue; // the same or a later backward step: the one found comes first
            }
            // the seed, or a sum of branches, is complete at the node's own step
            boolean ownStep = n.name().equals(graph.output().name()) || graph.isFanOut(n.name());
            if (ownStep && !constants.contains(n.name()) && !gradients[i].allFinite()) {
                first = new NonFinite(n.name(), true, null, n.step());
                continue;
            }
            for (Edge e : graph.producers(n.name())) {
                if (!constants.contains(e.from()) && !contribution(e).allFinite()) {
                    first = new NonFinite(e.from(), true, graph.isFanOut(e.from()) ? e : null, n.step());
                    break;
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * Where a trace first holds a non-finite number.
     *
     * @param node       the node whose value or gradient it is
     * @param inGradient a gradient (backward) rather than a value (forward)
     * @param branch     for a gradient that is one branch into a fan-out node (x, xmu): the edge it
     *                   was sent back along; null for a value or a node's whole gradient
     * @param step       the forward step of a value, the backward step of a gradient
     */
    public record NonFinite(String node, boolean inGradient, Edge branch, int step) {

        /**
         * What is not finite, by its contract name: the node ({@code sq}), its gradient
         * ({@code dxhat}) or the branch ({@code dxmu1}).
         */
        public String name() {
            if (!inGradient) {
                return node;
            }
            return branch != null ? BatchNormGraph.contributionName(branch) : BatchNormGraph.gradientName(node);
        }
    }
}
