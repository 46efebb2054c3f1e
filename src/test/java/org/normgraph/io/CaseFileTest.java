package org.normgraph.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.core.BatchNormInput;

/** Reading case files: values, the eps default, and errors that name where they are. */
class CaseFileTest {

    private static final String REST = "\"gamma\": [1, 1], \"beta\": [0, 0], \"dout\": [[1, 0], [0, 1]]";

    @Test
    void reads_the_hand_checked_case_file() throws IOException, InputFormatException {
        try (InputStream in = CaseFileTest.class.getResourceAsStream("/cases/hand2x2.json")) {
            BatchNormInput c = CaseFile.read(in, "hand2x2.json");
            assertArrayEquals(new double[] {1, 0}, c.x().row(0));
            assertArrayEquals(new double[] {2.5, 8.0 / 3}, c.x().row(1));
            assertArrayEquals(new double[] {2, -1}, c.gamma().row(0));
            assertArrayEquals(new double[] {0.5, 1}, c.beta().row(0));
            assertArrayEquals(new double[] {0, 1}, c.dout().row(1));
            assertEquals(1.0, c.eps());
        }
    }

    @Test
    void eps_defaults_to_1e_minus_5_when_left_out() throws InputFormatException {
        assertEquals(1e-5, read("{\"x\": [[1, 2], [3, 4]], " + REST + "}").eps());
    }

    @Test
    void integers_exponents_and_negative_zero_are_read_as_doubles() throws InputFormatException {
        BatchNormInput c = read("{\"x\": [[1, -2E0], [3e-1, -0.0]], " + REST + ", \"eps\": 1E-3}");
        assertArrayEquals(new double[] {1, -2}, c.x().row(0));
        assertEquals(0.3, c.x().get(1, 0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(c.x().get(1, 1)));
        assertEquals(1e-3, c.eps());
    }

    /** JSON's -0 is an integer token; Jackson reads it as int 0, which has no sign. */
    @Test
    void minus_zero_keeps_its_sign_as_minus_zero_point_zero_does() throws InputFormatException {
        BatchNormInput c = read("{\"x\": [[-0, 0], [-0e0, -0]], \"gamma\": [-0, 1], \"beta\": [0, -0],"
                + " \"dout\": [[1, 0], [0, 1]], \"eps\": 1}");
        assertNegativeZero(c.x().get(0, 0));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(c.x().get(0, 1)));
        assertNegativeZero(c.x().get(1, 0));
        assertNegativeZero(c.x().get(1, 1));
        assertNegativeZero(c.gamma().get(0, 0));
        assertNegativeZero(c.beta().get(0, 1));
    }

    @Test
    void minus_zero_inside_a_text_or_a_name_is_left_alone() throws InputFormatException {
        com.fasterxml.jackson.databind.JsonNode root = Json.readObject(new ByteArrayInputStream(
                "{\"-0\": \"-0\", \"a/b~c\": [-0], \"n\": {\"k\": -0}}".getBytes(StandardCharsets.UTF_8)), "t.json");
        assertEquals("-0", root.get("-0").asText());
        assertNegativeZero(root.get("a/b~c").get(0).doubleValue());
        assertNegativeZero(root.get("n").get("k").doubleValue());
        assertTrue(root.get("n").get("k").isInt(), "still a whole number where one is expected");
        assertEquals(0, root.get("n").get("k").intValue());
    }

    /** Zeros written as floats stay 0, and the smallest doubles are kept, not refused as too small. */
    @Test
    void float_zeros_and_the_smallest_doubles_are_read() throws InputFormatException {
        BatchNormInput c = read("{\"x\": [[0.0, 0e9], [3e-324, 4.9e-324]], \"gamma\": [0.000e-500, 1], \"beta\": [0, -0.0],"
                + " \"dout\": [[1, 0], [0, 1]]}");
        assertEquals(0.0, c.x().get(0, 0));
        assertEquals(0.0, c.x().get(0, 1));
        assertEquals(Double.MIN_VALUE, c.x().get(1, 0));
        assertEquals(Double.MIN_VALUE, c.x().get(1, 1));
        assertEquals(0.0, c.gamma().get(0, 0));
        assertNegativeZero(c.beta().get(0, 1));
    }

    private static void assertNegativeZero(double v) {
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(v), "not -0.0: " + v);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NaN token           | {\"x\": [[1, NaN], [3, 4]], @}                | case.json: not valid JSON at line 1, column 15, in x[0][1]: NaN is not a number",
            "Infinity in gamma   | {\"x\": [[1, 2], [3, 4]], \"gamma\": [Infinity, 1]} | in gamma[0]: Infinity is not a number",
            "duplicate field     | {\"x\": [[1, 2], [3, 4]], \"x\": [[1, 2]]}    | in x: Duplicate field 'x'",
            "truncated           | {\"x\": [[1, 2], [3,                          | in x[1][1]: the text ends too early",
            "cut in a key        | {\"x\": [[1, 2], [3, 4]], \"gamma\": [1, 1], \"be     | after gamma: the text ends too early",
            "cut in a number     | {\"x\": [[1, 2], [3, 0.                          | Decimal point not followed by a digit; the text ends there (truncated?)",
            "deep nesting        | {\"x\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}  | case.json: nested more than 64 levels deep, in x[0][0][0]…",
            "1e400               | {\"x\": [[1, 1e400], [3, 4]], @}              | x[0][1]: the number is too large for a double",
            "0x2                 | {\"x\": [[1, 0x2], [3, 4]], @}               | line 1, column 13, after x[0][1]: Unexpected character ('x'",
            "1.2.3               | {\"x\": [[1, 2], [3, 1.2.3]], @}             | after x[1][1]: Unexpected character ('.'",
            "no comma in a row   | {\"x\": [[1 2], [3, 4]], @}                  | after x[0][0]: Unexpected character ('2'",
            "no comma in object  | {\"x\": [[1, 2], [3, 4]] \"gamma\": [1, 1]}  | after x: Unexpected character ('\"'",
            "1e-400              | {\"x\": [[1, 1e-400], [3, 4]], @}             | x[0][1]: 1e-400 is too small for a double: it would be 0",
            "2e-324              | {\"x\": [[1, 2], [3, -2e-324]], @}            | x[1][1]: -2e-324 is too small for a double: it would be 0",
            "eps 1e-400          | {\"x\": [[1, 2], [3, 4]], @, \"eps\": 1e-400} | eps: 1e-400 is too small for a double: it would be 0",
            "many zeros          | {\"x\": [[1, 0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001], [3, 4]], @} | x[0][1]: 0.000",
            "null field          | {\"x\": null, @}                              | x: expected an array of rows, got null",
            "a word              | garbage{\"x\": [[1, 2], [3, 4]], @}        | line 1, column 9: 'garbage' is no JSON value (a number, \"text\", [ … ] or { … } was expected)",
    })
    void errors_name_the_source_and_the_field(String what, String json, String expected) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(json.replace("@", REST)));
        assertTrue(e.getMessage().contains(expected), () -> e.getMessage() + "\n  expected to contain: " + expected);
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line");
        assertTrue(!e.getMessage().contains("JsonReadFeature") && !e.getMessage().contains("StreamReadConstraints"),
                "no parser configuration advice: " + e.getMessage());
    }

    /** A note of 3 000 000 characters was refused with Jackson's own words and a count of 1045672. */
    @org.junit.jupiter.api.Test
    void a_text_too_long_is_said_in_the_files_terms() {
        String json = "{\"x\": [[1, 2], [3, 4]], " + REST + ", \"note\": \"" + "a".repeat(3_000_000) + "\"}";
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(json));
        assertTrue(e.getMessage().contains("a text value has more than 1000000 characters"), e.getMessage());
        assertFalse(e.getMessage().contains("String value length"), e.getMessage());
    }

    private static BatchNormInput read(String json) throws InputFormatException {
        return CaseFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "case.json");
    }
}
