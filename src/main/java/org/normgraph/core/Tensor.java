package org.normgraph.core;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable dense tensor of doubles: a shape ({@code int[]}, any rank ≥ 1) and its values in
 * row-major order. {@link Matrix} stays the type of the nine-step batch-norm graph; a tensor is
 * what the normalization family needs for N×C×H×W input.
 *
 * <p>Broadcasting is explicit and has one rule, {@link #broadcastTo}: a smaller tensor of the
 * same rank fits a larger one when each of its axes <em>divides</em> the larger axis. An axis of
 * size 1 is copied along the whole axis (the usual broadcast); an axis of size s &lt; S covers
 * blocks of S/s consecutive elements (the G groups of C channels in group norm); an equal axis
 * maps one to one. {@link #unbroadcast} is its adjoint — the adjoint of broadcast is sum — and
 * every reduction with keepdims is {@code unbroadcast} to the reduced shape.
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

    public static Tensor filled(double value, int... shape) {
        Tensor t = zeros(shape);
        Arrays.fill(t.data, value);
        return t;
    }

    /** A rank-1 tensor. */
    public static Tensor vector(double... values) {
        return of(new int[] {values.length}, values);
    }

    /** The N×D matrix as a rank-2 tensor (same values). */
    public static Tensor of(Matrix m) {
        return new Tensor(new int[] {m.rows(), m.cols()}, m.toArray());
    }

    /** A rank-2 tensor as a matrix. */
    public Matrix toMatrix() {
        if (shape.length != 2) {
            throw new ShapeMismatchException("toMatrix: expects a rank-2 tensor, got " + shapeText());
        }
        return Matrix.of(shape[0], shape[1], data);
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

    public Tensor map(DoubleUnaryOperator f) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(data[i]);
        }
        return new Tensor(shape, d);
    }

    /** Elementwise {@code f(this, other)}; shapes must be equal. */
    public Tensor zip(String operation, Tensor other, DoubleBinaryOperator f) {
        requireSameShape(operation, other);
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(data[i], other.data[i]);
        }
        return new Tensor(shape, d);
    }

    public Tensor plus(Tensor other) {
        return zip("add", other, Double::sum);
    }

    public Tensor minus(Tensor other) {
        return zip("subtract", other, (a, b) -> a - b);
    }

    public Tensor times(Tensor other) {
        return zip("multiply", other, (a, b) -> a * b);
    }

    public Tensor dividedBy(Tensor other) {
        return zip("divide", other, (a, b) -> a / b);
    }

    public Tensor scale(double factor) {
        return map(v -> v * factor);
    }

    public Tensor negate() {
        return scale(-1.0);
    }

    /**
     * Copies this tensor up to {@code target}: element {@code i} of a target axis reads element
     * {@code i / (S/s)} of this axis (s this axis, S the target's). See the class comment.
     */
    public Tensor broadcastTo(int... target) {
        int[] from = sourceIndex(shape, target, "broadcast");
        double[] d = new double[from.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[from[i]];
        }
        return new Tensor(target.clone(), d);
    }

    /**
     * The adjoint of {@link #broadcastTo}: sums {@code grad} down to {@code target}, each target
     * element receiving the sum of the elements it was copied to. Sums run in row-major order.
     */
    public static Tensor unbroadcast(Tensor grad, int... target) {
        int[] to = sourceIndex(target, grad.shape, "unbroadcast");
        double[] d = new double[size(target)];
        for (int i = 0; i < to.length; i++) {
            d[to[i]] += grad.data[i];
        }
        return new Tensor(target.clone(), d);
    }

    /** Sum with keepdims down to {@code target}: {@code unbroadcast(this, target)}. */
    public Tensor sumTo(int... target) {
        return unbroadcast(this, target);
    }

    /** How many elements of {@code full} each element of {@code small} covers when broadcast. */
    public static int blockSize(int[] small, int[] full) {
        sourceIndex(small, full, "broadcast");
        return size(full) / size(small);
    }

    public boolean allFinite() {
        return Doubles.allFinite(data);
    }

    /** Largest absolute value, NaN if any value is NaN. */
    public double maxAbs() {
        return Doubles.maxAbs(data);
    }

    public double sum() {
        return Doubles.sum(data);
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

    public void requireSameShape(String operation, Tensor other) {
        if (!Arrays.equals(shape, other.shape)) {
            throw new ShapeMismatchException(operation, shapeText(), other.shapeText());
        }
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

    /**
     * For each row-major position of {@code full}, the position of {@code small} it reads when
     * {@code small} is broadcast to {@code full}. Shapes that do not fit name both shapes.
     */
    private static int[] sourceIndex(int[] small, int[] full, String operation) {
        if (small.length != full.length) {
            throw new ShapeMismatchException(operation, format(small), format(full));
        }
        int rank = full.length;
        int[] block = new int[rank];
        int[] stride = new int[rank];
        for (int k = rank - 1, s = 1; k >= 0; k--) {
            if (small[k] < 1 || full[k] % small[k] != 0) {
                throw new ShapeMismatchException(operation + ": " + format(small) + " does not fit "
                        + format(full) + " (axis " + k + ": " + small[k] + " must divide " + full[k] + ")");
            }
            block[k] = full[k] / small[k];
            stride[k] = s;
            s *= small[k];
        }
        int[] map = new int[size(full)];
        int[] idx = new int[rank];
        for (int i = 0; i < map.length; i++) {
            int s = 0;
            for (int k = 0; k < rank; k++) {
                s += (idx[k] / block[k]) * stride[k];
            }
            map[i] = s;
            for (int k = rank - 1; k >= 0 && ++idx[k] == full[k]; k--) {
                idx[k] = 0;
            }
        }
        return map;
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
