package org.normgraph.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.app.editor.CellParser.Problem;

class CellParserTest {

    @ParameterizedTest(name = "''{0}'' reads as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "1        | 1",
            "-2.5     | -2.5",
            "1e-3     | 0.001",
            "\" 3 \"  | 3",
            "+4       | 4",
            ".5       | 0.5",
            "5.       | 5",
            "2E+4     | 20000",
            "\u22121.5| -1.5",
            "\u00a07\u00a0| 7",
            "-0       | 0",
            "1e-310   | 1e-310",
            "0e-400   | 0",
            "0.000e-999 | 0",
            "0.1      | 0.1",
            "2.6666666666666665 | 2.6666666666666665",
            "\uff11\uff0e\uff15 | 1.5",
            "\uff0d\uff12 | -2",
            "\u3000\uff13\uff45\uff0d\uff13\u3000 | 0.003",
    })
    void accepts_plain_decimal_numbers(String text, double expected) {
        CellParser.Parsed p = CellParser.parse(text);
        assertTrue(p.ok(), () -> text + " refused: " + p.problem());
        assertEquals(expected, p.value(), 0.0);
        assertEquals(Double.doubleToLongBits(expected + 0.0), Double.doubleToLongBits(p.value()),
                "no negative zero");
    }

    @ParameterizedTest(name = "''{0}'' is refused as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "abc       | NOT_A_NUMBER",
            "\"\"      | EMPTY",
            "\"   \"   | EMPTY",
            "NaN       | NOT_FINITE",
            "nan       | NOT_FINITE",
            "Infinity  | NOT_FINITE",
            "-Infinity | NOT_FINITE",
            "\u221e    | NOT_FINITE",
            "1e400     | TOO_LARGE",
            "-1e400    | TOO_LARGE",
            "1e-400    | TOO_SMALL",
            "-2.5e-330 | TOO_SMALL",
            "0.0001e-324 | TOO_SMALL",
            "1,5       | DECIMAL_COMMA",
            "-0,25     | DECIMAL_COMMA",
            "\uff11\uff0c\uff15 | DECIMAL_COMMA",
            "1.5.2     | NOT_A_NUMBER",
            "0x1p3     | NOT_A_NUMBER",
            "1d        | NOT_A_NUMBER",
            "1f        | NOT_A_NUMBER",
            "e5        | NOT_A_NUMBER",
            "--1       | NOT_A_NUMBER",
            "1 2       | NOT_A_NUMBER",
    })
    void refuses_what_is_not_a_finite_number(String text, Problem problem) {
        CellParser.Parsed p = CellParser.parse(text);
        assertFalse(p.ok(), text);
        assertEquals(problem, p.problem());
    }

    @Test
    void null_text_is_empty() {
        assertEquals(Problem.EMPTY, CellParser.parse(null).problem());
    }

    @Test
    void refusal_names_the_field_and_cell_and_quotes_the_text() {
        assertEquals("x[2][1]: 'abc' is not a number.",
                CellParser.parse("abc").refusal("x[2][1]").message());
        assertEquals("gamma[0]: the cell is empty; type a number (0 for none).",
                CellParser.parse("").refusal("gamma[0]").message());
        assertEquals("x[0][0]: '1e400' is too large for a double (the limit is about 1.8e308).",
                CellParser.parse("1e400").refusal("x[0][0]").message());
        assertEquals("dout[1][2]: 'NaN' is not a finite number; every value must be finite.",
                CellParser.parse(" NaN ").refusal("dout[1][2]").message());
    }

    /** A cell pasted from a CSV keeps its quotes: "1,5" got the bare "not a number". */
    @Test
    void the_quotes_a_csv_puts_around_a_cell_are_not_part_of_the_number() {
        assertEquals(2.5, CellParser.parse("\"2.5\"").value());
        assertEquals(Problem.DECIMAL_COMMA, CellParser.parse(" \"1,5\" ").problem());
        assertEquals(Problem.EMPTY, CellParser.parse("\"\"").problem());
        assertEquals(Problem.NOT_A_NUMBER, CellParser.parse("\"2.5").problem(), "one quote is no pair");
    }

    @Test
    void decimal_comma_message_suggests_the_dot() {
        assertEquals("beta[1]: '1,5' has a decimal comma; write a dot instead, e.g. 1.5.",
                CellParser.parse("1,5").refusal("beta[1]").message());
    }
}
