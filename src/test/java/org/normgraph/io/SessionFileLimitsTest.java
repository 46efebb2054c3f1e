package org.normgraph.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;

/** Size limits of session files, and files that are not there. */
class SessionFileLimitsTest {

    @Test
    void a_file_over_the_size_limit_is_refused_before_parsing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge" + SessionFile.SUFFIX);
        String note = "a".repeat(SessionFile.MAX_BYTES);
        Files.writeString(file, "{\"format\": \"normgraph-session\", \"version\": 1, \"notes\": {\"0\": \"" + note + "\"}}");
        InputFormatException e = assertThrows(InputFormatException.class, () -> SessionFile.read(file));
        assertTrue(e.getMessage().startsWith("huge.normgraph.json: larger than 4 MiB"), e.getMessage());
    }

    @Test
    void inputs_larger_than_the_app_shows_are_refused() {
        BatchNormInput big = input(SessionFile.MAX_ROWS + 1, 2);
        String text = write(new Session(big, "explore", 0, null, null, Map.of()));
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(text));
        assertTrue(e.getMessage().contains("33\u00d72 is larger than the app can show (N \u2264 32, D \u2264 16)"), e.getMessage());
        BatchNormInput wide = input(2, SessionFile.MAX_COLS + 1);
        assertThrows(InputFormatException.class, () -> read(write(Session.of(wide))));
    }

    @Test
    void the_largest_inputs_the_app_shows_are_read() throws Exception {
        BatchNormInput largest = input(SessionFile.MAX_ROWS, SessionFile.MAX_COLS);
        assertEquals(largest, read(write(Session.of(largest))).input());
    }

    @Test
    void a_missing_file_is_named() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> SessionFile.read(Path.of("no-such-dir", "gone" + SessionFile.SUFFIX)));
        assertEquals("gone.normgraph.json: no such file", e.getMessage());
    }

    @Test
    void a_folder_is_not_a_session(@TempDir Path dir) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> SessionFile.read(dir));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
    }

    @Test
    void a_saved_file_is_readable_like_any_new_file_and_keeps_the_permissions_it_had(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("s" + SessionFile.SUFFIX);
        SessionFile.write(Session.of(input(2, 2)), file);
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        SessionFile.write(Session.of(input(3, 2)), file);
        assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    static BatchNormInput input(int n, int d) {
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i + 1) * 3;
        }
        double[] g = new double[d];
        java.util.Arrays.fill(g, 1);
        return new BatchNormInput(Matrix.of(n, d, x), Matrix.rowVector(g), Matrix.rowVector(new double[d]),
                Matrix.of(n, d, x), 1e-5);
    }

    private static String write(Session s) {
        var out = new java.io.ByteArrayOutputStream();
        try {
            SessionFile.write(s, out);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Session read(String text) throws InputFormatException {
        return SessionFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t" + SessionFile.SUFFIX);
    }
}
