package org.normgraph.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;
import org.normgraph.core.ops.Add;
import org.normgraph.core.ops.BlockBroadcast;
import org.normgraph.core.ops.Broadcast;
import org.normgraph.core.ops.Multiply;
import org.normgraph.core.ops.Op;
import org.normgraph.core.ops.Reciprocal;
import org.normgraph.core.ops.SqrtPlusEps;
import org.normgraph.core.ops.Subtract;

/**
 * Batch normalization in inference mode as a graph: the same node names as
 * {@link BatchNormGraph} (DESIGN.md section 1), but {@code mu} and {@code var} are no longer
 * computed from the batch. They are constants given to the graph — the running statistics of
 * a {@link BatchNorm} layer — so steps 1, 3 and 4 ({@code mu}, {@code sq}, {@code var}) are not
 * computed, {@code sq} is gone, and {@code x} is used once (no fan-out at {@code x} or
 * {@code xmu}).
 *
 * <p>Nothing is learned about a constant, so no gradient flows into one: {@link #run}'s
 * backward stops at the constant part of the graph ({@link #constants}: mu, var and what is
 * computed from them only — bcast_mu, sqrtvar, ivar, bcast_ivar). Their gradients and the
 * contributions sent to them are zero in the trace, and the backward graph that remains is
 * dbeta = Σ_rows dout, dgamma = Σ_rows (dout ⊙ xhat), dxhat = dout ⊙ gamma,
 * dxmu = dxhat ⊙ ivar and dx = dxmu: {@code dx = dout ⊙ gamma ⊙ ivar}.
 */
public final class InferenceGraph {

    /** The two constants, in the order they are given. */
    public static final List<String> CONSTANT_INPUTS = List.of("mu", "var");

    private InferenceGraph() {
    }

    /** The inference graph for an N×D batch with the given eps. */
    public static Graph build(int n, int d, double eps) {
        return build(NormLayout.of(NormSpec.batch(), n, d), eps);
    }

    /**
     * The inference graph of batch norm for {@code layout}'s x: N×D features, or N×C×H×W images
     * (spatial batch norm: mu and var 1×C, each copied to the N rows and the H·W columns of its
     * channel, as in training). Other kinds have no running statistics and are refused.
     */
    public static Graph build(NormLayout layout, double eps) {
        if (layout.kind() != NormKind.BATCH) {
            throw new InvalidInputException("norm", "inference with running statistics is batch norm's; got " + layout.spec());
        }
        BatchNormInput.requireEps(eps);
        int n = layout.xShape()[0];
        int c = layout.channels();
        int pixels = layout.pixels();
        // N×D keeps the plain row broadcast its texts and tests name; images copy over H·W too
        Op copy = layout.spatial() ? new BlockBroadcast(n, true, pixels) : new Broadcast(n);
        String stats = BatchNormGraph.statisticsCopiedTo(layout);
        String params = BatchNormGraph.parametersCopiedTo(layout);
        return new Graph.Builder()
                .input(BatchNormGraph.X, Shape.of(n, c * pixels))
                .input(BatchNormGraph.GAMMA, Shape.of(1, c))
                .input(BatchNormGraph.BETA, Shape.of(1, c))
                .input("mu", Shape.of(1, c))
                .input("var", Shape.of(1, c))
                .op("bcast_mu", 2, NodeKind.BROADCAST, copy, "bcast_mu = mu copied to " + stats, "mu")
                .op("xmu", 2, NodeKind.OP, new Subtract(), "xmu = x − bcast(mu)", BatchNormGraph.X, "bcast_mu")
                .op("sqrtvar", 5, NodeKind.OP, new SqrtPlusEps(eps), "sqrtvar = √(var + eps)", "var")
                .op("ivar", 6, NodeKind.OP, new Reciprocal(), "ivar = 1 / sqrtvar", "sqrtvar")
                .op("bcast_ivar", 7, NodeKind.BROADCAST, copy, "bcast_ivar = ivar copied to " + stats, "ivar")
                .op("xhat", 7, NodeKind.OP, new Multiply(), "xhat = xmu ⊙ bcast(ivar)", "xmu", "bcast_ivar")
                .op("bcast_gamma", 8, NodeKind.BROADCAST, copy, "bcast_gamma = gamma copied to " + params,
                        BatchNormGraph.GAMMA)
                .op("gammax", 8, NodeKind.OP, new Multiply(), "gammax = bcast(gamma) ⊙ xhat", "bcast_gamma", "xhat")
                .op("bcast_beta", 9, NodeKind.BROADCAST, copy, "bcast_beta = beta copied to " + params,
                        BatchNormGraph.BETA)
                .op(BatchNormGraph.OUT, 9, NodeKind.OP, new Add(), "out = gammax + bcast(beta)", "gammax", "bcast_beta")
                .build();
    }

    /**
     * The name of a node's total gradient in the inference graph: as in training
     * ({@link BatchNormGraph#gradientName}), except at {@code xmu}, which is used once here, so
     * its gradient is simply {@code dxmu} (in training it is the sum dx1 = dxmu1 + dxmu2).
     */
    public static String gradientName(String node) {
        return node.equals("xmu") ? "dxmu" : BatchNormGraph.gradientName(node);
    }

    /**
     * What travels back along {@code edge} in the inference graph: {@code dxmu} from xhat to xmu
     * and {@code dx} from xmu to x (one branch each, nothing to add), otherwise as in training.
     */
    public static String contributionName(Edge edge) {
        if (edge.from().equals("xmu") && edge.to().equals("xhat")) {
            return "dxmu";
        }
        if (edge.from().equals(BatchNormGraph.X) && edge.to().equals("xmu")) {
            return "dx";
        }
        return BatchNormGraph.contributionName(edge);
    }

    /** The name of {@code ng} in {@code g}: in the inference graph the branches dx1 and dxmu1 are dx and dxmu. */
    public static String name(Graph g, NamedGradient ng) {
        return isInference(g) && ng.isBranch() ? contributionName(ng.edge()) : ng.name();
    }

    /** The gradient name of {@code node} in {@code g}, training or inference graph. */
    public static String gradientName(Graph g, String node) {
        return isInference(g) ? gradientName(node) : BatchNormGraph.gradientName(node);
    }

    /** What travels back along {@code edge} in {@code g}, training or inference graph. */
    public static String contributionName(Graph g, Edge edge) {
        return isInference(g) ? contributionName(edge) : BatchNormGraph.contributionName(edge);
    }

    /** Whether {@code g} is an inference graph: its {@code mu} is given, not computed. */
    public static boolean isInference(Graph g) {
        return g.contains("mu") && g.node("mu").isInput() && g.contains("var") && g.node("var").isInput();
    }

    /**
     * The constant part of {@code g}: the constant inputs and every node computed from
     * constants only, in forward order. Empty for a training graph.
     */
    public static Set<String> constants(Graph g) {
        Set<String> out = new LinkedHashSet<>();
        if (!isInference(g)) {
            return out;
        }
        for (Node n : g.nodes()) {
            if (n.isInput() ? CONSTANT_INPUTS.contains(n.name()) : out.containsAll(n.inputs())) {
                out.add(n.name());
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    /** Runs inference for {@code in} with the running statistics {@code mean} and {@code var} (1×D each). */
    public static Trace run(BatchNormInput in, Matrix mean, Matrix var) {
        return run(build(in.n(), in.d(), in.eps()), in, mean, var);
    }

    /** Runs an N×D inference graph for {@code in}, whose eps it was built for. */
    public static Trace run(Graph graph, BatchNormInput in, Matrix mean, Matrix var) {
        requireEps(graph, in.eps());
        return run(graph, in.x(), in.gamma(), in.beta(), in.dout(), mean, var);
    }

    /** Runs the inference graph of {@code layout} on a family input (x's rows, gamma and beta 1×C). */
    public static Trace run(NormLayout layout, NormInput in, Matrix mean, Matrix var) {
        return run(build(layout, in.eps()), in.xRows(), in.gammaRow(), in.betaRow(), in.doutRows(), mean, var);
    }

    /**
     * Forward with the constants, then backward seeded with {@code dout} that stops at the
     * constant part: x and dout as the N×(C·H·W) matrices of their rows, gamma, beta, mean and
     * var 1×C (1×D for N×D x).
     */
    public static Trace run(Graph graph, Matrix x, Matrix gamma, Matrix beta, Matrix dout, Matrix mean, Matrix var) {
        if (!isInference(graph)) {
            throw new IllegalArgumentException("not an inference graph: mu is computed, not given");
        }
        Shape row = graph.node("mu").shape();
        String per = graph.node("bcast_mu").op() instanceof BlockBroadcast ? "1×C, one running %s per channel"
                : "1×D, one running %s per feature";
        BatchNormInput.requireShape("mu", mean, row, per.formatted("mean"));
        BatchNormInput.requireShape("var", var, row, per.formatted("variance"));
        BatchNormInput.requireFinite("mu", mean);
        BatchNormInput.requireFinite("var", var);
        for (int j = 0; j < row.cols(); j++) {
            if (var.get(0, j) < 0) {
                throw new InvalidInputException("var", "a variance cannot be negative, got " + var.get(0, j)
                        + " at [" + j + "]");
            }
        }
        StagedEngine.Forward forward = StagedEngine.forward(graph, Map.of(BatchNormGraph.X, x,
                BatchNormGraph.GAMMA, gamma, BatchNormGraph.BETA, beta, "mu", mean, "var", var));
        return backward(graph, forward, dout);
    }

    private static void requireEps(Graph graph, double eps) {
        if (graph.node("sqrtvar").op() instanceof SqrtPlusEps op && op.eps() != eps) {
            throw new IllegalArgumentException("graph built for eps " + op.eps() + ", input has eps " + eps);
        }
    }

    /** Like {@link StagedEngine.Forward#backward}, but no local backward runs into the constant part. */
    private static Trace backward(Graph graph, StagedEngine.Forward forward, Matrix seed) {
        List<Node> nodes = graph.nodes();
        Set<String> constants = constants(graph);
        Matrix[] values = new Matrix[nodes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = forward.value(nodes.get(i).name());
        }
        Matrix[] grads = new Matrix[nodes.size()];
        Matrix[] contributions = new Matrix[graph.edges().size()];
        grads[grads.length - 1] = seed;
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (grads[i] == null) { // a constant, or a node nothing depends on
                grads[i] = Matrix.zeros(n.shape().rows(), n.shape().cols());
            }
            if (n.isInput() || constants.contains(n.name())) {
                continue;
            }
            Matrix[] args = new Matrix[n.inputs().size()];
            for (int a = 0; a < args.length; a++) {
                args[a] = values[graph.inputIndex[i][a]];
            }
            Matrix[] local = n.op().backward(args, values[i], grads[i]);
            int[] edges = graph.producerEdges[i];
            for (int a = 0; a < edges.length; a++) {
                int from = graph.edgeFrom[edges[a]];
                Node source = nodes.get(from);
                if (constants.contains(source.name())) {
                    // a constant learns nothing: the edge carries no gradient
                    contributions[edges[a]] = Matrix.zeros(source.shape().rows(), source.shape().cols());
                    continue;
                }
                contributions[edges[a]] = local[a];
                grads[from] = grads[from] == null ? local[a] : grads[from].plus(local[a]);
            }
        }
        for (int e = 0; e < contributions.length; e++) { // edges inside the constant part carry nothing either
            if (contributions[e] == null) {
                Shape s = nodes.get(graph.edgeFrom[e]).shape();
                contributions[e] = Matrix.zeros(s.rows(), s.cols());
            }
        }
        return new Trace(graph, values, grads, contributions);
    }
}
