package org.normgraph.core;

/**
 * The shape of a matrix: {@code rows × cols}. A row vector (gamma, mu, …) is {@code 1 × D}.
 */
public record Shape(int rows, int cols) {

    public Shape {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + "×" + cols);
        }
    }

    public static Shape of(int rows, int cols) {
        return new Shape(rows, cols);
    }

    public int size() {
        return rows * cols;
    }

    public boolean isRowVector() {
        return rows == 1;
    }

    @Override
    public String toString() {
        return rows + "×" + cols;
    }
}
