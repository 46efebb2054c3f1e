package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.BinaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A broadcast row (one row seen N times) reads and computes exactly like its N×D copy. */
class MatrixRepeatedRowTest {

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1,3", "2,1", "5,4", "7,16"})
    void reads_like_the_copied_rows(int n, int d) {
        Matrix row = randomRow(d, n);
        Matrix view = row.broadcastRows(n);
        Matrix copy = copied(row, n);
        assertEquals(copy, view);
        assertEquals(view, copy);
        assertEquals(copy.hashCode(), view.hashCode());
        assertArrayEquals(copy.toArray(), view.toArray());
        assertEquals(copy.toString(), view.toString());
        assertEquals(copy.shape(), view.shape());
        for (int i = 0; i < n; i++) {
            assertArrayEquals(copy.row(i), view.row(i));
            for (int j = 0; j < d; j++) {
                assertEquals(copy.get(i, j), view.get(i, j));
            }
        }
        assertEquals(Double.doubleToLongBits(copy.sum()), Double.doubleToLongBits(view.sum()));
        assertEquals(copy.maxAbs(), view.maxAbs());
        assertEquals(copy.sumRows(), view.sumRows());
        assertEquals(copy.sumBlocks(false, 1), view.sumBlocks(false, 1));
        assertEquals(copy.scale(-0.3), view.scale(-0.3));
        assertEquals(copy.map(Math::exp), view.map(Math::exp));
        double before = row.get(0, d - 1);
        assertEquals(copy.with(n - 1, d - 1, 9.0), view.with(n - 1, d - 1, 9.0));
        assertEquals(before, row.get(0, d - 1)); // the shared row is not written
        if (d % 2 == 0) {
            assertEquals(copy.sumBlocks(true, 2), view.sumBlocks(true, 2));
        }
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1,3", "3,1", "4,5", "6,9"})
    void computes_like_the_copied_rows_in_every_elementwise_operation(int n, int d) {
        Matrix rowA = randomRow(d, 1);
        Matrix rowB = randomRow(d, 2);
        Matrix plain = Matrix.fromRows(randomRows(n, d, 3));
        Matrix a = rowA.broadcastRows(n);
        Matrix b = rowB.broadcastRows(n);
        Matrix copyA = copied(rowA, n);
        Matrix copyB = copied(rowB, n);
        BinaryOperator<Matrix>[] ops = operations();
        for (BinaryOperator<Matrix> op : ops) {
            assertEquals(op.apply(copyA, plain), op.apply(a, plain));
            assertEquals(op.apply(plain, copyA), op.apply(plain, a));
            assertEquals(op.apply(copyA, copyB), op.apply(a, b));
            assertEquals(op.apply(copyA, copyB), op.apply(copyA, b));
        }
        for (Matrix g : new Matrix[] {plain, b}) {
            Matrix gCopy = copied(rowB, n).equals(g) ? copyB : plain;
            assertArrayEquals(new Matrix[] {gCopy.times(plain), gCopy.times(copyA)},
                    Matrix.productGradients(g, a, plain));
            assertArrayEquals(new Matrix[] {gCopy.times(copyA), gCopy.times(plain)},
                    Matrix.productGradients(g, plain, a));
            assertArrayEquals(new Matrix[] {gCopy.times(copyB), gCopy.times(copyA)},
                    Matrix.productGradients(g, a, b));
        }
    }

    @ParameterizedTest(name = "block {0}")
    @CsvSource({"1", "2", "3"})
    void block_broadcast_of_a_row_is_the_copy(int block) {
        Matrix row = randomRow(4, 5);
        Matrix expected = Matrix.fromRows(new double[][] {expand(row.row(0), block), expand(row.row(0), block),
            expand(row.row(0), block)});
        assertEquals(expected, row.broadcastBlocks(3, block));
        assertEquals(expected.sumBlocks(true, block), row.broadcastBlocks(3, block).sumBlocks(true, block));
    }

    @SuppressWarnings("unchecked")
    private static BinaryOperator<Matrix>[] operations() {
        return new BinaryOperator[] {
            (BinaryOperator<Matrix>) Matrix::plus,
            (BinaryOperator<Matrix>) Matrix::minus,
            (BinaryOperator<Matrix>) Matrix::times,
            (BinaryOperator<Matrix>) (p, q) -> p.timesScaled(q, 2.0),
            (BinaryOperator<Matrix>) (p, q) -> p.zip("test", q, (u, v) -> u / (1 + v * v))};
    }

    private static double[] expand(double[] row, int block) {
        double[] out = new double[row.length * block];
        for (int j = 0; j < out.length; j++) {
            out[j] = row[j / block];
        }
        return out;
    }

    private static Matrix copied(Matrix row, int n) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = row.row(0);
        }
        return Matrix.fromRows(rows);
    }

    private static Matrix randomRow(int d, long seed) {
        return Matrix.rowVector(randomRows(1, d, seed)[0]);
    }

    private static double[][] randomRows(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] v = new double[n][d];
        for (double[] row : v) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextGaussian() * 3;
            }
        }
        return v;
    }
}
