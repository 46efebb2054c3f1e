package org.normgraph.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.normgraph.timeline.Timeline;
import org.normgraph.app.Messages;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Node;
import org.normgraph.core.Trace;
import org.normgraph.core.ops.SqrtPlusEps;
import org.normgraph.timeline.Step;

/** The session view model, without the JavaFX toolkit. */
class SessionModelTest {

    private final SessionModel model = SessionModel.example();

    @Test
    void example_opens_on_a_4x3_input_at_the_start() {
        assertEquals(4, model.getInput().n());
        assertEquals(3, model.getInput().d());
        assertEquals(0, model.getPosition());
        assertEquals(20, model.getStepCount());
        assertEquals("step.start", model.getStatusKey());
        assertTrue(model.atStartProperty().get());
        assertFalse(model.atEndProperty().get());
        assertTrue(model.getNotes().isEmpty(), () -> "notes: " + model.getNotes());
        assertNull(model.getNonFinite());
        assertFalse(model.canUndo());
        assertNull(model.getSelection());
    }

    @Test
    void example_dout_makes_every_gradient_non_zero() {
        for (NamedGradient g : BatchNormGraph.GRADIENTS) {
            assertTrue(g.in(model.getTrace()).maxAbs() > 0, g.name());
        }
    }

    @Test
    void trace_is_the_cores_run_of_the_current_input() {
        Trace expected = BatchNormGraph.run(model.getInput());
        for (Node n : model.getGraph().nodes()) {
            assertEquals(expected.value(n.name()), model.getTrace().value(n.name()), n.name());
            assertEquals(expected.gradient(n.name()), model.getTrace().gradient(n.name()), n.name());
        }
        assertSame(model.getGraph(), model.getTrace().graph());
    }

    @Test
    void next_previous_first_last_and_seek_move_and_stop_at_the_ends() {
        assertFalse(model.previous());
        assertTrue(model.next());
        assertEquals(1, model.getPosition());
        model.last();
        assertEquals(19, model.getPosition());
        assertTrue(model.atEndProperty().get());
        assertFalse(model.next());
        assertEquals(19, model.getPosition());
        model.seek(7);
        assertEquals(7, model.getPosition());
        model.seek(99);
        assertEquals(19, model.getPosition());
        model.seek(-3);
        assertEquals(0, model.getPosition());
        model.seek(12);
        assertTrue(model.previous());
        assertEquals(11, model.getPosition());
        model.first();
        assertEquals(0, model.getPosition());
    }

    @Test
    void status_key_names_the_step_in_words() {
        model.seek(3);
        assertEquals("step.forward.3", model.getStatusKey());
        model.seek(12);
        assertEquals("step.backward.7", model.getStatusKey());
        model.last();
        assertEquals("step.backward.0", model.getStatusKey());
    }

    @Test
    void position_listeners_already_see_the_new_step_and_status() {
        List<String> seen = new ArrayList<>();
        model.positionProperty().addListener((o, a, b) -> seen.add(b + ":" + model.getStep().position()
                + ":" + model.getStatusKey() + ":" + model.atEndProperty().get()));
        model.next();
        model.last();
        assertEquals(List.of("1:1:step.forward.1:false", "19:19:step.backward.0:true"), seen);
    }

    @Test
    void the_bundle_has_a_status_line_for_every_step() {
        for (Step s : model.steps()) {
            assertTrue(Messages.has(s.messageKey()), s.messageKey());
        }
    }

    @Test
    void visibility_follows_the_timeline() {
        assertFalse(model.valueShown("out"));
        model.seek(9);
        assertTrue(model.valueShown("out"));
        assertFalse(model.gradientShown("ivar"));
        model.seek(12); // backward 7
        assertTrue(model.gradientShown("ivar"));
        assertTrue(model.isCurrent("xhat"));
    }

    @Test
    void commit_runs_the_core_at_once_and_keeps_position_and_selection() {
        model.seek(12);
        model.setSelection(Selection.element("xhat", 1, 2));
        Trace before = model.getTrace();
        BatchNormInput edited = model.getInput().withX(model.getInput().x().with(0, 0, 10));
        model.commit(edited);
        assertSame(edited, model.getInput());
        assertNotSame(before, model.getTrace());
        assertEquals(BatchNormGraph.run(edited).value("xhat"), model.getTrace().value("xhat"));
        assertEquals(12, model.getPosition());
        assertEquals(Selection.element("xhat", 1, 2), model.getSelection());
        assertSame(before.graph(), model.getGraph(), "same N, D, eps: the graph is reused");
        assertTrue(model.canUndo());
    }

    @Test
    void committing_an_equal_input_changes_nothing() {
        Trace before = model.getTrace();
        model.commit(Examples.classic());
        assertSame(before, model.getTrace());
        assertFalse(model.canUndo());
    }

    @Test
    void undo_restores_the_previous_input_and_redo_applies_it_again() {
        BatchNormInput original = model.getInput();
        BatchNormInput edited = original.withBeta(Matrix.rowVector(5, 5, 5));
        model.seek(5);
        model.commit(edited);
        assertTrue(model.undo());
        assertEquals(original, model.getInput());
        assertEquals(BatchNormGraph.run(original).value("out"), model.getTrace().value("out"));
        assertEquals(5, model.getPosition());
        assertFalse(model.canUndo());
        assertTrue(model.canRedo());
        assertTrue(model.redo());
        assertEquals(edited, model.getInput());
        assertFalse(model.canRedo());
        assertFalse(model.redo());
    }

    @Test
    void a_new_edit_after_undo_drops_the_redo_history() {
        BatchNormInput a = model.getInput().withEps(1e-3);
        BatchNormInput b = model.getInput().withEps(1e-2);
        model.commit(a);
        model.undo();
        model.commit(b);
        assertFalse(model.canRedo());
        model.undo();
        assertEquals(Examples.classic(), model.getInput());
    }

    @Test
    void undo_history_is_bounded() {
        BatchNormInput in = model.getInput();
        for (int i = 0; i < SessionModel.HISTORY_LIMIT + 20; i++) {
            model.commit(in.withEps(1e-5 + i * 1e-7));
        }
        int undos = 0;
        while (model.undo()) {
            undos++;
        }
        assertEquals(SessionModel.HISTORY_LIMIT, undos);
    }

    @Test
    void a_new_shape_rebuilds_the_graph_keeps_the_step_and_trims_an_element_selection() {
        model.seek(14);
        model.setSelection(Selection.element("x", 3, 2));
        var old = model.getGraph();
        Matrix x = Matrix.fromRows(new double[][] {{1, 2}, {3, 5}});
        model.commit(new BatchNormInput(x, Matrix.rowVector(1, 1), Matrix.rowVector(0, 0),
                Matrix.fromRows(new double[][] {{1, 0}, {0, 1}}), 1e-5));
        assertNotSame(old, model.getGraph());
        assertEquals(2, model.getGraph().node("xhat").shape().rows());
        assertEquals(14, model.getPosition());
        assertEquals("step.backward.5", model.getStatusKey());
        assertEquals(Selection.node("x"), model.getSelection());
    }

    @Test
    void a_new_eps_rebuilds_the_graph_with_it() {
        model.commit(model.getInput().withEps(0.5));
        assertEquals(0.5, ((SqrtPlusEps) model.getGraph().node("sqrtvar").op()).eps());
    }

    @Test
    void one_row_gets_a_note_that_every_dx_is_zero() {
        model.commit(new BatchNormInput(Matrix.rowVector(1, 2), Matrix.rowVector(1, 1),
                Matrix.rowVector(0.5, 0.5), Matrix.rowVector(1, -1), 1e-5));
        assertEquals(List.of("note.single-row"), keys());
        assertEquals(0, model.getTrace().gradient("x").maxAbs(), "the core agrees: dx = 0");
    }

    @Test
    void a_constant_column_gets_a_note_naming_it_and_eps() {
        BatchNormInput in = model.getInput();
        model.commit(in.withX(Matrix.fromRows(new double[][] {{1, 7, 0}, {3, 7, -1}, {5, 7, 2}, {7, 7, 3}})));
        assertEquals(List.of("note.constant-column"), keys());
        assertEquals(List.of("1", "1e-5"), model.getNotes().get(0).args());
        model.commit(in.withX(Matrix.fromRows(new double[][] {{2, 7, 0}, {2, 7, -1}, {2, 7, 2}, {2, 7, 3}})));
        assertEquals(List.of("note.constant-columns"), keys());
        assertEquals("0, 1", model.getNotes().get(0).args().get(0));
    }

    @Test
    void a_tiny_eps_gets_a_note() {
        model.commit(model.getInput().withEps(1e-12));
        assertEquals(List.of("note.tiny-eps"), keys());
    }

    @Test
    void a_non_finite_number_in_the_trace_is_a_warning_naming_the_node() {
        BatchNormInput in = model.getInput();
        model.commit(in.withX(in.x().with(0, 0, 1e200)));
        assertNotNull(model.getNonFinite());
        assertEquals("sq", model.getNonFinite().node());
        Note first = model.getNotes().get(0);
        assertTrue(first.isWarning());
        assertEquals("note.non-finite.value", first.key());
        assertEquals(List.of("sq"), first.args());
        model.undo();
        assertNull(model.getNonFinite());
    }

    /** dout = 1e200 and gamma = 1e200 in column 0: dxhat = ∞ at backward step 8 (DESIGN: dgammax ⊙ gamma). */
    @Test
    void a_gradient_that_overflows_is_shown_from_its_backward_step_and_named_with_step_and_kind() {
        BatchNormInput in = model.getInput();
        model.commit(in.withGamma(in.gamma().with(0, 0, 1e200)).withDout(in.dout().with(1, 0, 1e200)));
        model.seek(Timeline.backwardPosition(9));
        assertFalse(model.nonFiniteShown());
        model.seek(Timeline.backwardPosition(8));
        assertTrue(model.nonFiniteShown());
        Note first = model.getNotes().get(0);
        assertEquals("note.non-finite.gradient", first.key());
        assertEquals(List.of("dxhat", "8", "xhat", "\u221e"), first.args());
    }

    /** A constant column with eps = 1e-300 and dout = 1e200 there: the branch dxmu1 at step 7, before dx1. */
    @Test
    void a_branch_that_overflows_is_shown_at_its_own_step_and_named_as_the_branch() {
        BatchNormInput in = model.getInput();
        Matrix x = in.x();
        for (int i = 0; i < in.n(); i++) {
            x = x.with(i, 1, 2.5);
        }
        model.commit(in.withX(x).withEps(1e-300).withDout(in.dout().with(0, 1, 1e200)));
        model.seek(Timeline.backwardPosition(8));
        assertFalse(model.nonFiniteShown());
        model.seek(Timeline.backwardPosition(7));
        assertTrue(model.nonFiniteShown());
        assertFalse(model.gradientShown("xmu"), "the sum dx1 comes at step 2");
        assertEquals(List.of("dxmu1", "7", "xmu", "\u221e"), model.getNotes().get(0).args());
    }

    @Test
    void every_note_key_exists_in_the_bundle() {
        for (String k : List.of("note.single-row", "note.constant-column", "note.constant-columns",
                "note.tiny-eps", "note.non-finite.value", "note.non-finite.gradient")) {
            assertTrue(Messages.has(k), k);
            assertFalse(Messages.get(k, "a", "b").startsWith("!"), k);
        }
    }

    @Test
    void playing_and_speed_are_plain_properties() {
        model.setPlaying(true);
        assertTrue(model.playingProperty().get());
        model.setSpeed(2);
        assertEquals(2, model.getSpeed());
        assertNotEquals(0, model.getStepCount());
    }

    @Test
    void speaker_notes_survive_edits_and_blank_removes_them() {
        model.setSpeakerNote(3, "ask: why is var 1×D?");
        model.setSpeakerNote(4, "  ");
        BatchNormInput in = model.getInput();
        model.commit(in.withEps(0.5));
        assertEquals("ask: why is var 1×D?", model.getSpeakerNotes().get(3));
        assertFalse(model.getSpeakerNotes().containsKey(4));
        model.setSpeakerNote(3, "");
        assertTrue(model.getSpeakerNotes().isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> model.setSpeakerNote(model.getStepCount(), "x"));
    }

    @Test
    void mode_starts_exploring_and_round_trips_by_id() {
        assertEquals(Mode.EXPLORE, model.getMode());
        for (Mode m : Mode.values()) {
            assertSame(m, Mode.ofId(m.id()));
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Mode.ofId("lecture"));
    }

    private List<String> keys() {
        return model.getNotes().stream().map(Note::key).toList();
    }
}
