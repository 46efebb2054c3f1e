package org.normgraph.core.family;

import java.util.List;
import org.normgraph.core.ShapeMismatchException;
import org.normgraph.core.Tensor;

/**
 * Runs a {@link NormGraph} one node at a time and records everything in a {@link NormTrace}:
 * the tensor form of {@link org.normgraph.core.StagedEngine}, with the same visiting order
 * and the same rule at a fan-out (add the branches; a variant may assign instead).
 */
public final class NormEngine {

    private NormEngine() {
    }

    /** Forward pass on {@code in}, which must have the graph's shape and eps. */
    public static Forward forward(NormGraph graph, NormInput in) {
        if (!in.x().hasShape(graph.layout().xShape())) {
            throw new ShapeMismatchException("graph built for x " + Tensor.format(graph.layout().xShape())
                    + ", input x is " + in.x().shapeText());
        }
        if (in.eps() != graph.eps()) {
            throw new IllegalArgumentException("graph built for eps " + graph.eps() + ", input has eps " + in.eps());
        }
        int[] param = graph.layout().paramShape();
        return forward(graph, in.x(), in.gamma().reshape(param), in.beta().reshape(param));
    }

    /** Forward pass from the three graph inputs, gamma and beta already in the parameter shape. */
    public static Forward forward(NormGraph graph, Tensor x, Tensor gamma, Tensor beta) {
        List<NormNode> nodes = graph.nodes();
        Tensor[] values = new Tensor[nodes.size()];
        for (int i = 0; i < values.length; i++) {
            NormNode n = nodes.get(i);
            Tensor v = switch (n.name()) {
                case NormGraph.X -> x;
                case NormGraph.GAMMA -> gamma;
                case NormGraph.BETA -> beta;
                default -> n.op().forward(arguments(graph, values, i));
            };
            if (!v.hasShape(n.shape())) {
                throw new ShapeMismatchException(n.name() + ": expected " + n.shapeText() + ", got " + v.shapeText());
            }
            values[i] = v;
        }
        return new Forward(graph, values);
    }

    private static Tensor[] arguments(NormGraph graph, Tensor[] values, int node) {
        int[] in = graph.inputIndex[node];
        Tensor[] args = new Tensor[in.length];
        for (int a = 0; a < in.length; a++) {
            args[a] = values[in[a]];
        }
        return args;
    }

    /** The values of a forward pass, ready to run backward from a seed gradient. */
    public static final class Forward {
        private final NormGraph graph;
        private final Tensor[] values;

        private Forward(NormGraph graph, Tensor[] values) {
            this.graph = graph;
            this.values = values;
        }

        public Tensor value(String node) {
            return values[graph.indexOf(node)];
        }

        public Tensor output() {
            return values[values.length - 1];
        }

        /** Backward pass seeded with {@code seed} = dLoss/dOutput. */
        public NormTrace backward(Tensor seed) {
            NormNode out = graph.output();
            if (!seed.hasShape(out.shape())) {
                throw new ShapeMismatchException("seed gradient for " + out.name(), out.shapeText(), seed.shapeText());
            }
            boolean add = graph.variant().addsAtFanOut();
            List<NormNode> nodes = graph.nodes();
            Tensor[] grads = new Tensor[nodes.size()];
            Tensor[] contributions = new Tensor[graph.edges().size()];
            grads[grads.length - 1] = seed;
            for (int i = nodes.size() - 1; i >= 0; i--) {
                NormNode n = nodes.get(i);
                if (grads[i] == null) { // a node nothing depends on
                    grads[i] = Tensor.zeros(n.shape());
                }
                if (n.isInput()) {
                    continue;
                }
                Tensor[] local = n.op().backward(arguments(graph, values, i), values[i], grads[i]);
                int[] edges = graph.producerEdges[i];
                for (int a = 0; a < edges.length; a++) {
                    contributions[edges[a]] = local[a];
                    int from = graph.edgeFrom[edges[a]];
                    // add, never assign: a value used twice gets the sum of its branches
                    grads[from] = grads[from] == null || !add ? local[a] : grads[from].plus(local[a]);
                }
            }
            return new NormTrace(graph, values.clone(), grads, contributions);
        }
    }
}
