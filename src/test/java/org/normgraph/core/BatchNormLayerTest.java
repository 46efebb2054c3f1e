package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The layer: running statistics with momentum, inference with them, and the inference backward.
 *
 * <p>Worked example (eps = 2, momentum = 0.5): the batch x has columns (3, 3, −1, 3), mean 2,
 * biased var 12/4 = 3, and (−4, 0, 2, 6), mean 1, var 52/4 = 13. Running stats start at
 * mean 0, var 1, so after one step mean = 0.5·0 + 0.5·(2, 1) = (1, 0.5) and
 * var = 0.5·1 + 0.5·(3, 13) = (2, 7); var + eps = (4, 9), inference ivar = (1/2, 1/3).
 * A second step with the same batch gives mean (1.5, 0.75), var (2.5, 10).
 */
class BatchNormLayerTest {

    private static final Matrix BATCH = Matrix.fromRows(new double[][] {{3, -4}, {3, 0}, {-1, 2}, {3, 6}});
    private static final Matrix GAMMA = Matrix.rowVector(2, 3);
    private static final Matrix BETA = Matrix.rowVector(1, -1);

    @ParameterizedTest
    @EnumSource(BatchNorm.Engine.class)
    void training_moves_the_running_statistics_by_momentum(BatchNorm.Engine engine) {
        BatchNorm layer = new BatchNorm(2, 2, 0.5, engine);
        assertArrayEquals(new double[] {0, 0}, layer.runningMean().row(0));
        assertArrayEquals(new double[] {1, 1}, layer.runningVar().row(0));
        layer.train(BATCH, GAMMA, BETA);
        assertArrayEquals(new double[] {1, 0.5}, layer.runningMean().row(0), 1e-15);
        assertArrayEquals(new double[] {2, 7}, layer.runningVar().row(0), 1e-15);
        layer.train(BATCH, GAMMA, BETA);
        assertArrayEquals(new double[] {1.5, 0.75}, layer.runningMean().row(0), 1e-15);
        assertArrayEquals(new double[] {2.5, 10}, layer.runningVar().row(0), 1e-15);
    }

    @ParameterizedTest
    @EnumSource(BatchNorm.Engine.class)
    void default_momentum_keeps_nine_tenths_of_the_running_statistics(BatchNorm.Engine engine) {
        BatchNorm layer = new BatchNorm(2, BatchNormInput.DEFAULT_EPS, 0.9, engine);
        layer.train(BATCH, GAMMA, BETA);
        // 0.9 · 0 + 0.1 · (2, 1) and 0.9 · 1 + 0.1 · (3, 13)
        assertArrayEquals(new double[] {0.2, 0.1}, layer.runningMean().row(0), 1e-15);
        assertArrayEquals(new double[] {1.2, 2.2}, layer.runningVar().row(0), 1e-15);
    }

    @ParameterizedTest
    @EnumSource(BatchNorm.Engine.class)
    void inference_normalizes_with_the_running_statistics_and_changes_nothing(BatchNorm.Engine engine) {
        BatchNorm layer = new BatchNorm(2, 2, 0.5, engine);
        layer.train(BATCH, GAMMA, BETA);
        Matrix x = Matrix.fromRows(new double[][] {{1, 0.5}, {5, 3.5}});
        Matrix out = layer.infer(x, GAMMA, BETA);
        // gamma · (x − (1, 0.5)) · (1/2, 1/3) + beta
        assertArrayEquals(new double[] {1, -1}, out.row(0), 1e-15);
        assertArrayEquals(new double[] {5, 2}, out.row(1), 1e-15);
        assertArrayEquals(new double[] {1, 0.5}, layer.runningMean().row(0), 1e-15);
        assertArrayEquals(new double[] {2, 7}, layer.runningVar().row(0), 1e-15);
    }

    @ParameterizedTest
    @EnumSource(BatchNorm.Engine.class)
    void inference_of_a_single_row_does_not_use_batch_statistics(BatchNorm.Engine engine) {
        BatchNorm layer = new BatchNorm(2, 3, 0.9, engine); // untrained: mean 0, var 1, ivar 1/2
        Matrix out = layer.infer(Matrix.rowVector(4, -2), GAMMA, BETA);
        assertArrayEquals(new double[] {2 * 4 / 2.0 + 1, 3 * -2 / 2.0 - 1}, out.row(0), 1e-15);
    }

    @ParameterizedTest
    @EnumSource(BatchNorm.Engine.class)
    void inference_backward_matches_finite_differences_of_the_inference_forward(BatchNorm.Engine engine) {
        BatchNormInput in = TestInputs.random(5, 3, 1e-3, 77);
        BatchNorm layer = new BatchNorm(3, 1e-3, 0.7, engine);
        layer.train(in.x(), in.gamma(), in.beta());
        layer.train(TestInputs.random(6, 3, 1e-3, 78).x(), in.gamma(), in.beta());
        BatchNormInput probe = TestInputs.random(4, 3, 1e-3, 79);
        BatchNorm.Gradients g = layer.inferBackward(probe.x(), probe.gamma(), probe.dout());
        Function<BatchNormInput, Double> loss =
                p -> layer.infer(p.x(), p.gamma(), p.beta()).times(p.dout()).sum();
        close("dx", numeric(probe.x(), m -> loss.apply(probe.withX(m))), g.dx());
        close("dgamma", numeric(probe.gamma(), m -> loss.apply(probe.withGamma(m))), g.dgamma());
        close("dbeta", numeric(probe.beta(), m -> loss.apply(probe.withBeta(m))), g.dbeta());
    }

    @ParameterizedTest
    @EnumSource(BatchNorm.Engine.class)
    void a_batch_with_the_wrong_number_of_features_is_refused_naming_x(BatchNorm.Engine engine) {
        BatchNorm layer = new BatchNorm(3, 1e-5, 0.9, engine);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> layer.train(BATCH, GAMMA, BETA));
        assertEquals("x", e.field());
        assertTrue(e.getMessage().contains("4×2"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(BatchNorm.Engine.class)
    void a_dout_of_the_wrong_shape_is_refused_naming_dout(BatchNorm.Engine engine) {
        BatchNorm.TrainStep step = new BatchNorm(2, 1e-5, 0.9, engine).train(BATCH, GAMMA, BETA);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> step.backward(Matrix.zeros(2, 2)));
        assertEquals("dout", e.field());
        assertTrue(e.getMessage().contains("4×2") && e.getMessage().contains("2×2"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void a_staged_step_keeps_the_trace_of_the_graph_after_backward() {
        BatchNormInput in = HandCheckedCasesTest.case2x2();
        BatchNorm.StagedStep step = (BatchNorm.StagedStep) new BatchNorm(2, 1, 0.9, BatchNorm.Engine.STAGED)
                .train(in.x(), in.gamma(), in.beta());
        assertNull(step.trace());
        step.backward(in.dout());
        assertNotNull(step.trace());
        assertEquals(BatchNormGraph.run(in).value("xhat"), step.trace().value("xhat"));
        assertEquals(BatchNormGraph.run(in).gradient("x"), step.trace().gradient("x"));
    }

    @org.junit.jupiter.api.Test
    void eps_and_momentum_outside_their_ranges_are_refused() {
        assertThrows(InvalidInputException.class, () -> new BatchNorm(2, 0, 0.9, BatchNorm.Engine.STAGED));
        assertThrows(InvalidInputException.class, () -> new BatchNorm(2, Double.NaN, 0.9, BatchNorm.Engine.STAGED));
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm(2, 1e-5, 1.5, BatchNorm.Engine.FUSED));
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm(0));
    }

    @org.junit.jupiter.api.Test
    void a_missing_engine_is_refused_not_taken_for_fused() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new BatchNorm(2, 1e-5, 0.9, null));
        assertTrue(e.getMessage().contains("engine"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(BatchNorm.Engine.class)
    void inference_backward_refuses_a_dout_that_training_backward_refuses(BatchNorm.Engine engine) {
        BatchNorm layer = new BatchNorm(2, 1e-5, 0.9, engine);
        Matrix nan = Matrix.fromRows(new double[][] {{1, 0}, {0, Double.NaN}, {0, 0}, {0, 0}});
        InvalidInputException trained = assertThrows(InvalidInputException.class,
                () -> layer.train(BATCH, GAMMA, BETA).backward(nan));
        InvalidInputException inferred = assertThrows(InvalidInputException.class,
                () -> layer.inferBackward(BATCH, GAMMA, nan));
        assertEquals(trained.getMessage(), inferred.getMessage());
        assertEquals("dout[1][1]", inferred.field());
    }

    @org.junit.jupiter.api.Test
    void inference_backward_refuses_an_x_or_gamma_that_inference_refuses() {
        BatchNorm layer = new BatchNorm(2);
        Matrix dout = Matrix.zeros(4, 2);
        Matrix infiniteX = BATCH.with(2, 0, Double.POSITIVE_INFINITY);
        assertEquals("x[2][0]", assertThrows(InvalidInputException.class,
                () -> layer.inferBackward(infiniteX, GAMMA, dout)).field());
        assertEquals("gamma[1]", assertThrows(InvalidInputException.class,
                () -> layer.inferBackward(BATCH, Matrix.rowVector(1, Double.NaN), dout)).field());
        assertEquals("gamma", assertThrows(InvalidInputException.class,
                () -> layer.inferBackward(BATCH, Matrix.rowVector(1, 2, 3), dout)).field());
    }

    private static Matrix numeric(Matrix at, Function<Matrix, Double> loss) {
        double[][] g = new double[at.rows()][at.cols()];
        for (int i = 0; i < at.rows(); i++) {
            for (int j = 0; j < at.cols(); j++) {
                double v = at.get(i, j);
                double h = 1e-6 * Math.max(1, Math.abs(v));
                g[i][j] = (loss.apply(at.with(i, j, v + h)) - loss.apply(at.with(i, j, v - h)))
                        / ((v + h) - (v - h));
            }
        }
        return Matrix.fromRows(g);
    }

    private static void close(String what, Matrix numeric, Matrix analytic) {
        Comparison c = Comparison.of(numeric, analytic);
        assertTrue(c.within(1e-7), () -> what + ": " + c);
    }
}
