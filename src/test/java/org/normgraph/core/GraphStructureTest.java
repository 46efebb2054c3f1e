package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Consumers, producers, fan-out and the explicit broadcast and reduction nodes of the graph. */
class GraphStructureTest {

    private final Graph graph = BatchNormGraph.build(4, 3, 1e-5);

    @ParameterizedTest(name = "{0} reaches {2} only through {1}")
    @CsvSource({"mu, bcast_mu, xmu, 1", "ivar, bcast_ivar, xhat, 1",
                "gamma, bcast_gamma, gammax, 0", "beta, bcast_beta, out, 1"})
    void row_vectors_are_broadcast_by_an_explicit_node(String vector, String bcast, String consumer, int argument) {
        assertEquals(List.of(new Edge(vector, bcast, 0)), graph.consumers(vector));
        Node b = graph.node(bcast);
        assertEquals(NodeKind.BROADCAST, b.kind());
        assertEquals(Shape.of(1, 3), graph.node(vector).shape());
        assertEquals(Shape.of(4, 3), b.shape());
        assertEquals(List.of(new Edge(bcast, consumer, argument)), graph.consumers(bcast));
        assertEquals(new Edge(bcast, consumer, argument), graph.producers(consumer).get(argument));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"mu, 1, REDUCTION, x", "xmu, 2, OP, x bcast_mu", "sq, 3, OP, xmu", "var, 4, REDUCTION, sq",
                "sqrtvar, 5, OP, var", "ivar, 6, OP, sqrtvar", "xhat, 7, OP, xmu bcast_ivar",
                "gammax, 8, OP, bcast_gamma xhat", "out, 9, OP, gammax bcast_beta"})
    void each_forward_node_has_its_design_step_kind_and_inputs(String name, int step, NodeKind kind, String inputs) {
        Node node = graph.node(name);
        assertEquals(step, node.step());
        assertEquals(kind, node.kind());
        List<String> args = List.of(inputs.split(" "));
        assertEquals(args, node.inputs());
        assertEquals(args, graph.producers(name).stream().map(Edge::from).toList(), "producers in argument order");
    }

    @ParameterizedTest
    @CsvSource({"x", "gamma", "beta"})
    void inputs_have_no_producers_and_step_zero(String name) {
        Node node = graph.node(name);
        assertTrue(node.isInput());
        assertEquals(0, node.step());
        assertTrue(graph.producers(name).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"sq", "var", "sqrtvar", "xhat", "gammax", "mu", "ivar", "gamma", "beta"})
    void other_nodes_have_exactly_one_consumer(String name) {
        assertFalse(graph.isFanOut(name));
        assertEquals(1, graph.consumers(name).size());
    }

    @org.junit.jupiter.api.Test
    void out_is_the_output_and_nothing_consumes_it() {
        assertEquals("out", graph.output().name());
        assertTrue(graph.consumers("out").isEmpty());
        assertEquals(BatchNormGraph.FORWARD, graph.nodes().stream()
                .filter(n -> !n.isInput() && n.kind() != NodeKind.BROADCAST).map(Node::name).toList());
    }

    @org.junit.jupiter.api.Test
    void every_edge_is_listed_once_as_a_consumer_and_once_as_a_producer() {
        for (Edge e : graph.edges()) {
            assertEquals(1, graph.consumers(e.from()).stream().filter(e::equals).count(), e.toString());
            assertEquals(1, graph.producers(e.to()).stream().filter(e::equals).count(), e.toString());
        }
        int consumerEdges = graph.nodes().stream().mapToInt(n -> graph.consumers(n.name()).size()).sum();
        assertEquals(graph.edges().size(), consumerEdges);
    }

    @org.junit.jupiter.api.Test
    void x_feeds_mu_and_xmu_and_xmu_feeds_sq_and_xhat() {
        assertEquals(List.of(new Edge("x", "mu", 0), new Edge("x", "xmu", 0)), graph.consumers("x"));
        assertEquals(List.of(new Edge("xmu", "sq", 0), new Edge("xmu", "xhat", 0)), graph.consumers("xmu"));
    }
}
