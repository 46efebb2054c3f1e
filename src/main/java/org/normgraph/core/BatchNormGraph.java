package org.normgraph.core;

import java.util.List;
import java.util.Map;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;
import org.normgraph.core.ops.Add;
import org.normgraph.core.ops.BlockBroadcast;
import org.normgraph.core.ops.BlockMean;
import org.normgraph.core.ops.Multiply;
import org.normgraph.core.ops.Reciprocal;
import org.normgraph.core.ops.SqrtPlusEps;
import org.normgraph.core.ops.Square;
import org.normgraph.core.ops.Subtract;

/**
 * Batch normalization as the nine-step graph of DESIGN.md section 1, with explicit broadcast
 * nodes and the two reductions — and, with the same nodes and names, every member of the
 * normalization family ({@link #build(NormLayout, double)}). The names here are the contract that the app, the CLI and
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
    public static final List<NamedGradient> GRADIENTS = gradients("Σ_rows", "Σ_rows", "1/N");

    /** The statistics and their gradients: 1×D in batch norm, N×1 in layer norm, N×G in group norm. */
    private static final java.util.Set<String> STATISTICS = java.util.Set.of(
            "mu", "var", "sqrtvar", "ivar", "divar", "dsqrtvar", "dvar", "dmu");
    /** The parameters and their gradients: one per feature (1×D) in every kind. */
    private static final java.util.Set<String> PARAMETERS = java.util.Set.of(GAMMA, BETA, "dbeta", "dgamma");

    private BatchNormGraph() {
    }

    /** The batch-norm graph for an N×D batch with the given eps. */
    public static Graph build(int n, int d, double eps) {
        return build(NormLayout.of(NormSpec.batch(), n, d), eps);
    }

    /** The graph of {@code spec} for an N×D batch; refuses what {@link NormLayout#of} refuses. */
    public static Graph build(NormSpec spec, int n, int d, double eps) {
        return build(NormLayout.of(spec, n, d), eps);
    }

    /**
     * The nine-step graph of any member of the family, over matrices: x is N×D, or a 4-D
     * N×C×H×W x seen as the N×(C·H·W) matrix of its rows (channel-major, as it lies in memory).
     * Every kind has the same nodes, edges and names; only the two reductions and the
     * broadcasts of the statistics differ ({@link BlockMean}, {@link BlockBroadcast}: whether
     * the rows collapse, and blocks of how many columns). gamma and beta are 1×D (1×C) and
     * copied over the rows (and H·W) in every kind.
     */
    public static Graph build(NormLayout layout, double eps) {
        return build(layout, eps, GraphVariant.CORRECT);
    }

    /**
     * The graph of {@code layout} with {@code variant}'s ops in place of the correct ones: the
     * same nodes, edges and names, so that a lab pitfall is the graph the app draws with one
     * op swapped.
     */
    public static Graph build(NormLayout layout, double eps, GraphVariant variant) {
        BatchNormInput.requireEps(eps); // as the input refuses it: sqrtvar of a constant column is √eps
        int n = layout.xShape()[0];
        int c = layout.channels();
        int spatial = layout.pixels();
        boolean overRows = layout.statisticsOverRows();
        int block = layout.columnsPerStatistic();
        String m = layout.countFraction();
        String s = layout.statsSum();
        String stats = statisticsCopiedTo(layout);
        String params = parametersCopiedTo(layout);
        var mean = new BlockMean(overRows, block, layout.countText());
        var statsCopy = new BlockBroadcast(n, overRows, block);
        var paramCopy = new BlockBroadcast(n, true, spatial);
        return new Graph.Builder(variant::op)
                .input(X, Shape.of(n, c * spatial))
                .input(GAMMA, Shape.of(1, c))
                .input(BETA, Shape.of(1, c))
                .op("mu", 1, NodeKind.REDUCTION, mean, "mu = (" + m + ") " + s + " x", X)
                .op("bcast_mu", 2, NodeKind.BROADCAST, statsCopy, "bcast_mu = mu copied to " + stats, "mu")
                .op("xmu", 2, NodeKind.OP, new Subtract(), "xmu = x − bcast(mu)", X, "bcast_mu")
                .op("sq", 3, NodeKind.OP, new Square(), "sq = xmu²", "xmu")
                .op("var", 4, NodeKind.REDUCTION, mean, "var = (" + m + ") " + s + " sq", "sq")
                .op("sqrtvar", 5, NodeKind.OP, new SqrtPlusEps(eps), "sqrtvar = √(var + eps)", "var")
                .op("ivar", 6, NodeKind.OP, new Reciprocal(), "ivar = 1 / sqrtvar", "sqrtvar")
                .op("bcast_ivar", 7, NodeKind.BROADCAST, statsCopy, "bcast_ivar = ivar copied to " + stats, "ivar")
                .op("xhat", 7, NodeKind.OP, new Multiply(), "xhat = xmu ⊙ bcast(ivar)", "xmu", "bcast_ivar")
                .op("bcast_gamma", 8, NodeKind.BROADCAST, paramCopy, "bcast_gamma = gamma copied to " + params, GAMMA)
                .op("gammax", 8, NodeKind.OP, new Multiply(), "gammax = bcast(gamma) ⊙ xhat", "bcast_gamma", "xhat")
                .op("bcast_beta", 9, NodeKind.BROADCAST, paramCopy, "bcast_beta = beta copied to " + params, BETA)
                .op(OUT, 9, NodeKind.OP, new Add(), "out = gammax + bcast(beta)", "gammax", "bcast_beta")
                .build();
    }

    /** Where gamma's and beta's broadcasts copy them, in words of the formula. */
    static String parametersCopiedTo(NormLayout layout) {
        return layout.spatial() ? "N rows and H·W columns" : "N rows";
    }

    /** Where a statistic's broadcast copies it, in words of the formula. */
    static String statisticsCopiedTo(NormLayout layout) {
        if (layout.spatial()) {
            return "x's shape";
        }
        return switch (layout.kind()) {
            case BATCH -> "N rows";
            case LAYER -> "D columns";
            default -> "the D/G columns of its group";
        };
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
        return run(graph, in.x(), in.gamma(), in.beta(), in.dout());
    }

    /**
     * Runs a graph built by {@link #build(NormLayout, double)} forward and backward: x and dout
     * as the N×(C·H·W) matrices of their rows, gamma and beta as 1×C rows (1×D for 2-D x).
     */
    public static Trace run(Graph graph, Matrix x, Matrix gamma, Matrix beta, Matrix dout) {
        var forward = StagedEngine.forward(graph, Map.of(X, x, GAMMA, gamma, BETA, beta));
        return forward.backward(dout);
    }

    /** Runs the graph of {@code spec} on a 2-D input (refused as {@link NormLayout#of} refuses). */
    public static Trace run(NormSpec spec, BatchNormInput in) {
        return run(build(spec, in.n(), in.d(), in.eps()), in);
    }

    /**
     * Runs the graph of {@code layout} on a family input (2-D or 4-D): x and dout as the
     * N×(C·H·W) matrices of their rows, gamma and beta as 1×C rows.
     */
    public static Trace run(NormLayout layout, NormInput in) {
        return run(layout, in, GraphVariant.CORRECT);
    }

    /** Runs {@code variant}'s graph of {@code layout} on a family input, with the variant's rule at fan-outs. */
    public static Trace run(NormLayout layout, NormInput in, GraphVariant variant) {
        Graph graph = build(layout, in.eps(), variant);
        return StagedEngine.forward(graph, inputs(in)).backward(in.doutRows(), variant.fanOut());
    }

    /** The graph's input values for a family input: x's rows, gamma and beta as 1×C rows. */
    public static Map<String, Matrix> inputs(NormInput in) {
        return Map.of(X, in.xRows(), GAMMA, in.gammaRow(), BETA, in.betaRow());
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

    /** Whether a node or gradient name is a 1×D vector in batch norm rather than an N×D matrix. */
    public static boolean isVector(String name) {
        return STATISTICS.contains(name) || PARAMETERS.contains(name);
    }

    /** mu, var, sqrtvar, ivar and their gradients: shaped as the kind's statistics. */
    public static boolean isStatistic(String name) {
        return STATISTICS.contains(name);
    }

    /** gamma, beta, dgamma, dbeta: one value per feature (1×D) in every kind. */
    public static boolean isParameter(String name) {
        return PARAMETERS.contains(name);
    }

    /** Every gradient of DESIGN.md with the formulas of {@code layout}'s axes (backward order). */
    public static List<NamedGradient> gradients(NormLayout layout) {
        return gradients(layout.paramSum(), layout.statsSum(), layout.countFraction());
    }

    /** @param p what dgamma, dbeta sum over; @param s what the statistics sum over; @param m 1/M */
    private static List<NamedGradient> gradients(String p, String s, String m) {
        return List.of(
                total("dbeta", 9, BETA, "dbeta = " + p + " dout"),
                total("dgammax", 9, "gammax", "dgammax = dout"),
                total("dgamma", 8, GAMMA, "dgamma = " + p + " (dgammax ⊙ xhat)"),
                total("dxhat", 8, "xhat", "dxhat = dgammax ⊙ gamma"),
                total("divar", 7, "ivar", "divar = " + s + " (dxhat ⊙ xmu)"),
                branch("dxmu1", 7, "xmu", "xhat", 0, "dxmu1 = dxhat ⊙ ivar"),
                total("dsqrtvar", 6, "sqrtvar", "dsqrtvar = −divar / sqrtvar²"),
                total("dvar", 5, "var", "dvar = dsqrtvar / (2 √(var + eps))"),
                total("dsq", 4, "sq", "dsq = (" + m + ") · 1 ⊙ dvar"),
                branch("dxmu2", 3, "xmu", "sq", 0, "dxmu2 = 2 xmu ⊙ dsq"),
                branch("dx1", 2, X, "xmu", 0, "dx1 = dxmu1 + dxmu2"),
                total("dmu", 2, "mu", "dmu = −" + s + " dx1"),
                branch("dx2", 1, X, "mu", 0, "dx2 = (" + m + ") · 1 ⊙ dmu"),
                total("dx", 0, X, "dx = dx1 + dx2"));
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
