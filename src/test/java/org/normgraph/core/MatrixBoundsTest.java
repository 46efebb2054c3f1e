package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Indexes and shapes outside what a matrix can be are refused with the shape in the message. */
class MatrixBoundsTest {

    @ParameterizedTest(name = "row {0}")
    @CsvSource({"2", "-1", "7"})
    void a_row_outside_the_matrix_is_refused_as_get_refuses_an_element(int row) {
        expectOutside(() -> Matrix.of(2, 2, 1, 2, 3, 4).row(row), "row " + row, "2×2");
    }

    @ParameterizedTest(name = "row {0}")
    @CsvSource({"3", "7", "-3", "-1"})
    void a_row_outside_a_broadcast_row_is_refused_like_outside_its_copy(int row) {
        expectOutside(() -> Matrix.rowVector(1, 2).broadcastRows(3).row(row), "row " + row, "3×2");
    }

    @Test
    void first_of_blocks_of_a_broadcast_row_is_that_of_its_copy() {
        Matrix view = Matrix.rowVector(1, 2, 3, 4).broadcastRows(3);
        Matrix copy = Matrix.fromRows(new double[][] {{1, 2, 3, 4}, {1, 2, 3, 4}, {1, 2, 3, 4}});
        assertEquals(copy.firstOfBlocks(1), view.firstOfBlocks(1));
        assertEquals(copy.firstOfBlocks(2), view.firstOfBlocks(2));
        assertEquals(Matrix.fromRows(new double[][] {{1, 3}, {1, 3}, {1, 3}}), view.firstOfBlocks(2));
    }

    @Test
    void a_shape_with_more_values_than_an_array_holds_is_refused_not_wrapped_around() {
        // 65536 · 65536 = 2^32 wraps to 0 in int arithmetic: an empty array would have passed
        expectShape(() -> Matrix.of(65536, 65536), "65536×65536");
        expectShape(() -> Matrix.zeros(65536, 65536), "65536×65536");
        expectShape(() -> Matrix.filled(65536, 65537, 1.0), "65536×65537");
        expectShape(() -> Matrix.rowVector(1, 2).broadcastBlocks(65536, 32768), "65536×65536");
    }

    @Test
    void a_negative_shape_is_refused_with_the_shape() {
        expectShape(() -> Matrix.zeros(-1, 3), "-1×3");
        expectShape(() -> Matrix.filled(2, -3, 0.5), "2×-3");
        expectShape(() -> Matrix.of(-1, -1, 1.0), "-1×-1");
        expectShape(() -> Matrix.rowVector(1, 2).broadcastRows(-2), "-2×2");
    }

    private static void expectOutside(Executable call, String... mentions) {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, call);
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), e.getMessage());
        }
    }

    private static void expectShape(Executable call, String shape) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(shape), e.getMessage());
    }
}
