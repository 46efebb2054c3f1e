package org.normgraph.core.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.StagedReference;
import org.normgraph.core.TestInputs;
import org.normgraph.core.Trace;

/**
 * Batch norm of N×D input run as a family case (a {@link NormInput} on the graph of its
 * {@link NormLayout}) is the nine-step graph: the same nodes and edges, bit for bit the same
 * numbers, and within rounding of the independent {@link StagedReference}.
 */
class BatchKindEqualsTheNineStepGraphTest {

    static Stream<Arguments> shapes() {
        Random r = new Random(11);
        double[] eps = {1e-5, 1e-3, 0.1, 1};
        return IntStream.range(0, 30).mapToObj(k -> Arguments.of(1 + r.nextInt(9), 1 + r.nextInt(6),
                eps[r.nextInt(eps.length)], r.nextLong()));
    }

    @ParameterizedTest(name = "N={0} D={1} eps={2}")
    @MethodSource("shapes")
    void every_design_name_has_bit_for_bit_the_value_of_the_nine_step_graph(int n, int d, double eps, long seed) {
        BatchNormInput in = TestInputs.random(n, d, eps, seed);
        Trace nine = BatchNormGraph.run(in);
        Trace family = BatchNormGraph.run(NormLayout.of(NormSpec.batch(), n, d), NormInput.of(in));
        for (String name : designNames()) {
            assertArrayEquals(TestInputs.named(nine, name).toArray(), TestInputs.named(family, name).toArray(), 0.0, name);
        }
        assertArrayEquals(nine.gradient("gamma").toArray(), family.gradient("gamma").toArray(), 0.0, "dgamma");
    }

    @ParameterizedTest(name = "N={0} D={1} eps={2}")
    @MethodSource("shapes")
    void every_design_name_agrees_with_the_independent_reference(int n, int d, double eps, long seed) {
        BatchNormInput in = TestInputs.random(n, d, eps, seed);
        Trace family = BatchNormGraph.run(NormLayout.of(NormSpec.batch(), n, d), NormInput.of(in));
        for (Map.Entry<String, double[][]> e : StagedReference.run(in).entrySet()) {
            double[][] actual = TestInputs.named(family, e.getKey()).toRows();
            double rel = StagedReference.relativeDifference(e.getValue(), actual);
            assertTrue(rel <= 1e-12, () -> e.getKey() + ": relative difference " + rel);
        }
    }

    @Test
    void nodes_edges_kinds_shapes_and_formulas_are_those_of_the_nine_step_graph() {
        Graph nine = BatchNormGraph.build(4, 3, 1e-5);
        Graph family = BatchNormGraph.build(NormLayout.of(NormSpec.batch(), 4, 3), 1e-5);
        assertEquals(nine.nodes(), family.nodes());
        assertEquals(nine.edges(), family.edges());
        assertEquals(BatchNormGraph.GRADIENTS, BatchNormGraph.gradients(NormLayout.of(NormSpec.batch(), 4, 3)));
    }

    /** The equality above can fail: layer norm of the same input is another graph's numbers. */
    @Test
    void layer_norm_of_the_same_input_does_not_pass_for_batch_norm() {
        BatchNormInput in = TestInputs.random(4, 3, 1e-3, 5);
        Trace nine = BatchNormGraph.run(in);
        Trace layer = BatchNormGraph.run(NormSpec.layer(), in);
        assertNotEquals(nine.value("out"), layer.value("out"));
        assertNotEquals(nine.gradient("x"), layer.gradient("x"));
    }

    private static List<String> designNames() {
        List<String> all = new ArrayList<>(BatchNormGraph.FORWARD);
        BatchNormGraph.GRADIENTS.forEach(g -> all.add(g.name()));
        return all;
    }

    @Test
    void the_branches_are_the_contributions_along_the_same_edges() {
        List<NamedGradient> group = BatchNormGraph.gradients(NormLayout.of(NormSpec.group(1), 3, 2));
        Graph graph = BatchNormGraph.build(NormSpec.group(1), 3, 2, 1e-5);
        Map<String, Edge> expected = Map.of("dxmu1", new Edge("xmu", "xhat", 0), "dxmu2", new Edge("xmu", "sq", 0),
                "dx1", new Edge("x", "xmu", 0), "dx2", new Edge("x", "mu", 0));
        for (NamedGradient g : group) {
            assertEquals(expected.get(g.name()), g.edge(), g.name());
            if (g.isBranch()) {
                assertTrue(graph.edges().contains(g.edge()), g.name());
            }
        }
    }
}
