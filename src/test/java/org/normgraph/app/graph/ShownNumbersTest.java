package org.normgraph.app.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShownNumbersTest {

    @Test
    void a_cell_is_written_when_new_when_its_number_changes_and_when_the_scale_moves() {
        ShownNumbers s = new ShownNumbers();
        s.begin(2, 4);
        assertTrue(s.changed(0, 0.0), "nothing shown yet, even a 0");
        assertTrue(s.changed(1, Double.NaN));
        s.begin(2, 4);
        assertFalse(s.changed(0, 0.0));
        assertFalse(s.changed(1, Double.NaN), "NaN is the same NaN");
        assertTrue(s.changed(0, -0.0), "−0 is written as its own number");
        s.begin(2, 5);
        assertTrue(s.changed(1, Double.NaN), "a new end of the colour scale recolours every cell");
        s.forget();
        s.begin(2, 5);
        assertTrue(s.changed(0, -0.0), "emptied: written again");
        s.begin(3, 5);
        assertTrue(s.changed(2, 0.0), "another number of cells: all written");
    }
}
