package org.normgraph.timeline;

import java.util.ArrayList;
import java.util.List;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;
import org.normgraph.core.InferenceGraph;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Node;

/**
 * The ordered steps of a forward+backward walk through a graph, and a position in it:
 * start, forward 1…9, backward 9…0. Each step says which values, gradients and edge
 * contributions it reveals; {@link #valueShown}, {@link #gradientShown} and
 * {@link #contributionShown} answer what is visible at the current position.
 *
 * <p>Rules: a node's value appears at its forward step. An edge's gradient contribution
 * appears at the backward step of the node it enters (that node's local backward sends
 * it). A node's total gradient appears with its last contribution, except at a fan-out
 * node (a value used twice), where the sum is its own step: the walk first shows both
 * branches, then their sum when it reaches the node.
 */
public final class Timeline {

    private final Graph graph;
    // an inference graph's constant part: it never receives a gradient (empty in training)
    private final java.util.Set<String> constants;
    private final List<Step> steps;
    private int position;

    public Timeline(Graph graph) {
        this.graph = graph;
        this.constants = InferenceGraph.constants(graph);
        this.steps = buildSteps(graph, constants);
    }

    public Graph graph() {
        return graph;
    }

    public List<Step> steps() {
        return steps;
    }

    public int size() {
        return steps.size();
    }

    public int position() {
        return position;
    }

    public Step current() {
        return steps.get(position);
    }

    public boolean hasNext() {
        return position < steps.size() - 1;
    }

    public boolean hasPrevious() {
        return position > 0;
    }

    /** Moves one step on; false at the end. */
    public boolean next() {
        if (!hasNext()) {
            return false;
        }
        position++;
        return true;
    }

    /** Moves one step back; false at the start. */
    public boolean previous() {
        if (!hasPrevious()) {
            return false;
        }
        position--;
        return true;
    }

    public void first() {
        position = 0;
    }

    public void last() {
        position = steps.size() - 1;
    }

    /** Moves to {@code target}, clamped to the timeline. */
    public void seek(int target) {
        position = Math.max(0, Math.min(steps.size() - 1, target));
    }

    /** Whether the value of {@code node} has been computed at the current position. */
    public boolean valueShown(String node) {
        return position >= valuePosition(graph.node(node));
    }

    /** Whether the total gradient of {@code node} has been computed at the current position. */
    public boolean gradientShown(String node) {
        return !constants.contains(node) && position >= gradientPosition(graph, node);
    }

    /** Whether the contribution sent back along {@code edge} has been computed. */
    public boolean contributionShown(Edge edge) {
        return !constants.contains(edge.from()) && position >= backwardPosition(graph.node(edge.to()).step());
    }

    /** Whether a named gradient (e.g. {@code dxmu1}) has been computed. */
    public boolean nameShown(NamedGradient g) {
        return position >= backwardPosition(g.step());
    }

    /** Whether the current step computes something of {@code node}: its value or gradient. */
    public boolean isCurrent(String node) {
        Step s = current();
        return s.values().contains(node) || s.gradients().contains(node)
                || s.edges().stream().anyMatch(e -> e.to().equals(node));
    }

    /** The position of the step that computes {@code node}'s value. */
    public int valuePosition(Node node) {
        return node.step();
    }

    /** Whether the graph has {@code g} (an inference graph has no sq, no gradients of its constants). */
    private static boolean exists(Graph graph, java.util.Set<String> constants, NamedGradient g) {
        if (!graph.contains(g.node()) || constants.contains(g.node())) {
            return false;
        }
        return g.edge() == null || graph.edges().contains(g.edge()) && !constants.contains(g.edge().to());
    }

    /** Position of backward step k (9 → position 10, 0 → position 19). */
    public static int backwardPosition(int k) {
        return BatchNormGraph.FORWARD.size() + 1 + (BatchNormGraph.FORWARD.size() - k);
    }

    private static int gradientPosition(Graph graph, String name) {
        Node node = graph.node(name);
        if (node.name().equals(graph.output().name())) {
            return backwardPosition(node.step());
        }
        if (graph.isFanOut(name)) {
            return backwardPosition(node.step());
        }
        int last = Integer.MAX_VALUE;
        for (Edge e : graph.consumers(name)) {
            last = Math.min(last, graph.node(e.to()).step());
        }
        return backwardPosition(last);
    }

    private static List<Step> buildSteps(Graph graph, java.util.Set<String> constants) {
        int forwardSteps = BatchNormGraph.FORWARD.size();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(0, Phase.START, 0, graph.inputs().stream().map(Node::name).toList(),
                List.of(), List.of(), List.of()));
        for (int k = 1; k <= forwardSteps; k++) {
            int step = k;
            List<String> values = graph.nodes().stream().filter(n -> !n.isInput() && n.step() == step)
                    .map(Node::name).toList();
            steps.add(new Step(k, Phase.FORWARD, k, values, List.of(), List.of(), List.of()));
        }
        for (int k = forwardSteps; k >= 0; k--) {
            int pos = backwardPosition(k);
            List<String> grads = graph.nodes().stream()
                    .filter(n -> !constants.contains(n.name()) && gradientPosition(graph, n.name()) == pos)
                    .map(Node::name).toList();
            int step = k;
            List<Edge> edges = graph.edges().stream()
                    .filter(e -> !constants.contains(e.from()) && graph.node(e.to()).step() == step).toList();
            List<String> names = BatchNormGraph.GRADIENTS.stream().filter(g -> g.step() == step)
                    .filter(g -> exists(graph, constants, g)).map(NamedGradient::name).toList();
            steps.add(new Step(pos, Phase.BACKWARD, k, List.of(), grads, edges, names));
        }
        return List.copyOf(steps);
    }
}
