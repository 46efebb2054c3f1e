package org.normgraph.app.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.normgraph.app.model.RunningStatistics;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.Matrix;

/** Which nodes a step is framed by, also for the steps of inference that compute nothing. */
class StepFramerTest {

    @Test
    void a_training_step_frames_its_own_nodes() {
        SessionModel m = SessionModel.example();
        for (int p = 0; p < m.getStepCount(); p++) {
            assertEquals(p, StepFramer.framedStep(m.steps(), p).position());
        }
        assertTrue(StepFramer.nodesOf(m.steps().get(19)).contains("x"), "backward 0 sums dx1 and dx2 at x");
    }

    /** Forward 1 framed mu alone, without the x its mean is taken of. */
    @Test
    void a_forward_step_frames_what_it_reads_with_what_it_computes() {
        SessionModel m = SessionModel.example();
        java.util.Set<org.normgraph.core.Edge> edges = new java.util.HashSet<>(m.getGraph().edges());
        assertEquals(java.util.Set.of("x", "mu"), StepFramer.framedNodes(m.steps().get(1), edges));
        assertTrue(StepFramer.framedNodes(m.steps().get(3), edges).containsAll(java.util.List.of("xmu", "sq")), "forward 3");
        assertEquals(StepFramer.nodesOf(m.steps().get(14)), StepFramer.framedNodes(m.steps().get(14), edges),
                "a backward step frames the nodes it works on, as before");
    }

    /** In inference End (backward 0, nothing computed) left the view on gamma and beta. */
    @Test
    void an_inference_step_that_computes_nothing_frames_where_the_gradient_last_went_or_the_constant_is_used() {
        SessionModel m = SessionModel.example();
        int d = m.getInput().d();
        m.setInference(new RunningStatistics(Matrix.filled(1, d, 2), Matrix.filled(1, d, 4)));
        assertTrue(StepFramer.nodesOf(m.steps().get(19)).isEmpty(), "backward 0 computes nothing here");
        assertEquals(17, StepFramer.framedStep(m.steps(), 19).position(), "backward 2: dx at x");
        assertTrue(StepFramer.nodesOf(StepFramer.framedStep(m.steps(), 19)).contains("x"));
        assertEquals(12, StepFramer.framedStep(m.steps(), 13).position(), "backward 6 → backward 7, at xhat and xmu");
        assertEquals(2, StepFramer.framedStep(m.steps(), 1).position(), "forward 1 → forward 2, where the running mean is used");
        assertEquals(5, StepFramer.framedStep(m.steps(), 3).position(), "forward 3 → forward 5, the constant variance");
    }
}
