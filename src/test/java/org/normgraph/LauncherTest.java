package org.normgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The jar's entry point in a fresh JVM without a display, as a user starts it. */
class LauncherTest {

    record Run(int exitCode, String out, String err) {
    }

    private static Run launch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // a few lines each
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"app --help", "app -h", "--perf --help", "app --perf -h"})
    void help_of_the_app_lists_its_options_without_opening_it(String args) throws Exception {
        Run r = launch(args.split(" "));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        for (String option : new String[] {"--perf", "--perf-edits", "--perf-size", "--perf-zoom", "--perf-select"}) {
            assertTrue(r.out().contains(option), r.out());
        }
        assertTrue(r.out().startsWith("Usage: normgraph [app]"), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"foo --help", "run --help", "foo"})
    void an_unknown_command_is_a_usage_error_even_with_help(String args) throws Exception {
        Run r = launch(args.split(" "));
        assertEquals(2, r.exitCode(), r.out());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("unknown command '" + args.split(" ")[0] + "'"), r.err());
    }
}
