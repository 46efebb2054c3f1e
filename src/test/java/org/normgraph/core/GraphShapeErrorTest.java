package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.normgraph.core.ops.Broadcast;
import org.normgraph.core.ops.Multiply;

/** Shape errors of the graph name the node and the shapes involved. */
class GraphShapeErrorTest {

    @Test
    void building_a_graph_with_mismatched_inputs_names_the_node_and_both_shapes() {
        Graph.Builder b = new Graph.Builder().input("a", Shape.of(2, 3)).input("b", Shape.of(3, 2));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> b.op("c", 1, NodeKind.OP, new Multiply(), "c = a ⊙ b", "a", "b"));
        assertTrue(e.getMessage().startsWith("c: multiply"), e.getMessage());
        assertTrue(e.getMessage().contains("2×3") && e.getMessage().contains("3×2"), e.getMessage());
    }

    @Test
    void a_broadcast_node_of_a_matrix_names_the_node_and_the_shape() {
        Graph.Builder b = new Graph.Builder().input("a", Shape.of(2, 3));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> b.op("bcast_a", 1, NodeKind.BROADCAST, new Broadcast(4), "", "a"));
        assertTrue(e.getMessage().contains("bcast_a") && e.getMessage().contains("2×3"), e.getMessage());
    }

    @Test
    void a_seed_gradient_of_the_wrong_shape_names_both_shapes() {
        Graph g = BatchNormGraph.build(3, 2, 1e-5);
        BatchNormInput in = TestInputs.random(3, 2, 1e-5, 1);
        var forward = StagedEngine.forward(g, java.util.Map.of("x", in.x(), "gamma", in.gamma(), "beta", in.beta()));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> forward.backward(Matrix.zeros(2, 3)));
        assertTrue(e.getMessage().contains("out") && e.getMessage().contains("3×2")
                && e.getMessage().contains("2×3"), e.getMessage());
    }
}
