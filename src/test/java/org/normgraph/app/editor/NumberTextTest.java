package org.normgraph.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTextTest {

    @ParameterizedTest(name = "{0} with {1} digits is {2}")
    @CsvSource(delimiter = '|', value = {
            "0                  | 4 | 0",
            "-0.0               | 4 | 0",
            "1                  | 4 | 1",
            "-2.5               | 4 | -2.5",
            "2.6666666666666665 | 4 | 2.667",
            "2.6666666666666665 | 6 | 2.66667",
            "0.372              | 4 | 0.372",
            "1.2                | 4 | 1.2",
            "0.000123456        | 4 | 0.0001235",
            "0.0000123456       | 4 | 1.235e-5",
            "1e-5               | 6 | 1e-5",
            "123456             | 4 | 123500",
            "1234567            | 4 | 1.235e6",
            "316.22776601683796 | 4 | 316.2",
            "-0.4472135954999579| 4 | -0.4472",
    })
    void compact_rounds_to_significant_digits(double v, int digits, String expected) {
        assertEquals(expected, NumberText.compact(v, digits));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -3, 0.1, 2.6666666666666665, 1e-5, -1.2345678901234567e-8,
            6.02e23, 123456789012345678.0, Double.MIN_VALUE, Double.MAX_VALUE, -0.4472135954999579})
    void exact_reads_back_as_the_same_double(double v) {
        String s = NumberText.exact(v);
        CellParser.Parsed p = CellParser.parse(s);
        assertEquals(v, p.value(), 0.0, s);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"3|3", "-1|-1", "1e-5|1e-5", "2.5|2.5", "0.1|0.1",
            "100000000.3|100000000.3", "0.00015|0.00015", "1.5e-5|1.5e-5", "1.25e12|1250000000000", "6.02e23|6.02e23",
            "-1.2345678901234567e-8|-1.2345678901234567e-8", "12345678901.5|1.23456789015e10"})
    void exact_is_short_for_short_numbers_and_plain_where_a_cell_is(double v, String expected) {
        assertEquals(expected, NumberText.exact(v));
    }

    @ParameterizedTest(name = "{0} shows as {1}")
    @CsvSource(delimiter = '|', value = {
            "0                   | 0",
            "-1.25               | -1.25",
            "2.6666666666666665  | 2.66667",
            "0.30000000000000004 | 0.3",
            "100000000.1         | 100000000.1",
            "100000000.2         | 100000000.2",
            "100000000           | 100000000",
            "12345678901         | 1.23457e10",
            "123456              | 123456",
            "1234567.25          | 1234567.25",
            "1e-5                | 1e-5",
            "0.000123456789      | 0.000123456789",
            "0.0000123456        | 1.23456e-5",
            "1.2345678901e-7     | 1.23457e-7",
            "-3.14159265358979   | -3.14159",
            "6.02e23             | 6.02e23",
    })
    void a_cell_shows_the_exact_value_when_ten_digits_hold_it(double v, String expected) {
        assertEquals(expected, NumberText.cell(v));
    }

    @ParameterizedTest
    @ValueSource(doubles = {100000000.1, 100000000.3, -7.5e-9, 12.345678, 0.1 + 0.7})
    void a_cell_with_at_most_ten_digits_reads_back_as_its_value(double v) {
        String s = NumberText.cell(v);
        double back = CellParser.parse(s).value();
        if (new java.math.BigDecimal(Double.toString(v)).precision() <= NumberText.CELL_MAX_DIGITS) {
            assertEquals(v, back, 0.0, s);
        } else {
            assertEquals(v, back, Math.abs(v) * 1e-5, s);
        }
    }

    @ParameterizedTest(name = "up to {0} apart by {1}: {2} digits")
    @CsvSource(delimiter = '|', value = {
            "0.4          | 0.8    | 4",
            "3            | 0.3333 | 4",
            "1.36         | 0.2    | 4",
            "100          | 0.3    | 6",
            "100000000.4  | 0.3    | 12",
            "100000000.25 | -0.15  | 12",
            "1e20         | 1      | 12",
            "5            | 0      | 4",
            "1e8          | NaN    | 4",
            "Infinity     | 1      | 4",
    })
    void digits_to_show_reach_the_difference_third_digit(double largest, double difference, int expected) {
        assertEquals(expected, NumberText.digitsToShow(largest, difference));
    }

    @ParameterizedTest(name = "{0}: {1} digits")
    @CsvSource(delimiter = '|', value = {
            "100000000.1        | 11",
            "100000000.25       | 11",
            "123456             | 8",
            "7.5625             | 4",
            "-1.2345            | 4",
            "2.6666666666666665 | 4",
            "1e20               | 12",
            "12345.678901234567 | 7",
            "NaN                | 4",
    })
    void digits_for_a_number_keep_its_integer_part(double v, int expected) {
        assertEquals(expected, NumberText.digitsFor(v, 4));
    }

    @Test
    void numbers_written_with_those_digits() {
        assertEquals("100000000.1", NumberText.compact(100000000.1, NumberText.digitsFor(100000000.1, 4)));
        assertEquals("100000000.25", NumberText.compact(100000000.24999999, NumberText.digitsFor(100000000.24999999, 4)));
        assertEquals("12345.68", NumberText.compact(12345.6789, NumberText.digitsFor(12345.6789, 4)));
        assertEquals("1e20", NumberText.compact(1e20, NumberText.digitsFor(1e20, 4)));
    }

    @Test
    void with_many_digits_compact_stays_plain_as_far_as_it_has_digits() {
        assertEquals("100000000.1", NumberText.compact(100000000.1, 10));
        assertEquals("1.235e6", NumberText.compact(1234567, 4));
    }

    @Test
    void unbroken_numbers_have_no_line_break_inside_and_read_the_same() {
        String text = "\u8aa4\u5dee\u306f3.70e\u221211\u3001\u5024\u306f\u22120.5\u3001x[2][1] = 12";
        String glued = NumberText.unbroken(text);
        assertEquals(text, glued.replace(String.valueOf(NumberText.NO_BREAK), ""), "only invisible characters added");
        assertEquals("0.5 and 331", NumberText.unbroken("0.5 and 331"), "numbers without a break inside stay as they are");
        java.text.BreakIterator lines = java.text.BreakIterator.getLineInstance(java.util.Locale.JAPANESE);
        for (String number : new String[] {"3.70e\u221211", "\u22120.5"}) {
            lines.setText(text);
            int at = text.indexOf(number);
            assertTrue(hasBreakInside(lines, at, at + number.length()), "JavaFX's line breaks fall inside " + number);
            lines.setText(glued);
            int g = glued.indexOf(NumberText.unbroken(number));
            assertFalse(hasBreakInside(lines, g, g + NumberText.unbroken(number).length()), "not once glued: " + number);
        }
    }

    private static boolean hasBreakInside(java.text.BreakIterator lines, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (lines.isBoundary(k)) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"-0.5|\u22120.5", "0.5|0.5", "-1e-7|\u22121e\u22127"})
    void pretty_uses_a_typographic_minus(double v, String expected) {
        assertEquals(expected, NumberText.pretty(v, 4));
    }
}
