package org.normgraph.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.app.InMemoryPreferences;
import org.normgraph.app.Language;
import org.normgraph.app.MainWindow;
import org.normgraph.app.Messages;
import org.normgraph.app.model.Examples;
import org.normgraph.app.model.Mode;
import org.normgraph.app.model.Selection;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.normgraph.io.InputFormatException;
import org.normgraph.io.Session;
import org.normgraph.io.SessionFile;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The File menu in the window (headless): save → open round trip, broken files, unsaved work, autosave restore. */
@ExtendWith(ApplicationExtension.class)
class FileSessionTest {

    private static final BatchNormInput EDITED = new BatchNormInput(
            Matrix.of(3, 2, 1, 2, 3, 5, -1, 0.5), Matrix.rowVector(2, 0.25), Matrix.rowVector(-1, 1),
            Matrix.of(3, 2, 0.1, 0.2, -0.3, 0.4, 0.5, -0.6), 1e-3);

    @TempDir
    Path dir;

    private SessionModel model;
    private MainWindow window;
    private ScriptedDialogs dialogs;
    private FileSession files;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = SessionModel.example();
        window = new MainWindow(model);
        dialogs = new ScriptedDialogs();
        files = new FileSession(window, dialogs, new RecentFiles(new InMemoryPreferences()), null);
        files.install();
        window.show(stage, 1240, 780);
    }

    @Test
    void undoing_every_edit_since_the_save_leaves_nothing_unsaved(FxRobot robot) {
        robot.interact(() -> {
            model.commit(EDITED);
            assertTrue(files.isDirty());
            model.undo();
        });
        assertFalse(files.isDirty(), "back to the example as opened");
        robot.interact(() -> {
            model.redo();
            assertTrue(files.isDirty());
            model.setSpeakerNote(3, "a note");
            model.undo();
        });
        assertTrue(files.isDirty(), "the note is still new");
        robot.interact(() -> model.setSpeakerNote(3, ""));
        assertFalse(files.isDirty(), "and without it nothing is");
    }

    @Test
    void save_then_open_restores_inputs_eps_mode_position_selection_view_and_notes(FxRobot robot) throws Exception {
        Path file = dir.resolve("lecture" + SessionFile.SUFFIX);
        robot.interact(() -> {
            model.commit(EDITED);
            model.setNormSpec(org.normgraph.core.family.NormSpec.layer());
            model.setMode(Mode.PREDICT);
            model.seek(12);
            model.setSelection(Selection.element("xhat", 2, 1));
            model.setSpeakerNote(0, "Start with the shapes.");
            model.setSpeakerNote(12, "divar sums over the rows — 注意");
            window.graphView().setViewport(1.7, 33, -20);
        });
        assertTrue(files.isDirty());
        assertTrue(stage.getTitle().endsWith("(unsaved changes)"), stage.getTitle());
        dialogs.files.add(file);
        robot.interact(() -> assertTrue(files.save()));
        assertEquals(List.of("save SESSION untitled.normgraph.json"), dialogs.asked);
        assertFalse(files.isDirty());
        assertEquals("normgraph \u2014 lecture.normgraph.json", stage.getTitle());

        // something else entirely, then open the file again
        dialogs.answers.add(FileDialogs.Answer.DISCARD);
        robot.interact(() -> {
            model.commit(Examples.classic());
            model.setNormSpec(org.normgraph.core.family.NormSpec.group(3));
            model.setMode(Mode.EXPLORE);
            model.seek(3);
            model.setSelection(null);
            model.setSpeakerNote(0, "");
            window.graphView().fit();
            assertTrue(files.open(file));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(EDITED, model.getInput());
        assertEquals(1e-3, model.getInput().eps());
        assertEquals(Mode.PREDICT, model.getMode());
        assertEquals(org.normgraph.core.family.NormSpec.layer(), model.getNormSpec());
        assertEquals(12, model.getPosition());
        assertEquals(Selection.element("xhat", 2, 1), model.getSelection());
        assertEquals(Map.of(0, "Start with the shapes.", 12, "divar sums over the rows — 注意"), Map.copyOf(model.getSpeakerNotes()));
        assertEquals(1.7, window.graphView().getZoom(), 1e-12);
        assertEquals(33, window.graphView().getPanX(), 1e-12);
        assertEquals(-20, window.graphView().getPanY(), 1e-12);
        assertFalse(window.graphView().isFitting());
        assertFalse(files.isDirty());
        assertFalse(model.canUndo(), "opening starts a new history");
        assertEquals(file, files.getFile());
        assertEquals("normgraph \u2014 lecture.normgraph.json", stage.getTitle());
        assertEquals(List.of(file.toAbsolutePath().normalize()), files.recentFiles().list());
    }

    @Test
    void a_fitted_view_is_saved_as_fit_and_opens_fitted(FxRobot robot) throws Exception {
        Path file = dir.resolve("fit" + SessionFile.SUFFIX);
        robot.interact(() -> window.graphView().fit());
        dialogs.files.add(file);
        robot.interact(() -> assertTrue(files.saveAs()));
        assertEquals(Session.View.DEFAULT, SessionFile.read(file).view());
        robot.interact(() -> window.graphView().setViewport(3, 1, 1));
        robot.interact(() -> assertTrue(files.open(file)));
        assertTrue(window.graphView().isFitting());
    }

    @Test
    void a_window_that_follows_the_steps_frames_the_opened_step_not_the_files_zoom(FxRobot robot) throws Exception {
        Path file = dir.resolve("zoomed" + SessionFile.SUFFIX);
        robot.interact(() -> {
            model.seek(3);
            window.graphView().setViewport(3, 1, 1);
        });
        dialogs.files.add(file);
        robot.interact(() -> assertTrue(files.saveAs()));
        robot.interact(() -> window.followStepProperty().set(true)); // at the file's step: opening moves nothing
        robot.interact(() -> assertTrue(files.open(file)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, model.getPosition());
        assertTrue(window.graphView().getZoom() <= MainWindow.FOLLOW_MAX_ZOOM + 1e-9,
                "framed at the window's scale, not the file's 300 %: " + window.graphView().getZoom());
        robot.interact(() -> window.followStepProperty().set(false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            broken JSON   | {"format": "normgraph-session", "version": 1,, }                         | not valid JSON                              | NOT_JSON
            truncated     | {"format": "normgraph-session", "version": 1, "input": {"x": [[1, 0],    | not valid JSON                              | NOT_JSON
            binary        | PK\u0003\u0004\u0000\u0000\u00ff\u00fe                                   | not valid JSON                              | NOT_JSON
            empty         | ''                                                                       | empty, expected a JSON object               | EMPTY
            wrong types   | {"format": "normgraph-session", "version": 1, "input": {"x": [[1]], "gamma": [1], "beta": [0], "dout": [[1]]}, "position": "twelve"} | position: expected a whole number | CONTENT
            wrong shape   | {"format": "normgraph-session", "version": 2, "input": {"x": [[1, 2]], "gamma": [1], "beta": [0, 0], "dout": [[1, 1]], "eps": 1e-5}} | input.gamma | CONTENT
            newer version | {"format": "normgraph-session", "version": 7, "input": {}}              | written by a newer normgraph (file version 7 | NEWER_VERSION
            not a session | {"x": [[1]], "gamma": [1], "beta": [0], "dout": [[1]]}                   | not a normgraph session                     | FOREIGN
            an array      | [1, 2]                                                                   | expected a JSON object                      | FOREIGN
            too large     | HUGE                                                                     | larger than 4 MiB                           | TOO_LARGE
            """)
    void a_broken_file_is_refused_with_one_message_and_the_work_stays(String what, String content, String problem,
                                                                      InputFormatException.Kind kind,
                                                                      FxRobot robot) throws Exception {
        Path file = dir.resolve("broken" + SessionFile.SUFFIX);
        if (content.equals("HUGE")) {
            Files.writeString(file, "{\"format\": \"normgraph-session\", \"notes\": {\"0\": \""
                    + "x".repeat(SessionFile.MAX_BYTES) + "\"}}");
        } else {
            Files.write(file, content.getBytes(StandardCharsets.ISO_8859_1));
        }
        robot.interact(() -> {
            model.commit(EDITED);
            model.seek(7);
            model.setSpeakerNote(7, "keep me");
        });
        String title = stage.getTitle();
        robot.interact(() -> assertFalse(files.open(file)));
        assertEquals(1, dialogs.errors.size(), what + ": " + dialogs.errors);
        String message = visible(dialogs.errors.get(0));
        assertTrue(message.startsWith("Cannot open broken.normgraph.json: "), message);
        assertTrue(message.contains(problem), what + ": " + message);
        String sortOfProblem = switch (kind) {
            case NOT_JSON -> "the file is not valid JSON (it may be cut short, or not a text file)";
            case CONTENT -> "a value in the file is missing, has the wrong shape or is out of range";
            case NEWER_VERSION -> "the file was written by a newer version of normgraph";
            case FOREIGN -> "this is not a normgraph session file";
            case TOO_LARGE -> "the file, or the case in it, is too large for the app";
            case UNREADABLE -> "the file is missing or cannot be read";
            case EMPTY -> "the file is empty";
        };
        assertTrue(message.contains(": " + sortOfProblem + "."), what + " said as " + kind + ": " + message);
        assertTrue(message.contains("Your current work is unchanged.\nDetails: "), message);
        assertFalse(message.contains("broken.normgraph.json: broken.normgraph.json"), message);
        assertEquals(EDITED, model.getInput());
        assertEquals(7, model.getPosition());
        assertEquals("keep me", model.getSpeakerNotes().get(7));
        assertTrue(model.canUndo(), "the undo history is still there");
        assertTrue(files.isDirty());
        assertNull(files.getFile());
        assertEquals(title, stage.getTitle());
    }

    @Test
    void the_details_wrap_at_their_spaces_never_inside_a_field_name(FxRobot robot) throws Exception {
        Path file = dir.resolve("shape" + SessionFile.SUFFIX);
        Files.writeString(file, "{\"format\": \"normgraph-session\", \"version\": 2, \"input\": {\"x\": [[1, 2]],"
                + " \"gamma\": [1], \"beta\": [0, 0], \"dout\": [[1, 1]], \"eps\": 1e-5}}");
        Messages.setLanguage(Language.JAPANESE);
        try {
            robot.interact(() -> assertFalse(files.open(file)));
        } finally {
            Messages.setLanguage(Language.ENGLISH);
        }
        String message = dialogs.errors.get(0);
        String details = message.substring(message.indexOf('\uff1a', message.indexOf('\n')) + 1); // after 詳細（英語）：
        BreakIterator lines = BreakIterator.getLineInstance(Locale.JAPANESE);
        lines.setText(details);
        for (int k = lines.next(); k != BreakIterator.DONE; k = lines.next()) {
            assertTrue(k == details.length() || Character.isWhitespace(details.charAt(k - 1)),
                    "a line may end only after a space: " + visible(details.substring(0, k)) + " | "
                            + visible(details.substring(k)));
        }
        assertTrue(visible(details).contains("input.gamma"), visible(details));
        assertTrue(visible(message).startsWith("shape.normgraph.json を開けません："), visible(message));
    }

    /** The text as read on screen, without the invisible no-break marks. */
    private static String visible(String text) {
        return text.replace("\ufeff", "");
    }

    @Test
    void a_broken_file_is_explained_in_the_windows_language_with_the_details_as_read(FxRobot robot) throws Exception {
        Path file = dir.resolve("cut" + SessionFile.SUFFIX);
        Files.writeString(file, "{\"format\": \"normgraph-session\", \"version\": 2, \"input\": {\"x\": [[1, 0],");
        Messages.setLanguage(Language.SIMPLIFIED_CHINESE);
        try {
            robot.interact(() -> assertFalse(files.open(file)));
            robot.interact(() -> assertFalse(files.open(dir.resolve("gone" + SessionFile.SUFFIX))));
        } finally {
            Messages.setLanguage(Language.ENGLISH);
        }
        assertEquals(2, dialogs.errors.size(), dialogs.errors.toString());
        String cut = dialogs.errors.get(0);
        assertTrue(cut.startsWith("无法打开 cut.normgraph.json：文件不是有效的 JSON（可能不完整"), cut);
        assertTrue(cut.contains("当前的工作没有改变。\n详细信息（英文）：not valid JSON at line 1"), cut);
        assertTrue(dialogs.errors.get(1).startsWith("无法打开 gone.normgraph.json：文件不存在或无法读取。"), dialogs.errors.get(1));
    }

    @Test
    void unsaved_work_is_asked_about_and_cancel_keeps_it(FxRobot robot) {
        robot.interact(() -> model.commit(EDITED));
        dialogs.answers.add(FileDialogs.Answer.CANCEL);
        robot.interact(() -> assertFalse(files.newSession()));
        assertEquals(List.of("unsaved untitled"), dialogs.asked);
        assertEquals(EDITED, model.getInput());
        dialogs.answers.add(FileDialogs.Answer.CANCEL);
        robot.interact(() -> assertFalse(files.close(), "closing the window is refused too"));
        dialogs.answers.add(FileDialogs.Answer.DISCARD);
        robot.interact(() -> assertTrue(files.newSession()));
        assertEquals(Examples.classic(), model.getInput());
        assertFalse(files.isDirty());
    }

    @Test
    void answering_save_saves_before_going_on(FxRobot robot) throws Exception {
        Path file = dir.resolve("kept" + SessionFile.SUFFIX);
        robot.interact(() -> model.commit(EDITED));
        dialogs.answers.add(FileDialogs.Answer.SAVE);
        dialogs.files.add(file);
        robot.interact(() -> assertTrue(files.openExample("single-row")));
        assertEquals(EDITED, SessionFile.read(file).input());
        assertEquals(1, model.getInput().n());
    }

    @Test
    void the_shortcuts_reach_the_menu_actions(FxRobot robot) throws Exception {
        Path file = dir.resolve("keys" + SessionFile.SUFFIX);
        robot.interact(() -> model.commit(EDITED));
        dialogs.files.add(file);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(EDITED, SessionFile.read(file).input());
        assertFalse(files.isDirty());
        dialogs.files.add(dir.resolve("as" + SessionFile.SUFFIX));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals("normgraph — as.normgraph.json", stage.getTitle());
        dialogs.files.add(file);
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(file, files.getFile());
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Examples.classic(), model.getInput());
    }

    /** Ctrl+Q while a number was being typed quit at once: the number was not taken yet, so nothing was unsaved. */
    @Test
    void a_number_still_being_typed_in_a_cell_counts_as_unsaved_work(FxRobot robot) {
        robot.clickOn(org.normgraph.app.editor.GridRobot.cell(robot, "x", 2, 0));
        org.normgraph.app.editor.GridRobot.typeText(robot, "88");
        dialogs.answers.add(FileDialogs.Answer.CANCEL);
        robot.interact(() -> assertFalse(files.close()));
        assertEquals(List.of("unsaved untitled"), dialogs.asked);
        assertEquals(88, model.getInput().x().get(2, 0));
    }

    @Test
    void an_eps_still_being_typed_counts_as_unsaved_work(FxRobot robot) {
        javafx.scene.control.TextField eps = robot.lookup("#editor-eps").queryAs(javafx.scene.control.TextField.class);
        robot.clickOn(eps);
        robot.interact(eps::selectAll);
        robot.write("0.5");
        dialogs.answers.add(FileDialogs.Answer.CANCEL);
        robot.interact(() -> assertFalse(files.close()));
        assertEquals(List.of("unsaved untitled"), dialogs.asked);
        assertEquals(0.5, model.getInput().eps());
        assertTrue(eps.isFocused(), "the field keeps the keys after the question");
    }

    @Test
    void closing_the_window_with_unsaved_work_asks_and_cancel_keeps_it_open(FxRobot robot) {
        robot.interact(() -> {
            files.attach(stage);
            model.commit(EDITED);
        });
        dialogs.answers.add(FileDialogs.Answer.CANCEL);
        robot.interact(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertEquals(List.of("unsaved untitled"), dialogs.asked);
        assertTrue(stage.isShowing());
        assertEquals(EDITED, model.getInput());
        robot.interact(() -> stage.setOnCloseRequest(null));
    }

    @Test
    void stepping_and_selecting_are_not_unsaved_work(FxRobot robot) {
        robot.interact(() -> {
            model.seek(15);
            model.setSelection(Selection.node("xmu"));
        });
        assertFalse(files.isDirty());
        robot.interact(() -> assertTrue(files.newSession(), "no question asked"));
        assertTrue(dialogs.asked.isEmpty());
    }

    /** Inference mode was neither saved nor unsaved work: a prepared inference lesson reopened in training. */
    @Test
    void inference_mode_is_unsaved_work_and_opens_again_with_its_running_statistics(FxRobot robot) throws Exception {
        org.normgraph.app.model.RunningStatistics stats = new org.normgraph.app.model.RunningStatistics(
                Matrix.rowVector(4, 2, 1), Matrix.rowVector(5, 2.5, 2));
        robot.interact(() -> {
            model.setInference(stats);
            model.seek(19);
        });
        assertTrue(files.isDirty(), "switching to inference is work to save");
        Path file = dir.resolve("inference" + SessionFile.SUFFIX);
        dialogs.files.add(file);
        robot.interact(() -> assertTrue(files.saveAs()));
        assertFalse(files.isDirty());
        robot.interact(() -> model.setInference(null));
        assertTrue(files.isDirty(), "back to training is a change too");
        dialogs.answers.add(FileDialogs.Answer.DISCARD);
        robot.interact(() -> assertTrue(files.open(file)));
        assertEquals(stats, model.getInference());
        assertEquals(19, model.getPosition());
        assertTrue(org.normgraph.core.InferenceGraph.isInference(model.getGraph()));
        assertFalse(files.isDirty());
    }

    /** File ▸ New kept the seed and the Predict answers: the new example was never asked again. */
    @Test
    void new_puts_the_seed_back_and_asks_every_backward_step_again(FxRobot robot) {
        javafx.scene.control.TextField seed = robot.lookup("#editor-seed").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            seed.setText("7");
            seed.fireEvent(new javafx.event.ActionEvent());
            model.setMode(Mode.PREDICT);
            model.seek(9);
            window.predictPane().reveal();
        });
        assertEquals(10, model.getPosition(), "backward 9 revealed");
        dialogs.answers.add(FileDialogs.Answer.DISCARD); // the mode is part of the document
        robot.interact(() -> assertTrue(files.newSession()));
        assertEquals("42", seed.getText());
        robot.interact(() -> {
            model.setMode(Mode.PREDICT);
            model.seek(9);
        });
        assertFalse(robot.lookup("#predict-answer").query().isDisabled(), "backward 9 is asked again");
        assertEquals(Messages.get("predict.score", 0, 0),
                robot.lookup("#predict-score").queryAs(javafx.scene.control.Label.class).getText());
    }

    @Test
    void an_example_opens_from_the_menu_by_mouse(FxRobot robot) {
        robot.clickOn("#menu-file");
        // New, Open…, Open Recent, Examples ▸ → Classic, N = 1
        robot.type(KeyCode.DOWN, 4).type(KeyCode.RIGHT).type(KeyCode.DOWN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.getInput().n());
        assertEquals("normgraph \u2014 single-row.normgraph.json", stage.getTitle());
        assertEquals("A batch of one: every sample is its own mean.", model.getSpeakerNotes().get(0));
        assertNull(files.getFile(), "an example is a template: Save asks for a name");
    }

    /** A recent file, saved and then deleted. */
    private Path recentThenDeleted(FxRobot robot, String name) throws Exception {
        Path file = dir.resolve(name + SessionFile.SUFFIX);
        dialogs.files.add(file);
        robot.interact(() -> assertTrue(files.saveAs()));
        Files.delete(file);
        return file;
    }

    @Test
    void a_recent_file_that_is_gone_is_said_so_and_forgotten(FxRobot robot) throws Exception {
        Path file = recentThenDeleted(robot, "gone");
        robot.interact(() -> assertFalse(files.openRecent(file)));
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains(file.toString()), dialogs.errors.get(0));
        assertTrue(files.recentFiles().list().isEmpty());
    }

    /** A folder in the file's place was called gone, and taken off the list. */
    @Test
    void a_recent_file_that_cannot_be_read_says_why_and_stays_on_the_list(FxRobot robot) throws Exception {
        Path file = recentThenDeleted(robot, "work");
        Files.createDirectory(file);
        robot.interact(() -> assertFalse(files.openRecent(file)));
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains(Messages.get("files.error.kind.unreadable")), dialogs.errors.get(0));
        assertEquals(List.of(file), files.recentFiles().list());
    }

    @Test
    void the_menu_survives_a_language_switch_and_keeps_the_title(FxRobot robot) {
        robot.interact(() -> model.commit(EDITED));
        robot.interact(() -> window.setLanguage(org.normgraph.app.Language.JAPANESE));
        try {
            assertTrue(stage.getTitle().contains("無題"), stage.getTitle());
            assertTrue(stage.getTitle().contains("未保存"), stage.getTitle());
            assertTrue(robot.lookup("#menu-bar").tryQuery().isPresent());
        } finally {
            robot.interact(() -> window.setLanguage(org.normgraph.app.Language.ENGLISH));
        }
        assertEquals("normgraph \u2014 untitled (unsaved changes)", stage.getTitle());
    }

    @Test
    void a_failed_save_says_why_and_stays_unsaved(FxRobot robot) throws Exception {
        Path folderInTheWay = dir.resolve("taken" + SessionFile.SUFFIX);
        Files.createDirectory(folderInTheWay);
        Files.writeString(folderInTheWay.resolve("inside"), "x");
        robot.interact(() -> model.commit(EDITED));
        dialogs.files.add(folderInTheWay);
        AtomicBoolean saved = new AtomicBoolean(true);
        robot.interact(() -> saved.set(files.saveAs()));
        assertFalse(saved.get());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("Cannot save to " + folderInTheWay), dialogs.errors.get(0));
        assertTrue(files.isDirty());
        assertNotEquals(folderInTheWay, files.getFile());
    }
}
