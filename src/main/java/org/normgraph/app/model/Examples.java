package org.normgraph.app.model;

import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;

/** Ready-made inputs: the one place where the example a learner starts from is written down. */
public final class Examples {

    private Examples() {
    }

    /**
     * The classic 4×3 example, with round numbers a learner can check by hand: column means
     * of {@code x} are 4, 2 and 1, variances 5, 2 and 2.5. {@code gamma} and {@code beta}
     * differ per column, and {@code dout} is not uniform, so every gradient is non-zero.
     * {@code eps} is the default 1e-5.
     */
    public static BatchNormInput classic() {
        Matrix x = Matrix.fromRows(new double[][] {
                {1, 2, 0},
                {3, 4, -1},
                {5, 0, 2},
                {7, 2, 3}});
        Matrix gamma = Matrix.rowVector(1, 0.5, 2);
        Matrix beta = Matrix.rowVector(0, 1, -1);
        Matrix dout = Matrix.fromRows(new double[][] {
                {0.1, -0.2, 0.3},
                {-0.4, 0.5, 0.1},
                {0.2, 0.1, -0.3},
                {0.3, -0.1, 0.2}});
        return new BatchNormInput(x, gamma, beta, dout, BatchNormInput.DEFAULT_EPS);
    }
}
