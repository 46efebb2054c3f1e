package org.normgraph.app.inspector;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;
import org.normgraph.core.NamedGradient;

/**
 * The names under which gradients are shown, taken from the contract (DESIGN.md section 1,
 * {@link BatchNormGraph#GRADIENTS}):
 * <ul>
 *   <li>a node's total gradient: its named gradient ({@code dxhat}, {@code divar}, …);
 *       for a fan-out node without one, the named gradient that is the sum of its branches
 *       ({@code xmu}: {@code dx1 = dxmu1 + dxmu2}); the output's is {@code dout}; any other
 *       node's is {@code d} + its name ({@code dbcast_gamma});</li>
 *   <li>a contribution along an edge: its named branch ({@code dxmu1}, {@code dx2}, …), else
 *       the total gradient of the edge's source (which then has only that one consumer).</li>
 * </ul>
 */
public final class GradientNames {

    private GradientNames() {
    }

    /** The name of the total gradient of {@code node}, e.g. {@code dxhat}. */
    public static String total(Graph graph, String node) {
        for (NamedGradient g : BatchNormGraph.GRADIENTS) {
            if (!g.isBranch() && g.node().equals(node)) {
                return g.name();
            }
        }
        if (node.equals(graph.output().name())) {
            return "d" + node;
        }
        if (graph.isFanOut(node)) {
            Set<String> branchNames = branches(graph, node).stream()
                    .map(GradientNames::namedBranch).collect(Collectors.toSet());
            for (NamedGradient g : BatchNormGraph.GRADIENTS) {
                if (!branchNames.contains(null) && branchNames.equals(summands(g.formula()))) {
                    return g.name();
                }
            }
        }
        return "d" + node;
    }

    /** The name of what travels back along {@code edge}, e.g. {@code dxmu1}. */
    public static String contribution(Graph graph, Edge edge) {
        String named = namedBranch(edge);
        return named != null ? named : total(graph, edge.from());
    }

    private static String namedBranch(Edge edge) {
        for (NamedGradient g : BatchNormGraph.GRADIENTS) {
            if (edge.equals(g.edge())) {
                return g.name();
            }
        }
        return null;
    }

    /**
     * The edges along which a node's gradient arrives, in the order the staged engine adds
     * them (its consumers from the last in forward order to the first): for {@code x},
     * {@code dx1} (from {@code xmu}) then {@code dx2} (from {@code mu}).
     */
    public static List<Edge> branches(Graph graph, String node) {
        List<String> order = graph.nodes().stream().map(n -> n.name()).toList();
        return graph.consumers(node).stream()
                .sorted(Comparator.comparingInt((Edge e) -> order.indexOf(e.to())).reversed())
                .toList();
    }

    /** {@code "dx1 = dxmu1 + dxmu2"} → {dxmu1, dxmu2}; anything but a plain sum → empty. */
    private static Set<String> summands(String formula) {
        int eq = formula.indexOf('=');
        if (eq < 0) {
            return Set.of();
        }
        String[] parts = formula.substring(eq + 1).split("\\+");
        if (parts.length < 2) {
            return Set.of();
        }
        Set<String> names = new java.util.HashSet<>();
        for (String p : parts) {
            String s = p.strip();
            if (!s.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return Set.of();
            }
            names.add(s);
        }
        return names;
    }
}
