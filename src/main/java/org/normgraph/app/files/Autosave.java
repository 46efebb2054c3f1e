package org.normgraph.app.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.normgraph.io.InputFormatException;
import org.normgraph.io.Session;
import org.normgraph.io.SessionFile;

/**
 * Crash protection in the app folder ({@link AppHome}): while the app runs, a marker file
 * {@value #MARKER} holds its process id and start time and the session is saved (atomically, by
 * {@link SessionFile#write}) to {@value #FILE} after each change. A clean exit removes
 * both. If the next start finds the marker of a process that is gone, the last run ended
 * uncleanly (killed, crashed, power cut) and its autosave can be restored.
 *
 * <p>A marker of a process that is still alive means another window of the app runs: this
 * one then neither restores nor autosaves, so the two never overwrite each other.
 */
public final class Autosave {

    public static final String FILE = "autosave" + SessionFile.SUFFIX;
    public static final String MARKER = "running";
    /** The session file the crash copy is a copy of (one line), absent for an untitled session. */
    public static final String FILE_OF = "autosave-of.txt";

    private final Path dir;
    private volatile boolean active;
    private boolean sharedWithOtherWindow;
    /** What {@value #FILE_OF} holds, as the writer thread last wrote it. */
    private volatile Path copyOf;
    // one writer thread: saves stay in order and never block the FX thread (a save forces the disk)
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "normgraph-autosave");
        t.setDaemon(true);
        return t;
    });

    public Autosave(Path dir) {
        this.dir = dir;
    }

    public Path file() {
        return dir.resolve(FILE);
    }

    public Path marker() {
        return dir.resolve(MARKER);
    }

    private Path fileOf() {
        return dir.resolve(FILE_OF);
    }

    /** Whether this instance writes autosaves (after {@link #start}). */
    public boolean isActive() {
        return active;
    }

    /** Whether {@link #start} found another window of the app running: this one does not autosave. */
    public boolean isSharedWithOtherWindow() {
        return sharedWithOtherWindow;
    }

    /**
     * A session left by a run that did not exit cleanly, readable, with when it was saved and
     * the session file it was a copy of (null for an untitled session).
     */
    public record Leftover(Session session, FileTime savedAt, Path copyOf) {
    }

    /**
     * What the last run left behind, if it ended uncleanly and its autosave reads; an
     * unreadable autosave is reported as a message in {@code problem} and not offered.
     */
    public Optional<Leftover> leftover(java.util.function.Consumer<String> problem) {
        if (!Files.exists(marker()) || otherInstanceRuns() || !Files.exists(file())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Leftover(SessionFile.read(file()), Files.getLastModifiedTime(file()), readCopyOf()));
        } catch (InputFormatException | IOException e) {
            problem.accept(e.getMessage());
            return Optional.empty();
        }
    }

    /** Marks this run as running (unless another instance runs); from now on {@link #save} writes. */
    public void start() {
        if (otherInstanceRuns()) {
            active = false;
            sharedWithOtherWindow = true;
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(marker(), markerText(ProcessHandle.current()), StandardCharsets.UTF_8);
            active = true;
        } catch (IOException e) {
            System.err.println("normgraph: autosave is off, cannot write " + marker() + ": " + e.getMessage());
            active = false;
        }
    }

    /**
     * Saves the session as the crash copy (atomic: a kill mid-save leaves the previous copy),
     * and which session file it is a copy of ({@code of}, null for an untitled session).
     */
    public void save(Session session, Path of) {
        if (!active) {
            return;
        }
        try {
            if (!java.util.Objects.equals(of, copyOf)) {
                if (of == null) {
                    Files.deleteIfExists(fileOf());
                } else {
                    Files.writeString(fileOf(), of.toAbsolutePath().toString(), StandardCharsets.UTF_8);
                }
                copyOf = of;
            }
            SessionFile.write(session, file());
        } catch (IOException e) {
            System.err.println("normgraph: autosave failed: " + e.getMessage());
        }
    }

    /** Like {@link #save} but on the writer thread, after the saves queued before it. */
    public void saveLater(Session session, Path of) {
        if (active) {
            writer.execute(() -> save(session, of));
        }
    }

    /** Forgets the crash copy (after it was restored or discarded). */
    public void discard() {
        try {
            Files.deleteIfExists(file());
            Files.deleteIfExists(fileOf());
            copyOf = null;
        } catch (IOException e) {
            System.err.println("normgraph: cannot remove " + file() + ": " + e.getMessage());
        }
    }

    private Path readCopyOf() {
        try {
            String line = Files.exists(fileOf()) ? Files.readString(fileOf(), StandardCharsets.UTF_8).trim() : "";
            return line.isEmpty() ? null : Path.of(line);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return null; // the copy itself still restores, untitled
        }
    }

    /** A clean exit: no crash copy, no marker (after the saves still queued, which are skipped). */
    public void cleanExit() {
        if (!active) {
            return;
        }
        active = false;
        Future<?> done = writer.submit(() -> {
            discard();
            try {
                Files.deleteIfExists(marker());
            } catch (IOException e) {
                System.err.println("normgraph: cannot remove " + marker() + ": " + e.getMessage());
            }
        });
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("normgraph: autosave did not end cleanly: " + e);
        }
    }

    /**
     * Whether the marker names another process that is running now. The marker holds the pid
     * and the process's start time: a pid alone was taken over by whatever process got the
     * number after a crash and a reboot, and then no restore was offered and nothing was
     * autosaved, without a word. A marker of a pid alone (an older version) counts while that
     * pid lives.
     */
    private boolean otherInstanceRuns() {
        try {
            String[] parts = Files.readString(marker(), StandardCharsets.UTF_8).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            if (pid == ProcessHandle.current().pid()) {
                return false;
            }
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(p -> parts.length < 2 || parts[1].equals(startOf(p))).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false; // no marker, or a broken one: nobody holds it
        }
    }

    /** "pid start" as the marker holds it, e.g. {@code 4711 1765170000000}. */
    static String markerText(ProcessHandle p) {
        return p.pid() + " " + startOf(p);
    }

    /** When {@code p} started, in milliseconds since the epoch, or "?" where the system does not say. */
    private static String startOf(ProcessHandle p) {
        return p.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("?");
    }
}
