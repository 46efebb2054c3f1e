package org.normgraph.core.lab;

import java.util.ArrayList;
import java.util.List;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.GradientCheck;
import org.normgraph.core.Matrix;
import org.normgraph.core.Trace;

/**
 * What eps does when a statistic's values are all equal: var = 0, so sqrtvar = √eps and the
 * gradient of x is {@code dx = gamma · (dout − mean dout) / √eps} — finite for every eps &gt; 0
 * (even the smallest double: 1/√4.9e−324 ≈ 4.5e161), but huge, and growing like 1/√eps. It is
 * not an error of the backward: the function really is that steep there. Moving one value by h
 * makes var ≈ h², and while h ≪ √eps the output moves by about gamma·h/√eps; eps is what keeps
 * the normalization from dividing by 0, and a tiny eps makes the layer a step function near a
 * constant column.
 *
 * <p>One more effect: when the mean of the equal values does not round back to the value (0.7
 * three times: (0.7 + 0.7 + 0.7) · (1/3) = 0.6999999999999998), xmu is rounding noise of size
 * 1e−16. Once eps is below that noise squared (1e−32), the noise is normalized to ±1 like a real
 * signal.
 */
public final class TinyEps {

    private TinyEps() {
    }

    /**
     * One eps of the sweep, for column 0 (the constant one).
     *
     * @param eps        the eps
     * @param sqrtvar    √(var + eps) of the constant column
     * @param maxAbsXhat largest |xhat| in it (0 when xmu is exactly 0)
     * @param maxAbsDx   largest |dx| in it
     * @param finite     whether every value and gradient of the whole trace is finite
     */
    public record Row(double eps, double sqrtvar, double maxAbsXhat, double maxAbsDx, boolean finite) {
    }

    /**
     * Batch norm of N×2 input whose column 0 is {@code value} N times (column 1 varies), run for
     * each eps; gamma = (1, 1), dout rows alternate (1, −1) and (−1, 1), so that for even N (mean
     * dout = 0) and xmu = 0 the constant column's dx is exactly ±1/√eps.
     */
    public static List<Row> constantColumn(double value, int n, double... eps) {
        List<Row> rows = new ArrayList<>();
        for (double e : eps) {
            Trace t = BatchNormGraph.run(input(value, n, e));
            rows.add(new Row(e, t.value("sqrtvar").get(0, 0), column0(t.value("xhat")).maxAbs(),
                    column0(t.gradient("x")).maxAbs(), t.firstNonFinite().isEmpty()));
        }
        return rows;
    }

    /** The sweep's input for one eps. */
    public static BatchNormInput input(double value, int n, double eps) {
        double[] x = new double[2 * n];
        double[] dout = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = value;
            x[2 * i + 1] = i;
            dout[2 * i] = i % 2 == 0 ? 1 : -1;
            dout[2 * i + 1] = -dout[2 * i];
        }
        return new BatchNormInput(Matrix.of(n, 2, x), Matrix.rowVector(1, 1), Matrix.rowVector(0, 0),
                Matrix.of(n, 2, dout), eps);
    }

    /** Finite differences of the constant column's dx: the huge gradient is the true slope. */
    public static GradientCheck.Result check(double value, int n, double eps) {
        return GradientCheck.check(input(value, n, eps)).get(0);
    }

    private static Matrix column0(Matrix m) {
        double[] c = new double[m.rows()];
        for (int i = 0; i < c.length; i++) {
            c[i] = m.get(i, 0);
        }
        return Matrix.rowVector(c);
    }
}
