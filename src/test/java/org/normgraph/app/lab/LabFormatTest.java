package org.normgraph.app.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Numbers as the Lab writes them. */
class LabFormatTest {

    @Test
    void two_values_that_differ_get_the_fewest_digits_that_tell_them_apart() {
        // the std + eps pitfall at a constant column: √(0 + 1e-5) against 0 + 1e-5
        assertArrayEquals(new String[] {"0.003162", "1e\u22125"}, LabFormat.apart(Math.sqrt(1e-5), 1e-5));
        assertArrayEquals(new String[] {"1.00001", "1.00002"}, LabFormat.apart(1.00001, 1.00002));
        assertArrayEquals(new String[] {"\u22120.25", "0.25"}, LabFormat.apart(-0.25, 0.25));
    }
}
