package org.normgraph.core;

/**
 * The inputs of one batch-norm forward+backward: {@code x} (N×D), {@code gamma} and
 * {@code beta} (1×D), the upstream gradient {@code dout} (N×D) and {@code eps} &gt; 0.
 * Construction validates everything and names the field that is wrong.
 */
public record BatchNormInput(Matrix x, Matrix gamma, Matrix beta, Matrix dout, double eps) {

    public static final double DEFAULT_EPS = 1e-5;

    public BatchNormInput {
        checkForward(x, gamma, beta, eps);
        requireShape("dout", dout, x.shape(), "N×D like x");
        requireFinite("dout", dout);
    }

    /** The checks of a forward pass: shapes of x, gamma, beta, finite values, eps &gt; 0. */
    static void checkForward(Matrix x, Matrix gamma, Matrix beta, double eps) {
        require("x", x);
        if (x.rows() < 1 || x.cols() < 1) {
            throw new InvalidInputException("x", "needs N ≥ 1 rows and D ≥ 1 columns, got "
                    + x.shape());
        }
        Shape row = new Shape(1, x.cols());
        requireShape("gamma", gamma, row, "1×D with D = " + x.cols() + " from x");
        requireShape("beta", beta, row, "1×D with D = " + x.cols() + " from x");
        requireFinite("x", x);
        requireFinite("gamma", gamma);
        requireFinite("beta", beta);
        requireEps(eps);
    }

    /**
     * eps &gt; 0 and finite: √(var + eps) of a constant column must stay a positive number.
     * Every input, graph and engine of the core refuses eps with this one message.
     */
    public static void requireEps(double eps) {
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new InvalidInputException("eps", "must be a finite number > 0, got " + eps);
        }
    }

    public int n() {
        return x.rows();
    }

    public int d() {
        return x.cols();
    }

    public BatchNormInput withX(Matrix newX) {
        return new BatchNormInput(newX, gamma, beta, dout, eps);
    }

    public BatchNormInput withGamma(Matrix newGamma) {
        return new BatchNormInput(x, newGamma, beta, dout, eps);
    }

    public BatchNormInput withBeta(Matrix newBeta) {
        return new BatchNormInput(x, gamma, newBeta, dout, eps);
    }

    public BatchNormInput withDout(Matrix newDout) {
        return new BatchNormInput(x, gamma, beta, newDout, eps);
    }

    public BatchNormInput withEps(double newEps) {
        return new BatchNormInput(x, gamma, beta, dout, newEps);
    }

    private static void require(String field, Matrix m) {
        if (m == null) {
            throw new InvalidInputException(field, "is missing");
        }
    }

    static void requireShape(String field, Matrix m, Shape expected, String why) {
        require(field, m);
        if (!m.shape().equals(expected)) {
            throw new InvalidInputException(field, "expected " + expected + " (" + why + "), got "
                    + m.shape());
        }
    }

    static void requireFinite(String field, Matrix m) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                double v = m.get(i, j);
                if (!Double.isFinite(v)) {
                    String at = m.rows() == 1 ? "[" + j + "]" : "[" + i + "][" + j + "]";
                    throw new InvalidInputException(field + at, "is " + v
                            + "; every value must be a finite number");
                }
            }
        }
    }
}
