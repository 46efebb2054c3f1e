package org.normgraph.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An independent float64 reference: the staged cs231n batch-norm forward and backward written
 * directly with {@code double[][]} loops. It uses nothing of the core (no Matrix ops, no graph),
 * so agreement with it checks the core rather than the core against itself.
 * Vectors are returned as 1×D arrays, so every value has the shape of DESIGN.md.
 */
public final class StagedReference {

    private StagedReference() {
    }

    public static Map<String, double[][]> run(double[][] x, double[] gamma, double[] beta, double[][] dout,
                                       double eps) {
        int n = x.length;
        int d = x[0].length;
        // ---- forward
        double[] mu = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[i][j];
            }
            mu[j] = s / n;
        }
        double[][] xmu = new double[n][d];
        double[][] sq = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xmu[i][j] = x[i][j] - mu[j];
                sq[i][j] = xmu[i][j] * xmu[i][j];
            }
        }
        double[] var = new double[d];
        double[] sqrtvar = new double[d];
        double[] ivar = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += sq[i][j];
            }
            var[j] = s / n;
            sqrtvar[j] = Math.sqrt(var[j] + eps);
            ivar[j] = 1 / sqrtvar[j];
        }
        double[][] xhat = new double[n][d];
        double[][] gammax = new double[n][d];
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xhat[i][j] = xmu[i][j] * ivar[j];
                gammax[i][j] = gamma[j] * xhat[i][j];
                out[i][j] = gammax[i][j] + beta[j];
            }
        }
        // ---- backward, step 9 down to 0
        double[] dbeta = new double[d];
        double[] dgamma = new double[d];
        double[][] dgammax = new double[n][d];
        double[][] dxhat = new double[n][d];
        double[] divar = new double[d];
        double[][] dxmu1 = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                dbeta[j] += dout[i][j];
                dgammax[i][j] = dout[i][j];
                dgamma[j] += dgammax[i][j] * xhat[i][j];
                dxhat[i][j] = dgammax[i][j] * gamma[j];
                divar[j] += dxhat[i][j] * xmu[i][j];
                dxmu1[i][j] = dxhat[i][j] * ivar[j];
            }
        }
        double[] dsqrtvar = new double[d];
        double[] dvar = new double[d];
        for (int j = 0; j < d; j++) {
            dsqrtvar[j] = -divar[j] / (sqrtvar[j] * sqrtvar[j]);
            dvar[j] = 0.5 * dsqrtvar[j] / Math.sqrt(var[j] + eps);
        }
        double[][] dsq = new double[n][d];
        double[][] dxmu2 = new double[n][d];
        double[][] dx1 = new double[n][d];
        double[] dmu = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                dsq[i][j] = dvar[j] / n;
                dxmu2[i][j] = 2 * xmu[i][j] * dsq[i][j];
                dx1[i][j] = dxmu1[i][j] + dxmu2[i][j];
                dmu[j] -= dx1[i][j];
            }
        }
        double[][] dx2 = new double[n][d];
        double[][] dx = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                dx2[i][j] = dmu[j] / n;
                dx[i][j] = dx1[i][j] + dx2[i][j];
            }
        }
        Map<String, double[][]> r = new LinkedHashMap<>();
        r.put("mu", row(mu));
        r.put("xmu", xmu);
        r.put("sq", sq);
        r.put("var", row(var));
        r.put("sqrtvar", row(sqrtvar));
        r.put("ivar", row(ivar));
        r.put("xhat", xhat);
        r.put("gammax", gammax);
        r.put("out", out);
        r.put("dbeta", row(dbeta));
        r.put("dgammax", dgammax);
        r.put("dgamma", row(dgamma));
        r.put("dxhat", dxhat);
        r.put("divar", row(divar));
        r.put("dxmu1", dxmu1);
        r.put("dsqrtvar", row(dsqrtvar));
        r.put("dvar", row(dvar));
        r.put("dsq", dsq);
        r.put("dxmu2", dxmu2);
        r.put("dx1", dx1);
        r.put("dmu", row(dmu));
        r.put("dx2", dx2);
        r.put("dx", dx);
        return r;
    }

    public static Map<String, double[][]> run(BatchNormInput in) {
        return run(in.x().toRows(), in.gamma().row(0), in.beta().row(0), in.dout().toRows(), in.eps());
    }

    /**
     * Normwise relative difference: max |a − b| / max(max |ref|, max |actual|, 1e-300).
     * Elementwise relative error is meaningless for elements that are zero up to rounding
     * (dx of N = 2, sums that cancel), so each node is judged against its own scale.
     */
    public static double relativeDifference(double[][] reference, double[][] actual) {
        if (reference.length != actual.length || reference[0].length != actual[0].length) {
            return Double.POSITIVE_INFINITY;
        }
        double diff = 0;
        double scale = 1e-300;
        for (int i = 0; i < reference.length; i++) {
            for (int j = 0; j < reference[0].length; j++) {
                diff = Math.max(diff, Math.abs(reference[i][j] - actual[i][j]));
                scale = Math.max(scale, Math.max(Math.abs(reference[i][j]), Math.abs(actual[i][j])));
            }
        }
        return Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff / scale;
    }

    private static double[][] row(double[] v) {
        return new double[][] {v};
    }
}
