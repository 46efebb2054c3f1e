package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link FusedBatchNorm#forwardBackward} (statistics in chunks of rows, then one pass for out
 * and dx) against the staged graph, at the chunk edges and on hard inputs.
 */
class FusedTwoPassTest {

    /**
     * Chunks hold {@code CHUNK_VALUES / D} rows: D = 3000 gives chunks of 5, 5, 3 rows for N = 13;
     * D = 20000 one row per chunk; D = 1000 chunks of 16 and a last one of 1 row for N = 33;
     * D = 1 one chunk of 16384 rows and a partial one for N = 20000.
     */
    @ParameterizedTest(name = "N={0} D={1}")
    @CsvSource({"1,1", "1,5", "2,1", "3,2", "13,3000", "7,20000", "33,1000", "20000,1", "64,7"})
    void matches_the_staged_graph_across_chunk_edges(int n, int d) {
        BatchNormInput in = TestInputs.random(n, d, 1e-5, n * 131L + d);
        agreeWithStaged(in, GradientCheck.SIMPLIFIED_TOLERANCE);
    }

    @Test
    void gives_the_numbers_of_the_separate_forward_and_backward() {
        int n = 37;
        int d = 900; // chunks of 18 rows: 18, 18, 1
        BatchNormInput in = TestInputs.random(n, d, 1e-3, 5);
        FusedBatchNorm.Result two = FusedBatchNorm.run(in);
        double[] x = in.x().toArray();
        double[] gamma = in.gamma().toArray();
        double[] out = new double[n * d];
        double[] dx = new double[n * d];
        double[][] v = new double[5][d]; // mean, var, ivar, dgamma, dbeta
        FusedBatchNorm.forward(n, d, x, gamma, in.beta().toArray(), in.eps(), out, v[0], v[1], v[2]);
        FusedBatchNorm.backward(n, d, x, gamma, in.dout().toArray(), v[0], v[2], dx, v[3], v[4]);
        close("out", Matrix.wrap(n, d, out), two.out(), 1e-12);
        close("dx", Matrix.wrap(n, d, dx), two.dx(), 1e-12);
        close("mean", Matrix.wrap(1, d, v[0]), two.mean(), 1e-12);
        close("var", Matrix.wrap(1, d, v[1]), two.var(), 1e-12);
        close("dgamma", Matrix.wrap(1, d, v[3]), two.dgamma(), 1e-12);
        close("dbeta", Matrix.wrap(1, d, v[4]), two.dbeta(), 1e-12);
    }

    @ParameterizedTest(name = "N={0} D={1} column value {2}")
    @CsvSource({"40,3,0.1", "40,3,1e8", "5000,4,-7.3"})
    void constant_columns_have_zero_variance_and_agree_with_the_staged_graph(int n, int d, double c) {
        BatchNormInput random = TestInputs.random(n, d, 1e-5, 11);
        double[][] x = random.x().toRows();
        for (double[] row : x) {
            row[1] = c; // column 1 is constant
        }
        BatchNormInput in = new BatchNormInput(Matrix.fromRows(x), random.gamma(), random.beta(),
                random.dout(), random.eps());
        FusedBatchNorm.Result f = FusedBatchNorm.run(in);
        // a constant column's spread is only the rounding of its mean (a sum of n values)
        assertTrue(f.var().get(0, 1) <= Math.pow(n * Math.ulp(c), 2), () -> "var " + f.var());
        agreeWithStaged(in, GradientCheck.SIMPLIFIED_TOLERANCE);
    }

    /**
     * 1e8 + N(0, 1): E[x²] − E[x]² would lose every digit. Batch norm does not change when every
     * x moves by the same amount, and x − 1e8 is exact here, so the staged graph on x − 1e8 is
     * the reference. No double mean of x can be nearer than half an ulp of 1e8 (7.5e-9), so both
     * the fused kernel and the staged graph on x itself are held to a few such ulps relative to
     * the smallest column spread. (Not N = 2: there dx depends on eps / var and a column of two
     * close values loses digits in any order of operations, the staged graph's too.)
     */
    @ParameterizedTest(name = "N={0} D={1}")
    @CsvSource({"4096,8", "100,300", "16,5"})
    void large_offsets_keep_their_digits(int n, int d) {
        double offset = 1e8;
        Random r = new Random(n + d);
        double[][] noise = new double[n][d];
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = offset + r.nextGaussian();
                noise[i][j] = x[i][j] - offset; // exact (Sterbenz)
            }
        }
        BatchNormInput base = TestInputs.random(n, d, 1e-5, 3);
        BatchNormInput shifted = new BatchNormInput(Matrix.fromRows(x), base.gamma(), base.beta(), base.dout(), 1e-5);
        BatchNormInput centred = new BatchNormInput(Matrix.fromRows(noise), base.gamma(), base.beta(), base.dout(), 1e-5);
        Trace reference = BatchNormGraph.run(centred);
        FusedBatchNorm.Result f = FusedBatchNorm.run(shifted);
        double tolerance = 16 * Math.ulp(offset) / Math.sqrt(minimum(reference.value("var")));
        close("out", reference.value("out"), f.out(), tolerance);
        close("dx", reference.gradient("x"), f.dx(), tolerance);
        close("dgamma", reference.gradient("gamma"), f.dgamma(), tolerance);
        close("var", reference.value("var"), f.var(), tolerance);
        Trace staged = BatchNormGraph.run(shifted);
        close("staged out", reference.value("out"), staged.value("out"), tolerance);
        close("staged dx", reference.gradient("x"), staged.gradient("x"), tolerance);
        close("fused vs staged dx", staged.gradient("x"), f.dx(), 2 * tolerance);
    }

    /**
     * Many chunks of 1e8 + 0.1 · N(0, 1): the variance (about 0.01) keeps its digits. With each
     * chunk's mean from a sum of raw x, and the rounding of the stored mean left out of the
     * squares, it was 2.9e-9 off here; now 3e-14.
     */
    @Test
    void the_variance_of_many_chunks_of_large_offsets_keeps_its_digits() {
        int n = 9000;
        int d = 3;
        Random r = new Random(9);
        double[][] x = new double[n][d];
        double[][] noise = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = 1e8 + 0.1 * r.nextGaussian();
                noise[i][j] = x[i][j] - 1e8; // exact (Sterbenz)
            }
        }
        BatchNormInput base = TestInputs.random(n, d, 1e-5, 4);
        FusedBatchNorm.Result f = FusedBatchNorm.run(
                new BatchNormInput(Matrix.fromRows(x), base.gamma(), base.beta(), base.dout(), 1e-5));
        Matrix var = BatchNormGraph.run(new BatchNormInput(Matrix.fromRows(noise), base.gamma(), base.beta(),
                base.dout(), 1e-5)).value("var");
        assertTrue(n / (double) (FusedBatchNorm.CHUNK_VALUES / d) > 1, "several chunks");
        close("var", var, f.var(), 1e-12);
    }

    @Test
    void one_row_gives_zero_variance_and_zero_dx() {
        BatchNormInput in = TestInputs.random(1, 6, 1e-5, 2);
        FusedBatchNorm.Result f = FusedBatchNorm.run(in);
        assertEquals(0.0, f.var().maxAbs());
        assertEquals(0.0, f.dx().maxAbs());
        assertEquals(in.beta(), f.out());
    }

    private static double minimum(Matrix m) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : m.toArray()) {
            min = Math.min(min, v);
        }
        return min;
    }

    private static void agreeWithStaged(BatchNormInput in, double tolerance) {
        Trace t = BatchNormGraph.run(in);
        FusedBatchNorm.Result f = FusedBatchNorm.run(in);
        close("out", t.value("out"), f.out(), tolerance);
        close("mean", t.value("mu"), f.mean(), tolerance);
        close("var", t.value("var"), f.var(), tolerance);
        close("dx", t.gradient("x"), f.dx(), tolerance);
        close("dgamma", t.gradient("gamma"), f.dgamma(), tolerance);
        close("dbeta", t.gradient("beta"), f.dbeta(), tolerance);
    }

    private static void close(String what, Matrix reference, Matrix actual, double tolerance) {
        Comparison c = Comparison.of(reference, actual);
        assertTrue(c.within(tolerance), () -> what + ": " + c);
    }
}
