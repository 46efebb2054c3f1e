package org.normgraph.app.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.normgraph.app.model.SessionModel;
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
        List<Step> steps = SessionModel.example().steps();
        List<String> texts = StepExplanations.texts(steps);
        assertEquals(steps.size(), texts.size());
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(StepExplanations.text(steps.get(i)), texts.get(i), "position " + i);
        }
        assertEquals(20, new HashSet<>(texts).size());
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
