package org.normgraph.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(delimiter = '|', value = {
            "0 | 0",
            "1 | 1",
            "-1 | −1",
            "2.5 | 2.5",
            "1.2247448713915890 | 1.22",
            "-0.81649658 | −0.816",
            "0.04472 | 0.0447",
            "0.0013 | 0.0013",
            "123.456 | 123",
            "9999 | 1e4",
            "0.0001234 | 1.23e−4",
            "1e-5 | 1e−5",
            "316227.7 | 3.16e5",
            "NaN | NaN",
            "Infinity | ∞",
            "-Infinity | −∞"})
    void numbers_are_short_with_a_true_minus(double v, String text) {
        assertEquals(text, Numbers.format(v));
    }

    @ParameterizedTest(name = "{0} to {1} digits → {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "−2.53e299 | 2 | −2.5e299",
            "−2.53e299 | 1 | −3e299",
            "1.45e−15 | 1 | 1e−15",
            "9.96e−5 | 2 | 1e−4",
            "9.95e9 | 1 | 1e10",
            "1.05e−15 | 2 | 1.1e−15",
            "3e5 | 1 | null",
            "1.5e5 | 2 | null",
            "−0.00992 | 2 | −0.0099",
            "−0.00992 | 1 | −0.01",
            "0.0447 | 1 | 0.04",
            "0.0447 | 3 | null",
            "1230 | 2 | 1200",
            "0.5 | 1 | null",
            "NaN | 1 | null",
            "−∞ | 1 | null"})
    void a_narrow_cell_drops_digits_and_keeps_the_exponent_or_the_decimal(String text, int digits, String shorter) {
        assertEquals(shorter, Numbers.roundedTo(text, digits));
    }
}
