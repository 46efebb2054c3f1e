package org.normgraph.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.normgraph.app.Messages;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.GradientCheck;
import org.normgraph.core.Trace;
import org.normgraph.io.Session;

/** The shipped examples: each opens from the jar's resources and the core runs on it. */
class ExampleSessionsTest {

    static java.util.List<String> ids() {
        return ExampleSessions.IDS;
    }

    @ParameterizedTest
    @MethodSource("ids")
    void each_example_opens_and_the_core_runs_finite_and_correct(String id) throws Exception {
        Session s = ExampleSessions.load(id);
        Trace t = BatchNormGraph.run(s.input());
        assertTrue(t.firstNonFinite().isEmpty(), id + ": " + t.firstNonFinite());
        // the staged gradients of the example pass the check (at offsets of 1e8 x − mu loses about
        // 8 of 16 digits, that example's lesson, and the check allows for it)
        for (GradientCheck.Result r : GradientCheck.check(s.input())) {
            assertTrue(r.passed(), id + " " + r);
        }
        SessionModel model = new SessionModel(s.input());
        SessionCodec.restore(s, model, null);
        assertEquals(s.input(), model.getInput());
        assertTrue(Messages.has("files.example." + id), id + " has a menu title");
    }

    /** A Japanese or Chinese class got the examples' speaker notes in English. */
    @Test
    void the_speaker_notes_follow_the_window_language_and_the_english_ones_are_the_files() throws Exception {
        try {
            for (String id : ExampleSessions.IDS) {
                Messages.setLanguage(org.normgraph.app.Language.ENGLISH);
                var english = ExampleSessions.load(id).notes();
                try (var in = ExampleSessions.class.getResourceAsStream(ExampleSessions.RESOURCE_DIR + ExampleSessions.fileName(id))) {
                    assertEquals(org.normgraph.io.SessionFile.read(in, id).notes(), english, id + ": bundle and file agree");
                }
                for (var lang : List.of(org.normgraph.app.Language.JAPANESE, org.normgraph.app.Language.SIMPLIFIED_CHINESE,
                        org.normgraph.app.Language.TRADITIONAL_CHINESE)) {
                    Messages.setLanguage(lang);
                    var local = ExampleSessions.load(id).notes();
                    assertEquals(english.keySet(), local.keySet(), id + " " + lang);
                    local.forEach((p, note) -> assertTrue(!note.equals(english.get(p)), id + " " + lang + " " + p + ": " + note));
                }
            }
        } finally {
            Messages.setLanguage(org.normgraph.app.Language.ENGLISH);
        }
    }

    /** A missing example was reported as a bad value in the file: it is a file that cannot be read. */
    @Test
    void an_example_missing_from_the_build_is_unreadable_not_bad_content() {
        org.normgraph.io.InputFormatException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.normgraph.io.InputFormatException.class, () -> ExampleSessions.load("no-such-example"));
        assertEquals(org.normgraph.io.InputFormatException.Kind.UNREADABLE, e.kind());
        assertEquals("no-such-example.normgraph.json: not in this build", e.getMessage());
    }

    @Test
    void the_examples_are_what_the_issue_asks_for() throws Exception {
        assertEquals(4, ExampleSessions.load("classic-4x3").input().n());
        assertEquals(3, ExampleSessions.load("classic-4x3").input().d());
        assertEquals(1, ExampleSessions.load("single-row").input().n());
        var constant = ExampleSessions.load("constant-column").input().x();
        for (int i = 1; i < constant.rows(); i++) {
            assertEquals(constant.get(0, 1), constant.get(i, 1));
        }
        var large = ExampleSessions.load("large-offsets").input().x();
        assertTrue(large.get(0, 0) > 9.9e7 && large.get(0, 0) != large.get(1, 0));
        assertTrue(ExampleSessions.load("tiny-eps").input().eps() < SessionModel.TINY_EPS);
    }

    @Test
    void the_menu_lists_exactly_the_files_in_assets_examples() throws Exception {
        Path dir = Path.of("assets", "examples");
        Set<String> files;
        try (var list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(ExampleSessions.IDS.stream().map(ExampleSessions::fileName).toList()), files);
    }
}
