package org.normgraph.core;

import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** Forward pass; {@code inputs} gives a value for every input node, shaped as the node. */
    public static Forward forward(Graph graph, Map<String, Matrix> inputs) {
        Map<String, Matrix> values = new LinkedHashMap<>();
        for (Node n : graph.nodes()) {
            Matrix v;
            if (n.isInput()) {
                v = inputs.get(n.name());
                if (v == null) {
                    throw new IllegalArgumentException("missing input '" + n.name() + "'");
                }
            } else {
                List<String> ins = n.inputs();
                Matrix[] args = new Matrix[ins.size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = values.get(ins.get(i));
                }
                v = n.op().forward(args);
            }
            if (!v.shape().equals(n.shape())) {
                throw new ShapeMismatchException(n.name() + ": expected " + n.shape()
                        + ", got " + v.shape());
            }
            values.put(n.name(), v);
        }
        return new Forward(graph, values);
    }

    /** The values of a forward pass, ready to run backward from a seed gradient. */
    public static final class Forward {
        private final Graph graph;
        private final Map<String, Matrix> values;

        private Forward(Graph graph, Map<String, Matrix> values) {
            this.graph = graph;
            this.values = values;
        }

        public Matrix value(String node) {
            return values.get(node);
        }

        public Matrix output() {
            return values.get(graph.output().name());
        }

        /** Backward pass seeded with {@code seed} = dLoss/dOutput. */
        public Trace backward(Matrix seed) {
            Node out = graph.output();
            if (!seed.shape().equals(out.shape())) {
                throw new ShapeMismatchException("seed gradient for " + out.name(),
                        out.shape(), seed.shape());
            }
            Map<String, Matrix> grads = new HashMap<>();
            Map<Edge, Matrix> contributions = new LinkedHashMap<>();
            grads.put(out.name(), seed);
            List<Node> nodes = graph.nodes();
            for (int i = nodes.size() - 1; i >= 0; i--) {
                Node n = nodes.get(i);
                Matrix g = grads.computeIfAbsent(n.name(),
                        k -> Matrix.zeros(n.shape().rows(), n.shape().cols()));
                if (n.isInput()) {
                    continue;
                }
                Matrix[] args = new Matrix[n.inputs().size()];
                for (int a = 0; a < args.length; a++) {
                    args[a] = values.get(n.inputs().get(a));
                }
                Matrix[] local = n.op().backward(args, values.get(n.name()), g);
                for (Edge e : graph.producers(n.name())) {
                    Matrix c = local[e.argument()];
                    contributions.put(e, c);
                    grads.merge(e.from(), c, Matrix::plus); // add, never assign
                }
            }
            Map<String, Matrix> ordered = new LinkedHashMap<>();
            for (Node n : nodes) {
                ordered.put(n.name(), grads.get(n.name()));
            }
            return new Trace(graph, values, ordered, contributions);
        }
    }
}
