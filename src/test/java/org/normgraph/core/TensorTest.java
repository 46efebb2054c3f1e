package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tensor: row-major layout, broadcast (plain and by blocks), its adjoint, and shape errors. */
class TensorTest {

    @Test
    void values_are_row_major_and_indices_read_them_back() {
        Tensor t = Tensor.of(new int[] {2, 3, 2}, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertEquals(7, t.get(1, 0, 1));
        assertArrayEquals(new int[] {1, 0, 1}, t.index(7));
        assertEquals("2×3×2", t.shapeText());
        assertEquals(11, t.with(new int[] {0, 0, 0}, 11).get(0, 0, 0));
        assertEquals(0, t.get(0, 0, 0), "with copies");
    }

    @Test
    void a_matrix_round_trips_through_a_rank_2_tensor() {
        Matrix m = Matrix.fromRows(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(m, Tensor.of(m).toMatrix());
        assertArrayEquals(new int[] {2, 3}, Tensor.of(m).shape());
    }

    @Test
    void a_size_1_axis_is_copied_along_the_axis_and_summed_back() {
        Tensor row = Tensor.of(new int[] {1, 3}, 1, 2, 3);
        Tensor b = row.broadcastTo(2, 3);
        assertArrayEquals(new double[] {1, 2, 3, 1, 2, 3}, b.toArray());
        assertArrayEquals(new double[] {2, 4, 6}, Tensor.unbroadcast(b, 1, 3).toArray());
    }

    /** Group norm: G = 2 statistics per sample cover blocks of C/G = 2 consecutive channels. */
    @Test
    void a_dividing_axis_covers_blocks_of_consecutive_elements() {
        Tensor stats = Tensor.of(new int[] {2, 2, 1, 1}, 10, 20, 30, 40); // N×G
        Tensor full = stats.broadcastTo(2, 4, 1, 2);
        assertArrayEquals(new double[] {10, 10, 10, 10, 20, 20, 20, 20, 30, 30, 30, 30, 40, 40, 40, 40},
                full.toArray());
        Tensor ones = Tensor.filled(1, 2, 4, 1, 2);
        assertArrayEquals(new double[] {4, 4, 4, 4}, ones.sumTo(2, 2, 1, 1).toArray());
        assertEquals(4, Tensor.blockSize(new int[] {2, 2, 1, 1}, new int[] {2, 4, 1, 2}));
    }

    @Property(tries = 200)
    void broadcast_and_unbroadcast_are_adjoint(@ForAll @IntRange(min = 1, max = 4) int n,
                                               @ForAll @IntRange(min = 1, max = 3) int g,
                                               @ForAll @IntRange(min = 1, max = 3) int perGroup,
                                               @ForAll @IntRange(min = 1, max = 3) int hw,
                                               @ForAll @IntRange(min = 0, max = 15) int keep,
                                               @ForAll long seed) {
        Random r = new Random(seed);
        int[] full = {n, g * perGroup, hw, 2};
        // each axis of the small shape is kept, or shrunk: to 1, or (axis 1) to the G groups
        int[] small = {(keep & 1) == 0 ? 1 : n, (keep & 2) == 0 ? 1 : ((keep & 4) == 0 ? g : g * perGroup),
                (keep & 8) == 0 ? 1 : hw, 1};
        Tensor v = random(small, r);
        Tensor m = random(full, r);
        // ⟨broadcast(v), M⟩ = ⟨v, unbroadcast(M)⟩
        double left = v.broadcastTo(full).times(m).sum();
        double right = v.times(Tensor.unbroadcast(m, small)).sum();
        assertEquals(left, right, 1e-12 * Math.max(1, Math.abs(left)));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"3, 2×4, broadcast", "1×3, 2×4, broadcast", "2×3, 2×3×1, broadcast", "0×3, 2×3, broadcast"})
    void shapes_that_do_not_fit_name_both_shapes(String small, String full, String op) {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> Tensor.zeros(parse(small)).broadcastTo(parse(full)));
        assertTrue(e.getMessage().contains(small) && e.getMessage().contains(full), e.getMessage());
        assertTrue(e.getMessage().startsWith(op), e.getMessage());
    }

    @Test
    void elementwise_ops_name_both_shapes() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> Tensor.zeros(2, 3, 4).plus(Tensor.zeros(2, 4, 3)));
        assertEquals("add: shapes 2×3×4 and 2×4×3 do not match", e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> Tensor.zeros(2, 3).reshape(4, 2));
        assertThrows(ShapeMismatchException.class, () -> Tensor.zeros(2, 3, 1).toMatrix());
    }

    @Test
    void equality_sees_shape_and_values() {
        Tensor a = Tensor.of(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        assertEquals(a, a.reshape(2, 3));
        assertNotEquals(a, a.reshape(3, 2));
        assertNotEquals(a, a.with(new int[] {1, 2}, 7));
    }

    private static Tensor random(int[] shape, Random r) {
        double[] d = new double[Tensor.size(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble() * 2 - 1;
        }
        return Tensor.of(shape, d);
    }

    private static int[] parse(String shape) {
        return java.util.Arrays.stream(shape.split("×")).mapToInt(Integer::parseInt).toArray();
    }
}
