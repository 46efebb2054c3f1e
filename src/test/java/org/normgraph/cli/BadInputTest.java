package org.normgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input: non-zero exit, exactly one line on stderr that names the field (and shapes where
 * relevant), nothing on stdout, no stack trace. Every row runs through {@code trace} and
 * {@code gradcheck}, from a file and from stdin.
 */
class BadInputTest {

    /** A valid 2×2 case with one field replaced (or added, for eps): {@code with("x", "[[1, 2], [3]]")}. */
    private static String with(String field, String json) {
        return build(field, json);
    }

    /** A valid 2×2 case without one field. */
    private static String without(String field) {
        return build(field, null);
    }

    private static String build(String field, String json) {
        java.util.Map<String, String> f = new java.util.LinkedHashMap<>();
        f.put("x", "[[1, 2], [3, 5]]");
        f.put("gamma", "[1, -1]");
        f.put("beta", "[0, 0.5]");
        f.put("dout", "[[1, 0], [0, 1]]");
        if (json == null) {
            f.remove(field);
        } else {
            f.put(field, json);
        }
        StringBuilder sb = new StringBuilder("{");
        f.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        return sb.append('}').toString();
    }

    private static Arguments row(String what, String content, String... mustContain) {
        return Arguments.of(what, content, List.of(mustContain));
    }

    static Stream<Arguments> table() {
        String nested = "[".repeat(200) + "]".repeat(200);
        return Stream.of(
                row("ragged rows", with("x", "[[1, 2], [3]]"), "x[1]", "has 1 value,", "row 0 has 2"),
                row("ragged dout", with("dout", "[[1, 0], [0, 1, 2]]"), "dout[1]", "3 values", "row 0 has 2"),
                row("gamma too short", with("gamma", "[1]"), "gamma", "1×2", "1×1"),
                row("beta too long", with("beta", "[0, 0, 0]"), "beta", "1×2", "1×3"),
                row("dout wrong shape", with("dout", "[[1, 0], [0, 1], [1, 1]]"), "dout", "2×2", "3×2"),
                row("dout transposed shape", with("dout", "[[1], [0]]"), "dout", "2×2", "2×1"),
                row("a string number", with("x", "[[1, \"1.0\"], [3, 5]]"), "x[0][1]", "\"1.0\""),
                row("null in a row", with("x", "[[1, 2], [null, 5]]"), "x[1][0]", "null"),
                row("a boolean", with("gamma", "[true, 1]"), "gamma[0]", "boolean"),
                row("NaN token", with("x", "[[1, NaN], [3, 5]]"), "x[0][1]", "NaN"),
                row("Infinity token", with("beta", "[0, Infinity]"), "beta[1]", "Infinity"),
                row("-Infinity token", with("dout", "[[1, 0], [-Infinity, 1]]"), "dout[1][0]", "-Infinity"),
                row("1e400 overflows", with("x", "[[1, 2], [3, 1e400]]"), "x[1][1]", "too large"),
                row("-1e400 overflows", with("gamma", "[-1e400, 1]"), "gamma[0]", "too large"),
                row("a 400-digit integer", with("x", "[[" + "9".repeat(400) + ", 2], [3, 5]]"), "x[0][0]", "too large"),
                row("eps = 0", with("eps", "0"), "eps", "> 0"),
                row("eps < 0", with("eps", "-1e-5"), "eps", "> 0"),
                row("eps as a string", with("eps", "\"1e-5\""), "eps", "string"),
                row("eps null", with("eps", "null"), "eps", "null"),
                row("eps NaN token", with("eps", "NaN"), "eps", "NaN"),
                row("x = [] (N = 0)", with("x", "[]"), "x", "N ≥ 1", "0×0"),
                row("x = [[]] (D = 0)", with("x", "[[]]"), "x", "D ≥ 1", "1×0"),
                row("x not a matrix", with("x", "[1, 2]"), "x[0]", "expected a row"),
                row("x a number", with("x", "3"), "x", "expected an array of rows"),
                row("x null", with("x", "null"), "x", "null"),
                row("missing x", without("x"), "x: missing"),
                row("missing gamma", without("gamma"), "gamma: missing"),
                row("missing beta", without("beta"), "beta: missing"),
                row("missing dout", without("dout"), "dout: missing"),
                row("unknown field", with("eps", "1e-5, \"epsilon\": 1"), "epsilon", "unknown field"),
                row("broken JSON", "{\"x\": [[1, 2], [3, 5]] \"gamma\": [1, -1]}", "not valid JSON", "line 1"),
                row("truncated JSON", "{\"x\": [[1, 2], [3, 5]], \"gamma\": [1, ", "not valid JSON", "gamma"),
                // said in JSON's terms, not as the parser's switches ("enable `JsonReadFeature…`")
                row("a leading plus", "{\"x\": [[+1, 2], [3, 5]]}", "x[0][0]", "may not start with '+'"),
                row("a comment", "{/* lesson 1 */ \"x\": [[1, 2], [3, 5]]}", "JSON has no comments"),
                row("empty file", "", "empty"),
                row("only whitespace", " \n\t ", "empty"),
                row("a JSON array", "[" + with("eps", "1") + "]", "expected a JSON object", "array"),
                row("a JSON number", "42", "expected a JSON object"),
                row("deeply nested", with("x", nested), "nested more than 64 levels", "x[0][0][0]"),
                row("duplicate key", with("eps", "1, \"gamma\": [2, 2]"), "Duplicate field 'gamma'"),
                row("content after the object", with("eps", "1") + " {}", "after the JSON object"),
                row("overflow in sq", with("x", "[[1e200, 2], [-1e200, 5]]"), "'sq'", "not finite"),
                row("overflow in mu", with("x", "[[1.7e308, 2], [1.7e308, 5]]"), "'mu'", "not finite"),
                row("overflow in a gradient", "{\"x\": [[1, 2], [1.001, 5]], \"gamma\": [1e300, 1], "
                        + "\"beta\": [0, 0], \"dout\": [[1e300, 0], [0, 1]]}", "'dxhat', the gradient of 'xhat'", "not finite"));
    }

    @TempDir
    static Path dir;

    @ParameterizedTest(name = "trace, file: {0}")
    @MethodSource("table")
    void trace_refuses_a_bad_file_with_one_line(String what, String content, List<String> mustContain)
            throws IOException {
        Path file = Files.writeString(dir.resolve("case.json"), content, StandardCharsets.UTF_8);
        assertRefused("trace", CliRun.run("trace", "--input", file.toString()), mustContain);
        // every problem of the case names its file, the content's as its syntax's ("x[0][1]: …" did not)
        assertRefused("trace", CliRun.run("trace", "--input", file.toString()), List.of(": " + file + ": "));
    }

    @ParameterizedTest(name = "trace, stdin: {0}")
    @MethodSource("table")
    void trace_refuses_bad_stdin_with_one_line(String what, String content, List<String> mustContain) {
        assertRefused("trace", CliRun.withStdin(content, "trace", "--input", "-", "--pretty"), mustContain);
    }

    @ParameterizedTest(name = "gradcheck, stdin: {0}")
    @MethodSource("table")
    void gradcheck_refuses_bad_stdin_with_one_line(String what, String content, List<String> mustContain) {
        assertRefused("gradcheck", CliRun.withStdin(content, "gradcheck", "-i", "-"), mustContain);
    }

    @ParameterizedTest(name = "gradcheck, file: {0}")
    @MethodSource("table")
    void gradcheck_names_the_bad_file(String what, String content, List<String> mustContain) throws IOException {
        Path file = Files.writeString(dir.resolve("check.json"), content, StandardCharsets.UTF_8);
        List<String> named = new java.util.ArrayList<>(mustContain);
        named.add(": " + file + ": ");
        assertRefused("gradcheck", CliRun.run("gradcheck", "--input", file.toString()), named);
    }

    @Test
    void a_file_that_does_not_exist_is_named() {
        String missing = dir.resolve("no-such-case.json").toString();
        assertRefused("trace", CliRun.run("trace", "--input", missing), List.of(missing, "no such file"));
        assertRefused("gradcheck", CliRun.run("gradcheck", "--input", missing), List.of(missing, "no such file"));
    }

    @Test
    void a_directory_is_not_a_case_file() {
        assertRefused("trace", CliRun.run("trace", "--input", dir.toString()), List.of(dir.toString(), "cannot be read"));
    }

    @Test
    void an_empty_name_is_refused_not_taken_as_the_working_directory() {
        assertRefused("trace", CliRun.run("trace", "--input", ""), List.of("--input: the name is empty"));
        assertRefused("export", CliRun.run("export", "--session", "", "--out", dir.resolve("s").toString()),
                List.of("--session: the name is empty"));
        assertRefused("export", CliRun.run("export", "--session", dir.resolve("lesson.normgraph.json").toString(), "--out", ""),
                List.of("--out: the name is empty"));
        assertRefused("bench", CliRun.run("bench", "--sizes", "2x2", "--json", ""), List.of("--json: the name is empty"));
    }

    @Test
    void the_table_builders_produce_valid_json_when_nothing_is_wrong() {
        assertEquals(0, CliRun.withStdin(with("eps", "1e-5"), "trace", "-i", "-").exitCode());
        CliRun.Result r = CliRun.withStdin(without("dout"), "trace", "-i", "-");
        assertEquals(List.of("normgraph trace: stdin: dout: missing"), r.errLines());
    }

    private static void assertRefused(String command, CliRun.Result r, List<String> mustContain) {
        assertEquals(Cli.BAD_INPUT, r.exitCode(), () -> "exit code; stderr: " + r.err());
        assertEquals("", r.out(), "nothing on stdout");
        assertEquals(1, r.errLines().size(), () -> "exactly one line on stderr:\n" + r.err());
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("normgraph " + command + ": "), line);
        for (String s : mustContain) {
            assertTrue(line.contains(s), () -> "'" + s + "' not in: " + line);
        }
        assertFalse(line.contains("Feature") || line.contains("enable `"), line);
        assertFalse(line.contains("Exception") || line.contains("internal error") || line.contains("\tat "), line);
    }
}
