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
import org.normgraph.core.NamedGradient;
import org.normgraph.core.StagedReference;
import org.normgraph.core.TestInputs;
import org.normgraph.core.Trace;

/**
 * Batch norm of N×D input in the family graph is today's nine-step graph: the same nodes and
 * edges, and bit for bit the same numbers (same operations in the same order), which also puts
 * it within rounding of the independent {@link StagedReference}.
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
        NormTrace family = NormGraph.run(NormSpec.batch(), NormInput.of(in));
        for (String name : designNames()) {
            assertArrayEquals(TestInputs.named(nine, name).toArray(), family.named(name).toArray(), 0.0, name);
        }
        assertArrayEquals(nine.gradient("gamma").toArray(), family.gradient("gamma").toArray(), 0.0, "dgamma");
    }

    @ParameterizedTest(name = "N={0} D={1} eps={2}")
    @MethodSource("shapes")
    void every_design_name_agrees_with_the_independent_reference(int n, int d, double eps, long seed) {
        BatchNormInput in = TestInputs.random(n, d, eps, seed);
        NormTrace family = NormGraph.run(NormSpec.batch(), NormInput.of(in));
        for (Map.Entry<String, double[][]> e : StagedReference.run(in).entrySet()) {
            double[][] actual = family.named(e.getKey()).toMatrix().toRows();
            double rel = StagedReference.relativeDifference(e.getValue(), actual);
            assertTrue(rel <= 1e-12, () -> e.getKey() + ": relative difference " + rel);
        }
    }

    @Test
    void nodes_edges_kinds_and_shapes_are_those_of_the_nine_step_graph() {
        var nine = BatchNormGraph.build(4, 3, 1e-5);
        NormGraph family = NormGraph.build(NormLayout.of(NormSpec.batch(), 4, 3), 1e-5);
        assertEquals(nine.nodes().stream().map(n -> n.name()).toList(), family.nodes().stream().map(NormNode::name).toList());
        assertEquals(nine.edges(), family.edges());
        for (var node : nine.nodes()) {
            NormNode f = family.node(node.name());
            assertEquals(node.kind(), f.kind(), node.name());
            assertEquals(node.step(), f.step(), node.name());
            assertArrayEquals(new int[] {node.shape().rows(), node.shape().cols()}, f.shape(), node.name());
        }
        for (NamedGradient g : BatchNormGraph.GRADIENTS) {
            NamedGradient f = family.gradient(g.name());
            assertEquals(g.step(), f.step(), g.name());
            assertEquals(g.node(), f.node(), g.name());
            assertEquals(g.edge(), f.edge(), g.name());
            assertEquals(g.formula(), f.formula(), g.name());
        }
    }

    /** The equality above can fail: layer norm of the same input is another graph's numbers. */
    @Test
    void layer_norm_of_the_same_input_does_not_pass_for_batch_norm() {
        BatchNormInput in = TestInputs.random(4, 3, 1e-3, 5);
        Trace nine = BatchNormGraph.run(in);
        NormTrace layer = NormGraph.run(NormSpec.layer(), NormInput.of(in));
        assertNotEquals(nine.value("out"), layer.value("out").toMatrix());
        assertNotEquals(nine.gradient("x"), layer.gradient("x").toMatrix());
    }

    private static List<String> designNames() {
        List<String> all = new ArrayList<>(BatchNormGraph.FORWARD);
        BatchNormGraph.GRADIENTS.forEach(g -> all.add(g.name()));
        return all;
    }

    @Test
    void the_branches_are_the_contributions_along_the_same_edges() {
        NormGraph family = NormGraph.build(NormLayout.of(NormSpec.group(1), 3, 2), 1e-5);
        assertEquals(new Edge("xmu", "xhat", 0), family.gradient("dxmu1").edge());
        assertEquals(new Edge("xmu", "sq", 0), family.gradient("dxmu2").edge());
        assertEquals(new Edge("x", "xmu", 0), family.gradient("dx1").edge());
        assertEquals(new Edge("x", "mu", 0), family.gradient("dx2").edge());
    }
}
