package org.normgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.app.files.SlideImages;
import org.normgraph.app.files.StepSlides;

/** {@code export --session FILE --out DIR}: slides drawn without a display. */
class ExportCommandTest {

    private static final Path EXAMPLE = Path.of("assets", "examples", "classic-4x3.normgraph.json");

    @TempDir
    Path dir;

    @Test
    void writes_one_png_per_step_in_order_and_the_speaker_notes_beside_them() throws Exception {
        Path out = dir.resolve("slides");
        CliRun.Result r = CliRun.run("export", "--session", EXAMPLE.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("wrote 20 PNG files and " + StepSlides.NOTES_FILE + " to " + out), r.outLines());
        List<String> names = SlideImages.pngNames(out);
        assertEquals(SlideImages.EXPECTED_NAMES, names);
        SlideImages.assertDistinctDrawings(out, names);
        try (var all = Files.list(out)) {
            assertEquals(21, all.count(), "no temporary files left");
        }
        // the example's notes, each under its slide
        String notes = Files.readString(out.resolve(StepSlides.NOTES_FILE), StandardCharsets.UTF_8);
        assertTrue(notes.startsWith("00-start.png \u00b7 Start\nFour samples, three features. Column means are 4, 2 and 1 - check them by hand.\n\n"
                + "01-forward-1-mu.png \u00b7 Forward 1\nmu is a reduction: each column collapses to one number.\n\n"), notes);
        assertTrue(notes.contains("\n10-backward-9-dbeta-dgammax.png \u00b7 Backward 9\n"
                + "The backward pass starts from dout. dbeta is the column sum of dout.\n"), notes);
    }

    @Test
    void step_titles_in_another_language_and_an_unknown_language_refused() throws Exception {
        Path en = dir.resolve("en");
        Path ja = dir.resolve("ja");
        assertEquals(0, CliRun.run("export", "--session", EXAMPLE.toString(), "--out", en.toString()).exitCode());
        CliRun.Result r = CliRun.run("export", "--session", EXAMPLE.toString(), "--out", ja.toString(), "--lang", "ja");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(SlideImages.EXPECTED_NAMES, SlideImages.pngNames(ja));
        var a = javax.imageio.ImageIO.read(en.resolve("01-forward-1-mu.png").toFile());
        var b = javax.imageio.ImageIO.read(ja.resolve("01-forward-1-mu.png").toFile());
        assertTrue(!java.util.Arrays.equals(a.getRGB(0, 10, StepSlides.WIDTH, 40, null, 0, StepSlides.WIDTH),
                b.getRGB(0, 10, StepSlides.WIDTH, 40, null, 0, StepSlides.WIDTH)), "the title line differs");
        assertEquals(org.normgraph.app.Language.ENGLISH, org.normgraph.app.Messages.language(), "the JVM's language is kept");

        CliRun.Result bad = CliRun.run("export", "--session", EXAMPLE.toString(), "--out", dir.resolve("x").toString(),
                "--lang", "fr");
        assertEquals(Cli.BAD_INPUT, bad.exitCode());
        assertEquals(List.of("normgraph export: --lang: expected one of en, zh-CN, zh-TW, ja, got 'fr'"), bad.errLines());
        assertEquals("", bad.out());
        assertTrue(Files.notExists(dir.resolve("x")));
    }

    /**
     * A session whose numbers overflow opens in the window, drawn with its warning; export draws
     * it too (it used to refuse it, as trace must) and says so on stderr.
     */
    @Test
    void a_session_whose_numbers_overflow_is_drawn_with_a_warning() throws Exception {
        Path file = dir.resolve("overflow.normgraph.json");
        Files.writeString(file, "{\"format\": \"normgraph-session\", \"version\": 1, \"input\": {\"x\": [[1e200, 0], [0, 1]],"
                + " \"gamma\": [1, 1], \"beta\": [0, 0], \"dout\": [[1, 1], [1, 1]]}}", StandardCharsets.UTF_8);
        Path out = dir.resolve("slides");
        CliRun.Result r = CliRun.run("export", "--session", file.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("normgraph export: warning: overflow.normgraph.json: the numbers overflow: 'sq' is not finite"
                + " (infinity or NaN); use smaller values or a larger eps; the slides show it as the window does"), r.errLines());
        try (var files = Files.list(out)) {
            assertEquals(20, files.count(), "a session without notes: the slides alone");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            broken JSON   | {"format": "normgraph-session", "version": 1,,}          | not valid JSON
            truncated     | {"format": "normgraph-session", "version": 1, "inp       | not valid JSON
            newer version | {"format": "normgraph-session", "version": 9}            | written by a newer normgraph
            wrong type    | {"format": "normgraph-session", "version": "1"}          | version: expected a whole number
            """)
    void a_broken_session_gets_one_line_exit_2_and_no_files(String what, String content, String problem) throws Exception {
        Path file = dir.resolve("bad.normgraph.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Path out = dir.resolve("slides");
        CliRun.Result r = CliRun.run("export", "--session", file.toString(), "--out", out.toString());
        assertEquals(Cli.BAD_INPUT, r.exitCode(), what);
        assertEquals("", r.out(), what + ": nothing on stdout");
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("normgraph export: " + file + ": "), r.err());
        assertTrue(r.err().contains(problem), what + ": " + r.err());
        assertTrue(Files.notExists(out), "no output folder");
    }

    @Test
    void a_missing_session_or_option_is_one_line_and_exit_2() {
        CliRun.Result missing = CliRun.run("export", "--session", dir.resolve("nope.normgraph.json").toString(),
                "--out", dir.toString());
        assertEquals(Cli.BAD_INPUT, missing.exitCode());
        assertEquals(List.of("normgraph export: " + dir.resolve("nope.normgraph.json") + ": no such file"), missing.errLines());
        CliRun.Result noOut = CliRun.run("export", "--session", EXAMPLE.toString());
        assertEquals(Cli.BAD_INPUT, noOut.exitCode());
        assertEquals(1, noOut.errLines().size(), noOut.err());
        assertTrue(noOut.err().contains("--out"), noOut.err());
    }

    /** "cannot write to /proc/nope: /proc/nope" said where, twice, and never why; a folder as the session was named 'tmp'. */
    @Test
    void a_folder_that_cannot_be_made_or_a_folder_as_the_session_says_why_and_where() {
        CliRun.Result r = CliRun.run("export", "--session", EXAMPLE.toString(), "--out", "/proc/nope");
        assertEquals(Cli.BAD_INPUT, r.exitCode());
        assertEquals(List.of("normgraph export: cannot write to /proc/nope: the folder above it is missing or takes no new folders"),
                r.errLines());
        CliRun.Result folder = CliRun.run("export", "--session", dir.toString(), "--out", dir.resolve("o").toString());
        assertEquals(Cli.BAD_INPUT, folder.exitCode());
        assertTrue(folder.err().startsWith("normgraph export: " + dir + ": cannot be read"), folder.err());
    }

    @Test
    void an_out_path_that_is_a_file_is_refused() throws Exception {
        Path file = Files.writeString(dir.resolve("taken.png"), "x");
        CliRun.Result r = CliRun.run("export", "--session", EXAMPLE.toString(), "--out", file.toString());
        assertEquals(Cli.BAD_INPUT, r.exitCode());
        assertEquals(List.of("normgraph export: --out: " + file + " is a file, not a folder"), r.errLines());
        assertEquals("", r.out());
    }

    /**
     * A fresh JVM with no display and no JavaFX platform properties, started like the jar
     * ({@code Launcher}): the command chooses the headless platform itself.
     */
    @Test
    void works_in_a_fresh_jvm_without_a_display() throws Exception {
        Path out = dir.resolve("fresh");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.normgraph.Launcher",
                "export", "--session", Path.of("assets", "examples", "single-row.normgraph.json").toString(),
                "--out", out.toString());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), stdout);
        assertEquals("wrote 20 PNG files and " + StepSlides.NOTES_FILE + " to " + out, stdout.strip());
        assertEquals(SlideImages.EXPECTED_NAMES, SlideImages.pngNames(out));
    }
}
