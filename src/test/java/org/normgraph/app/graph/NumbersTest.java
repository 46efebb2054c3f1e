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
}
