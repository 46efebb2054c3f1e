package org.normgraph.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.normgraph.app.model.Examples;
import org.normgraph.io.Session;
import org.normgraph.io.SessionFile;

/** The crash-copy logic, without the toolkit. */
class AutosaveTest {

    /** No process has this id. */
    static final String DEAD_PID = "2147483646";

    static final Session EDITED = new Session(Examples.classic(), "explore", 14, null, null, Map.of(14, "here"));

    @TempDir
    Path dir;

    @Test
    void nothing_is_offered_on_a_first_start_or_after_a_clean_exit() {
        Autosave a = new Autosave(dir);
        assertTrue(a.leftover(fail()).isEmpty());
        a.start();
        assertTrue(a.isActive());
        a.save(EDITED, null);
        assertTrue(Files.exists(a.file()));
        a.cleanExit();
        assertFalse(Files.exists(a.file()));
        assertFalse(Files.exists(a.marker()));
        assertTrue(new Autosave(dir).leftover(fail()).isEmpty());
    }

    @Test
    void background_saves_land_in_order_and_a_clean_exit_after_them_leaves_nothing() throws Exception {
        Autosave a = new Autosave(dir);
        a.start();
        for (int p = 0; p <= 19; p++) {
            a.saveLater(new Session(Examples.classic(), "explore", p, null, null, Map.of()), null);
        }
        a.cleanExit(); // waits for the writer: the queued saves are skipped, then both files go
        assertFalse(Files.exists(a.file()));
        assertFalse(Files.exists(a.marker()));

        Autosave b = new Autosave(dir);
        b.start();
        for (int p = 0; p <= 19; p++) {
            b.saveLater(new Session(Examples.classic(), "explore", p, null, null, Map.of()), null);
        }
        Files.writeString(b.marker(), DEAD_PID); // as if killed now
        for (int i = 0; i < 300 && (!Files.exists(b.file()) || SessionFile.read(b.file()).position() != 19); i++) {
            Thread.sleep(20); // the writer thread finishes the queue
        }
        assertEquals(19, new Autosave(dir).leftover(fail()).orElseThrow().session().position(), "the last save wins");
    }

    @Test
    void after_an_unclean_exit_the_last_autosave_is_offered() throws Exception {
        Autosave first = new Autosave(dir);
        first.start();
        first.save(EDITED, null);
        // the process dies here: no cleanExit; its marker names a process that is gone
        Files.writeString(first.marker(), DEAD_PID);
        Autosave next = new Autosave(dir);
        var left = next.leftover(fail());
        assertTrue(left.isPresent());
        assertEquals(EDITED, left.get().session());
    }

    @Test
    void a_marker_of_a_running_process_means_another_window_and_this_one_stays_out() throws Exception {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").start();
        Autosave a = new Autosave(dir);
        a.start();
        a.save(EDITED, null);
        // a live process other than this one holds the marker
        Files.writeString(a.marker(), Autosave.markerText(ProcessHandle.current().parent().orElseThrow()));
        Autosave second = new Autosave(dir);
        assertTrue(second.leftover(fail()).isEmpty(), "not offered while the other runs");
        second.start();
        assertFalse(second.isActive());
        second.save(Session.of(Examples.classic()), null);
        assertEquals(EDITED, SessionFile.read(a.file()), "the other window's crash copy is untouched");
        other.destroy();
    }

    /**
     * A marker whose pid now belongs to another program (taken over after a crash and a reboot):
     * no restore was offered and nothing was autosaved, without a word. The start time differs.
     */
    @Test
    void a_marker_whose_pid_another_program_took_is_stale() throws Exception {
        Autosave a = new Autosave(dir);
        a.start();
        a.save(EDITED, null);
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow(); // alive, but not the run that wrote the marker
        Files.writeString(a.marker(), parent.pid() + " 12345");
        Autosave next = new Autosave(dir);
        assertEquals(EDITED, next.leftover(fail()).orElseThrow().session(), "the crash copy is offered");
        next.start();
        assertTrue(next.isActive(), "and this run autosaves");
        assertEquals(Autosave.markerText(ProcessHandle.current()), Files.readString(a.marker()));
    }

    @Test
    void a_broken_autosave_is_reported_once_and_not_offered() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(Autosave.MARKER), DEAD_PID);
        Files.writeString(dir.resolve(Autosave.FILE), "{\"format\": \"normgraph-session\", \"vers");
        List<String> problems = new ArrayList<>();
        assertTrue(new Autosave(dir).leftover(problems::add).isEmpty());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("not valid JSON"), problems.get(0));
    }

    private static java.util.function.Consumer<String> fail() {
        return p -> {
            throw new AssertionError("unexpected problem: " + p);
        };
    }
}
