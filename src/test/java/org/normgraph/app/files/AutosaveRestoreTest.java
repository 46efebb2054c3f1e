package org.normgraph.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.normgraph.app.InMemoryPreferences;
import org.normgraph.app.MainWindow;
import org.normgraph.app.Messages;
import org.normgraph.app.model.Examples;
import org.normgraph.app.model.Selection;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.normgraph.io.Session;
import org.normgraph.io.SessionFile;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Crash and restore with a real process: a child JVM runs the window (headless) with
 * autosave, makes an edit, and is killed with SIGKILL once the autosave is written; the
 * window here then offers the session and restores it.
 */
@ExtendWith(ApplicationExtension.class)
class AutosaveRestoreTest {

    static final BatchNormInput EDITED = new BatchNormInput(Matrix.of(2, 2, 1, 7, 3, -2), Matrix.rowVector(1, 2),
            Matrix.rowVector(0, 0), Matrix.of(2, 2, 1, 0, 0, 1), 1e-4);

    @TempDir
    Path home;

    private SessionModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        model = SessionModel.example();
        window = new MainWindow(model);
        window.show(stage, 1240, 780);
    }

    /** A window starting on this home, that answers Restore to the crash copy it is offered. */
    private FileSession restoring(FxRobot robot, ScriptedDialogs dialogs) {
        dialogs.restore = true;
        FileSession files = new FileSession(window, dialogs, new RecentFiles(new InMemoryPreferences()), new Autosave(home));
        robot.interact(() -> {
            files.install();
            files.offerRestore();
        });
        return files;
    }

    /** The child: the window with autosave in {@code args[0]}; edits; waits for the autosave; then hangs until killed. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(1, TimeUnit.MINUTES);
        Platform.runLater(() -> {
            Stage stage = new Stage();
            SessionModel m = SessionModel.example();
            MainWindow w = new MainWindow(m);
            FileSession f = new FileSession(w, new ScriptedDialogs(), new RecentFiles(new InMemoryPreferences()),
                    new Autosave(dir));
            f.install();
            w.show(stage, 1000, 700);
            f.offerRestore();
            m.commit(EDITED);
            m.seek(13);
            m.setSelection(Selection.element("sq", 1, 0));
            m.setSpeakerNote(13, "saved before the crash");
        });
        Path file = dir.resolve(Autosave.FILE);
        for (int i = 0; i < 600; i++) { // the debounced autosave, a second after the last change
            if (Files.exists(file) && SessionFile.read(file).position() == 13
                    && !SessionFile.read(file).notes().isEmpty()) {
                System.out.println("autosaved");
                System.out.flush();
                break;
            }
            Thread.sleep(100);
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void after_kill_9_the_next_start_offers_the_autosave_and_restores_it(FxRobot robot) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), AutosaveRestoreTest.class.getName(), home.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("autosaved", r.readLine());
        } finally {
            child.destroyForcibly(); // SIGKILL: no clean exit
            child.waitFor();
        }
        assertTrue(Files.exists(home.resolve(Autosave.MARKER)), "the killed run left its marker");

        ScriptedDialogs dialogs = new ScriptedDialogs();
        FileSession files = restoring(robot, dialogs);
        assertEquals(1, dialogs.asked.size());
        assertTrue(dialogs.asked.get(0).startsWith("restore "), dialogs.asked.toString());
        assertEquals(EDITED, model.getInput());
        assertEquals(13, model.getPosition());
        assertEquals(Selection.element("sq", 1, 0), model.getSelection());
        assertEquals(Map.of(13, "saved before the crash"), Map.copyOf(model.getSpeakerNotes()));
        assertTrue(files.isDirty(), "restored work is unsaved work");
        assertEquals(Autosave.markerText(ProcessHandle.current()),
                Files.readString(home.resolve(Autosave.MARKER)).trim(), "this run holds the marker now");
        dialogs.answers.add(FileDialogs.Answer.DISCARD);
        robot.interact(() -> assertTrue(files.close()));
        assertEquals("unsaved untitled", dialogs.asked.get(1));
        assertFalse(Files.exists(home.resolve(Autosave.MARKER)), "a clean exit removes the marker");
        assertFalse(Files.exists(home.resolve(Autosave.FILE)));
    }

    /** The question did not say whose changes it would restore, and another file was opened at start. */
    @Test
    void the_offer_names_the_file_the_autosave_is_a_copy_of(FxRobot robot) throws Exception {
        Files.writeString(home.resolve(Autosave.MARKER), AutosaveTest.DEAD_PID);
        Path lesson = home.resolve("lesson" + SessionFile.SUFFIX);
        SessionFile.write(new Session(EDITED, "explore", 5, null, null, Map.of()), home.resolve(Autosave.FILE));
        Files.writeString(home.resolve(Autosave.FILE_OF), lesson.toString());
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.restore = false;
        FileSession files = new FileSession(window, dialogs, new RecentFiles(new InMemoryPreferences()), new Autosave(home));
        robot.interact(files::offerRestore);
        assertEquals(1, dialogs.asked.size());
        assertTrue(dialogs.asked.get(0).startsWith("restore ") && dialogs.asked.get(0).endsWith(" of lesson.normgraph.json"),
                dialogs.asked.toString());
        robot.interact(() -> assertTrue(files.close()));
    }

    @Test
    void discarding_the_offer_keeps_the_example_and_forgets_the_copy(FxRobot robot) throws Exception {
        Files.writeString(home.resolve(Autosave.MARKER), AutosaveTest.DEAD_PID);
        SessionFile.write(new Session(EDITED, "explore", 5, null, null, Map.of()), home.resolve(Autosave.FILE));
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.restore = false;
        FileSession files = new FileSession(window, dialogs, new RecentFiles(new InMemoryPreferences()), new Autosave(home));
        robot.interact(files::offerRestore);
        assertEquals(1, dialogs.asked.size());
        assertEquals(Examples.classic(), model.getInput());
        assertFalse(files.isDirty());
        assertFalse(Files.exists(home.resolve(Autosave.FILE)));
        robot.interact(() -> assertTrue(files.close()));
        assertFalse(Files.exists(home.resolve(Autosave.MARKER)), "a clean exit removes the marker");
        assertEquals(List.of(), dialogs.errors);
    }

    /** A second window neither restored nor autosaved, and never said so: its work had no crash copy. */
    @Test
    void a_second_window_says_that_it_does_not_autosave(FxRobot robot) throws Exception {
        Files.writeString(home.resolve(Autosave.MARKER), Autosave.markerText(ProcessHandle.current().parent().orElseThrow()));
        ScriptedDialogs dialogs = new ScriptedDialogs();
        FileSession files = new FileSession(window, dialogs, new RecentFiles(new InMemoryPreferences()), new Autosave(home));
        robot.interact(files::offerRestore);
        assertEquals(List.of(), dialogs.asked, "the other window's copy is not offered");
        assertEquals(List.of(Messages.get("files.autosave.other")), dialogs.infos);
        robot.interact(() -> assertTrue(files.close()));
        assertTrue(Files.exists(home.resolve(Autosave.MARKER)), "the other window's marker stays");
    }

    @Test
    void a_file_given_at_start_opens_after_the_crash_copy_is_restored_and_asked_about(FxRobot robot) throws Exception {
        Files.writeString(home.resolve(Autosave.MARKER), AutosaveTest.DEAD_PID);
        SessionFile.write(new Session(EDITED, "explore", 5, null, null, Map.of()), home.resolve(Autosave.FILE));
        Path lesson = home.resolve("lesson" + SessionFile.SUFFIX);
        BatchNormInput lessonInput = new BatchNormInput(Matrix.of(2, 1, 1, 3), Matrix.rowVector(2), Matrix.rowVector(0),
                Matrix.of(2, 1, 1, -1), 1e-3);
        SessionFile.write(new Session(lessonInput, "explore", 9, null, null, Map.of()), lesson);
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.restore = true;
        dialogs.answers.add(FileDialogs.Answer.DISCARD);
        FileSession files = new FileSession(window, dialogs, new RecentFiles(new InMemoryPreferences()), new Autosave(home));
        robot.interact(() -> {
            files.install();
            files.start(lesson);
        });
        assertEquals(2, dialogs.asked.size(), dialogs.asked.toString());
        assertTrue(dialogs.asked.get(0).startsWith("restore "), dialogs.asked.toString());
        assertEquals("unsaved untitled", dialogs.asked.get(1), "the restored work is not dropped unasked");
        assertEquals(lessonInput, model.getInput());
        assertEquals(9, model.getPosition());
        assertEquals(lesson, files.getFile());
        robot.interact(() -> assertTrue(files.close()));
    }

    @Test
    void a_file_given_at_start_that_is_not_there_is_said_so_and_the_example_stays(FxRobot robot) {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        FileSession files = new FileSession(window, dialogs, new RecentFiles(new InMemoryPreferences()), null);
        robot.interact(() -> {
            files.install();
            files.start(home.resolve("gone" + SessionFile.SUFFIX));
        });
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(dialogs.errors.get(0).startsWith("Cannot open gone.normgraph.json: the file is missing"),
                dialogs.errors.get(0));
        assertEquals(Examples.classic(), model.getInput());
        assertFalse(files.isDirty());
    }

    /** A restored copy of lesson.normgraph.json came back untitled: Ctrl+S then asked where to save. */
    @Test
    void a_restored_copy_of_a_file_comes_back_under_that_files_name(FxRobot robot) throws Exception {
        Path lesson = home.resolve("lesson" + SessionFile.SUFFIX);
        Autosave crashed = new Autosave(home);
        crashed.start();
        crashed.save(new Session(EDITED, "explore", 4, null, null, Map.of()), lesson);
        Files.writeString(home.resolve(Autosave.MARKER), AutosaveTest.DEAD_PID); // as a killed run leaves it
        ScriptedDialogs dialogs = new ScriptedDialogs();
        FileSession files = restoring(robot, dialogs);
        assertEquals(EDITED, model.getInput());
        assertEquals(lesson, files.getFile());
        assertTrue(files.isDirty(), "restored work is unsaved work");
        robot.interact(() -> assertTrue(files.save()));
        assertEquals(1, dialogs.asked.size(), "saved to the file without asking where: " + dialogs.asked);
        assertEquals(EDITED, SessionFile.read(lesson).input());
        robot.interact(() -> assertTrue(files.close()));
    }
}
