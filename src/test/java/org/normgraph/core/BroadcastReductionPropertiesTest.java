package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.normgraph.core.ops.Broadcast;
import org.normgraph.core.ops.MeanRows;

/** The adjoint pairs behind the broadcast and reduction nodes. */
class BroadcastReductionPropertiesTest {

    @Property(tries = 200)
    void broadcast_and_sum_rows_are_adjoint(@ForAll @IntRange(min = 1, max = 20) int n,
                                            @ForAll @IntRange(min = 1, max = 8) int d, @ForAll long seed) {
        Random r = new Random(seed);
        Matrix v = random(1, d, r);
        Matrix m = random(n, d, r);
        // ⟨broadcast(v), M⟩ = ⟨v, sumRows(M)⟩
        assertClose(v.broadcastRows(n).times(m).sum(), v.times(m.sumRows()).sum());
    }

    @Property(tries = 200)
    void broadcast_node_forward_copies_rows_and_backward_sums_them(
            @ForAll @IntRange(min = 1, max = 20) int n, @ForAll @IntRange(min = 1, max = 8) int d,
            @ForAll long seed) {
        Random r = new Random(seed);
        Matrix v = random(1, d, r);
        Matrix g = random(n, d, r);
        Broadcast op = new Broadcast(n);
        Matrix out = op.forward(v);
        for (int i = 0; i < n; i++) {
            assertEquals(v, Matrix.rowVector(out.row(i)), "row " + i);
        }
        Matrix back = op.backward(new Matrix[] {v}, out, g)[0];
        assertEquals(g.sumRows(), back);
        assertClose(out.times(g).sum(), v.times(back).sum());
    }

    @Property(tries = 200)
    void mean_reduction_backward_spreads_g_over_n_to_every_row(
            @ForAll @IntRange(min = 1, max = 20) int n, @ForAll @IntRange(min = 1, max = 8) int d,
            @ForAll long seed) {
        Random r = new Random(seed);
        Matrix m = random(n, d, r);
        Matrix g = random(1, d, r);
        MeanRows op = new MeanRows();
        Matrix out = op.forward(m);
        Matrix back = op.backward(new Matrix[] {m}, out, g)[0];
        assertEquals(Shape.of(n, d), back.shape());
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(g.get(0, j) / n, back.get(i, j), 1e-15 * Math.abs(g.get(0, j)), "[" + i + "][" + j + "]");
            }
        }
        // and it is the adjoint of the mean: ⟨mean(M), g⟩ = ⟨M, backward(g)⟩
        assertClose(out.times(g).sum(), m.times(back).sum());
    }

    private static Matrix random(int rows, int cols, Random r) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble() * 20 - 10;
        }
        return Matrix.of(rows, cols, v);
    }

    private static void assertClose(double a, double b) {
        assertTrue(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.max(Math.abs(a), Math.abs(b))) * 100,
                () -> a + " vs " + b);
    }
}
