package org.normgraph.core.family;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Edge;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.NodeKind;
import org.normgraph.core.ShapeMismatchException;
import org.normgraph.core.Tensor;
import org.normgraph.core.family.ops.Add;
import org.normgraph.core.family.ops.BroadcastTo;
import org.normgraph.core.family.ops.MeanTo;
import org.normgraph.core.family.ops.Multiply;
import org.normgraph.core.family.ops.Reciprocal;
import org.normgraph.core.family.ops.SqrtPlusEps;
import org.normgraph.core.family.ops.Square;
import org.normgraph.core.family.ops.Subtract;
import org.normgraph.core.family.ops.TensorOp;

/**
 * The nine-step graph of DESIGN.md section 1 for any member of the normalization family: the
 * same nodes, edges and names (mu … out, bcast_mu … bcast_beta, dbeta … dx with the branches
 * dxmu1, dxmu2, dx1, dx2) for every kind. Only the shapes differ: the two reductions go down
 * to the {@linkplain NormLayout#statsShape statistics shape} of the kind, and the four
 * broadcast nodes copy statistics and parameters back up to x's shape. For batch norm of N×D
 * input it computes exactly what {@link BatchNormGraph} computes, in the same order.
 */
public final class NormGraph {

    /** What a node's (or gradient's) shape is, so that writers know how to print it. */
    public enum Role {
        /** x's shape: x, dout, xmu, …, out and their gradients. */
        FULL,
        /** The statistics shape: mu, var, sqrtvar, ivar and their gradients. */
        STATISTIC,
        /** The parameter shape: gamma, beta, dgamma, dbeta. */
        PARAMETER
    }

    public static final String X = BatchNormGraph.X;
    public static final String GAMMA = BatchNormGraph.GAMMA;
    public static final String BETA = BatchNormGraph.BETA;
    public static final String OUT = BatchNormGraph.OUT;
    /** The nine forward nodes, in step order (the names of DESIGN.md). */
    public static final List<String> FORWARD = BatchNormGraph.FORWARD;

    private final NormLayout layout;
    private final double eps;
    private final GraphVariant variant;
    private final List<NormNode> nodes;
    private final List<Edge> edges;
    private final List<NamedGradient> gradients;
    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private final Map<Edge, Integer> edgeIndex = new HashMap<>();
    final int[][] inputIndex;
    final int[][] producerEdges;
    final int[] edgeFrom;

    private NormGraph(NormLayout layout, double eps, GraphVariant variant, List<NormNode> nodes,
                      List<Edge> edges) {
        this.layout = layout;
        this.eps = eps;
        this.variant = variant;
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        this.gradients = namedGradients(layout);
        for (int i = 0; i < nodes.size(); i++) {
            nodeIndex.put(nodes.get(i).name(), i);
        }
        inputIndex = new int[nodes.size()][];
        producerEdges = new int[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            inputIndex[i] = nodes.get(i).inputs().stream().mapToInt(nodeIndex::get).toArray();
            producerEdges[i] = new int[inputIndex[i].length];
        }
        edgeFrom = new int[edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            Edge edge = edges.get(e);
            edgeIndex.put(edge, e);
            edgeFrom[e] = nodeIndex.get(edge.from());
            producerEdges[nodeIndex.get(edge.to())][edge.argument()] = e;
        }
    }

    /** The correct graph of {@code layout} with this eps. */
    public static NormGraph build(NormLayout layout, double eps) {
        return build(layout, eps, GraphVariant.CORRECT);
    }

    /** The graph of {@code layout}, with {@code variant}'s ops in place of the correct ones. */
    public static NormGraph build(NormLayout layout, double eps, GraphVariant variant) {
        int[] x = layout.xShape();
        int[] stats = layout.statsShape();
        String m = layout.countFraction();
        String s = layout.statsSum();
        Builder b = new Builder(variant)
                .input(X, Role.FULL, x)
                .input(GAMMA, Role.PARAMETER, layout.paramShape())
                .input(BETA, Role.PARAMETER, layout.paramShape())
                .op("mu", 1, NodeKind.REDUCTION, Role.STATISTIC, new MeanTo(stats), "mu = (" + m + ") " + s + " x", X)
                .op("bcast_mu", 2, NodeKind.BROADCAST, Role.FULL, new BroadcastTo(x), "bcast_mu = mu copied to x's shape", "mu")
                .op("xmu", 2, NodeKind.OP, Role.FULL, new Subtract(), "xmu = x − bcast(mu)", X, "bcast_mu")
                .op("sq", 3, NodeKind.OP, Role.FULL, new Square(), "sq = xmu²", "xmu")
                .op("var", 4, NodeKind.REDUCTION, Role.STATISTIC, new MeanTo(stats), "var = (" + m + ") " + s + " sq", "sq")
                .op("sqrtvar", 5, NodeKind.OP, Role.STATISTIC, new SqrtPlusEps(eps), "sqrtvar = √(var + eps)", "var")
                .op("ivar", 6, NodeKind.OP, Role.STATISTIC, new Reciprocal(), "ivar = 1 / sqrtvar", "sqrtvar")
                .op("bcast_ivar", 7, NodeKind.BROADCAST, Role.FULL, new BroadcastTo(x), "bcast_ivar = ivar copied to x's shape", "ivar")
                .op("xhat", 7, NodeKind.OP, Role.FULL, new Multiply(), "xhat = xmu ⊙ bcast(ivar)", "xmu", "bcast_ivar")
                .op("bcast_gamma", 8, NodeKind.BROADCAST, Role.FULL, new BroadcastTo(x), "bcast_gamma = gamma copied to x's shape", GAMMA)
                .op("gammax", 8, NodeKind.OP, Role.FULL, new Multiply(), "gammax = bcast(gamma) ⊙ xhat", "bcast_gamma", "xhat")
                .op("bcast_beta", 9, NodeKind.BROADCAST, Role.FULL, new BroadcastTo(x), "bcast_beta = beta copied to x's shape", BETA)
                .op(OUT, 9, NodeKind.OP, Role.FULL, new Add(), "out = gammax + bcast(beta)", "gammax", "bcast_beta");
        return new NormGraph(layout, eps, variant, b.nodes, b.edges);
    }

    /** Builds the correct graph for {@code in} and runs it forward and backward (seeded with dout). */
    public static NormTrace run(NormSpec spec, NormInput in) {
        return build(NormLayout.of(spec, in.shape()), in.eps()).run(in);
    }

    /** Runs this graph forward and backward on {@code in} (shaped as the layout, same eps). */
    public NormTrace run(NormInput in) {
        return NormEngine.forward(this, in).backward(in.dout());
    }

    public NormLayout layout() {
        return layout;
    }

    public double eps() {
        return eps;
    }

    public GraphVariant variant() {
        return variant;
    }

    /** All nodes, inputs first, each after the nodes it reads. */
    public List<NormNode> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    public NormNode node(String name) {
        return nodes.get(indexOf(name));
    }

    public int indexOf(String name) {
        Integer i = nodeIndex.get(name);
        if (i == null) {
            throw new NoSuchElementException("no node named '" + name + "'");
        }
        return i;
    }

    public int indexOf(Edge edge) {
        Integer i = edgeIndex.get(edge);
        if (i == null) {
            throw new NoSuchElementException("no edge " + edge);
        }
        return i;
    }

    public boolean contains(String name) {
        return nodeIndex.containsKey(name);
    }

    public NormNode output() {
        return nodes.get(nodes.size() - 1);
    }

    /** Edges leaving {@code name}: where its value is used. */
    public List<Edge> consumers(String name) {
        indexOf(name);
        return edges.stream().filter(e -> e.from().equals(name)).toList();
    }

    /** Edges entering {@code name}, in argument order. */
    public List<Edge> producers(String name) {
        int i = indexOf(name);
        return java.util.Arrays.stream(producerEdges[i]).mapToObj(edges::get).toList();
    }

    /** A value used by more than one node: backward must add its branches. */
    public boolean isFanOut(String name) {
        return consumers(name).size() > 1;
    }

    /** Every gradient of DESIGN.md, in backward order (9 → 0), with this kind's formulas. */
    public List<NamedGradient> gradients() {
        return gradients;
    }

    public NamedGradient gradient(String name) {
        for (NamedGradient g : gradients) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        throw new NoSuchElementException("no gradient named '" + name + "'");
    }

    /** The role of a node or gradient name: a gradient has the role of the node it belongs to. */
    public Role role(String name) {
        if (contains(name)) {
            return node(name).role();
        }
        return node(gradient(name).node()).role();
    }

    /** The DESIGN gradients with formulas over this layout's axes (one list, in the 2-D core). */
    private static List<NamedGradient> namedGradients(NormLayout layout) {
        return BatchNormGraph.gradients(layout);
    }

    /** Adds nodes in topological order, checking arities and shapes; applies the variant. */
    private static final class Builder {
        private final GraphVariant variant;
        private final List<NormNode> nodes = new ArrayList<>();
        private final Map<String, NormNode> names = new LinkedHashMap<>();
        private final List<Edge> edges = new ArrayList<>();

        Builder(GraphVariant variant) {
            this.variant = variant;
        }

        Builder input(String name, Role role, int[] shape) {
            return add(new NormNode(name, 0, NodeKind.INPUT, role, null, List.of(), shape, name));
        }

        Builder op(String name, int step, NodeKind kind, Role role, TensorOp correct, String formula,
                   String... inputs) {
            TensorOp op = variant.op(name, correct);
            int[][] shapes = new int[inputs.length][];
            for (int i = 0; i < inputs.length; i++) {
                shapes[i] = names.get(inputs[i]).shape();
                edges.add(new Edge(inputs[i], name, i));
            }
            int[] shape;
            try {
                shape = op.outputShape(shapes);
            } catch (ShapeMismatchException e) {
                throw new ShapeMismatchException(name + ": " + e.getMessage());
            }
            return add(new NormNode(name, step, kind, role, op, List.of(inputs), shape, formula));
        }

        private Builder add(NormNode node) {
            names.put(node.name(), node);
            nodes.add(node);
            return this;
        }
    }

    @Override
    public String toString() {
        return "NormGraph[" + layout.describe() + ", eps " + eps + ", " + variant + "]";
    }
}
