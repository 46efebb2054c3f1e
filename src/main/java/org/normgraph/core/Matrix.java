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
 */
public final class Matrix {

    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Wraps {@code data} without copying; callers must not keep or change the array. */
    static Matrix wrap(int rows, int cols, double[] data) {
        if (data.length != rows * cols) {
            throw new ShapeMismatchException("matrix " + rows + "×" + cols + " needs "
                    + rows * cols + " values, got " + data.length);
        }
        return new Matrix(rows, cols, data);
    }

    public static Matrix of(int rows, int cols, double... values) {
        return wrap(rows, cols, values.clone());
    }

    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[rows * cols]);
    }

    public static Matrix filled(int rows, int cols, double value) {
        double[] d = new double[rows * cols];
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
        double[] d = new double[r * c];
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
        return data[row * cols + col];
    }

    /** A copy of the values, row-major. */
    public double[] toArray() {
        return data.clone();
    }

    public double[] row(int row) {
        return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
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
        double[] d = data.clone();
        d[row * cols + col] = value;
        return new Matrix(rows, cols, d);
    }

    public Matrix map(DoubleUnaryOperator f) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(data[i]);
        }
        return new Matrix(rows, cols, d);
    }

    /** Elementwise {@code f(this, other)}; shapes must be equal. */
    public Matrix zip(String operation, Matrix other, DoubleBinaryOperator f) {
        requireSameShape(operation, other);
        double[] d = new double[data.length];
        double[] o = other.data;
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(data[i], o[i]);
        }
        return new Matrix(rows, cols, d);
    }

    public Matrix plus(Matrix other) {
        requireSameShape("add", other);
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i] + other.data[i];
        }
        return new Matrix(rows, cols, d);
    }

    public Matrix minus(Matrix other) {
        requireSameShape("subtract", other);
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i] - other.data[i];
        }
        return new Matrix(rows, cols, d);
    }

    public Matrix times(Matrix other) {
        requireSameShape("multiply", other);
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i] * other.data[i];
        }
        return new Matrix(rows, cols, d);
    }

    public Matrix scale(double factor) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i] * factor;
        }
        return new Matrix(rows, cols, d);
    }

    public Matrix negate() {
        return scale(-1.0);
    }

    /** Column sums: {@code N×D → 1×D}. The adjoint of {@link #broadcastRows(int)}. */
    public Matrix sumRows() {
        double[] d = new double[cols];
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                d[j] += data[base + j];
            }
        }
        return new Matrix(1, cols, d);
    }

    /** Copies a {@code 1×D} row {@code n} times: {@code 1×D → n×D}. */
    public Matrix broadcastRows(int n) {
        if (rows != 1) {
            throw new ShapeMismatchException("broadcast: expects a 1×D row, got " + shape());
        }
        double[] d = new double[n * cols];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data, 0, d, i * cols, cols);
        }
        return new Matrix(n, cols, d);
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
        int outCols = cols / block;
        double[] d = new double[(overRows ? 1 : rows) * outCols];
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            int outBase = overRows ? 0 : i * outCols;
            for (int j = 0; j < cols; j++) {
                d[outBase + j / block] += data[base + j];
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
        int outCols = cols * block;
        double[] d = new double[n * outCols];
        for (int i = 0; i < n; i++) {
            int src = rows == 1 ? 0 : i * cols;
            for (int j = 0; j < outCols; j++) {
                d[i * outCols + j] = data[src + j / block];
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
                d[i * outCols + j] = data[i * cols + j * block];
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
        return Doubles.sum(data);
    }

    public void requireSameShape(String operation, Matrix other) {
        if (rows != other.rows || cols != other.cols) {
            throw new ShapeMismatchException(operation, shape(), other.shape());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols
                && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
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
