package org.normgraph.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class PaletteTest {

    @Test
    void zero_is_neutral_and_the_ends_are_the_scheme_colours() {
        for (Palette p : Palette.values()) {
            assertEquals(Palette.NEUTRAL, p.color(0, 5));
            assertEquals(p.positive(), p.color(5, 5));
            assertEquals(p.negative(), p.color(-5, 5));
            assertEquals(Palette.NON_FINITE, p.color(Double.NaN, 5));
        }
    }

    @Test
    void values_and_gradients_use_different_colours() {
        assertNotEquals(Palette.VALUE.color(1, 1), Palette.GRADIENT.color(1, 1));
        assertNotEquals(Palette.VALUE.color(-1, 1), Palette.GRADIENT.color(-1, 1));
    }

    @Test
    void packed_colours_match_the_colour_objects() {
        for (double v : new double[] {-3, -1, 0, 0.5, 2, 3}) {
            Color c = Palette.GRADIENT.color(v, 3);
            int argb = Palette.GRADIENT.argb(v, 3);
            assertEquals(Math.round(c.getRed() * 255), argb >> 16 & 0xff, 1.01);
            assertEquals(Math.round(c.getGreen() * 255), argb >> 8 & 0xff, 1.01);
            assertEquals(Math.round(c.getBlue() * 255), argb & 0xff, 1.01);
        }
        assertEquals(0xff000000, Palette.VALUE.argb(Double.POSITIVE_INFINITY, 1));
    }
}
