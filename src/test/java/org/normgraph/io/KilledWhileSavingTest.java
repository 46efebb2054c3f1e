package org.normgraph.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during a save: a child JVM saves a session in a loop and is killed
 * ({@link Process#destroyForcibly()}, SIGKILL on Linux) at random moments. After every kill the
 * file is a complete session of one save (the last finished one, or the one being renamed);
 * temporary files a kill leaves behind are deleted by the next save.
 */
class KilledWhileSavingTest {

    private static final int ROUNDS = 5;

    @Test
    void a_killed_save_leaves_a_complete_file_and_the_next_save_clears_the_junk(@TempDir Path dir) throws Exception {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        Path target = dir.resolve("lecture" + SessionFile.SUFFIX);
        long next = 1;
        int leftoversSeen = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Process child = start(target, next);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("saved", out.readLine(), "the child saved once (seed " + seed + ")");
                Thread.sleep(r.nextInt(400));
                child.destroyForcibly();
                assertTrue(child.waitFor(20, TimeUnit.SECONDS));
            }
            long k = SessionSaverMain.saveNumber(SessionFile.read(target)); // complete and readable, or this throws
            assertTrue(k >= next, "round " + round + ": save " + k + " is from this round (seed " + seed + ")");
            next = k + 1_000_000; // the next round's saves are told apart from this one's
            leftoversSeen += temporaryFiles(dir).size();
        }
        System.out.println("KilledWhileSavingTest: " + ROUNDS + " kills, temporary files left behind over the rounds: "
                + leftoversSeen);

        SessionFile.write(SessionSaverMain.session(next), target);
        assertEquals(List.of(), temporaryFiles(dir), "the next save deletes what killed saves left");
        assertEquals(next, SessionSaverMain.saveNumber(SessionFile.read(target)));
    }

    private static Process start(Path target, long first) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                SessionSaverMain.class.getName(), target.toString(), Long.toString(first))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static List<Path> temporaryFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
