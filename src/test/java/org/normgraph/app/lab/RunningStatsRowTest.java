package org.normgraph.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.normgraph.app.Language;
import org.normgraph.app.Messages;
import org.normgraph.core.Matrix;

/** The running-statistics tab's population rows: read as typed, refused in the window's language. */
class RunningStatsRowTest {

    @Test
    void one_number_for_all_or_one_per_feature() {
        assertEquals(Matrix.rowVector(2, 2, 2), RunningStatsModel.row("mean", " 2 ", 3, false, false));
        assertEquals(Matrix.rowVector(2, -1, 0.5), RunningStatsModel.row("mean", "2, \u22121; 0.5", 3, false, false));
    }

    @Test
    void refusals_name_the_field_and_the_text() {
        assertEquals("mean: give one number, or 3 numbers (one per feature); got 2",
                assertThrows(IllegalArgumentException.class, () -> RunningStatsModel.row("mean", "1, 2", 3, false, false)).getMessage());
        assertEquals("std: 'abc' is not a number",
                assertThrows(IllegalArgumentException.class, () -> RunningStatsModel.row("std", "1 abc 2", 3, false, true)).getMessage());
        assertEquals("std: a standard deviation cannot be negative, got -0.5",
                assertThrows(IllegalArgumentException.class, () -> RunningStatsModel.row("std", "1, -0.5, 2", 3, false, true)).getMessage());
        assertEquals(Matrix.rowVector(1, -0.5, 2), RunningStatsModel.row("mean", "1, -0.5, 2", 3, false, false), "a mean may be negative");
    }

    /** The Japanese window said 「実行できません：std: must be a finite number ≥ 0, got -0.5 at [1]」. */
    @Test
    void in_japanese_the_refusal_is_japanese() {
        Language before = Messages.language();
        try {
            Messages.setLanguage(Language.JAPANESE);
            String said = assertThrows(IllegalArgumentException.class,
                    () -> RunningStatsModel.row("std", "1, -0.5, 2", 3, false, true)).getMessage();
            assertEquals(Messages.get("lab.running.std") + "：標準偏差は負にできません（-0.5）", said);
            String count = assertThrows(IllegalArgumentException.class,
                    () -> RunningStatsModel.row("mean", "1, 2", 3, false, false)).getMessage();
            assertFalse(count.contains("give"), count);
        } finally {
            Messages.setLanguage(before);
        }
    }
}
