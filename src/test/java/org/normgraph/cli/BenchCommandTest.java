package org.normgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchCommandTest {

    @Test
    void bench_writes_a_json_row_per_size_and_method(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), "bench", "--sizes", "3x2,8x4",
                "--min-time", "0.01", "--warmup", "0.01", "--json", json.toString());
        assertEquals(0, code, err.toString());
        assertTrue(Files.readString(json).endsWith("]\n"), "a text file ends with a newline");
        JsonNode rows = new ObjectMapper().readTree(Files.readString(json));
        assertEquals(6, rows.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode r : rows) {
            seen.add(r.get("N").asInt() + "x" + r.get("D").asInt() + " " + r.get("method").asText());
            assertTrue(r.get("median_us").asDouble() > 0);
            assertTrue(r.get("p10_us").asDouble() <= r.get("median_us").asDouble());
        }
        assertEquals(Set.of("3x2 staged", "3x2 fused", "3x2 fused-2t", "8x4 staged", "8x4 fused",
                "8x4 fused-2t"), seen);
        assertTrue(out.toString().contains("fused-2t"), out.toString());
    }

    @Test
    void json_to_dash_goes_to_stdout_and_the_table_to_stderr() throws Exception {
        CliRun.Result r = CliRun.run("bench", "--sizes", "3x2", "--min-time", "0.01", "--warmup", "0.01", "--json", "-");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out()); // stdout is the JSON and nothing else
        assertEquals(3, rows.size());
        assertEquals("fused-2t", rows.get(2).get("method").asText());
        assertTrue(r.err().contains("median us") && r.err().contains("fused-2t"), r.err());
        assertFalse(Files.exists(Path.of("-")), "a file named '-' was written");
    }

    /**
     * A --json target that cannot be written is refused before the timing starts: with
     * --min-time 20 a run would take a minute, and nothing is printed first.
     */
    @Test
    void an_unwritable_json_target_is_refused_before_timing(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-folder").resolve("b.json");
        expectRefusedAtOnce(List.of("--json: folder " + missing.getParent() + " does not exist"),
                "bench", "--sizes", "8x4", "--min-time", "20", "--json", missing.toString());
        expectRefusedAtOnce(List.of("--json: " + dir + " is a folder, not a file"),
                "bench", "--sizes", "8x4", "--min-time", "20", "--json", dir.toString());
    }

    /** /proc/version opens for writing as root, but its first write fails: refused before the timing too. */
    @Test
    void a_json_target_that_opens_but_cannot_be_written_is_refused_before_timing() {
        Path proc = Path.of("/proc/version");
        assumeTrue(Files.isRegularFile(proc), "needs Linux's /proc");
        CliRun.Result r = expectRefusedAtOnce(null, "bench", "--sizes", "8x4", "--min-time", "20",
                "--json", proc.toString());
        assertTrue(r.err().startsWith("normgraph bench: --json: cannot write /proc/version"), r.err());
    }

    /** A new file in /proc: the reason was the path again ("cannot write /proc/x.json: /proc/x.json"). */
    @Test
    void a_json_target_the_system_refuses_says_why() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
        CliRun.Result r = expectRefusedAtOnce(null, "bench", "--sizes", "8x4", "--min-time", "20",
                "--json", "/proc/x.json");
        assertTrue(r.err().startsWith("normgraph bench: --json: cannot write /proc/x.json: "), r.err());
        assertFalse(r.err().strip().endsWith(": /proc/x.json"), r.err());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"--min-time, Infinity", "--min-time, NaN", "--min-time, 1e400", "--min-time, 0", "--min-time, -1",
        "--min-time, 61", "--warmup, Infinity", "--warmup, 1e400", "--warmup, -0.5", "--warmup, 3600"})
    void a_time_that_is_not_a_sane_number_of_seconds_is_refused(String option, String seconds) {
        CliRun.Result r = expectRefusedAtOnce(null, "bench", "--sizes", "8x4", option, seconds);
        assertTrue(r.err().startsWith("normgraph bench: " + option + ": expected "), r.err());
        assertTrue(r.err().contains("60"), r.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"100000x100000, more than an array holds", "46341x46341, more than an array holds",
        "20000x20000, -Xmx", "8x4;30000x10000, heap"})
    void a_size_too_large_for_this_heap_is_refused_before_anything_is_printed(String sizes, String why) {
        CliRun.Result r = expectRefusedAtOnce(null, "bench", "--sizes", sizes.replace(';', ','));
        String size = sizes.contains(";") ? sizes.substring(sizes.indexOf(';') + 1) : sizes;
        assertTrue(r.err().startsWith("normgraph bench: --sizes: " + size + " "), r.err());
        assertTrue(r.err().contains(why), r.err());
    }

    @Test
    void the_command_list_says_that_bench_runs_on_one_and_two_threads() {
        CliRun.Result r = CliRun.run("--help");
        String bench = r.out().substring(r.out().indexOf("  bench"), r.out().indexOf("  export"));
        assertTrue(bench.contains("one and two threads"), bench);
    }

    /** Exit 2, one line on stderr (equal to {@code errLines} if given), nothing on stdout, within seconds. */
    private static CliRun.Result expectRefusedAtOnce(List<String> errLines, String... args) {
        CliRun.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.run(args));
        assertEquals(Cli.BAD_INPUT, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.errLines().size(), r.err());
        if (errLines != null) {
            assertEquals(errLines.stream().map(l -> "normgraph bench: " + l).toList(), r.errLines());
        }
        return r;
    }

    @Test
    void bench_refuses_a_size_that_is_not_n_by_d() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), "bench", "--sizes", "8by4");
        assertEquals(Cli.BAD_INPUT, code);
        assertEquals("", out.toString());
        assertTrue(err.toString().contains("--sizes: '8by4'"), err.toString());
    }
}
