package org.normgraph.core;

import java.util.Random;

/** Reproducible random inputs for tests. */
public final class TestInputs {

    private TestInputs() {
    }

    /**
     * x with a per-column offset and spread (so columns differ in mean and variance), gamma away
     * from zero with either sign, beta and dout in [−1, 1].
     */
    public static BatchNormInput random(int n, int d, double eps, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        double[] offset = new double[d];
        double[] spread = new double[d];
        for (int j = 0; j < d; j++) {
            offset[j] = r.nextDouble() * 10 - 5;
            spread[j] = 0.2 + r.nextDouble() * 3;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = offset[j] + spread[j] * r.nextGaussian();
            }
        }
        double[] gamma = new double[d];
        double[] beta = new double[d];
        for (int j = 0; j < d; j++) {
            gamma[j] = (0.5 + r.nextDouble() * 1.5) * (r.nextBoolean() ? 1 : -1);
            beta[j] = r.nextDouble() * 2 - 1;
        }
        double[][] dout = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                dout[i][j] = r.nextDouble() * 2 - 1;
            }
        }
        return new BatchNormInput(Matrix.fromRows(x), Matrix.rowVector(gamma), Matrix.rowVector(beta),
                Matrix.fromRows(dout), eps);
    }

    /** The values of a trace under a DESIGN name: forward node or named gradient. */
    public static Matrix named(Trace trace, String name) {
        return BatchNormGraph.FORWARD.contains(name) ? trace.value(name)
                : BatchNormGraph.gradient(name).in(trace);
    }
}
