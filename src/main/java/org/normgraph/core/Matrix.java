package org.normgraph.core;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable dense matrix of doubles, row-major. Vectors are {@code 1 × D}.
 *
 * <p>Every binary operation checks shapes and names both shapes when they do not fit. The
 * few "broadcast" helpers are only for the fused kernels and tests; the staged graph makes
 * broadcasting an explicit node instead.
 *
 * <p>A row copied to N rows ({@link #broadcastRows}) is held as that one row, seen N times:
 * it reads, compares and computes exactly like the N×D copy, without writing N copies.
 * Elementwise results of such matrices are held the same way.
 */
public final class Matrix {

    private final int rows;
    private final int cols;
    /** rows × cols values, or one row of cols values when {@link #repeated}. */
    private final double[] data;
    /** Every row is the same row, stored once. */
    private final boolean repeated;

    private Matrix(int rows, int cols, double[] data) {
        this(rows, cols, data, false);
    }

    private Matrix(int rows, int cols, double[] data, boolean repeated) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.repeated = repeated && rows > 1;
    }

    /** Where row {@code i} starts in {@link #data}. */
    private int rowStart(int i) {
        return repeated ? 0 : i * cols;
    }

    /**
     * The number of values of a {@code rows × cols} matrix. Refuses a negative shape, and one
     * with more values than an array holds: in int arithmetic 65536 · 65536 wraps to 0.
     */
    private static int size(long rows, long cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + "×" + cols);
        }
        if (rows * cols > Integer.MAX_VALUE) { // int sizes (or 1 × a long): the product fits a long
            throw new IllegalArgumentException("matrix " + rows + "×" + cols + " has " + rows * cols
                    + " values, more than an array holds (" + Integer.MAX_VALUE + ")");
        }
        return (int) (rows * cols);
    }

    /** Wraps {@code data} without copying; callers must not keep or change the array. */
    static Matrix wrap(int rows, int cols, double[] data) {
        if (data.length != size(rows, cols)) {
            throw new ShapeMismatchException("matrix " + rows + "×" + cols + " needs "
                    + rows * cols + " values, got " + data.length);
        }
        return new Matrix(rows, cols, data);
    }

    public static Matrix of(int rows, int cols, double... values) {
        return wrap(rows, cols, values.clone());
    }

    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[size(rows, cols)]);
    }

    public static Matrix filled(int rows, int cols, double value) {
        double[] d = new double[size(rows, cols)];
        Arrays.fill(d, value);
        return new Matrix(rows, cols, d);
    }

    public static Matrix rowVector(double... values) {
        return of(1, values.length, values);
    }

    /** From rows of equal length; a ragged array names the first row that differs. */
    public static Matrix fromRows(double[][] values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        double[] d = new double[size(r, c)];
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new ShapeMismatchException("row " + i + " has " + values[i].length
                        + " values, row 0 has " + c);
            }
            System.arraycopy(values[i], 0, d, i * c, c);
        }
        return new Matrix(r, c, d);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public Shape shape() {
        return new Shape(rows, cols);
    }

    public double get(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("[" + row + "][" + col + "] outside " + shape());
        }
        return data[rowStart(row) + col];
    }

    /** A copy of the values, row-major. */
    public double[] toArray() {
        if (!repeated) {
            return data.clone();
        }
        double[] d = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, 0, d, i * cols, cols);
        }
        return d;
    }

    public double[] row(int row) {
        if (row < 0 || row >= rows) { // a repeated row would otherwise answer any index
            throw new IndexOutOfBoundsException("row " + row + " outside " + shape());
        }
        return Arrays.copyOfRange(data, rowStart(row), rowStart(row) + cols);
    }

    public double[][] toRows() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = row(i);
        }
        return out;
    }

    /** A copy with one element replaced. */
    public Matrix with(int row, int col, double value) {
        get(row, col);
        double[] d = toArray();
        d[row * cols + col] = value;
        return new Matrix(rows, cols, d);
    }

    public Matrix map(DoubleUnaryOperator f) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(data[i]);
        }
        return new Matrix(rows, cols, d, repeated);
    }

    /** Elementwise {@code f(this, other)}; shapes must be equal. */
    public Matrix zip(String operation, Matrix other, DoubleBinaryOperator f) {
        requireSameShape(operation, other);
        Elementwise e = new Elementwise(this, other);
        for (int s = 0; s < e.segments; s++) {
            int a = e.start(this, s);
            int b = e.start(other, s);
            int o = s * e.length;
            for (int j = 0; j < e.length; j++) {
                e.out[o + j] = f.applyAsDouble(data[a + j], other.data[b + j]);
            }
        }
        return e.result();
    }

    // plus, minus and timesScaled repeat zip's loop on purpose: with the operation written
    // out, the JIT compiles each to straight arithmetic; through zip's lambda every element
    // would be a call (its call site sees many lambdas), several times slower on N×D.
    public Matrix plus(Matrix other) {
        requireSameShape("add", other);
        Elementwise e = new Elementwise(this, other);
        for (int s = 0; s < e.segments; s++) {
            int a = e.start(this, s);
            int b = e.start(other, s);
            int o = s * e.length;
            for (int j = 0; j < e.length; j++) {
                e.out[o + j] = data[a + j] + other.data[b + j];
            }
        }
        return e.result();
    }

    public Matrix minus(Matrix other) {
        requireSameShape("subtract", other);
        Elementwise e = new Elementwise(this, other);
        for (int s = 0; s < e.segments; s++) {
            int a = e.start(this, s);
            int b = e.start(other, s);
            int o = s * e.length;
            for (int j = 0; j < e.length; j++) {
                e.out[o + j] = data[a + j] - other.data[b + j];
            }
        }
        return e.result();
    }

    public Matrix times(Matrix other) {
        return timesScaled(other, 1.0);
    }

    /** {@code (factor · this) ⊙ other}, rounded in that order, in one pass. */
    public Matrix timesScaled(Matrix other, double factor) {
        requireSameShape("multiply", other);
        Elementwise e = new Elementwise(this, other);
        for (int s = 0; s < e.segments; s++) {
            int a = e.start(this, s);
            int b = e.start(other, s);
            int o = s * e.length;
            for (int j = 0; j < e.length; j++) {
                e.out[o + j] = factor * data[a + j] * other.data[b + j];
            }
        }
        return e.result();
    }

    /**
     * Both local gradients of {@code a ⊙ b} in one pass over the upstream gradient:
     * {@code {grad ⊙ b, grad ⊙ a}}, the same values as two calls of {@link #times}.
     */
    public static Matrix[] productGradients(Matrix grad, Matrix a, Matrix b) {
        grad.requireSameShape("multiply backward", a);
        grad.requireSameShape("multiply backward", b);
        if (grad.repeated) {
            return new Matrix[] {grad.times(b), grad.times(a)};
        }
        boolean flat = !a.repeated && !b.repeated;
        int segments = flat ? 1 : grad.rows;
        int length = flat ? grad.data.length : grad.cols;
        double[] toA = new double[grad.data.length];
        double[] toB = new double[grad.data.length];
        for (int s = 0; s < segments; s++) {
            int g0 = s * length;
            int a0 = a.repeated ? 0 : g0;
            int b0 = b.repeated ? 0 : g0;
            for (int j = 0; j < length; j++) {
                double g = grad.data[g0 + j];
                toA[g0 + j] = g * b.data[b0 + j];
                toB[g0 + j] = g * a.data[a0 + j];
            }
        }
        return new Matrix[] {new Matrix(grad.rows, grad.cols, toA), new Matrix(grad.rows, grad.cols, toB)};
    }

    /**
     * The loop of a binary elementwise operation: the output in segments of contiguous
     * values, and where each operand's segment starts. Two plain matrices are one segment of
     * every value; with a repeated row the segments are rows (the repeated operand starts each
     * at 0); two repeated rows give a repeated row, computed once.
     */
    private static final class Elementwise {
        final int rows;
        final int cols;
        final boolean repeated;
        final int segments;
        final int length;
        final double[] out;

        Elementwise(Matrix a, Matrix b) {
            rows = a.rows;
            cols = a.cols;
            repeated = a.repeated && b.repeated;
            boolean flat = !a.repeated && !b.repeated;
            segments = repeated || flat ? 1 : rows;
            length = flat ? rows * cols : cols;
            out = new double[segments * length];
        }

        int start(Matrix m, int segment) {
            return m.repeated ? 0 : segment * length;
        }

        Matrix result() {
            return new Matrix(rows, cols, out, repeated);
        }
    }

    public Matrix scale(double factor) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i] * factor;
        }
        return new Matrix(rows, cols, d, repeated);
    }

    public Matrix negate() {
        return scale(-1.0);
    }

    /** Column sums: {@code N×D → 1×D}. The adjoint of {@link #broadcastRows(int)}. */
    public Matrix sumRows() {
        double[] d = new double[cols];
        for (int i = 0; i < rows; i++) {
            int base = rowStart(i);
            for (int j = 0; j < cols; j++) {
                d[j] += data[base + j];
            }
        }
        return new Matrix(1, cols, d);
    }

    /** A {@code 1×D} row seen {@code n} times: {@code 1×D → n×D}, without copying the row. */
    public Matrix broadcastRows(int n) {
        if (rows != 1) {
            throw new ShapeMismatchException("broadcast: expects a 1×D row, got " + shape());
        }
        size(n, cols);
        return n == 0 ? zeros(0, cols) : new Matrix(n, cols, data, true);
    }

    /**
     * Block sums: the sum over every row when {@code overRows} (else row by row) and over each
     * block of {@code block} consecutive columns: {@code R×K → (1 or R)×(K/block)}. The adjoint
     * of {@link #broadcastBlocks}. Batch norm's {@link #sumRows} is {@code (true, 1)}; layer norm
     * sums {@code (false, D)}. Adds in row-major order, as {@link #sumRows} does, so that the
     * two round alike.
     */
    public Matrix sumBlocks(boolean overRows, int block) {
        if (block < 1 || cols % block != 0) {
            throw new ShapeMismatchException("block sum: " + cols + " columns are not whole blocks of " + block);
        }
        if (overRows && block == 1) {
            return sumRows();
        }
        int outCols = cols / block;
        double[] d = new double[(overRows ? 1 : rows) * outCols];
        for (int i = 0; i < rows; i++) {
            int from = rowStart(i);
            int outBase = overRows ? 0 : i * outCols;
            for (int g = 0; g < outCols; g++) { // column j = g·block + k, in increasing order
                for (int k = 0; k < block; k++) {
                    d[outBase + g] += data[from++];
                }
            }
        }
        return new Matrix(overRows ? 1 : rows, outCols, d);
    }

    /**
     * Copies each element to a block: a {@code 1×B} row to all {@code n} rows, or an
     * {@code n×B} matrix row by row, and each column to {@code block} consecutive columns:
     * {@code → n×(B·block)}. The adjoint of {@link #sumBlocks}.
     */
    public Matrix broadcastBlocks(int n, int block) {
        if (rows != 1 && rows != n) {
            throw new ShapeMismatchException("block broadcast: expects 1 or " + n + " rows, got " + shape());
        }
        if (block < 1) {
            throw new IllegalArgumentException("block broadcast: blocks of " + block + " columns; expected ≥ 1");
        }
        if (block == 1 && rows == 1) {
            return broadcastRows(n);
        }
        int outCols = size(1, (long) cols * block);
        double[] d = new double[size(n, outCols)];
        for (int i = 0, to = 0; i < n; i++) {
            int src = rows == 1 ? 0 : rowStart(i);
            for (int g = 0; g < cols; g++) {
                double v = data[src + g];
                for (int k = 0; k < block; k++) {
                    d[to++] = v;
                }
            }
        }
        return new Matrix(n, outCols, d);
    }

    /** The first column of each block of {@code block} consecutive columns: {@code R×(K·block) → R×K}. */
    public Matrix firstOfBlocks(int block) {
        if (block < 1 || cols % block != 0) {
            throw new ShapeMismatchException("first of blocks: " + cols + " columns are not whole blocks of " + block);
        }
        int outCols = cols / block;
        double[] d = new double[rows * outCols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < outCols; j++) {
                d[i * outCols + j] = data[rowStart(i) + j * block];
            }
        }
        return new Matrix(rows, outCols, d);
    }

    public boolean allFinite() {
        return Doubles.allFinite(data);
    }

    /** Largest absolute value, 0 for an empty matrix, NaN if any value is NaN. */
    public double maxAbs() {
        return Doubles.maxAbs(data);
    }

    public double sum() {
        if (!repeated) {
            return Doubles.sum(data);
        }
        double s = 0; // in the order of the N×D copy, so that it rounds alike
        for (int i = 0; i < rows; i++) {
            for (double v : data) {
                s += v;
            }
        }
        return s;
    }

    public void requireSameShape(String operation, Matrix other) {
        if (rows != other.rows || cols != other.cols) {
            throw new ShapeMismatchException(operation, shape(), other.shape());
        }
    }

    /** Equal shapes and values, whether a row is stored once or N times. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Matrix m) || m.rows != rows || m.cols != cols) {
            return false;
        }
        if (m.repeated == repeated) {
            return Arrays.equals(m.data, data);
        }
        for (int i = 0; i < rows; i++) {
            if (!Arrays.equals(data, rowStart(i), rowStart(i) + cols, m.data, m.rowStart(i), m.rowStart(i) + cols)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(repeated ? toArray() : data);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(shape().toString()).append(' ').append('[');
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "" : ", ").append(Arrays.toString(row(i)));
        }
        return sb.append(']').toString();
    }
}
