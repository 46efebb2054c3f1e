package org.normgraph.core.family;

import java.util.Random;
import org.normgraph.core.Tensor;

/** Reproducible random family inputs for tests. */
public final class FamilyInputs {

    private FamilyInputs() {
    }

    /**
     * x with an offset and spread per channel and per sample (so that every kind's statistics
     * differ), gamma away from zero with either sign, beta and dout in [−1, 1].
     */
    public static NormInput random(int[] shape, double eps, long seed) {
        Random r = new Random(seed);
        int n = shape[0];
        int c = shape[1];
        double[] channelOffset = new double[c];
        double[] channelSpread = new double[c];
        for (int j = 0; j < c; j++) {
            channelOffset[j] = r.nextDouble() * 10 - 5;
            channelSpread[j] = 0.2 + r.nextDouble() * 3;
        }
        double[] sampleOffset = new double[n];
        for (int i = 0; i < n; i++) {
            sampleOffset[i] = r.nextDouble() * 4 - 2;
        }
        int size = Tensor.size(shape);
        int perSample = size / n;
        int perChannel = perSample / c;
        double[] x = new double[size];
        double[] dout = new double[size];
        for (int k = 0; k < size; k++) {
            int i = k / perSample;
            int j = (k % perSample) / perChannel;
            x[k] = sampleOffset[i] + channelOffset[j] + channelSpread[j] * r.nextGaussian();
            dout[k] = r.nextDouble() * 2 - 1;
        }
        double[] gamma = new double[c];
        double[] beta = new double[c];
        for (int j = 0; j < c; j++) {
            gamma[j] = (0.5 + r.nextDouble() * 1.5) * (r.nextBoolean() ? 1 : -1);
            beta[j] = r.nextDouble() * 2 - 1;
        }
        return new NormInput(Tensor.of(shape, x), Tensor.vector(gamma), Tensor.vector(beta), Tensor.of(shape, dout), eps);
    }

    public static int[] shape(int... dims) {
        return dims;
    }
}
