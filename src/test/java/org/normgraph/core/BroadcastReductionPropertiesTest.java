package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.normgraph.core.ops.BlockBroadcast;
import org.normgraph.core.ops.BlockMean;
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

    /**
     * The family's broadcasts and reductions: a statistic of (1 or N)×K copied to blocks of
     * consecutive columns of N×(K·block) rows, and the block sums back. For group norm of 4-D x
     * as its rows, block = C/G·H·W; for spatial batch norm's gamma, block = H·W over all rows.
     */
    @Property(tries = 200)
    void block_broadcast_and_block_sum_are_adjoint(@ForAll @IntRange(min = 1, max = 6) int n,
                                                   @ForAll @IntRange(min = 1, max = 4) int k,
                                                   @ForAll @IntRange(min = 1, max = 6) int block,
                                                   @ForAll boolean overRows, @ForAll long seed) {
        Random r = new Random(seed);
        Matrix v = random(overRows ? 1 : n, k, r);
        Matrix m = random(n, k * block, r);
        // ⟨broadcast(v), M⟩ = ⟨v, blockSum(M)⟩
        assertClose(v.broadcastBlocks(n, block).times(m).sum(), v.times(m.sumBlocks(overRows, block)).sum());
        BlockBroadcast copy = new BlockBroadcast(n, overRows, block);
        Matrix out = copy.forward(v);
        assertEquals(m.sumBlocks(overRows, block), copy.backward(new Matrix[] {v}, out, m)[0]);
    }

    /** Group norm, G = 2 per sample: each statistic covers a block of consecutive columns. */
    @Test
    void a_block_covers_consecutive_columns_and_sums_back_into_one() {
        Matrix stats = Matrix.of(2, 2, 10, 20, 30, 40); // N×G
        assertEquals(Matrix.of(2, 8, 10, 10, 10, 10, 20, 20, 20, 20, 30, 30, 30, 30, 40, 40, 40, 40),
                stats.broadcastBlocks(2, 4));
        assertEquals(Matrix.of(2, 2, 4, 4, 4, 4), Matrix.filled(2, 8, 1).sumBlocks(false, 4));
        assertEquals(Matrix.of(1, 2, 8, 8), Matrix.filled(2, 8, 1).sumBlocks(true, 4));
        BlockMean mean = new BlockMean(false, 4, "(C/G)·H·W");
        assertEquals(4, mean.count(2));
        Matrix g = Matrix.of(2, 2, 4, 8, 12, 16);
        assertEquals(Matrix.of(2, 8, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4),
                mean.backward(new Matrix[] {Matrix.zeros(2, 8)}, g, g)[0]);
    }

    @Test
    void blocks_that_do_not_fit_are_refused_naming_the_shape() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> Matrix.zeros(2, 6).sumBlocks(false, 4));
        assertTrue(e.getMessage().contains("6 columns") && e.getMessage().contains("4"), e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> Matrix.zeros(3, 2).broadcastBlocks(2, 2));
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
