package org.normgraph.core.family;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Comparison;
import org.normgraph.core.Graph;
import org.normgraph.core.GradientCheck;
import org.normgraph.core.Matrix;
import org.normgraph.core.StagedEngine;
import org.normgraph.core.Trace;

/**
 * Every kind of the one matrix core against central finite differences of its own forward,
 * {@code loss = Σ (out ⊙ dout)}, written here (not {@code GradientCheck}'s): dx, dgamma and
 * dbeta, for every row of the family's table (2-D and 4-D, N = 1, G = 1 and G = C, single pixels).
 */
class UnifiedCoreFiniteDifferencesTest {

    static Stream<Arguments> table() {
        return FamilyGradientCheckTableTest.table();
    }

    @ParameterizedTest(name = "{0} x={1} eps={3}")
    @MethodSource("table")
    void staged_gradients_match_central_differences(NormSpec spec, String shapeText, int[] shape, double eps) {
        NormInput in = FamilyInputs.random(shape, eps, shapeText.hashCode() * 13L + spec.toString().hashCode());
        NormLayout layout = NormLayout.of(spec, shape);
        Trace trace = BatchNormGraph.run(layout, in);
        Graph graph = trace.graph();
        int n = shape[0];
        Matrix x = trace.value("x");
        Matrix gamma = trace.value("gamma");
        Matrix beta = trace.value("beta");
        Matrix dout = Matrix.of(n, x.cols(), in.dout().toArray());
        // x matters only through (x − mu)/sqrtvar: step relative to its statistic's sqrtvar
        Matrix ivar = trace.value("bcast_ivar");
        Loss loss = (xx, gg, bb) -> StagedEngine.forward(graph, Map.of("x", xx, "gamma", gg, "beta", bb))
                .output().times(dout).sum();
        Matrix dx = numeric(x, (i, j) -> 1e-5 / ivar.get(i, j), v -> loss.of(v, gamma, beta));
        Matrix dgamma = numeric(gamma, (i, j) -> 1e-5, v -> loss.of(x, v, beta));
        Matrix dbeta = numeric(beta, (i, j) -> 1e-5, v -> loss.of(x, gamma, v));
        check("dx", dx, trace.gradient("x"));
        check("dgamma", dgamma, trace.gradient("gamma"));
        check("dbeta", dbeta, trace.gradient("beta"));
    }

    private interface Loss {
        double of(Matrix x, Matrix gamma, Matrix beta);
    }

    private interface Step {
        double at(int i, int j);
    }

    private static Matrix numeric(Matrix value, Step step, java.util.function.ToDoubleFunction<Matrix> loss) {
        double[] g = new double[value.rows() * value.cols()];
        for (int i = 0; i < value.rows(); i++) {
            for (int j = 0; j < value.cols(); j++) {
                double v = value.get(i, j);
                double h = step.at(i, j);
                double[] plus = value.toArray();
                double[] minus = value.toArray();
                plus[i * value.cols() + j] = v + h;
                minus[i * value.cols() + j] = v - h;
                double lp = loss.applyAsDouble(Matrix.of(value.rows(), value.cols(), plus));
                double lm = loss.applyAsDouble(Matrix.of(value.rows(), value.cols(), minus));
                g[i * value.cols() + j] = (lp - lm) / ((v + h) - (v - h));
            }
        }
        return Matrix.of(value.rows(), value.cols(), g);
    }

    private static void check(String name, Matrix numeric, Matrix staged) {
        Comparison c = Comparison.of(numeric, staged);
        assertTrue(c.within(GradientCheck.NUMERIC_TOLERANCE), () -> name + ": " + c);
    }
}
