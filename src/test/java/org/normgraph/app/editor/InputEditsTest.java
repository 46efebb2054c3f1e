package org.normgraph.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.normgraph.app.model.Examples;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;

class InputEditsTest {

    private final BatchNormInput classic = Examples.classic();

    @Test
    void classic_example_is_four_by_three_with_the_documented_statistics() {
        assertEquals(4, classic.n());
        assertEquals(3, classic.d());
        assertEquals(Matrix.rowVector(4, 2, 1), classic.x().sumRows().scale(0.25));
        assertEquals(BatchNormInput.DEFAULT_EPS, classic.eps());
        var trace = BatchNormGraph.run(classic);
        assertEquals(Matrix.rowVector(5, 2, 2.5), trace.value("var"));
        for (String g : List.of("dx", "dgamma", "dbeta")) {
            Matrix m = trace.gradient(g.substring(1));
            for (double v : m.toArray()) {
                assertNotEquals(0.0, v, g + " has a zero: dout must be non-trivial");
            }
        }
    }

    @Test
    void growing_keeps_every_value_and_fills_new_cells_neutrally() {
        BatchNormInput big = InputEdits.resize(classic, 6, 5);
        assertEquals(6, big.n());
        assertEquals(5, big.d());
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 5; j++) {
                boolean old = i < 4 && j < 3;
                assertEquals(old ? classic.x().get(i, j) : 0.0, big.x().get(i, j));
                assertEquals(old ? classic.dout().get(i, j) : 0.0, big.dout().get(i, j));
            }
        }
        assertEquals(Matrix.rowVector(1, 0.5, 2, 1, 1), big.gamma());
        assertEquals(Matrix.rowVector(0, 1, -1, 0, 0), big.beta());
        assertEquals(classic.eps(), big.eps());
    }

    @Test
    void shrinking_then_growing_back_keeps_the_values_that_stayed() {
        BatchNormInput small = InputEdits.resize(classic, 2, 2);
        assertEquals(Matrix.fromRows(new double[][] {{1, 2}, {3, 4}}), small.x());
        assertEquals(Matrix.rowVector(1, 0.5), small.gamma());
        BatchNormInput back = InputEdits.resize(small, 4, 3);
        assertEquals(classic.x().get(1, 1), back.x().get(1, 1));
        assertEquals(0.0, back.x().get(3, 2));
        assertEquals(InputEdits.resize(classic, 4, 3), classic);
    }

    @Test
    void resize_outside_the_limits_is_an_error() {
        assertThrows(IllegalArgumentException.class, () -> InputEdits.resize(classic, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> InputEdits.resize(classic, 33, 3));
        assertThrows(IllegalArgumentException.class, () -> InputEdits.resize(classic, 4, 17));
        assertEquals(32, InputEdits.resize(classic, 32, 16).n());
    }

    @Test
    void editing_a_cell_changes_only_that_cell() {
        var edit = InputEdits.editCell(classic, InputField.X, 2, 1, " 7.5 ");
        assertTrue(edit.isAccepted());
        assertEquals(classic.x().with(2, 1, 7.5), edit.input().x());
        assertEquals(classic.dout(), edit.input().dout());
        var g = InputEdits.editCell(classic, InputField.GAMMA, 0, 2, "-1");
        assertEquals(Matrix.rowVector(1, 0.5, -1), g.input().gamma());
    }

    @Test
    void a_bad_cell_is_refused_with_its_name() {
        var edit = InputEdits.editCell(classic, InputField.DOUT, 3, 0, "abc");
        assertFalse(edit.isAccepted());
        assertNull(edit.input());
        assertEquals("dout[3][0]: 'abc' is not a number.", edit.refusal().message());
        assertEquals("beta[2]: 'Infinity' is not a finite number; every value must be finite.",
                InputEdits.editCell(classic, InputField.BETA, 0, 2, "Infinity").refusal().message());
    }

    @Test
    void eps_must_be_a_positive_number() {
        assertEquals(0.001, InputEdits.editEps(classic, "1e-3").input().eps());
        assertEquals("eps must be greater than 0, e.g. 1e-5, not '0'.",
                InputEdits.editEps(classic, "0").refusal().message());
        assertEquals("eps must be greater than 0, e.g. 1e-5, not '-1'.",
                InputEdits.editEps(classic, " -1 ").refusal().message());
        assertEquals("eps: 'abc' is not a number.", InputEdits.editEps(classic, "abc").refusal().message());
        // a cell's "(0 for none)" advised what eps refuses
        assertEquals("eps: the field is empty; type a number greater than 0, e.g. 1e-5.",
                InputEdits.editEps(classic, " ").refusal().message());
        assertFalse(InputEdits.editEps(classic, "1e400").isAccepted());
        assertEquals("eps: '1e-400' is too small for a double: it would be 0 (the smallest is about 4.9e-324).",
                InputEdits.editEps(classic, "1e-400").refusal().message());
    }

    @Test
    void a_block_from_a_spreadsheet_is_pasted_at_the_cell() {
        var edit = InputEdits.paste(classic, InputField.X, 1, 1, "9\t8\r\n7\t6\r\n");
        assertTrue(edit.isAccepted());
        Matrix x = edit.input().x();
        assertEquals(9, x.get(1, 1));
        assertEquals(8, x.get(1, 2));
        assertEquals(7, x.get(2, 1));
        assertEquals(6, x.get(2, 2));
        assertEquals(classic.x().get(0, 0), x.get(0, 0));
        assertEquals(classic.x().get(3, 2), x.get(3, 2));
    }

    /** Refused from the line count; line ends of every kind count, empty lines at the end do not. */
    @Test
    void a_block_taller_than_the_matrix_is_refused_with_its_size() {
        String huge = "1.5\t2\n".repeat(200_000);
        assertEquals("editor.paste.fit", InputEdits.paste(classic, InputField.X, 0, 0, huge).refusal().key());
        assertEquals(List.of("200000", "2", "x[0][0]", "x", "4×3"),
                InputEdits.paste(classic, InputField.X, 0, 0, huge).refusal().args());
        assertEquals(List.of("5", "1", "x[0][1]", "x", "4×3"),
                InputEdits.paste(classic, InputField.X, 0, 1, "1\r\n2\r3\n4\n5\n\n\n").refusal().args());
        assertTrue(InputEdits.paste(classic, InputField.X, 0, 1, "1\r\n2\r3\n4\n\n\n").isAccepted(), "4 rows fit");
    }

    /** gamma and beta have one row whatever N is: their refusal does not tell to change N. */
    @Test
    void a_block_of_several_rows_into_gamma_says_it_takes_one_row() {
        InputEdits.Edit tall = InputEdits.paste(classic, InputField.GAMMA, 0, 0, "1\t2\t3\n4\t5\t6");
        assertEquals("editor.paste.fit.row", tall.refusal().key());
        assertEquals(List.of("2", "3", "gamma[0]", "gamma", "1×3"), tall.refusal().args());
        assertEquals("editor.paste.fit", InputEdits.paste(classic, InputField.GAMMA, 0, 1, "1\t2\t3").refusal().key(),
                "one row too wide: D is what to change");
    }

    @Test
    void a_row_of_space_separated_numbers_pastes_into_a_vector() {
        var edit = InputEdits.paste(classic, InputField.GAMMA, 0, 0, "0.5 1.5  2.5\n");
        assertEquals(Matrix.rowVector(0.5, 1.5, 2.5), edit.input().gamma());
    }

    @Test
    void a_block_that_does_not_fit_is_refused_whole() {
        var edit = InputEdits.paste(classic, InputField.X, 3, 2, "1\t2\n3\t4");
        assertFalse(edit.isAccepted());
        assertEquals("Paste refused, nothing changed: a 2\u00d72 block placed at x[3][2] does not fit "
                + "into x (4\u00d73). Select a cell further up or left, or change N or D first.",
                edit.refusal().message());
        assertFalse(InputEdits.paste(classic, InputField.BETA, 0, 0, "1\n2").isAccepted());
    }

    @Test
    void a_block_with_a_non_number_is_refused_whole_naming_the_cell() {
        var edit = InputEdits.paste(classic, InputField.X, 0, 0, "1\t2\n3\tabc");
        assertFalse(edit.isAccepted());
        assertEquals("Paste refused, nothing changed: x[1][1]: 'abc' is not a number.",
                edit.refusal().message());
        assertFalse(InputEdits.paste(classic, InputField.X, 0, 0, "1\t\n3\t4").isAccepted(), "empty cell");
        assertFalse(InputEdits.paste(classic, InputField.X, 0, 0, "1\t1e400").isAccepted());
    }

    @Test
    void a_ragged_or_empty_block_is_refused() {
        // a blank line was "row 2 of the copied block has 1 values"
        assertEquals("Paste refused, nothing changed: row 2 of the copied block is empty. Copy a block without empty lines.",
                InputEdits.paste(classic, InputField.X, 0, 0, "1\tabc\t3\n\n4\t5\t6").refusal().message());
        var ragged = InputEdits.paste(classic, InputField.X, 0, 0, "1\t2\n3");
        assertEquals("Paste refused, nothing changed: row 2 of the copied block has 1 values, row 1 "
                + "has 2. Copy a rectangular block.", ragged.refusal().message());
        assertFalse(InputEdits.paste(classic, InputField.X, 0, 0, "").isAccepted());
        assertFalse(InputEdits.paste(classic, InputField.X, 0, 0, "\n\n").isAccepted());
    }

    @Test
    void copied_text_pastes_back_to_the_same_values() {
        String text = InputEdits.copyBlock(classic.dout(), 0, 0, 3, 2);
        var edit = InputEdits.paste(classic.withDout(Matrix.zeros(4, 3)), InputField.DOUT, 0, 0, text);
        assertEquals(classic.dout(), edit.input().dout());
    }

    @Test
    void the_same_seed_gives_the_same_values_and_keeps_shape_and_eps() {
        BatchNormInput a = InputEdits.randomize(classic.withEps(0.5), 7);
        BatchNormInput b = InputEdits.randomize(classic.withEps(0.5), 7);
        assertEquals(a, b);
        assertEquals(4, a.n());
        assertEquals(3, a.d());
        assertEquals(0.5, a.eps());
        assertNotEquals(a, InputEdits.randomize(classic.withEps(0.5), 8));
        for (double v : a.gamma().toArray()) {
            assertTrue(v >= 0.5 && v <= 1.5, "gamma " + v);
        }
        for (double v : a.x().toArray()) {
            assertEquals(v, Math.round(v * 100) / 100.0, 0.0, "two decimals");
        }
    }

    @Test
    void randomize_is_pinned_for_a_known_seed() {
        // java.util.Random is specified bit for bit, so these numbers hold on every JVM.
        BatchNormInput r = InputEdits.randomize(1, 2, 1e-5, 42);
        assertEquals(Matrix.rowVector(2.28, 1.84), r.x());
        assertEquals(Matrix.rowVector(0.81, 0.78), r.gamma());
        assertEquals(Matrix.rowVector(0.17, 0.4), r.beta());
        assertEquals(Matrix.rowVector(-0.82, -1.4), r.dout());
    }

    @Test
    void delete_sets_the_given_cells_to_zero() {
        var out = InputEdits.fillCells(classic, InputField.X, List.of(new int[] {0, 0}, new int[] {3, 2}), 0);
        assertEquals(0, out.x().get(0, 0));
        assertEquals(0, out.x().get(3, 2));
        assertEquals(classic.x().get(1, 1), out.x().get(1, 1));
    }
}
