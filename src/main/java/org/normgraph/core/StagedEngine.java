package org.normgraph.core;

import java.util.List;
import java.util.Map;

/**
 * Runs a {@link Graph} one node at a time and records everything in a {@link Trace}.
 *
 * <p>Forward visits nodes in topological order. Backward visits them in reverse: each op's
 * local backward yields one contribution per input edge, which is recorded and then
 * <em>added</em> to that input's gradient. A node used twice therefore ends up with the sum
 * of both branches, and each branch stays visible in the trace.
 */
public final class StagedEngine {

    private StagedEngine() {
    }

    /** What backward does where a value feeds several nodes. */
    public enum FanOut {
        /** {@code grad += g}: the value gets the sum of its branches (correct). */
        ADD,
        /** {@code grad = g}: the branch visited last overwrites the others (a lab pitfall). */
        ASSIGN
    }

    /** Forward pass; {@code inputs} gives a value for every input node, shaped as the node. */
    public static Forward forward(Graph graph, Map<String, Matrix> inputs) {
        List<Node> nodes = graph.nodes();
        Matrix[] values = new Matrix[nodes.size()];
        for (int i = 0; i < values.length; i++) {
            Node n = nodes.get(i);
            Matrix v;
            if (n.isInput()) {
                v = inputs.get(n.name());
                if (v == null) {
                    throw new IllegalArgumentException("missing input '" + n.name() + "'");
                }
            } else {
                v = n.op().forward(arguments(graph, values, i));
            }
            if (v.rows() != n.shape().rows() || v.cols() != n.shape().cols()) {
                throw new ShapeMismatchException(n.name() + ": expected " + n.shape()
                        + ", got " + v.shape());
            }
            values[i] = v;
        }
        return new Forward(graph, values);
    }

    private static Matrix[] arguments(Graph graph, Matrix[] values, int node) {
        int[] in = graph.inputIndex[node];
        Matrix[] args = new Matrix[in.length];
        for (int a = 0; a < in.length; a++) {
            args[a] = values[in[a]];
        }
        return args;
    }

    /** The values of a forward pass, ready to run backward from a seed gradient. */
    public static final class Forward {
        private final Graph graph;
        private final Matrix[] values;

        private Forward(Graph graph, Matrix[] values) {
            this.graph = graph;
            this.values = values;
        }

        public Matrix value(String node) {
            return values[graph.indexOf(node)];
        }

        public Matrix output() {
            return values[values.length - 1];
        }

        /** Backward pass seeded with {@code seed} = dLoss/dOutput. */
        public Trace backward(Matrix seed) {
            return backward(seed, FanOut.ADD);
        }

        /** Backward pass with {@code rule} at fan-outs: {@link FanOut#ADD} unless showing the mistake. */
        public Trace backward(Matrix seed, FanOut rule) {
            Node out = graph.output();
            if (!seed.shape().equals(out.shape())) {
                throw new ShapeMismatchException("seed gradient for " + out.name(),
                        out.shape(), seed.shape());
            }
            boolean add = rule == FanOut.ADD;
            List<Node> nodes = graph.nodes();
            Matrix[] grads = new Matrix[nodes.size()];
            Matrix[] contributions = new Matrix[graph.edges().size()];
            grads[grads.length - 1] = seed;
            for (int i = nodes.size() - 1; i >= 0; i--) {
                Node n = nodes.get(i);
                if (grads[i] == null) { // a node nothing depends on
                    grads[i] = Matrix.zeros(n.shape().rows(), n.shape().cols());
                }
                if (n.isInput()) {
                    continue;
                }
                Matrix[] local = n.op().backward(arguments(graph, values, i), values[i], grads[i]);
                int[] edges = graph.producerEdges[i];
                for (int a = 0; a < edges.length; a++) {
                    contributions[edges[a]] = local[a];
                    int from = graph.edgeFrom[edges[a]];
                    // add, never assign (ASSIGN only shows the mistake): a value used twice gets the sum of its branches
                    grads[from] = grads[from] == null || !add ? local[a] : grads[from].plus(local[a]);
                }
            }
            return new Trace(graph, values.clone(), grads, contributions);
        }
    }
}
