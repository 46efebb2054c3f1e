package org.normgraph.app.family;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupCountsTest {

    @ParameterizedTest(name = "width {0}, G {1}, {2} values per unit → {3}")
    @CsvSource({"4, 2, 1, 2", "5, 2, 1, 1", "12, 5, 1, 6", "12, 7, 1, 6", "1, 2, 1, 1", "3, 16, 1, 3", "16, 1, 1, 1",
        "3, 2, 4, 3", "12, 9, 4, 12"})
    void the_nearest_divisor_ties_going_up(int width, int g, int perUnit, int expected) {
        assertEquals(expected, GroupCounts.nearestDivisor(width, g, perUnit));
    }

    /** Group norm on the 4×3 example took G = 3: one feature per group, so xhat and dx were all 0. */
    @ParameterizedTest(name = "width {0}, G {1} → {2}")
    @CsvSource({"3, 2, 1", "12, 9, 6", "2, 1, 1", "2, 2, 2"})
    void a_tie_does_not_go_up_to_groups_of_one_value(int width, int g, int expected) {
        assertEquals(expected, GroupCounts.nearestDivisor(width, g, 1));
    }

    @ParameterizedTest(name = "width {0}: up from {1} gives {2}, down from {1} gives {3}")
    @CsvSource({"12, 4, 6, 3", "12, 1, 2, 1", "12, 12, 12, 6", "7, 1, 7, 1", "7, 7, 7, 1", "3, 16, 3, 1"})
    void arrows_step_to_the_next_divisor(int width, int from, int up, int down) {
        GroupCounts counts = new GroupCounts(() -> width, from);
        counts.increment(1);
        assertEquals(up, counts.getValue());
        counts.setValue(from);
        counts.decrement(1);
        assertEquals(down, counts.getValue());
    }
}
