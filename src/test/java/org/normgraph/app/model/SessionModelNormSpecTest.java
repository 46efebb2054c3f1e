package org.normgraph.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.normgraph.app.editor.InputEdits;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Graph;
import org.normgraph.core.InvalidInputException;
import org.normgraph.core.Node;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormSpec;

/** The session's kind of normalization: the core's graph for it, refusals that change nothing. */
class SessionModelNormSpecTest {

    @Test
    void a_session_starts_as_batch_norm() {
        SessionModel m = SessionModel.example();
        assertEquals(NormSpec.batch(), m.getNormSpec());
        assertEquals(BatchNormGraph.build(m.getInput()).nodes(), m.getGraph().nodes());
    }

    @Test
    void layer_norm_runs_the_cores_layer_graph_on_the_same_input_keeping_step_and_selection() {
        SessionModel m = SessionModel.example();
        m.seek(5);
        m.setSelection(Selection.element("xhat", 2, 1));
        var in = m.getInput();
        m.setNormSpec(NormSpec.layer());
        assertEquals(NormSpec.layer(), m.getNormSpec());
        assertSame(in, m.getInput());
        assertEquals(5, m.getPosition());
        assertEquals(Selection.element("xhat", 2, 1), m.getSelection());
        assertEquals(4, m.getGraph().node("mu").shape().rows());
        assertEquals(1, m.getGraph().node("mu").shape().cols());
        Trace expected = BatchNormGraph.run(NormSpec.layer(), in);
        for (Node n : m.getGraph().nodes()) {
            assertEquals(expected.value(n.name()), m.getTrace().value(n.name()), n.name());
            assertEquals(expected.gradient(n.name()), m.getTrace().gradient(n.name()), "d" + n.name());
        }
        // the statistics are the rows' means: not batch norm's column means
        assertEquals(1.0, m.getTrace().value("mu").get(0, 0), 1e-15); // x row 0 = (1, 2, 0)
    }

    @Test
    void a_g_that_does_not_divide_d_is_refused_and_nothing_changes() {
        SessionModel m = SessionModel.example(); // D = 3
        Graph graph = m.getGraph();
        Trace trace = m.getTrace();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> m.setNormSpec(NormSpec.group(2)));
        assertTrue(e.getMessage().contains("does not divide"), e.getMessage());
        assertEquals(NormSpec.batch(), m.getNormSpec());
        assertSame(graph, m.getGraph());
        assertSame(trace, m.getTrace());
    }

    @Test
    void group_norm_has_one_statistic_per_row_and_group_and_back_to_batch_restores_the_batch_graph() {
        SessionModel m = new SessionModel(InputEdits.randomize(3, 4, 1e-5, 5));
        m.setNormSpec(NormSpec.group(2));
        assertEquals(3, m.getGraph().node("var").shape().rows());
        assertEquals(2, m.getGraph().node("var").shape().cols());
        assertEquals(BatchNormGraph.run(NormSpec.group(2), m.getInput()).value("var"), m.getTrace().value("var"));
        Graph group = m.getGraph();
        m.setNormSpec(NormSpec.batch());
        assertNotSame(group, m.getGraph());
        assertEquals(BatchNormGraph.run(m.getInput()).value("var"), m.getTrace().value("var"));
    }

    @Test
    void a_resize_that_g_does_not_divide_is_refused_and_undo_goes_back_over_each_change_of_kind() {
        SessionModel m = new SessionModel(InputEdits.randomize(3, 4, 1e-5, 5));
        m.setNormSpec(NormSpec.group(2));
        var in = m.getInput();
        assertThrows(InvalidInputException.class, () -> m.commit(InputEdits.resize(in, 3, 3)));
        assertSame(in, m.getInput());
        m.setNormSpec(NormSpec.batch());
        m.commit(InputEdits.resize(in, 3, 3));
        m.setNormSpec(NormSpec.layer());
        m.commit(InputEdits.resize(m.getInput(), 3, 5));
        m.setNormSpec(NormSpec.group(5));
        assertTrue(m.undo());
        assertEquals(5, m.getInput().d());
        assertEquals(NormSpec.layer(), m.getNormSpec());
        assertTrue(m.undo());
        assertEquals(3, m.getInput().d());
        assertEquals(NormSpec.layer(), m.getNormSpec());
        assertEquals(BatchNormGraph.run(NormSpec.layer(), m.getInput()).value("var"), m.getTrace().value("var"));
        assertTrue(m.undo());
        assertEquals(NormSpec.batch(), m.getNormSpec());
        assertTrue(m.undo());
        assertEquals(4, m.getInput().d());
        assertEquals(NormSpec.batch(), m.getNormSpec());
        assertTrue(m.undo());
        assertEquals(NormSpec.group(2), m.getNormSpec());
        assertSame(in, m.getInput());
        assertTrue(m.undo(), "the first change of kind, from batch norm");
        assertEquals(NormSpec.batch(), m.getNormSpec());
        assertFalse(m.canUndo());
    }

    @Test
    void a_change_of_kind_forgets_what_redo_had_and_a_reset_starts_the_history_under_its_own_kind() {
        SessionModel m = SessionModel.example();
        m.commit(m.getInput().withEps(1e-3));
        assertTrue(m.undo());
        assertTrue(m.canRedo());
        m.setNormSpec(NormSpec.layer());
        assertFalse(m.canRedo(), "a new edit, as any other");
        m.setNormSpec(NormSpec.layer());
        assertTrue(m.undo());
        assertFalse(m.canUndo(), "choosing the kind in force is no edit");

        m.reset(InputEdits.randomize(2, 4, 1e-5, 7), InputLayout.features(4), NormSpec.group(2));
        assertEquals(NormSpec.group(2), m.getNormSpec());
        assertEquals(BatchNormGraph.run(NormSpec.group(2), m.getInput()).gradient("x"), m.getTrace().gradient("x"));
        assertFalse(m.canUndo());
        BatchNormInput before = m.getInput();
        assertThrows(InvalidInputException.class,
                () -> m.reset(InputEdits.randomize(2, 3, 1e-5, 7), InputLayout.features(3), NormSpec.group(2)));
        assertSame(before, m.getInput());
        assertEquals(NormSpec.group(2), m.getNormSpec(), "a refused reset changes nothing");
    }

    @Test
    void amending_extends_a_change_of_kind_only_and_leaves_no_step_back_where_it_began() {
        SessionModel m = SessionModel.example();
        m.amendNormSpec(NormSpec.layer()); // no change of kind to extend: an edit of its own
        m.amendNormSpec(NormSpec.group(1));
        assertTrue(m.undo());
        assertEquals(NormSpec.batch(), m.getNormSpec(), "both in one step");
        assertFalse(m.canUndo());

        m.commit(m.getInput().withEps(1e-3));
        m.amendNormSpec(NormSpec.layer()); // the eps edit is not a change of kind
        assertTrue(m.undo());
        assertEquals(1e-3, m.getInput().eps());
        assertEquals(NormSpec.batch(), m.getNormSpec());

        m.setNormSpec(NormSpec.layer());
        m.amendNormSpec(NormSpec.batch());
        assertEquals(NormSpec.batch(), m.getNormSpec());
        assertTrue(m.undo(), "the eps edit is left");
        assertEquals(1e-5, m.getInput().eps());
        assertFalse(m.canUndo());
    }
}
