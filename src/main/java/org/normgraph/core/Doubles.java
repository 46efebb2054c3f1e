package org.normgraph.core;

/** Whole-array reductions of {@link Matrix}. */
final class Doubles {

    private Doubles() {
    }

    static boolean allFinite(double[] data) {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Largest absolute value, 0 for an empty array, NaN if any value is NaN. */
    static double maxAbs(double[] data) {
        double m = 0;
        for (double v : data) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static double sum(double[] data) {
        double s = 0;
        for (double v : data) {
            s += v;
        }
        return s;
    }
}
