package org.normgraph.core.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Graph;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Node;
import org.normgraph.core.NodeKind;
import org.normgraph.core.Shape;

/**
 * Every kind has the nine-step graph's nodes, edges and names; only shapes and axes differ.
 * The graph is the core's matrix graph: x is the N×(C·H·W) matrix of its rows.
 */
class FamilyGraphStructureTest {

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(NormLayout.of(NormSpec.batch(), 3, 2, 2, 2), "Σ_{n,h,w}", "N·H·W"),
                Arguments.of(NormLayout.of(NormSpec.layer(), 3, 4), "Σ_cols", "D"),
                Arguments.of(NormLayout.of(NormSpec.layer(), 3, 4, 2, 1), "Σ_{c,h,w}", "C·H·W"),
                Arguments.of(NormLayout.of(NormSpec.group(2), 3, 4), "Σ_group", "D/G"),
                Arguments.of(NormLayout.of(NormSpec.group(2), 3, 4, 2, 2), "Σ_{group,h,w}", "(C/G)·H·W"),
                Arguments.of(NormLayout.of(NormSpec.instance(), 3, 4, 2, 2), "Σ_{h,w}", "H·W"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void names_edges_and_kinds_are_those_of_the_nine_step_graph(NormLayout layout, String sum, String count) {
        Graph g = BatchNormGraph.build(layout, 1e-5);
        Graph nine = BatchNormGraph.build(2, 2, 1e-5);
        assertEquals(nine.nodes().stream().map(Node::name).toList(), g.nodes().stream().map(Node::name).toList());
        assertEquals(nine.edges(), g.edges());
        nine.nodes().forEach(n -> assertEquals(n.kind(), g.node(n.name()).kind(), n.name()));
        nine.nodes().forEach(n -> assertEquals(n.step(), g.node(n.name()).step(), n.name()));
        assertEquals(BatchNormGraph.GRADIENTS.stream().map(NamedGradient::name).toList(),
                BatchNormGraph.gradients(layout).stream().map(NamedGradient::name).toList());
        assertEquals(BatchNormGraph.GRADIENTS.stream().map(NamedGradient::edge).toList(),
                BatchNormGraph.gradients(layout).stream().map(NamedGradient::edge).toList());
        assertEquals(List.of("x", "xmu"), g.nodes().stream().map(Node::name).filter(g::isFanOut).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void reductions_go_to_the_statistics_shape_and_broadcasts_come_back_to_x(NormLayout layout, String sum, String count) {
        Graph g = BatchNormGraph.build(layout, 1e-5);
        int[] xs = layout.xShape();
        Shape x = Shape.of(xs[0], org.normgraph.core.Tensor.size(xs) / xs[0]);
        Shape stats = Shape.of(layout.statsShape()[0], layout.statsShape()[1]);
        Shape param = Shape.of(1, layout.channels());
        assertEquals(x, g.node("x").shape());
        for (Node n : g.nodes()) {
            if (n.kind() == NodeKind.REDUCTION) {
                assertEquals(stats, n.shape(), n.name());
            }
            if (n.kind() == NodeKind.BROADCAST) {
                assertEquals(x, n.shape(), n.name());
                Shape from = g.node(n.inputs().get(0)).shape();
                assertEquals(n.name().equals("bcast_gamma") || n.name().equals("bcast_beta") ? param : stats, from, n.name());
            }
        }
        for (String s : List.of("mu", "var", "sqrtvar", "ivar", "divar", "dsqrtvar", "dvar", "dmu")) {
            assertTrue(BatchNormGraph.isStatistic(s), s);
        }
        assertTrue(BatchNormGraph.isParameter("dgamma") && BatchNormGraph.isParameter("dbeta"));
        assertTrue(!BatchNormGraph.isStatistic("dx2") && !BatchNormGraph.isParameter("dx2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void formulas_name_the_axes_of_the_kind(NormLayout layout, String sum, String count) {
        Graph g = BatchNormGraph.build(layout, 1e-5);
        List<NamedGradient> grads = BatchNormGraph.gradients(layout);
        // 1/M with M in parentheses when it is more than one letter: 1/(D/G), not 1/D/G
        String fraction = "1/" + (count.length() > 1 ? "(" + count + ")" : count);
        assertEquals("mu = (" + fraction + ") " + sum + " x", g.node("mu").formula());
        assertEquals("var = (" + fraction + ") " + sum + " sq", g.node("var").formula());
        assertEquals("dmu = −" + sum + " dx1", gradient(grads, "dmu").formula());
        assertEquals("dx2 = (" + fraction + ") · 1 ⊙ dmu", gradient(grads, "dx2").formula());
        assertTrue(gradient(grads, "dbeta").formula().startsWith("dbeta = " + layout.paramSum()));
    }

    @Test
    void the_mean_symbol_names_m_of_the_kind() {
        assertEquals(new org.normgraph.core.ops.MeanRows().symbol(), BatchNormGraph.build(4, 3, 1e-5).node("mu").op().symbol());
        assertEquals("Σ/N", BatchNormGraph.build(4, 3, 1e-5).node("var").op().symbol());
        assertEquals("Σ/D", BatchNormGraph.build(NormSpec.layer(), 4, 3, 1e-5).node("mu").op().symbol());
        assertEquals("Σ/(D/G)", BatchNormGraph.build(NormSpec.group(2), 4, 4, 1e-5).node("mu").op().symbol());
        assertEquals("mu = (1/(D/G)) Σ_group x", BatchNormGraph.build(NormSpec.group(2), 4, 4, 1e-5).node("mu").formula());
    }

    private static NamedGradient gradient(List<NamedGradient> all, String name) {
        return all.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }
}
