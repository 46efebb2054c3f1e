package org.normgraph.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.core.family.NormInput;

/** Reading family cases: N×D and N×C×H×W x, and errors that name the ragged array. */
class NormCaseFileTest {

    private static final String X4 = "[[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]]"; // 1×2×2×2

    @Test
    void a_4d_case_is_read_row_major_with_its_shape() throws InputFormatException {
        NormInput in = read("{\"x\": " + X4 + ", \"gamma\": [1, 2], \"beta\": [0, 0], \"dout\": " + X4 + ", \"eps\": 0.5}");
        assertArrayEquals(new int[] {1, 2, 2, 2}, in.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, in.x().toArray());
        assertEquals(7, in.x().get(0, 1, 1, 0));
        assertArrayEquals(new double[] {1, 2}, in.gamma().toArray());
        assertEquals(0.5, in.eps());
    }

    @Test
    void a_2d_case_is_read_as_n_by_d() throws InputFormatException {
        NormInput in = read("{\"x\": [[1, 2, 3]], \"gamma\": [1, 2, 3], \"beta\": [0, 0, 0], \"dout\": [[0, 0, 1]]}");
        assertArrayEquals(new int[] {1, 3}, in.shape());
        assertEquals(1e-5, in.eps());
    }

    @Test
    void only_cases_nested_at_most_two_deep_are_matrix_cases() throws InputFormatException {
        assertTrue(CaseFile.isMatrixCase(json("{\"x\": [[1, 2]]}")));
        assertTrue(CaseFile.isMatrixCase(json("{\"x\": []}")));
        assertTrue(CaseFile.isMatrixCase(json("{\"gamma\": [1]}")));
        assertFalse(CaseFile.isMatrixCase(json("{\"x\": " + X4 + "}")));
        assertFalse(CaseFile.isMatrixCase(json("{\"x\": [[[1]]]}")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a sample with fewer channels | {\"x\": [[[[1]], [[2]]], [[[3]]]], @}         | x[1]: has 1 channel, x[0] has 2 channels (x must be N×C×H×W, not ragged)",
            "a channel with more rows     | {\"x\": [[[[1], [2]]], [[[3], [4], [5]]]], @} | x[1][0]: has 3 rows, x[0][0] has 2 rows",
            "a row with fewer values      | {\"x\": [[[[1, 2], [3]]]], @}                 | x[0][0][1]: has 1 value, x[0][0][0] has 2 values",
            "a number where rows belong   | {\"x\": [[[[1]]], [3]], @}                    | x[1][0]: expected an array (of rows; N×C×H×W), got number 3",
            "an array where a value goes  | {\"x\": [[[[1, [2]]]]], @}                    | x[0][0][0][1]: expected a number, got an array of 1",
            "three levels                 | {\"x\": [[[1, 2]]], @}                        | x: arrays nested 3 deep; expected N×D (rows of numbers) or N×C×H×W (nested 4 deep)",
            "five levels                  | {\"x\": [[[[[1]]]]], @}                       | x: arrays nested 5 deep",
            "gamma of the wrong length    | {\"x\": [[[[1]], [[2]]]], \"gamma\": [1], \"beta\": [0, 0], \"dout\": [[[[1]], [[2]]]]} | gamma: expected 2 values (one per channel, C = 2 from x 1×2×1×1), got 1",
            "dout 2-D for 4-D x           | {\"x\": [[[[1]], [[2]]]], \"gamma\": [1, 1], \"beta\": [0, 0], \"dout\": [[1, 2]]} | dout: expected 1×2×1×1 like x, got 1×2",
            "an empty W axis              | {\"x\": [[[[]]]], \"gamma\": [1], \"beta\": [0], \"dout\": [[[[]]]]} | x: needs N, C, H, W ≥ 1, got 1×1×1×0"})
    void errors_name_the_field_and_both_lengths(String what, String content, String expected) {
        String json = content.replace("@", "\"gamma\": [1], \"beta\": [0], \"dout\": [[[[1]]]]");
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(json));
        assertTrue(e.getMessage().startsWith(expected), () -> e.getMessage() + "\n  expected to start with: " + expected);
    }

    private static NormInput read(String json) throws InputFormatException {
        return CaseFile.normFromJson(json(json));
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String json) throws InputFormatException {
        return Json.readObject(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "case.json");
    }
}
