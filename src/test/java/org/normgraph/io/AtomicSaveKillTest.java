package org.normgraph.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save killed with SIGKILL at an arbitrary moment never leaves a broken file: a child JVM
 * saves two different sessions over one file in a loop; it is killed (kill -9) at several
 * moments, and each time the file reads as one of the two whole sessions.
 */
class AtomicSaveKillTest {

    static final Session A = new Session(SessionFileLimitsTest.input(32, 16), "explore", 3, null, null,
            Map.of(1, "a".repeat(5000)));
    static final Session B = new Session(SessionFileLimitsTest.input(31, 15), "present", 17, null,
            new Session.View(2, 5, 6), Map.of(2, "b".repeat(7000)));

    /** The child: saves A and B alternately, forever; says "saving" once the file exists. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        SessionFile.write(A, file);
        System.out.println("saving");
        System.out.flush();
        for (long i = 0; ; i++) {
            SessionFile.write(i % 2 == 0 ? B : A, file);
        }
    }

    @Test
    void killing_a_save_leaves_the_previous_or_the_new_file_whole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lecture" + SessionFile.SUFFIX);
        int kills = 4;
        for (int k = 0; k < kills; k++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), AtomicSaveKillTest.class.getName(), file.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("saving", r.readLine());
                Thread.sleep(150 + 170L * k); // somewhere in the middle of many saves
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
                child.waitFor();
            }
            Session s = SessionFile.read(file);
            assertTrue(s.equals(A) || s.equals(B), "kill " + k + ": the file is one whole session");
        }
        try (var files = Files.list(dir)) {
            List<Path> left = files.filter(p -> !p.equals(file)).toList();
            // a kill between creating and renaming the temporary file leaves it behind, never under the real name
            assertTrue(left.stream().allMatch(p -> p.getFileName().toString().startsWith(".lecture")), left.toString());
        }
    }
}
