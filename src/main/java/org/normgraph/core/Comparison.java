package org.normgraph.core;

/**
 * How far one matrix is from a reference: the largest elementwise difference, relative to
 * the largest magnitude of either matrix (normwise, so a gradient element that should be
 * 0 is judged against the gradient's scale, not against itself). Differences below
 * {@link #ABSOLUTE_FLOOR} in a matrix whose values are all that small count as agreement.
 *
 * @param relativeError max |a − b| / max(‖a‖∞, ‖b‖∞, floor)
 * @param row           row of the largest difference
 * @param col           column of the largest difference
 * @param reference     the reference's value there
 * @param actual        the other value there
 */
public record Comparison(double relativeError, int row, int col, double reference, double actual) {

    /** Scale below which a whole gradient counts as zero. */
    public static final double ABSOLUTE_FLOOR = 1e-10;

    public static Comparison of(Matrix reference, Matrix actual) {
        reference.requireSameShape("compare", actual);
        if (reference.rows() * reference.cols() == 0) {
            return new Comparison(0, 0, 0, 0, 0); // nothing to differ
        }
        double scale = scale(reference, actual);
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
        double rel = worst / scale;
        if (Double.isNaN(rel)) {
            rel = Double.POSITIVE_INFINITY; // a NaN in either matrix, or infinite values (∞ / ∞)
        }
        return new Comparison(rel, wr, wc, reference.get(wr, wc), actual.get(wr, wc));
    }

    /** What differences are relative to: max(‖a‖∞, ‖b‖∞, floor). */
    public static double scale(Matrix reference, Matrix actual) {
        return Math.max(ABSOLUTE_FLOOR, Math.max(reference.maxAbs(), actual.maxAbs()));
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
