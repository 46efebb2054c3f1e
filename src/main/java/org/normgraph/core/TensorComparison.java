package org.normgraph.core;

import java.util.List;

/**
 * How far one tensor is from a reference, like {@link Comparison} for matrices: the largest
 * elementwise difference relative to the largest magnitude of either tensor (a gradient
 * element that should be 0 is judged against the gradient's scale), and where it is.
 *
 * @param relativeError max |a − b| / max(‖a‖∞, ‖b‖∞, floor); infinite when a NaN is involved
 * @param maxDifference max |a − b|
 * @param index         the index of the largest difference, one entry per axis
 * @param reference     the reference's value there
 * @param actual        the other value there
 */
public record TensorComparison(double relativeError, double maxDifference, List<Integer> index,
                               double reference, double actual) {

    public TensorComparison {
        index = List.copyOf(index);
    }

    public static TensorComparison of(Tensor reference, Tensor actual) {
        reference.requireSameShape("compare", actual);
        if (reference.size() == 0) {
            return new TensorComparison(0, 0, List.of(), 0, 0);
        }
        double scale = Math.max(Comparison.ABSOLUTE_FLOOR, Math.max(reference.maxAbs(), actual.maxAbs()));
        double worst = -1;
        int at = 0;
        for (int i = 0; i < reference.size(); i++) {
            double diff = Math.abs(reference.at(i) - actual.at(i));
            if (Double.isNaN(diff)) {
                diff = Double.POSITIVE_INFINITY;
            }
            if (diff > worst) {
                worst = diff;
                at = i;
            }
        }
        double rel = Double.isNaN(scale) ? Double.POSITIVE_INFINITY : worst / scale;
        List<Integer> index = java.util.Arrays.stream(reference.index(at)).boxed().toList();
        return new TensorComparison(rel, worst, index, reference.at(at), actual.at(at));
    }

    public boolean within(double tolerance) {
        return relativeError <= tolerance;
    }

    /** {@code [1][0][2][1]}. */
    public String indexText() {
        return Tensor.indexText(index.stream().mapToInt(Integer::intValue).toArray());
    }
}
