package org.normgraph.core;

import java.util.Arrays;

/**
 * An immutable dense tensor of doubles: a shape ({@code int[]}, any rank ≥ 1) and its values in
 * row-major order. It is the shape of a family case as files and the command line give it
 * (x and dout N×D or N×C×H×W, gamma and beta of length C); the core runs every kind on
 * {@link Matrix} (x as the N×(C·H·W) matrix of its rows, which holds the same values in the
 * same order).
 */
public final class Tensor {

    private final int[] shape;
    private final double[] data;

    private Tensor(int[] shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    /** Wraps {@code data} without copying; callers must not keep or change either array. */
    static Tensor wrap(int[] shape, double[] data) {
        checkShape(shape);
        if (data.length != size(shape)) {
            throw new ShapeMismatchException("tensor " + format(shape) + " needs " + size(shape)
                    + " values, got " + data.length);
        }
        return new Tensor(shape, data);
    }

    /** A tensor of this shape with these values, row-major. */
    public static Tensor of(int[] shape, double... values) {
        return wrap(shape.clone(), values.clone());
    }

    public static Tensor zeros(int... shape) {
        checkShape(shape);
        return new Tensor(shape.clone(), new double[size(shape)]);
    }

    /** A rank-1 tensor. */
    public static Tensor vector(double... values) {
        return of(new int[] {values.length}, values);
    }

    /** The N×D matrix as a rank-2 tensor (same values). */
    public static Tensor of(Matrix m) {
        return new Tensor(new int[] {m.rows(), m.cols()}, m.toArray());
    }

    public int rank() {
        return shape.length;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return data.length;
    }

    /** The shape as text, e.g. {@code 2×3×4×4}. */
    public String shapeText() {
        return format(shape);
    }

    public boolean hasShape(int... other) {
        return Arrays.equals(shape, other);
    }

    public double get(int... index) {
        return data[flatIndex(index)];
    }

    /** The value at a row-major position {@code 0 ≤ i < size()}. */
    public double at(int i) {
        return data[i];
    }

    /** A copy with one element replaced. */
    public Tensor with(int[] index, double value) {
        double[] d = data.clone();
        d[flatIndex(index)] = value;
        return new Tensor(shape, d);
    }

    /** A copy of the values, row-major. */
    public double[] toArray() {
        return data.clone();
    }

    /** The same values viewed with another shape of the same size. */
    public Tensor reshape(int... newShape) {
        checkShape(newShape);
        if (size(newShape) != data.length) {
            throw new ShapeMismatchException("reshape", shapeText(), format(newShape));
        }
        return new Tensor(newShape.clone(), data);
    }

    /** The index (one entry per axis) of a row-major position. */
    public int[] index(int flat) {
        int[] idx = new int[shape.length];
        for (int k = shape.length - 1; k >= 0; k--) {
            idx[k] = flat % shape[k];
            flat /= shape[k];
        }
        return idx;
    }

    /** {@code [1][0][2]}: an index as a reader writes it. */
    public static String indexText(int[] index) {
        StringBuilder sb = new StringBuilder();
        for (int i : index) {
            sb.append('[').append(i).append(']');
        }
        return sb.toString();
    }

    /** {@code 2×3×4}; a rank-1 shape is its length alone. */
    public static String format(int[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < shape.length; k++) {
            sb.append(k == 0 ? "" : "×").append(shape[k]);
        }
        return sb.toString();
    }

    public static int size(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n = Math.multiplyExact(n, s);
        }
        return n;
    }

    private int flatIndex(int[] index) {
        if (index.length != shape.length) {
            throw new IndexOutOfBoundsException(indexText(index) + " outside " + shapeText());
        }
        int flat = 0;
        for (int k = 0; k < shape.length; k++) {
            if (index[k] < 0 || index[k] >= shape[k]) {
                throw new IndexOutOfBoundsException(indexText(index) + " outside " + shapeText());
            }
            flat = flat * shape[k] + index[k];
        }
        return flat;
    }

    private static void checkShape(int[] shape) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("a tensor needs rank ≥ 1");
        }
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative shape " + format(shape));
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(t.shape, shape) && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return shapeText() + " " + Arrays.toString(data);
    }
}
