package org.normgraph.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;
import org.normgraph.core.InferenceGraph;

/** The walk through the inference graph: its constant part never receives a gradient. */
class InferenceTimelineTest {

    private final Graph graph = InferenceGraph.build(4, 3, 1e-5);
    private final Timeline t = new Timeline(graph);

    @Test
    void the_constants_are_given_at_the_start_and_never_get_a_gradient() {
        assertTrue(t.valueShown("mu"));
        assertTrue(t.valueShown("var"));
        assertFalse(t.valueShown("sqrtvar"));
        t.last();
        for (String c : InferenceGraph.constants(graph)) {
            assertFalse(t.gradientShown(c), c);
            for (Edge e : graph.consumers(c)) {
                assertFalse(t.contributionShown(e), e.toString());
            }
        }
        for (String n : List.of("x", "gamma", "beta", "xmu", "xhat", "gammax", "out")) {
            assertTrue(t.gradientShown(n), n);
        }
    }

    @Test
    void the_backward_reaches_x_at_step_2_in_one_branch_and_steps_through_constants_reveal_nothing() {
        assertEquals(20, t.size());
        t.seek(Timeline.backwardPosition(3));
        assertFalse(t.gradientShown("x"));
        t.seek(Timeline.backwardPosition(2));
        assertTrue(t.gradientShown("x"));
        for (int k : new int[] {6, 5, 4, 3, 1, 0}) {
            Step s = t.steps().get(Timeline.backwardPosition(k));
            assertTrue(s.gradients().isEmpty() && s.edges().isEmpty(), "backward " + k + ": " + s);
        }
        Step seven = t.steps().get(Timeline.backwardPosition(7));
        assertEquals(List.of(new Edge("xmu", "xhat", 0)), seven.edges(), "nothing goes to bcast_ivar");
        assertFalse(seven.names().contains("divar"));
        assertTrue(t.steps().stream().noneMatch(s -> s.names().contains("dxmu2") || s.names().contains("dx2")));
    }

    @Test
    void the_training_walk_is_unchanged() {
        Timeline train = new Timeline(org.normgraph.core.BatchNormGraph.build(4, 3, 1e-5));
        train.last();
        assertTrue(train.gradientShown("mu"));
        assertTrue(train.gradientShown("ivar"));
    }
}
