package org.normgraph.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.normgraph.core.family.NormSpec;

class SessionFileTest {

    static final BatchNormInput INPUT = new BatchNormInput(Matrix.of(2, 2, 1, 0, 2.5, 0.1 + 0.2),
            Matrix.rowVector(2, -1), Matrix.rowVector(0.5, 1), Matrix.of(2, 2, 1, 0, 0, 1), 1e-5);

    static final String VALID = """
            {"format": "normgraph-session", "version": 1,
             "input": {"x": [[1, 0], [2.5, 3]], "gamma": [2, -1], "beta": [0.5, 1], "dout": [[1, 0], [0, 1]], "eps": 1e-5},
             "mode": "explore", "position": 3, "selection": {"node": "xhat", "row": 1, "col": 0},
             "view": {"zoom": 1.5, "panX": 10, "panY": -4}, "notes": {"10": "dbeta is the column sum"}}
            """;

    @Test
    void a_saved_session_opens_with_the_same_content(@TempDir Path dir) throws Exception {
        Session s = new Session(INPUT, "predict", 12, new Session.SelectionData("bcast_gamma", 1, 0),
                new Session.View(2.0, 3.5, -1), Map.of(10, "Backward starts here", 19, "注意: dx sums to 0"));
        Path file = dir.resolve("lecture" + SessionFile.SUFFIX);
        SessionFile.write(s, file);
        assertEquals(s, SessionFile.read(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left next to the session");
        }
    }

    @Test
    void the_kind_of_normalization_is_saved_and_a_file_without_one_is_batch_norm(@TempDir Path dir) throws Exception {
        Session group = new Session(INPUT, "explore", 4, null, null, Map.of(), NormSpec.group(2));
        Path file = dir.resolve("group" + SessionFile.SUFFIX);
        SessionFile.write(group, file);
        assertTrue(Files.readString(file).contains("\"kind\" : \"group\""), "written as plain data");
        assertEquals(group, SessionFile.read(file));
        assertEquals(NormSpec.batch(), read(VALID).norm());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"kind": "group", "groups": 3}  | norm.groups: G = 3 does not divide D = 2
            {"kind": "instance"}            | norm: instance norm needs 4-D x
            {"kind": "spatial"}             | norm: unknown kind 'spatial'
            {"groups": 2}                   | norm.kind: missing
            {"kind": "layer", "axis": 1}    | norm.axis: unknown field
            "layer"                         | norm: expected an object
            """)
    void a_kind_that_does_not_fit_is_refused(String norm, String message) {
        String text = VALID.replace("\"notes\":", "\"norm\": " + norm + ", \"notes\":");
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(text));
        assertTrue(e.getMessage().startsWith("test.normgraph.json: " + message), e.getMessage());
    }

    /** A lesson prepared in inference mode reopened in training, and the export drew training slides. */
    @Test
    void inference_statistics_are_saved_as_version_3_and_a_training_session_stays_version_2(@TempDir Path dir) throws Exception {
        Session inference = new Session(INPUT, "explore", 19, null, null, Map.of(), null, null,
                new Session.Inference(Matrix.rowVector(0.5, -1), Matrix.rowVector(2, 0.25)));
        Path file = dir.resolve("inference" + SessionFile.SUFFIX);
        SessionFile.write(inference, file);
        assertEquals(inference, SessionFile.read(file));
        assertTrue(Files.readString(file).contains("\"version\" : 3"), Files.readString(file));
        SessionFile.write(Session.of(INPUT), file);
        assertTrue(Files.readString(file).contains("\"version\" : 2"), "an older app still opens it");
        assertEquals(null, SessionFile.read(file).inference());
    }

    @Test
    void saving_again_replaces_the_file_whole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s" + SessionFile.SUFFIX);
        SessionFile.write(Session.of(INPUT), file);
        Session second = new Session(INPUT, "present", 5, null, null, Map.of());
        SessionFile.write(second, file);
        assertEquals(second, SessionFile.read(file));
    }

    @Test
    void a_valid_file_reads_every_field() throws Exception {
        Session s = read(VALID);
        assertEquals(3, s.position());
        assertEquals(new Session.SelectionData("xhat", 1, 0), s.selection());
        assertEquals(1.5, s.view().zoom());
        assertEquals("dbeta is the column sum", s.notes().get(10));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated            | {"format": "normgraph-session", "version": 1, "input": {"x": [[1, 0],   | not valid JSON
            newer version        | {"format": "normgraph-session", "version": 4}                          | newer normgraph (file version 4
            newer, beyond an int | {"format": "normgraph-session", "version": 999999999999}               | newer normgraph (file version 999999999999
            negative running var  | {"format": "normgraph-session", "version": 3, "input": {"x": [[1, 2], [3, 5]], "gamma": [1, 1], "beta": [0, 0], "dout": [[1, 0], [0, 1]]}, "inference": {"mean": [0, 0], "var": [1, -1]}} | inference.var: a variance cannot be negative
            running mean too short | {"format": "normgraph-session", "version": 3, "input": {"x": [[1, 2], [3, 5]], "gamma": [1, 1], "beta": [0, 0], "dout": [[1, 0], [0, 1]]}, "inference": {"mean": [0], "var": [1, 1]}} | inference.mean: expected 1×2
            inference of layer norm | {"format": "normgraph-session", "version": 3, "input": {"x": [[1, 2], [3, 5]], "gamma": [1, 1], "beta": [0, 0], "dout": [[1, 0], [0, 1]]}, "norm": {"kind": "layer"}, "inference": {"mean": [0, 0], "var": [1, 1]}} | inference: running statistics are batch norm's
            huge negative version | {"format": "normgraph-session", "version": -999999999999}             | version: -999999999999 is not a valid version
            foreign file         | {"x": [[1]]}                                                           | not a normgraph session
            empty                |                                                                        | empty
            binary               | PK\u0003\u0004\u0000\u0000zip                                            | not valid JSON: binary data at byte 2
            binary inside        | {"format": "normgraph-session", "version": 1\u0007\u001b[2J}              | not valid JSON: binary data at byte 44
            bad cell             | {"format": "normgraph-session", "version": 1, "input": {"x": [["a"]], "gamma": [1], "beta": [0], "dout": [[1]]}} | input.x[0][0]: expected a number
            wrong gamma          | {"format": "normgraph-session", "version": 1, "input": {"x": [[1, 2]], "gamma": [1], "beta": [0, 0], "dout": [[1, 1]]}} | gamma: expected 1×2
            unknown node         | {"format": "normgraph-session", "version": 1, "input": {"x": [[1]], "gamma": [1], "beta": [0], "dout": [[1]]}, "selection": {"node": "Runtime.exec"}} | selection.node: no node named
            position too far     | {"format": "normgraph-session", "version": 1, "input": {"x": [[1]], "gamma": [1], "beta": [0], "dout": [[1]]}, "position": 99} | position: 99 is outside 0…19
            unknown field        | {"format": "normgraph-session", "version": 1, "input": {"x": [[1]], "gamma": [1], "beta": [0], "dout": [[1]]}, "@class": "x.Y"} | @class: unknown field
            """)
    void a_broken_file_is_refused_with_a_message_that_says_why(String what, String content, String expected) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(content == null ? "" : content));
        assertTrue(e.getMessage().startsWith("test.normgraph.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
    }

    /** Random bytes: one line that quotes none of them (they would reach the terminal or the dialog). */
    @Test
    void a_binary_file_is_refused_without_echoing_its_bytes() {
        byte[] bytes = new byte[4096];
        new java.util.Random(8).nextBytes(bytes);
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> SessionFile.read(new ByteArrayInputStream(bytes), "photo.jpg"));
        assertTrue(e.getMessage().matches("photo\\.jpg: not valid JSON: binary data at byte \\d+ \\(a text file was expected\\)"),
                e.getMessage());
    }

    @Test
    void minus_zero_keeps_its_sign_in_a_session_and_a_whole_number_field_reads_it_as_0() throws Exception {
        Session s = read("{\"format\": \"normgraph-session\", \"version\": 2, \"input\": {\"x\": [[[[-0, 1]]], [[[2, 3]]]],"
                + " \"gamma\": [1], \"beta\": [-0], \"dout\": [[[[1, 0]]], [[[0, 1]]]]}, \"position\": -0}");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(s.input().x().get(0, 0)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(s.input().beta().get(0, 1)));
        assertEquals(0, s.position());
    }

    @Test
    void written_numbers_parse_back_to_the_same_doubles() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionFile.write(Session.of(INPUT), out);
        Session back = SessionFile.read(new ByteArrayInputStream(out.toByteArray()), "mem");
        assertEquals(0.1 + 0.2, back.input().x().get(1, 1));
    }

    private static Session read(String text) throws InputFormatException {
        return SessionFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.normgraph.json");
    }
}
