package org.normgraph.core.lab;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Two ways to compute the (biased) variance of the same doubles, against the exact value.
 *
 * <p>Two-pass, as the graph does it: {@code mean}, then {@code (1/N) Σ (x − mean)²}. One-pass:
 * {@code E[x²] − E[x]²}. With a large offset (1e8 plus noise of 0.1) E[x²] ≈ 1e16, where
 * neighbouring doubles are 2 apart, so the difference of two such numbers that should be
 * about 0.01 is rounding noise of size 1: catastrophic cancellation. The two-pass form
 * subtracts first, while the numbers are still close (x − mean is then exact), and keeps
 * nearly every digit.
 *
 * @param exact   the variance of the given doubles, computed in exact decimal arithmetic
 *                (rounded to 50 digits only where division needs it)
 * @param twoPass the two-pass double result
 * @param onePass the one-pass double result (may be negative or zero)
 */
public record VarianceAccuracy(double exact, double twoPass, double onePass) {

    private static final MathContext DIGITS = new MathContext(50);

    public static VarianceAccuracy of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int n = values.length;
        double sum = 0;
        double sumSq = 0;
        for (double v : values) {
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / n;
        double onePass = sumSq / n - mean * mean;
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        return new VarianceAccuracy(exact(values), sq / n, onePass);
    }

    /** Values {@code offset + noise·g} with g standard normal, reproducible from {@code seed}. */
    public static double[] offsetSample(double offset, double noise, int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = offset + noise * r.nextGaussian();
        }
        return v;
    }

    public double twoPassRelativeError() {
        return relativeError(twoPass);
    }

    public double onePassRelativeError() {
        return relativeError(onePass);
    }

    /** About how many significant decimal digits a result keeps: −log10(relative error), 0 to 17. */
    public static double correctDigits(double relativeError) {
        return relativeError == 0 ? 17 : Math.max(0, Math.min(17, -Math.log10(relativeError)));
    }

    private double relativeError(double approx) {
        if (exact == 0) {
            return approx == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(approx - exact) / Math.abs(exact);
    }

    private static double exact(double[] values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) {
            sum = sum.add(new BigDecimal(v)); // every double is an exact decimal
        }
        BigDecimal n = BigDecimal.valueOf(values.length);
        BigDecimal mean = sum.divide(n, DIGITS);
        BigDecimal sq = BigDecimal.ZERO;
        for (double v : values) {
            BigDecimal d = new BigDecimal(v).subtract(mean);
            sq = sq.add(d.multiply(d));
        }
        return sq.divide(n, DIGITS).doubleValue();
    }
}
