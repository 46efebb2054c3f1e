package org.normgraph.app.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.normgraph.app.Messages;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.family.NormSpec;
import org.normgraph.timeline.Step;

/** One explanation per timeline position, in each language's own file. */
class StepExplanationsTest {

    private static Properties bundle(String suffix) throws Exception {
        try (InputStream in = StepExplanationsTest.class.getResourceAsStream(
                "/org/normgraph/app/messages" + suffix + ".properties")) {
            assertNotNull(in, suffix);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_zh_CN", "_zh_TW", "_ja"})
    void every_position_has_its_own_paragraph(String suffix) throws Exception {
        Properties p = bundle(suffix);
        List<Step> steps = SessionModel.example().steps();
        assertEquals(20, steps.size());
        List<String> keys = StepExplanations.keys(steps);
        assertEquals(20, new HashSet<>(keys).size(), "one key per position: " + keys);
        Set<String> texts = new HashSet<>();
        for (Step s : steps) {
            String key = StepExplanations.key(s);
            String text = p.getProperty(key);
            assertNotNull(text, suffix + " misses " + key);
            assertTrue(text.length() >= 40, key + " is a paragraph: " + text);
            assertNotEquals(p.getProperty(s.messageKey()), text, key + " says more than the status line");
            texts.add(text);
        }
        assertEquals(20, texts.size(), "20 different explanations");
    }

    @Test
    void the_texts_of_a_walk_are_its_positions_explanations_in_order() {
        SessionModel model = SessionModel.example();
        List<Step> steps = model.steps();
        List<String> texts = StepExplanations.texts(model);
        assertEquals(steps.size(), texts.size());
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(StepExplanations.text(model, steps.get(i)), texts.get(i), "position " + i);
            assertEquals(Messages.get(StepExplanations.key(steps.get(i))), texts.get(i), "batch norm: the bundle's paragraph");
        }
        assertEquals(20, new HashSet<>(texts).size());
    }

    @Test
    void layer_norm_is_explained_by_its_own_operations_not_batch_norms_rows_and_columns() {
        SessionModel model = SessionModel.example();
        model.setNormSpec(NormSpec.layer());
        List<String> texts = StepExplanations.texts(model);
        String b7 = texts.get(12); // backward 7: xhat's product rule, bcast_ivar's sum over the features of a row
        assertTrue(b7.contains(Messages.get("chain.note.multiply.backward")), b7);
        assertTrue(b7.contains(Messages.get("chain.note.broadcast.backward.row", "3")), b7); // the D = 3 of a row
        assertFalse(b7.contains("column"), b7);
        String f1 = texts.get(1);
        assertEquals(Messages.get("chain.note.mean.forward.row", "3"), f1);
        assertEquals(f1, texts.get(4), "forward 4 averages sq's values of a row as forward 1 does x's; neither is named");
        assertTrue(texts.get(18).contains(Messages.get("chain.note.mean.backward.row", "3")), "backward 1: " + texts.get(18));
        assertTrue(texts.get(19).contains(Messages.get("chain.note.fanout")), "backward 0 sums x's branches: " + texts.get(19));
        for (String t : texts) {
            assertFalse(t.isBlank() || t.contains("1\u00d7D row"), t);
        }
        assertEquals(StepExplanations.text(model, model.steps().get(12)), b7);
    }

    /** "The mean over the M values of x …: a row (layer norm), a group of a row (group norm) or …" for var, in every kind. */
    @Test
    void each_kind_names_its_own_blocks_and_no_other_kind() {
        SessionModel model = SessionModel.example();
        model.commit(org.normgraph.app.editor.InputEdits.resize(model.getInput(), 4, 4));
        model.setNormSpec(NormSpec.group(2));
        List<String> group = StepExplanations.texts(model);
        assertEquals(Messages.get("chain.note.mean.forward.group", "2"), group.get(4));
        for (String t : group) {
            assertFalse(t.contains("layer norm") || t.contains("instance norm") || t.contains("values of x"), t);
        }
        var images = org.normgraph.app.model.InputLayout.images(2, 2, 1);
        model.commit(org.normgraph.app.editor.InputEdits.relayout(model.getInput(), model.getInputLayout(), 4, images), images);
        model.setNormSpec(NormSpec.instance());
        assertEquals(Messages.get("chain.note.mean.forward.image", "2"), StepExplanations.texts(model).get(1));
    }

    /** Layer norm's backward 7 in Japanese read "…統計量のコピー。 要素ごとの演算です": a half-width space after "。". */
    @Test
    void sentences_join_with_a_space_only_where_the_language_has_one() {
        assertEquals("One. Two.", StepExplanations.paragraph(List.of("One.", "Two.")));
        assertEquals("一。二。", StepExplanations.paragraph(List.of("一。", "二。")));
        org.normgraph.app.Messages.setLanguage(org.normgraph.app.Language.JAPANESE);
        try {
            SessionModel model = SessionModel.example();
            model.setNormSpec(NormSpec.layer());
            for (String t : StepExplanations.texts(model)) {
                assertFalse(t.contains("。 "), t);
            }
        } finally {
            org.normgraph.app.Messages.setLanguage(org.normgraph.app.Language.ENGLISH);
        }
    }

    /** Instance norm of images averages a channel's H·W values; the note said M = D or D/G. */
    @Test
    void instance_norm_of_images_says_how_many_values_a_mean_spreads_over() {
        SessionModel model = SessionModel.example();
        org.normgraph.app.model.InputLayout images = org.normgraph.app.model.InputLayout.images(2, 2, 2);
        model.commit(org.normgraph.app.editor.InputEdits.randomize(2, images, 1e-5, 3), images);
        model.setNormSpec(NormSpec.instance());
        String backward4 = StepExplanations.texts(model).get(15);
        assertTrue(backward4.contains(Messages.get("chain.note.mean.backward.image", "4")), "H·W = 4 values per statistic: " + backward4);
        assertFalse(backward4.contains("D/G"), backward4);
    }

    @Test
    void inference_has_no_second_branch_in_its_words() {
        SessionModel model = SessionModel.example();
        var in = model.getInput();
        model.setInference(new org.normgraph.app.model.RunningStatistics(org.normgraph.core.Matrix.filled(1, in.d(), 2), org.normgraph.core.Matrix.filled(1, in.d(), 4)));
        List<String> texts = StepExplanations.texts(model);
        String b7 = texts.get(12);
        assertTrue(b7.contains(Messages.get("chain.note.multiply.backward")), b7);
        assertFalse(b7.contains("dxmu1") || b7.contains(Messages.get("chain.note.broadcast.backward")),
                "ivar is a constant: nothing is summed into it: " + b7);
        assertEquals("", texts.get(13), "backward 6: nothing flows, the status line says so");
        assertEquals(Messages.get("explain.inference.backward.0"), texts.get(19), "backward 0 concludes, though it computes nothing");
        assertTrue(texts.get(19).contains("dx\u00a0=\u00a0dout\u00a0\u2299\u00a0gamma\u00a0\u2299\u00a0ivar"), texts.get(19));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_zh_CN", "_zh_TW", "_ja"})
    void the_patterns_that_the_issue_names_are_explained_where_they_happen(String suffix) throws Exception {
        Properties p = bundle(suffix);
        // names stay as they are in every language: the broadcast nodes, the fan-out sums, the means
        assertTrue(p.getProperty("explain.backward.9").contains("beta"));
        assertTrue(p.getProperty("explain.backward.7").contains("divar"));
        assertTrue(p.getProperty("explain.backward.4").contains("1/N"));
        assertTrue(p.getProperty("explain.backward.1").contains("1/N"));
        assertTrue(p.getProperty("explain.backward.2").contains("dxmu1") && p.getProperty("explain.backward.2").contains("dxmu2"));
        assertTrue(p.getProperty("explain.backward.0").contains("dx1") && p.getProperty("explain.backward.0").contains("dx2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"start", "forward.1", "backward.0"})
    void keys_follow_the_status_keys(String tail) {
        Step s = SessionModel.example().steps().stream().filter(x -> x.messageKey().equals("step." + tail))
                .findFirst().orElseThrow();
        assertEquals("explain." + tail, StepExplanations.key(s));
    }
}
