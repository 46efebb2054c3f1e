package org.normgraph.core.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.NodeKind;

/** Every kind has the nine-step graph's nodes, edges and names; only shapes and axes differ. */
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
        NormGraph g = NormGraph.build(layout, 1e-5);
        var nine = BatchNormGraph.build(2, 2, 1e-5);
        assertEquals(nine.nodes().stream().map(n -> n.name()).toList(), g.nodes().stream().map(NormNode::name).toList());
        assertEquals(nine.edges(), g.edges());
        nine.nodes().forEach(n -> assertEquals(n.kind(), g.node(n.name()).kind(), n.name()));
        assertEquals(BatchNormGraph.GRADIENTS.stream().map(NamedGradient::name).toList(),
                g.gradients().stream().map(NamedGradient::name).toList());
        assertEquals(List.of("x", "xmu"), g.nodes().stream().map(NormNode::name).filter(g::isFanOut).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void reductions_go_to_the_statistics_shape_and_broadcasts_come_back_to_x(NormLayout layout, String sum, String count) {
        NormGraph g = NormGraph.build(layout, 1e-5);
        for (NormNode n : g.nodes()) {
            if (n.kind() == NodeKind.REDUCTION) {
                assertArrayEquals(layout.statsShape(), n.shape(), n.name());
            }
            if (n.kind() == NodeKind.BROADCAST) {
                assertArrayEquals(layout.xShape(), n.shape(), n.name());
                int[] from = g.node(n.inputs().get(0)).shape();
                assertArrayEquals(n.name().equals("bcast_gamma") || n.name().equals("bcast_beta")
                        ? layout.paramShape() : layout.statsShape(), from, n.name());
            }
        }
        assertEquals(NormGraph.Role.STATISTIC, g.role("divar"));
        assertEquals(NormGraph.Role.PARAMETER, g.role("dgamma"));
        assertEquals(NormGraph.Role.FULL, g.role("dx2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void formulas_name_the_axes_of_the_kind(NormLayout layout, String sum, String count) {
        NormGraph g = NormGraph.build(layout, 1e-5);
        // 1/M with M in parentheses when it is more than one letter: 1/(D/G), not 1/D/G
        String fraction = "1/" + (count.length() > 1 ? "(" + count + ")" : count);
        assertEquals("mu = (" + fraction + ") " + sum + " x", g.node("mu").formula());
        assertEquals("dmu = −" + sum + " dx1", g.gradient("dmu").formula());
        assertEquals("dx2 = (" + fraction + ") · 1 ⊙ dmu", g.gradient("dx2").formula());
        assertTrue(g.gradient("dbeta").formula().startsWith("dbeta = " + layout.paramSum()));
    }
}
