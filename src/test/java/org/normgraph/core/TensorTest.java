package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Tensor, the shape of family cases in files: row-major layout, indices, and shape errors. */
class TensorTest {

    @Test
    void values_are_row_major_and_indices_read_them_back() {
        Tensor t = Tensor.of(new int[] {2, 3, 2}, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertEquals(7, t.get(1, 0, 1));
        assertArrayEquals(new int[] {1, 0, 1}, t.index(7));
        assertEquals("2×3×2", t.shapeText());
        assertEquals(11, t.with(new int[] {0, 0, 0}, 11).get(0, 0, 0));
        assertEquals(0, t.get(0, 0, 0), "with copies");
        assertEquals("[1][0][1]", Tensor.indexText(t.index(7)));
    }

    @Test
    void a_matrix_is_a_rank_2_tensor_with_the_same_values() {
        Matrix m = Matrix.fromRows(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(m.toArray(), Tensor.of(m).toArray());
        assertArrayEquals(new int[] {2, 3}, Tensor.of(m).shape());
    }

    @Test
    void shapes_that_do_not_fit_name_both_shapes() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> Tensor.zeros(2, 3).reshape(4, 2));
        assertEquals("reshape: shapes 2×3 and 4×2 do not match", e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> Tensor.of(new int[] {2, 2}, 1, 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> Tensor.zeros(2, 3).get(2, 0));
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, -1));
    }

    @Test
    void equality_sees_shape_and_values() {
        Tensor a = Tensor.of(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        assertEquals(a, a.reshape(2, 3));
        assertNotEquals(a, a.reshape(3, 2));
        assertNotEquals(a, a.with(new int[] {1, 2}, 7));
    }
}
