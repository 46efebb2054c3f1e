package org.normgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad family input and option combinations: exit 2, exactly one line on stderr naming the
 * problem (the option as typed, or the field and shapes), nothing on stdout. Every row runs
 * through trace (file and stdin) and gradcheck.
 */
class NormBadInputTest {

    /** A valid 2×4×1×2 case: C = 4, so G = 1, 2, 4 divide it. */
    private static final String X4 = "[[[[1, 2]], [[3, 5]], [[0, 1]], [[2, 2]]], [[[4, 1]], [[0, 0]], [[1, 3]], [[5, 2]]]]";
    private static final String GOOD4 = "{\"x\": " + X4 + ", \"gamma\": [1, -1, 2, 1], \"beta\": [0, 0.5, 0, 1], \"dout\": "
            + X4 + ", \"eps\": 1e-3}";
    private static final String GOOD2 = "{\"x\": [[1, 2, 3], [3, 5, 0]], \"gamma\": [1, -1, 2], \"beta\": [0, 0.5, 0],"
            + " \"dout\": [[1, 0, 2], [0, 1, 1]]}";

    private static Arguments row(String what, String content, String options, String... mustContain) {
        return Arguments.of(what, content, options, List.of(mustContain));
    }

    static Stream<Arguments> table() {
        return Stream.of(
                row("G does not divide C", GOOD4, "--norm group --groups 3", "--groups", "G = 3", "C = 4", "2×4×1×2"),
                row("G does not divide D", GOOD2, "--norm group --groups 2", "--groups", "G = 2", "D = 3", "2×3"),
                row("G larger than C", GOOD4, "--norm group --groups 8", "--groups", "G = 8", "C = 4"),
                row("G = 0", GOOD4, "--norm group --groups 0", "--groups", "≥ 1", "got 0"),
                row("G < 0", GOOD4, "--norm group --groups -1", "--groups", "≥ 1", "got -1"),
                row("G not a number", GOOD4, "--norm group --groups two", "--groups", "two"),
                row("group norm without G", GOOD4, "--norm group", "--norm group needs --groups G"),
                row("--groups with layer norm", GOOD4, "--norm layer --groups 2", "--groups", "only --norm group", "--norm layer"),
                row("--groups with batch norm", GOOD2, "--groups 1", "--groups", "only --norm group", "--norm batch"),
                row("--groups with instance norm", GOOD4, "--norm instance --groups 4", "--groups", "only --norm group"),
                row("unknown kind", GOOD4, "--norm weight", "--norm", "'weight'", "batch, layer, group, instance"),
                row("kind in capitals", GOOD2, "--norm Layer", "--norm", "'Layer'"),
                row("instance norm of 2-D x", GOOD2, "--norm instance", "--norm", "instance norm needs 4-D x", "2×3"),
                row("ragged channels", GOOD4.replace("[[3, 5]], [[0, 1]], [[2, 2]]]", "[[3, 5]], [[0, 1]]]"), "--norm layer",
                        "x[1]", "has 4 channels", "x[0] has 3 channels"),
                row("ragged rows", GOOD4.replace("[[[[1, 2]], [[3, 5]]", "[[[[1, 2], [1, 1]], [[3, 5]]"), "",
                        "x[0][1]: has 1 row", "x[0][0] has 2 rows"),
                row("ragged values", GOOD4.replace("[[[[1, 2]]", "[[[[1, 2, 7]]"), "--norm instance",
                        "x[0][1][0]: has 2 values", "x[0][0][0] has 3 values"),
                row("ragged dout", GOOD4.replace("\"dout\": [[[[1, 2]]", "\"dout\": [[[[1]]"), "--norm group --groups 2",
                        "dout[0][0][0]", "has 1 value"),
                row("x nested 3 deep", GOOD4.replace("\"x\": " + X4, "\"x\": [[[1, 2]]]"), "--norm layer", "x", "nested 3 deep"),
                row("x nested 5 deep", GOOD4.replace("\"x\": " + X4, "\"x\": [[[[[1]]]]]"), "", "x", "nested 5 deep"),
                row("a number where a channel goes", GOOD4.replace("[[[[1, 2]], [[3, 5]]", "[[[[1, 2]], 3"), "",
                        "x[0][1]", "expected an array"),
                row("gamma of length D + 1", GOOD2.replace("[1, -1, 2]", "[1, -1, 2, 4]"), "--norm layer",
                        "gamma", "expected 3 values", "D = 3", "got 4"),
                row("gamma of length C − 1", GOOD4.replace("[1, -1, 2, 1]", "[1, -1, 2]"), "--norm group --groups 2",
                        "gamma", "expected 4 values", "C = 4", "got 3"),
                row("beta of the wrong length", GOOD4.replace("[0, 0.5, 0, 1]", "[0, 0.5]"), "--norm instance",
                        "beta", "expected 4 values", "got 2"),
                row("gamma per element, not per channel", GOOD4.replace("\"gamma\": [1, -1, 2, 1]", "\"gamma\": [[1, 2]]"), "",
                        "gamma[0]", "expected a number"),
                row("dout 2-D for 4-D x", GOOD4.replace("\"dout\": " + X4, "\"dout\": [[1, 2, 3, 4], [1, 2, 3, 4]]"),
                        "--norm layer", "dout", "2×4×1×2", "2×4"),
                row("dout of another 4-D shape", GOOD4.replace("\"dout\": " + X4, "\"dout\": [[[[1]], [[1]], [[1]], [[1]]]]"),
                        "", "dout", "2×4×1×2", "1×4×1×1"),
                row("a NaN in 4-D x", GOOD4.replace("[[[[1, 2]]", "[[[[1, NaN]]"), "--norm layer", "x[0][0][0][1]", "NaN"),
                row("a string in 4-D x", GOOD4.replace("[[[[1, 2]]", "[[[[1, \"2\"]]"), "--norm layer", "x[0][0][0][1]", "string"),
                row("an empty W", GOOD4.replace("\"x\": " + X4, "\"x\": [[[[]]]]"), "--norm layer", "x", "N, C, H, W ≥ 1", "1×1×1×0"),
                row("eps = 0 for layer norm", GOOD2.replace("}", ", \"eps\": 0}"), "--norm layer", "eps", "> 0"),
                row("overflow in sq", GOOD2.replace("[[1, 2, 3],", "[[1e200, -1e200, 3],"), "--norm layer", "'sq'", "not finite"));
    }

    @TempDir
    static Path dir;

    @ParameterizedTest(name = "trace, file: {0}")
    @MethodSource("table")
    void trace_refuses_a_bad_file_with_one_line(String what, String content, String options, List<String> mustContain)
            throws IOException {
        Path file = Files.writeString(dir.resolve("case.json"), content, StandardCharsets.UTF_8);
        assertRefused("trace", CliRun.run(args("trace", options, "--input", file.toString())), mustContain);
    }

    @ParameterizedTest(name = "trace, stdin: {0}")
    @MethodSource("table")
    void trace_refuses_bad_stdin_with_one_line(String what, String content, String options, List<String> mustContain) {
        assertRefused("trace", CliRun.withStdin(content, args("trace", options, "-i", "-", "--pretty")), mustContain);
    }

    @ParameterizedTest(name = "gradcheck, stdin: {0}")
    @MethodSource("table")
    void gradcheck_refuses_bad_stdin_with_one_line(String what, String content, String options, List<String> mustContain) {
        assertRefused("gradcheck", CliRun.withStdin(content, args("gradcheck", options, "-i", "-")), mustContain);
    }

    /** The table's cases are bad only where they say: the good cases run with every kind. */
    @Test
    void the_good_cases_run_with_every_kind_that_fits() {
        for (String options : List.of("", "--norm batch", "--norm layer", "--norm group --groups 2", "--norm group --groups 4",
                "--norm instance")) {
            CliRun.Result r = CliRun.withStdin(GOOD4, args("trace", options, "-i", "-"));
            assertEquals(0, r.exitCode(), options + ": " + r.err());
        }
        for (String options : List.of("", "--norm layer", "--norm group --groups 3", "--norm group --groups 1")) {
            CliRun.Result r = CliRun.withStdin(GOOD2, args("gradcheck", options, "-i", "-"));
            assertEquals(0, r.exitCode(), options + ": " + r.err() + r.out());
        }
    }

    @Test
    void an_option_problem_is_reported_before_the_file_is_read() {
        CliRun.Result r = CliRun.run("trace", "--norm", "group", "--input", dir.resolve("missing.json").toString());
        assertRefused("trace", r, List.of("--norm group needs --groups G"));
    }

    private static String[] args(String command, String options, String... rest) {
        List<String> a = new ArrayList<>(List.of(command));
        if (!options.isBlank()) {
            a.addAll(List.of(options.split(" ")));
        }
        a.addAll(List.of(rest));
        return a.toArray(String[]::new);
    }

    private static void assertRefused(String command, CliRun.Result r, List<String> mustContain) {
        assertEquals(Cli.BAD_INPUT, r.exitCode(), () -> "exit code; stderr: " + r.err() + " stdout: " + r.out());
        assertEquals("", r.out(), "nothing on stdout");
        assertEquals(1, r.errLines().size(), () -> "exactly one line on stderr:\n" + r.err());
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("normgraph " + command + ": "), line);
        for (String s : mustContain) {
            assertTrue(line.contains(s), () -> "'" + s + "' not in: " + line);
        }
        assertFalse(line.contains("Exception") || line.contains("internal error") || line.contains("\tat "), line);
    }
}
