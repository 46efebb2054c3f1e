package org.normgraph.core;

import java.util.Optional;

/**
 * How far one matrix is from a reference: the largest elementwise difference, relative to
 * the largest magnitude of either matrix (normwise, so a gradient element that should be
 * 0 is judged against the gradient's scale, not against itself). Differences below a floor
 * in a matrix whose values are all that small count as agreement: {@link #ABSOLUTE_FLOOR} for
 * well-scaled input, or a floor that scales with the input ({@link CheckResolution#zeroBelow}),
 * so that the gradients of x ~ 1e20 (about 1e-20) are still compared digit by digit.
 *
 * @param relativeError max |a − b| / max(‖a‖∞, ‖b‖∞, floor); 0 where they are equal
 * @param row           row of the largest difference
 * @param col           column of the largest difference
 * @param reference     the reference's value there
 * @param actual        the other value there
 */
public record Comparison(double relativeError, int row, int col, double reference, double actual) {

    /** Scale below which a whole gradient of well-scaled input (values about 1) counts as zero. */
    public static final double ABSOLUTE_FLOOR = 1e-10;

    /** Compared with the floor of well-scaled input, {@link #ABSOLUTE_FLOOR}. */
    public static Comparison of(Matrix reference, Matrix actual) {
        return of(reference, actual, ABSOLUTE_FLOOR);
    }

    /**
     * Compared relative to the larger matrix, or to {@code zeroBelow} where both are smaller:
     * values under it count as rounding around 0.
     */
    public static Comparison of(Matrix reference, Matrix actual, double zeroBelow) {
        reference.requireSameShape("compare", actual);
        if (reference.rows() * reference.cols() == 0) {
            return new Comparison(0, 0, 0, 0, 0); // nothing to differ
        }
        double scale = scale(reference, actual, zeroBelow);
        double worst = -1;
        int wr = 0;
        int wc = 0;
        for (int i = 0; i < reference.rows(); i++) {
            for (int j = 0; j < reference.cols(); j++) {
                double diff = Math.abs(reference.get(i, j) - actual.get(i, j));
                if (Double.isNaN(diff)) {
                    diff = Double.POSITIVE_INFINITY;
                }
                if (diff > worst) {
                    worst = diff;
                    wr = i;
                    wc = j;
                }
            }
        }
        return new Comparison(relative(worst, scale), wr, wc, reference.get(wr, wc), actual.get(wr, wc));
    }

    /**
     * The first element, in row-major order, whose difference relative to the matrices' scale
     * (as {@link #of} measures it) is beyond {@code tolerance}; none when every element agrees.
     * Where a mistake first shows, rather than where it is largest.
     */
    public static Optional<Comparison> firstBeyond(Matrix reference, Matrix actual, double zeroBelow, double tolerance) {
        reference.requireSameShape("compare", actual);
        double scale = scale(reference, actual, zeroBelow);
        for (int i = 0; i < reference.rows(); i++) {
            for (int j = 0; j < reference.cols(); j++) {
                double rel = relative(Math.abs(reference.get(i, j) - actual.get(i, j)), scale);
                if (rel > tolerance) {
                    return Optional.of(new Comparison(rel, i, j, reference.get(i, j), actual.get(i, j)));
                }
            }
        }
        return Optional.empty();
    }

    /** A difference relative to {@code scale}: 0 where equal, infinite where a NaN or ∞ / ∞ is involved. */
    private static double relative(double diff, double scale) {
        double rel = diff == 0 ? 0 : diff / scale;
        return Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel;
    }

    /** What differences are relative to: max(‖a‖∞, ‖b‖∞, zeroBelow), never below the smallest normal double. */
    public static double scale(Matrix reference, Matrix actual, double zeroBelow) {
        return Math.max(Math.max(Double.MIN_NORMAL, zeroBelow), Math.max(reference.maxAbs(), actual.maxAbs()));
    }

    public boolean within(double tolerance) {
        return relativeError <= tolerance;
    }

    /** The largest absolute difference, |reference − actual| where it is (infinite when a NaN is involved). */
    public double maxDifference() {
        double diff = Math.abs(reference - actual);
        return Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff;
    }

    /** {@code [row][col]}: where the largest difference is. */
    public String indexText() {
        return "[" + row + "][" + col + "]";
    }
}
