package org.normgraph.app.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.normgraph.app.Messages;
import org.normgraph.app.editor.InputEdits;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.family.NormSpec;

/** The status line speaks of the kind's axes where batch norm's sentence speaks of rows. */
class FamilyStatusTest {

    @Test
    void batch_norm_keeps_its_sentences() {
        SessionModel m = SessionModel.example();
        m.seek(1);
        assertEquals(Messages.get("step.forward.1"), FamilyStatus.text(m));
    }

    @Test
    void layer_norm_shows_its_own_reduction_and_the_steps_without_axes_keep_their_sentence() {
        SessionModel m = SessionModel.example();
        m.setNormSpec(NormSpec.layer());
        m.seek(1);
        String forward1 = FamilyStatus.text(m);
        assertTrue(forward1.startsWith("Forward\u00a01: mu = (1/D) Σ_cols x"), forward1);
        assertTrue(forward1.contains("mean over the features"), forward1);
        m.seek(3);
        assertEquals(Messages.get("step.forward.3"), FamilyStatus.text(m));
        m.seek(m.getStepCount() - 1 - 4); // backward 4
        assertEquals("Backward\u00a04: dsq = (1/D) · 1 ⊙ dvar", FamilyStatus.text(m));
    }

    @Test
    void group_norm_writes_one_over_d_over_g() {
        SessionModel m = new SessionModel(InputEdits.randomize(3, 4, 1e-5, 1));
        m.setNormSpec(NormSpec.group(2));
        m.seek(m.getStepCount() - 1 - 1); // backward 1
        assertEquals("Backward\u00a01: dx2 = (1/(D/G)) · 1 ⊙ dmu", FamilyStatus.text(m));
        m.seek(m.getStepCount() - 1 - 7); // backward 7
        String b7 = FamilyStatus.text(m);
        assertTrue(b7.contains("divar = Σ_group (dxhat ⊙ xmu)") && b7.contains("dxmu1 = dxhat ⊙ ivar"), b7);
    }

    @Test
    void the_start_of_images_names_their_shapes() {
        SessionModel m = SessionModel.example();
        assertEquals(Messages.get("step.start"), FamilyStatus.text(m));
        org.normgraph.app.model.InputLayout images = org.normgraph.app.model.InputLayout.images(3, 1, 1);
        m.commit(InputEdits.relayout(m.getInput(), m.getInputLayout(), 4, images), images);
        String start = FamilyStatus.text(m);
        assertTrue(start.startsWith("Start: the inputs x (N×C×H×W), gamma and beta (1×C) are given."), start);
        m.seek(8); // "every column scaled by gamma" said nothing of gamma being one per channel
        assertEquals(Messages.get("step.forward.8.images"), FamilyStatus.text(m));
    }

    /** Spatial batch norm in inference computes no statistics: its lines are the inference ones, over n, h, w. */
    @Test
    void images_in_inference_say_what_inference_computes() {
        SessionModel m = SessionModel.example();
        org.normgraph.app.model.InputLayout images = org.normgraph.app.model.InputLayout.images(3, 1, 1);
        m.commit(InputEdits.relayout(m.getInput(), m.getInputLayout(), 4, images), images);
        m.setInference(new org.normgraph.app.model.RunningStatistics(org.normgraph.core.Matrix.rowVector(0, 1, 2),
                org.normgraph.core.Matrix.rowVector(1, 1, 1)));
        assertEquals(Messages.get("inference.step.start"), FamilyStatus.text(m));
        m.seek(1);
        assertEquals(Messages.get("inference.step.forward.1"), FamilyStatus.text(m));
        m.seek(2);
        assertEquals(Messages.get("inference.step.forward.2.images"), FamilyStatus.text(m));
        m.seek(4);
        assertEquals(Messages.get("inference.step.forward.4"), FamilyStatus.text(m));
        m.seek(7); // "every column scaled by the constant ivar": one ivar per channel
        assertEquals(Messages.get("inference.step.forward.7.images"), FamilyStatus.text(m));
        m.last(); // "the rows of dx in a column do not sum to zero": in training they sum to zero per channel
        assertEquals(Messages.get("explain.inference.backward.0.images"),
                org.normgraph.app.explain.StepExplanations.text(m, m.getStep()));
        m.seek(4);
        m.seek(m.getStepCount() - 1 - 9);
        assertTrue(FamilyStatus.text(m).contains("dbeta = Σ_{n,h,w} dout"), FamilyStatus.text(m));
        m.seek(m.getStepCount() - 1 - 7);
        assertEquals(Messages.get("inference.step.backward.7"), FamilyStatus.text(m));
    }

    /** A Chinese line joined its formulas with an ASCII "; " and ended without "。". */
    @Test
    void chinese_lines_use_chinese_punctuation_between_and_after_the_formulas() {
        SessionModel m = new SessionModel(InputEdits.randomize(3, 4, 1e-5, 1));
        m.setNormSpec(NormSpec.group(2));
        m.seek(m.getStepCount() - 1 - 7); // backward 7: two formulas
        Messages.setLanguage(org.normgraph.app.Language.SIMPLIFIED_CHINESE);
        try {
            String b7 = FamilyStatus.text(m);
            assertTrue(b7.startsWith("反向\u00a07："), b7);
            assertTrue(b7.contains("；") && !b7.contains("; ") && b7.endsWith("。"), b7);
            m.seek(1);
            assertTrue(FamilyStatus.text(m).contains(" —— "), FamilyStatus.text(m));
        } finally {
            Messages.setLanguage(org.normgraph.app.Language.ENGLISH);
        }
    }

    /** Spatial batch norm said "one per feature (1×D)" and "dbeta = Σ_rows dout" for images. */
    @Test
    void images_are_worded_as_images() {
        SessionModel m = SessionModel.example();
        org.normgraph.app.model.InputLayout images = org.normgraph.app.model.InputLayout.images(2, 2, 2);
        m.commit(InputEdits.randomize(2, images, 1e-5, 4), images);
        m.seek(1);
        String f1 = FamilyStatus.text(m);
        assertTrue(f1.contains(Messages.get("graph.axes.images.rows")), f1);
        m.seek(10); // backward 9
        String b9 = FamilyStatus.text(m);
        assertTrue(b9.contains("dbeta = Σ_{n,h,w} dout"), b9);
        m.setNormSpec(NormSpec.instance());
        m.seek(1);
        assertTrue(FamilyStatus.text(m).contains(Messages.get("graph.axes.images.instance")), FamilyStatus.text(m));
    }
}
