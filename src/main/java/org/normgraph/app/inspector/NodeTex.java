package org.normgraph.app.inspector;

import java.util.Map;
import org.normgraph.app.model.NormAxes;

/**
 * The forward formula and the local derivative of every node of the batch-norm graph, as
 * LaTeX for {@link TexRenderer}. Node names are written as in the graph ({@code xhat},
 * {@code bcast_mu}); indices i (row) and j (column) are those of the element views.
 */
public final class NodeTex {

    /** forward, local derivative */
    private record Tex(String forward, String local) {
    }

    private static final String COPY_LOCAL = "\\begin{array}{l} \\frac{\\partial\\,%1$s_{ij}}{\\partial\\,%2$s_{j}} = 1"
            + " \\\\ \\Rightarrow\\ \\mathrm{d}%2$s_{j} = \\sum_{i} \\mathrm{d}%1$s_{ij} \\end{array}";

    private static final Map<String, Tex> TEX = Map.ofEntries(
            Map.entry("x", new Tex(
                    "x \\in \\mathbb{R}^{N \\times D}",
                    "\\mathrm{dx} = \\mathrm{dx1} + \\mathrm{dx2}")),
            Map.entry("gamma", new Tex(
                    "\\mathrm{gamma} \\in \\mathbb{R}^{1 \\times D}",
                    "\\mathrm{dgamma}_{j} = \\sum_{i} \\mathrm{d}" + n("bcast_gamma") + "_{ij}")),
            Map.entry("beta", new Tex(
                    "\\mathrm{beta} \\in \\mathbb{R}^{1 \\times D}",
                    "\\mathrm{dbeta}_{j} = \\sum_{i} \\mathrm{d}" + n("bcast_beta") + "_{ij}")),
            Map.entry("mu", new Tex(
                    "\\mathrm{mu}_{j} = \\frac{1}{N} \\sum_{i} x_{ij}",
                    "\\frac{\\partial\\,\\mathrm{mu}_{j}}{\\partial\\,x_{ij}} = \\frac{1}{N}")),
            Map.entry("bcast_mu", copy("bcast_mu", "mu")),
            Map.entry("xmu", new Tex(
                    "\\mathrm{xmu} = x - \\mathrm{bcast}(\\mathrm{mu})",
                    "\\begin{array}{l} \\frac{\\partial\\,\\mathrm{xmu}}{\\partial\\,x} = 1 \\\\"
                            + " \\frac{\\partial\\,\\mathrm{xmu}}{\\partial\\," + n("bcast_mu") + "} = -1 \\end{array}")),
            Map.entry("sq", new Tex(
                    "\\mathrm{sq} = \\mathrm{xmu}^{2}",
                    "\\frac{\\partial\\,\\mathrm{sq}}{\\partial\\,\\mathrm{xmu}} = 2\\,\\mathrm{xmu}")),
            Map.entry("var", new Tex(
                    "\\mathrm{var}_{j} = \\frac{1}{N} \\sum_{i} \\mathrm{sq}_{ij}",
                    "\\frac{\\partial\\,\\mathrm{var}_{j}}{\\partial\\,\\mathrm{sq}_{ij}} = \\frac{1}{N}")),
            Map.entry("sqrtvar", new Tex(
                    "\\mathrm{sqrtvar} = \\sqrt{\\mathrm{var} + \\varepsilon}",
                    "\\frac{\\partial\\,\\mathrm{sqrtvar}}{\\partial\\,\\mathrm{var}}"
                            + " = \\frac{1}{2\\sqrt{\\mathrm{var} + \\varepsilon}}")),
            Map.entry("ivar", new Tex(
                    "\\mathrm{ivar} = \\frac{1}{\\mathrm{sqrtvar}}",
                    "\\frac{\\partial\\,\\mathrm{ivar}}{\\partial\\,\\mathrm{sqrtvar}}"
                            + " = -\\frac{1}{\\mathrm{sqrtvar}^{2}}")),
            Map.entry("bcast_ivar", copy("bcast_ivar", "ivar")),
            Map.entry("xhat", new Tex(
                    "\\mathrm{xhat} = \\mathrm{xmu} \\odot \\mathrm{bcast}(\\mathrm{ivar})",
                    "\\begin{array}{l} \\frac{\\partial\\,\\mathrm{xhat}}{\\partial\\,\\mathrm{xmu}}"
                            + " = \\mathrm{bcast}(\\mathrm{ivar}) \\\\"
                            + " \\frac{\\partial\\,\\mathrm{xhat}}{\\partial\\," + n("bcast_ivar") + "}"
                            + " = \\mathrm{xmu} \\end{array}")),
            Map.entry("bcast_gamma", copy("bcast_gamma", "gamma")),
            Map.entry("gammax", new Tex(
                    "\\mathrm{gammax} = \\mathrm{bcast}(\\mathrm{gamma}) \\odot \\mathrm{xhat}",
                    "\\begin{array}{l} \\frac{\\partial\\,\\mathrm{gammax}}{\\partial\\," + n("bcast_gamma") + "}"
                            + " = \\mathrm{xhat} \\\\"
                            + " \\frac{\\partial\\,\\mathrm{gammax}}{\\partial\\,\\mathrm{xhat}}"
                            + " = \\mathrm{bcast}(\\mathrm{gamma}) \\end{array}")),
            Map.entry("bcast_beta", copy("bcast_beta", "beta")),
            Map.entry("out", new Tex(
                    "\\mathrm{out} = \\mathrm{gammax} + \\mathrm{bcast}(\\mathrm{beta})",
                    "\\frac{\\partial\\,\\mathrm{out}}{\\partial\\,\\mathrm{gammax}} = 1, \\quad"
                            + " \\frac{\\partial\\,\\mathrm{out}}{\\partial\\," + n("bcast_beta") + "} = 1")));

    /**
     * What the inference graph has instead: mu and var are given (the running statistics,
     * nothing flows back into them), and x has a single branch, through xmu.
     */
    private static Tex inference(String node, NormAxes axes) {
        boolean images = axes.spatial();
        String row = images ? "1 \\times C" : "1 \\times D";
        return switch (node) {
            case "x" -> new Tex(images ? "x \\in \\mathbb{R}^{N \\times C \\cdot H \\cdot W}" : "x \\in \\mathbb{R}^{N \\times D}",
                    "\\mathrm{dx} = \\mathrm{dxmu}");
            case "mu" -> new Tex("\\mathrm{mu} = \\mathrm{running\\_mean} \\in \\mathbb{R}^{" + row + "}", null);
            case "var" -> new Tex("\\mathrm{var} = \\mathrm{running\\_var} \\in \\mathbb{R}^{" + row + "}", null);
            default -> null;
        };
    }

    private NodeTex() {
    }

    /** {@link #forward(String, NormAxes)}, or the inference graph's own where it differs. */
    public static String forward(String node, NormAxes axes, boolean inference) {
        Tex t = inference ? inference(node, axes) : null;
        return t != null ? t.forward() : forward(node, axes);
    }

    /** {@link #local(String, NormAxes)}, or the inference graph's own where it differs (null: none). */
    public static String local(String node, NormAxes axes, boolean inference) {
        Tex t = inference ? inference(node, axes) : null;
        return t != null ? t.local() : local(node, axes);
    }

    /** The forward formula of {@code node} for the kind whose statistics collapse as {@code axes}. */
    public static String forward(String node, NormAxes axes) {
        Tex t = family(node, axes);
        return t == null ? forward(node) : t.forward();
    }

    /** The local derivative of {@code node} for the kind whose statistics collapse as {@code axes}. */
    public static String local(String node, NormAxes axes) {
        Tex t = family(node, axes);
        return t == null ? local(node) : t.local();
    }

    /**
     * The formulas that change with the axes: the two reductions (over j of a row, 1/D; or over
     * the group g(j) of j, G/D) and the broadcasts of the statistics (indexed by row, or by row
     * and group); for N×C×H×W x also the parameters (one per channel c(j) of column j) and the
     * counts (C·H·W, (C/G)·H·W, H·W). Null where batch norm's formula holds for every kind.
     */
    private static Tex family(String node, NormAxes axes) {
        boolean images = axes.spatial() || axes.channelWidth() > 1; // H = W = 1 images have one column per channel
        Tex channel = images ? perChannel(node, axes.collapse() == NormAxes.Collapse.ROWS) : null;
        if (channel != null || axes.collapse() == NormAxes.Collapse.ROWS) {
            return channel;
        }
        boolean layer = axes.collapse() == NormAxes.Collapse.FEATURES;
        boolean instance = axes.perChannel(); // one statistic per row and channel c, not per group g
        String stat = layer ? "_{i}" : instance ? "_{ic}" : "_{ig}";
        String m = !images ? (layer ? "\\frac{1}{D}" : "\\frac{G}{D}")
                : layer ? "\\frac{1}{C \\cdot H \\cdot W}"
                : axes.groupWidth() == axes.channelWidth() ? "\\frac{1}{H \\cdot W}" : "\\frac{G}{C \\cdot H \\cdot W}";
        String sum = layer ? "\\sum_{j}" : instance ? "\\sum_{j \\in c}" : "\\sum_{j \\in g}";
        String at = layer ? "_{i}" : instance ? "_{i\\,c(j)}" : "_{i\\,g(j)}";
        return switch (node) {
            case "mu", "var" -> {
                String src = node.equals("mu") ? "x" : "\\mathrm{sq}";
                yield new Tex("\\mathrm{" + node + "}" + stat + " = " + m + " " + sum + " " + src + "_{ij}",
                        "\\frac{\\partial\\,\\mathrm{" + node + "}" + stat + "}{\\partial\\," + src + "_{ij}} = " + m);
            }
            case "bcast_mu", "bcast_ivar" -> {
                String source = "\\mathrm{" + node.substring("bcast_".length()) + "}";
                yield new Tex(n(node) + "_{ij} = " + source + at,
                        "\\begin{array}{l} \\frac{\\partial\\," + n(node) + "_{ij}}{\\partial\\," + source + at + "} = 1"
                                + " \\\\ \\Rightarrow\\ \\mathrm{d}" + source + stat + " = " + sum + " \\mathrm{d}"
                                + n(node) + "_{ij} \\end{array}");
            }
            default -> null;
        };
    }

    /**
     * N×C×H×W x seen as N rows of C·H·W columns: gamma, beta and (in batch norm) the statistics
     * are one per channel c, and column j belongs to channel c(j). Null for the other nodes.
     */
    private static Tex perChannel(String node, boolean batch) {
        return switch (node) {
            case "x" -> new Tex("x \\in \\mathbb{R}^{N \\times C \\cdot H \\cdot W}", local("x"));
            case "gamma", "beta" -> new Tex("\\mathrm{" + node + "} \\in \\mathbb{R}^{1 \\times C}",
                    "\\mathrm{d" + node + "}_{c} = \\sum_{i} \\sum_{j \\in c} \\mathrm{d}" + n("bcast_" + node) + "_{ij}");
            case "bcast_gamma", "bcast_beta" -> channelCopy(node);
            case "mu", "var" -> {
                if (!batch) {
                    yield null;
                }
                String src = node.equals("mu") ? "x" : "\\mathrm{sq}";
                String m = "\\frac{1}{N \\cdot H \\cdot W}";
                yield new Tex("\\mathrm{" + node + "}_{c} = " + m + " \\sum_{i} \\sum_{j \\in c} " + src + "_{ij}",
                        "\\frac{\\partial\\,\\mathrm{" + node + "}_{c}}{\\partial\\," + src + "_{ij}} = " + m);
            }
            case "bcast_mu", "bcast_ivar" -> batch ? channelCopy(node) : null;
            default -> null;
        };
    }

    /** A copy of a per-channel value to the N rows and the H·W columns of its channel. */
    private static Tex channelCopy(String node) {
        String source = "\\mathrm{" + node.substring("bcast_".length()) + "}";
        return new Tex(n(node) + "_{ij} = " + source + "_{c(j)}",
                "\\begin{array}{l} \\frac{\\partial\\," + n(node) + "_{ij}}{\\partial\\," + source + "_{c(j)}} = 1"
                        + " \\\\ \\Rightarrow\\ \\mathrm{d}" + source + "_{c} = \\sum_{i} \\sum_{j \\in c} \\mathrm{d}"
                        + n(node) + "_{ij} \\end{array}");
    }

    /** The forward formula of {@code node}, or null for a name that is not in the graph. */
    public static String forward(String node) {
        Tex t = TEX.get(node);
        return t == null ? null : t.forward();
    }

    /**
     * The local derivative of {@code node}'s operation with respect to its inputs; for an
     * input, how its gradient is collected. Null for a name that is not in the graph.
     */
    public static String local(String node) {
        Tex t = TEX.get(node);
        return t == null ? null : t.local();
    }

    private static Tex copy(String node, String source) {
        return new Tex(n(node) + "_{ij} = \\mathrm{" + source + "}_{j}",
                String.format(COPY_LOCAL, n(node), "\\mathrm{" + source + "}"));
    }

    /** A node name upright, with its underscore escaped. */
    private static String n(String name) {
        return "\\mathrm{" + name.replace("_", "\\_") + "}";
    }
}
