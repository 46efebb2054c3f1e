package org.normgraph.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.normgraph.app.editor.InputEdits;
import org.normgraph.app.explain.StepExplanations;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.InferenceGraph;
import org.normgraph.core.Matrix;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormSpec;

/** The training/inference switch of the session (no toolkit). */
class SessionModelInferenceTest {

    private static final RunningStatistics STATS =
            new RunningStatistics(Matrix.rowVector(1, 2, 0), Matrix.rowVector(4, 1, 0.25));

    @Test
    void inference_runs_the_inference_graph_with_the_constants_and_keeps_position_and_history() {
        SessionModel m = SessionModel.example();
        m.commit(m.getInput().withEps(1e-3));
        m.seek(7);
        m.setInference(STATS);
        assertTrue(m.isInference());
        assertTrue(InferenceGraph.isInference(m.getGraph()));
        Trace expected = InferenceGraph.run(m.getInput(), STATS.mean(), STATS.var());
        assertEquals(expected.value("out"), m.getTrace().value("out"));
        assertEquals(expected.gradient("x"), m.getTrace().gradient("x"));
        assertEquals(7, m.getPosition());
        assertEquals("inference.step.forward.7", m.getStatusKey());
        assertTrue(m.canUndo()); // the eps edit is still there; the switch itself is not an edit
        m.undo();
        assertTrue(m.isInference(), "an edit keeps the mode");
        assertEquals(1e-5, m.getInput().eps());
        m.setInference(null);
        assertFalse(InferenceGraph.isInference(m.getGraph()));
        assertEquals("step.forward.7", m.getStatusKey());
    }

    /** Inference from layer norm switched the kind to batch norm, and Ctrl+Z did not bring layer norm back. */
    @Test
    void inference_from_another_kind_changes_the_kind_as_an_edit_that_undo_takes_back() {
        SessionModel m = SessionModel.example();
        m.setNormSpec(NormSpec.layer());
        m.setInference(STATS);
        assertEquals(NormSpec.batch(), m.getNormSpec());
        assertTrue(m.undo());
        assertEquals(NormSpec.layer(), m.getNormSpec());
        assertFalse(m.isInference(), "layer norm trains");
        assertFalse(InferenceGraph.isInference(m.getGraph()));
        assertTrue(m.undo(), "then the choice of layer norm");
        assertFalse(m.canUndo());
    }

    /** In inference the note on a constant column described training (xhat 0, dx governed by eps). */
    @Test
    void notes_on_the_batch_statistics_are_for_training_only() {
        SessionModel m = SessionModel.example();
        BatchNormInput in = m.getInput();
        Matrix x = in.x();
        for (int i = 0; i < x.rows(); i++) {
            x = x.with(i, 2, 5);
        }
        m.commit(in.withX(x));
        assertTrue(m.getNotes().stream().anyMatch(n -> n.key().equals("note.constant-column")));
        m.setInference(STATS);
        assertTrue(m.getNotes().isEmpty(), m.getNotes().toString());
        m.setInference(null);
        assertTrue(m.getNotes().stream().anyMatch(n -> n.key().equals("note.constant-column")));
    }

    @Test
    void a_selected_node_the_inference_graph_lacks_is_unselected() {
        SessionModel m = SessionModel.example();
        m.setSelection(Selection.element("sq", 1, 1));
        m.setInference(STATS);
        assertNull(m.getSelection());
        m.setSelection(Selection.element("xhat", 1, 1));
        m.setInference(null);
        assertEquals(Selection.element("xhat", 1, 1), m.getSelection());
    }

    @Test
    void constants_the_core_refuses_leave_the_mode_as_it_was() {
        SessionModel m = SessionModel.example();
        var graph = m.getGraph();
        assertThrows(IllegalArgumentException.class, () -> m.setInference(
                new RunningStatistics(Matrix.rowVector(0, 0, 0), Matrix.rowVector(1, -1, 1))));
        assertFalse(m.isInference());
        assertEquals(graph, m.getGraph());
    }

    @Test
    void an_input_with_another_d_returns_to_training() {
        SessionModel m = SessionModel.example();
        m.setInference(STATS);
        m.commit(new BatchNormInput(Matrix.filled(4, 2, 1), Matrix.rowVector(1, 1), Matrix.rowVector(0, 0),
                Matrix.filled(4, 2, 1), 1e-5));
        assertFalse(m.isInference());
        assertFalse(InferenceGraph.isInference(m.getGraph()));
    }

    private static final RunningStatistics PER_CHANNEL =
            new RunningStatistics(Matrix.rowVector(0.5, -1), Matrix.rowVector(2, 0.25));

    /** The example laid out as 4 images of 2 channels × 2×1 pixels, in inference with {@link #PER_CHANNEL}. */
    private static SessionModel inferenceOnImages() {
        SessionModel m = SessionModel.example();
        InputLayout images = InputLayout.images(2, 2, 1);
        m.commit(InputEdits.relayout(m.getInput(), m.getInputLayout(), 4, images), images);
        m.setInference(PER_CHANNEL);
        return m;
    }

    /** On images inference was refused ("batch norm of N×D features"): spatial batch norm has running statistics per channel. */
    @Test
    void images_run_spatial_inference_with_one_constant_per_channel() {
        SessionModel m = inferenceOnImages();
        RunningStatistics perChannel = PER_CHANNEL;
        assertTrue(InferenceGraph.isInference(m.getGraph()));
        BatchNormInput in = m.getInput();
        Trace t = m.getTrace();
        for (int i = 0; i < in.n(); i++) {
            for (int col = 0; col < 4; col++) {
                int c = col / 2;
                double ivar = 1 / Math.sqrt(perChannel.var().get(0, c) + in.eps());
                double xhat = (in.x().get(i, col) - perChannel.mean().get(0, c)) * ivar;
                assertEquals(in.gamma().get(0, col) * xhat + in.beta().get(0, col), t.value("out").get(i, col), 1e-12);
                assertEquals(in.dout().get(i, col) * in.gamma().get(0, col) * ivar, t.gradient("x").get(i, col), 1e-12);
            }
        }
        assertEquals(Matrix.rowVector(0.5, -1), t.value("mu"));

        // another H keeps the channels' constants; another C leaves inference
        InputLayout taller = InputLayout.images(2, 3, 1);
        m.commit(InputEdits.relayout(m.getInput(), m.getInputLayout(), 4, taller), taller);
        assertTrue(m.isInference(), "the running statistics are per channel, whatever H and W");
        InputLayout three = InputLayout.images(3, 2, 1);
        m.commit(InputEdits.relayout(m.getInput(), m.getInputLayout(), 4, three), three);
        assertFalse(m.isInference());
        // and statistics per (c,h,w) column are refused, naming the shape the core expects
        var e = assertThrows(IllegalArgumentException.class, () -> m.setInference(
                new RunningStatistics(Matrix.zeros(1, 6), Matrix.filled(1, 6, 1))));
        assertTrue(e.getMessage().contains("1×C"), e.getMessage());
    }

    /** An edit that ends inference (another C, another kind) was undone to training: undo now brings inference back. */
    @Test
    void undoing_an_edit_that_ended_inference_brings_it_back() {
        SessionModel m = inferenceOnImages();
        RunningStatistics stats = PER_CHANNEL;
        InputLayout three = InputLayout.images(3, 2, 1);
        m.commit(InputEdits.relayout(m.getInput(), m.getInputLayout(), 4, three), three);
        assertFalse(m.isInference());
        assertTrue(m.undo());
        assertEquals(stats, m.getInference(), "C = 2 again, in inference");
        assertTrue(InferenceGraph.isInference(m.getGraph()));
        assertTrue(m.redo());
        assertFalse(m.isInference(), "C = 3 has no such statistics");
        assertTrue(m.undo());
        assertEquals(stats, m.getInference());
        assertTrue(m.canRedo());

        m.setNormSpec(NormSpec.layer()); // layer norm keeps no running statistics
        assertFalse(m.isInference());
        assertTrue(m.undo());
        assertEquals(NormSpec.batch(), m.getNormSpec());
        assertEquals(stats, m.getInference(), "batch norm in inference again");
    }

    /**
     * A view told of the mode before the graph changed explained a step of one graph with the
     * other's trace: File ▸ New from inference on images threw "no node named 'sq'" (lecturer reviewer).
     */
    @Test
    void views_told_of_the_mode_find_the_graph_of_that_mode() {
        SessionModel m = inferenceOnImages();
        m.last();
        java.util.List<String> seen = new java.util.ArrayList<>();
        m.inferenceProperty().addListener((o, a, stats) -> {
            assertEquals(stats != null, InferenceGraph.isInference(m.getGraph()), "graph and mode agree");
            assertEquals(m.getGraph(), m.getTrace().graph(), "trace of that graph");
            seen.add(StepExplanations.text(m, m.getStep()));
        });
        m.setInference(null);
        m.reset(Examples.classic());
        assertEquals(1, seen.size());
    }
}
