package org.normgraph.core.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Node;
import org.normgraph.core.Trace;

/**
 * The one matrix core ({@link BatchNormGraph#build(NormLayout, double)} on Graph, StagedEngine
 * and Trace, x seen as N×(C·H·W)) computes bit for bit what the tensor engine computes, for
 * every kind and shape class of the family's gradient-check table: every value, every total
 * gradient, every edge contribution. Same nodes, edges, kinds, steps and gradient formulas.
 */
class UnifiedCoreAgreesWithTheFamilyEngineTest {

    static Stream<Arguments> table() {
        return FamilyGradientCheckTableTest.table();
    }

    @ParameterizedTest(name = "{0} x={1} eps={3}")
    @MethodSource("table")
    void every_value_gradient_and_contribution_is_bit_for_bit_the_family_engines(
            NormSpec spec, String shapeText, int[] shape, double eps) {
        NormInput in = FamilyInputs.random(shape, eps, shapeText.hashCode() * 17L + spec.toString().hashCode());
        NormLayout layout = NormLayout.of(spec, shape);
        NormTrace family = NormGraph.run(spec, in);
        Trace unified = BatchNormGraph.run(layout, in);
        Graph g = unified.graph();
        for (Node n : g.nodes()) {
            assertArrayEquals(family.value(n.name()).toArray(), unified.value(n.name()).toArray(), 0, n.name());
            assertArrayEquals(family.gradient(n.name()).toArray(), unified.gradient(n.name()).toArray(), 0, "d" + n.name());
            assertEquals(family.value(n.name()).size(), n.shape().size(), n.name() + " shape");
        }
        for (Edge e : g.edges()) {
            assertArrayEquals(family.contribution(e).toArray(), unified.contribution(e).toArray(), 0, e.toString());
        }
        for (NamedGradient ng : BatchNormGraph.gradients(layout)) {
            assertArrayEquals(family.gradient(ng).toArray(), unified.gradient(ng).toArray(), 0, ng.name());
        }
    }

    @ParameterizedTest(name = "{0} x={1}")
    @MethodSource("table")
    void the_graphs_have_the_same_nodes_edges_and_gradient_formulas(
            NormSpec spec, String shapeText, int[] shape, double eps) {
        NormLayout layout = NormLayout.of(spec, shape);
        NormGraph family = NormGraph.build(layout, eps);
        Graph unified = BatchNormGraph.build(layout, eps);
        assertEquals(family.nodes().stream().map(NormNode::name).toList(), unified.nodes().stream().map(Node::name).toList());
        assertEquals(family.nodes().stream().map(n -> n.kind() + " " + n.step()).toList(),
                unified.nodes().stream().map(n -> n.kind() + " " + n.step()).toList());
        assertEquals(family.edges(), unified.edges());
        // the reductions' formulas name the kind's axes and count, as the family writes them
        for (String r : List.of("mu", "var")) {
            assertEquals(family.node(r).formula(), unified.node(r).formula());
        }
    }

    @org.junit.jupiter.api.Test
    void the_mean_symbol_names_m_of_the_kind_as_the_nine_step_graph_did() {
        assertEquals(new org.normgraph.core.ops.MeanRows().symbol(), BatchNormGraph.build(4, 3, 1e-5).node("mu").op().symbol());
        assertEquals("Σ/N", BatchNormGraph.build(4, 3, 1e-5).node("var").op().symbol());
        assertEquals("Σ/D", BatchNormGraph.build(NormSpec.layer(), 4, 3, 1e-5).node("mu").op().symbol());
        assertEquals("Σ/(D/G)", BatchNormGraph.build(NormSpec.group(2), 4, 4, 1e-5).node("mu").op().symbol());
        assertEquals("mu = (1/(D/G)) Σ_group x", BatchNormGraph.build(NormSpec.group(2), 4, 4, 1e-5).node("mu").formula());
    }
}
