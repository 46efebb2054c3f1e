package org.normgraph.core;

import java.util.List;
import java.util.Map;
import org.normgraph.core.ops.Add;
import org.normgraph.core.ops.Broadcast;
import org.normgraph.core.ops.MeanRows;
import org.normgraph.core.ops.Multiply;
import org.normgraph.core.ops.Reciprocal;
import org.normgraph.core.ops.SqrtPlusEps;
import org.normgraph.core.ops.Square;
import org.normgraph.core.ops.Subtract;

/**
 * Batch normalization as the nine-step graph of DESIGN.md section 1, with explicit broadcast
 * nodes and the two reductions. The names here are the contract that the app, the CLI and
 * saved files use.
 */
public final class BatchNormGraph {

    public static final String X = "x";
    public static final String GAMMA = "gamma";
    public static final String BETA = "beta";
    public static final String OUT = "out";

    /** The nine forward nodes, in step order. */
    public static final List<String> FORWARD =
            List.of("mu", "xmu", "sq", "var", "sqrtvar", "ivar", "xhat", "gammax", "out");

    /** Every gradient of DESIGN.md, in the order the staged backward produces them (9 → 0). */
    public static final List<NamedGradient> GRADIENTS = List.of(
            total("dbeta", 9, "beta", "dbeta = Σ_rows dout"),
            total("dgammax", 9, "gammax", "dgammax = dout"),
            total("dgamma", 8, "gamma", "dgamma = Σ_rows (dgammax ⊙ xhat)"),
            total("dxhat", 8, "xhat", "dxhat = dgammax ⊙ gamma"),
            total("divar", 7, "ivar", "divar = Σ_rows (dxhat ⊙ xmu)"),
            branch("dxmu1", 7, "xmu", "xhat", 0, "dxmu1 = dxhat ⊙ ivar"),
            total("dsqrtvar", 6, "sqrtvar", "dsqrtvar = −divar / sqrtvar²"),
            total("dvar", 5, "var", "dvar = dsqrtvar / (2 √(var + eps))"),
            total("dsq", 4, "sq", "dsq = (1/N) · 1 ⊙ dvar"),
            branch("dxmu2", 3, "xmu", "sq", 0, "dxmu2 = 2 xmu ⊙ dsq"),
            branch("dx1", 2, "x", "xmu", 0, "dx1 = dxmu1 + dxmu2"),
            total("dmu", 2, "mu", "dmu = −Σ_rows dx1"),
            branch("dx2", 1, "x", "mu", 0, "dx2 = (1/N) · 1 ⊙ dmu"),
            total("dx", 0, "x", "dx = dx1 + dx2"));

    /** Names whose value is a 1×D row by definition (the others are N×D, also when N = 1). */
    private static final java.util.Set<String> VECTORS = java.util.Set.of(GAMMA, BETA,
            "mu", "var", "sqrtvar", "ivar", "dbeta", "dgamma", "divar", "dsqrtvar", "dvar", "dmu");

    private BatchNormGraph() {
    }

    /** The graph for an N×D batch with the given eps. */
    public static Graph build(int n, int d, double eps) {
        return new Graph.Builder()
                .input(X, Shape.of(n, d))
                .input(GAMMA, Shape.of(1, d))
                .input(BETA, Shape.of(1, d))
                .op("mu", 1, NodeKind.REDUCTION, new MeanRows(), "mu = (1/N) Σ_rows x", X)
                .op("bcast_mu", 2, NodeKind.BROADCAST, new Broadcast(n), "bcast_mu = mu copied to N rows", "mu")
                .op("xmu", 2, NodeKind.OP, new Subtract(), "xmu = x − bcast(mu)", X, "bcast_mu")
                .op("sq", 3, NodeKind.OP, new Square(), "sq = xmu²", "xmu")
                .op("var", 4, NodeKind.REDUCTION, new MeanRows(), "var = (1/N) Σ_rows sq", "sq")
                .op("sqrtvar", 5, NodeKind.OP, new SqrtPlusEps(eps), "sqrtvar = √(var + eps)", "var")
                .op("ivar", 6, NodeKind.OP, new Reciprocal(), "ivar = 1 / sqrtvar", "sqrtvar")
                .op("bcast_ivar", 7, NodeKind.BROADCAST, new Broadcast(n), "bcast_ivar = ivar copied to N rows", "ivar")
                .op("xhat", 7, NodeKind.OP, new Multiply(), "xhat = xmu ⊙ bcast(ivar)", "xmu", "bcast_ivar")
                .op("bcast_gamma", 8, NodeKind.BROADCAST, new Broadcast(n), "bcast_gamma = gamma copied to N rows", GAMMA)
                .op("gammax", 8, NodeKind.OP, new Multiply(), "gammax = bcast(gamma) ⊙ xhat", "bcast_gamma", "xhat")
                .op("bcast_beta", 9, NodeKind.BROADCAST, new Broadcast(n), "bcast_beta = beta copied to N rows", BETA)
                .op(OUT, 9, NodeKind.OP, new Add(), "out = gammax + bcast(beta)", "gammax", "bcast_beta")
                .build();
    }

    public static Graph build(BatchNormInput in) {
        return build(in.n(), in.d(), in.eps());
    }

    /** Runs the staged graph forward and backward (seeded with {@code dout}). */
    public static Trace run(BatchNormInput in) {
        return run(build(in), in);
    }

    /** Runs a graph built by {@link #build} for these inputs' shape and eps. */
    public static Trace run(Graph graph, BatchNormInput in) {
        if (graph.node("sqrtvar").op() instanceof SqrtPlusEps op && op.eps() != in.eps()) {
            throw new IllegalArgumentException("graph built for eps " + op.eps()
                    + ", input has eps " + in.eps());
        }
        var forward = StagedEngine.forward(graph, Map.of(X, in.x(), GAMMA, in.gamma(), BETA, in.beta()));
        return forward.backward(in.dout());
    }

    /**
     * The name of a node's total gradient: its named gradient ({@code dxhat}, …); at
     * {@code xmu} the sum of its branches, which DESIGN.md names {@code dx1} (= dxmu1 + dxmu2);
     * otherwise {@code d} + the node's name ({@code dout}, {@code dbcast_gamma}).
     */
    public static String gradientName(String node) {
        for (NamedGradient g : GRADIENTS) {
            if (!g.isBranch() && g.node().equals(node)) {
                return g.name();
            }
        }
        return node.equals("xmu") ? "dx1" : "d" + node;
    }

    /** The name of what travels back along {@code edge}: its named branch ({@code dxmu1}, …), else the source's gradient name. */
    public static String contributionName(Edge edge) {
        for (NamedGradient g : GRADIENTS) {
            if (edge.equals(g.edge())) {
                return g.name();
            }
        }
        return gradientName(edge.from());
    }

    /** Whether a node or gradient name is a 1×D vector rather than an N×D matrix. */
    public static boolean isVector(String name) {
        return VECTORS.contains(name);
    }

    /** The named gradient, e.g. {@code "dxmu1"}. */
    public static NamedGradient gradient(String name) {
        for (NamedGradient g : GRADIENTS) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        throw new java.util.NoSuchElementException("no gradient named '" + name + "'");
    }

    private static NamedGradient total(String name, int step, String node, String formula) {
        return new NamedGradient(name, step, node, null, formula);
    }

    private static NamedGradient branch(String name, int step, String node, String consumer,
                                        int argument, String formula) {
        return new NamedGradient(name, step, node, new Edge(node, consumer, argument), formula);
    }
}
