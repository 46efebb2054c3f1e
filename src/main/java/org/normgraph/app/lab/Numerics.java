package org.normgraph.app.lab;

import java.util.List;
import org.normgraph.core.lab.TinyEps;
import org.normgraph.core.lab.VarianceAccuracy;

/**
 * The numerics part of the lab: variance of large-offset samples computed two ways, and the
 * tiny-eps sweep over a constant column. Every number comes from {@link VarianceAccuracy} and
 * {@link TinyEps}; this record only fixes the demo's parameters.
 *
 * @param offset   the large offset added to every sample
 * @param noise    standard deviation of the noise around it
 * @param samples  how many values
 * @param variance exact, two-pass and one-pass variance of the sample
 * @param tinyEps  the constant column's sqrtvar, |xhat| and |dx| for eps from 1e−5 down to the smallest double
 */
public record Numerics(double offset, double noise, int samples, VarianceAccuracy variance, List<TinyEps.Row> tinyEps) {

    /** Offsets the user can choose, from harmless to hopeless for the one-pass form. */
    public static final List<Double> OFFSETS = List.of(0.0, 1e4, 1e6, 1e8, 1e10);
    public static final double NOISE = 0.1;
    public static final int SAMPLES = 64;
    public static final long SEED = 42;
    /** The constant column's value and rows: four equal values, as in a column that never changes. */
    public static final double CONSTANT = 0.7;
    public static final int ROWS = 4;
    public static final double[] EPS = {1e-5, 1e-10, 1e-20, 1e-40, 1e-80, 1e-160, Double.MIN_VALUE};

    public static Numerics compute(double offset) {
        return new Numerics(offset, NOISE, SAMPLES,
                VarianceAccuracy.of(VarianceAccuracy.offsetSample(offset, NOISE, SAMPLES, SEED)),
                TinyEps.constantColumn(CONSTANT, ROWS, EPS));
    }
}
