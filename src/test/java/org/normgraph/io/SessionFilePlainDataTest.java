package org.normgraph.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Session files are plain data: no field names a class, a script or another file, and nothing
 * in them is interpreted; fields the format does not define are refused at every level; files
 * over the size limit are refused from their size, before anything is read.
 */
class SessionFilePlainDataTest {

    private static final String INPUT = "\"input\": {\"x\": [[1, 2], [3, 4]], \"gamma\": [1, 1], \"beta\": [0, 0],"
            + " \"dout\": [[1, 0], [0, 1]]}";

    private static String session(String extra) {
        return "{\"format\": \"normgraph-session\", \"version\": 1, " + INPUT + extra + "}";
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            ", \"@class\": \"java.lang.ProcessBuilder\"",
            ", \"@type\": \"org.normgraph.io.Session\"",
            ", \"$ref\": \"file:///etc/passwd\"",
            ", \"$schema\": \"https://example.org/s.json\"",
            ", \"include\": \"other.normgraph.json\"",
            ", \"script\": \"Runtime.getRuntime().exec('rm')\"",
            ", \"view\": {\"zoom\": 1, \"@class\": \"javafx.scene.Node\"}",
            ", \"selection\": {\"node\": \"x\", \"$ref\": \"#/input\"}"})
    void a_field_the_format_does_not_define_is_refused(String extra) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(session(extra)));
        assertTrue(e.getMessage().contains("unknown field"), e.getMessage());
    }

    /** Found by SessionFileFuzzTest: a field name with a line break made a two-line message. */
    @Test
    void names_and_text_from_the_file_are_shown_on_one_line() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> read(session(", \"positio\\n\\u0000\": 1")));
        assertEquals("t.normgraph.json: positio\\n\\u0000: unknown field (expected one of format, version, input, mode,"
                + " position, selection, view, notes, norm, inference)", e.getMessage());
        e = assertThrows(InputFormatException.class, () -> read(session(", \"mode\": \"a\\nb\"")));
        assertTrue(e.getMessage().endsWith("got \"a\\nb\""), e.getMessage());
    }

    @Test
    void unknown_fields_inside_the_input_are_refused_too() {
        String text = "{\"format\": \"normgraph-session\", \"version\": 1, \"input\": {\"x\": [[1]], \"gamma\": [1],"
                + " \"beta\": [0], \"dout\": [[1]], \"@class\": \"java.util.HashMap\"}}";
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(text));
        assertTrue(e.getMessage().contains("input.@class: unknown field"), e.getMessage());
    }

    @ParameterizedTest(name = "mode {0}")
    @ValueSource(strings = {"java.lang.Runtime", "${jndi:ldap://127.0.0.1/a}", "EXPLORE"})
    void a_mode_is_one_of_three_words_not_a_name_to_look_up(String mode) {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> read(session(", \"mode\": \"" + mode.replace("\\", "\\\\") + "\"")));
        assertTrue(e.getMessage().contains("mode: expected one of"), e.getMessage());
    }

    @Test
    void notes_are_kept_as_text_and_never_interpreted() throws Exception {
        String note = "${jndi:ldap://127.0.0.1/a} <script>alert(1)</script> #{7*7} file:///etc/passwd";
        Session s = read(session(", \"notes\": {\"3\": \"" + note + "\"}"));
        assertEquals(note, s.notes().get(3));
    }

    @Test
    void a_session_over_the_size_limit_is_refused_from_its_size_without_reading_it(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge" + SessionFile.SUFFIX);
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(8L << 30); // sparse: 8 GiB that reading would take minutes and the heap
        }
        InputFormatException e = assertThrows(InputFormatException.class, () -> SessionFile.read(huge));
        assertEquals("huge.normgraph.json: larger than 4 MiB, too large to be read", e.getMessage());
    }

    @Test
    void a_stream_over_the_size_limit_is_refused_after_the_limit() {
        byte[] big = new byte[SessionFile.MAX_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> SessionFile.read(new ByteArrayInputStream(big), "pipe"));
        assertTrue(e.getMessage().startsWith("pipe: larger than 4 MiB"), e.getMessage());
    }

    @Test
    void the_largest_session_the_app_can_make_is_under_the_limit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big" + SessionFile.SUFFIX);
        java.util.Map<Integer, String> notes = new java.util.TreeMap<>();
        for (int p = 0; p <= Session.LAST_POSITION; p++) {
            notes.put(p, "\u0001".repeat(10_000)); // escaped as \\u0001: six bytes a character
        }
        Session s = new Session(SessionSaverMain.session(1).input(), "explore", 0, null, null, notes);
        SessionFile.write(s, file);
        assertTrue(java.nio.file.Files.size(file) < SessionFile.MAX_BYTES, () -> "size " + file.toFile().length());
        assertEquals(s, SessionFile.read(file));
    }

    @ParameterizedTest(name = "{0}×{1}")
    @org.junit.jupiter.params.provider.CsvSource({"33, 1", "1, 17", "1024, 256"})
    void inputs_larger_than_the_app_shows_are_refused_with_a_message(int n, int d) {
        String row = "[" + String.join(", ", java.util.Collections.nCopies(d, "1")) + "]";
        String rows = "[" + String.join(", ", java.util.Collections.nCopies(n, row)) + "]";
        String text = "{\"format\": \"normgraph-session\", \"version\": 1, \"input\": {\"x\": " + rows
                + ", \"gamma\": " + row + ", \"beta\": " + row + ", \"dout\": " + rows + "}}";
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(text));
        assertEquals("t.normgraph.json: input.x: " + n + "×" + d + " is larger than the app can show (N ≤ 32, D ≤ 16);"
                + " 'normgraph trace' takes larger cases as a case file", e.getMessage());
    }

    @Test
    void the_size_limits_are_the_editors() {
        assertEquals(org.normgraph.app.editor.InputEdits.MAX_N, Session.MAX_N);
        assertEquals(org.normgraph.app.editor.InputEdits.MAX_D, Session.MAX_D);
    }

    private static Session read(String text) throws InputFormatException {
        return SessionFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.normgraph.json");
    }
}
