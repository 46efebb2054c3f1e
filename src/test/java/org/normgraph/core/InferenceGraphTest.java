package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The inference graph: constants mu and var, against the layer and against finite differences. */
class InferenceGraphTest {

    private static final double EPS = 1e-5;

    /** A layer trained on a few batches, so its running statistics are not the start values. */
    private static BatchNorm trained(int d, BatchNorm.RunningStats convention, long seed) {
        BatchNorm layer = new BatchNorm(d, EPS, convention.defaultMomentum(), BatchNorm.Engine.STAGED, convention);
        for (int k = 0; k < 5; k++) {
            BatchNormInput b = TestInputs.random(6, d, EPS, seed + k);
            layer.train(b.x(), b.gamma(), b.beta());
        }
        return layer;
    }

    @Test
    void keeps_the_design_names_and_has_no_sq_and_no_fan_out() {
        Graph g = InferenceGraph.build(4, 3, EPS);
        Set<String> names = g.nodes().stream().map(Node::name).collect(Collectors.toSet());
        Set<String> training = BatchNormGraph.build(4, 3, EPS).nodes().stream().map(Node::name).collect(Collectors.toSet());
        assertTrue(training.containsAll(names), "only DESIGN names: " + names);
        assertEquals(Set.of("sq"), training.stream().filter(n -> !names.contains(n)).collect(Collectors.toSet()));
        assertTrue(g.node("mu").isInput());
        assertTrue(g.node("var").isInput());
        assertFalse(g.isFanOut("x"));
        assertFalse(g.isFanOut("xmu"));
        assertTrue(InferenceGraph.isInference(g));
        assertFalse(InferenceGraph.isInference(BatchNormGraph.build(4, 3, EPS)));
        assertEquals(Set.of("mu", "var", "bcast_mu", "sqrtvar", "ivar", "bcast_ivar"), InferenceGraph.constants(g));
        assertTrue(InferenceGraph.constants(BatchNormGraph.build(4, 3, EPS)).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"4, 3, CLASSIC, 1", "1, 2, PYTORCH, 2", "7, 5, FIRST_BATCH, 3", "32, 16, PYTORCH, 4"})
    void output_and_gradients_equal_the_layers_inference(int n, int d, BatchNorm.RunningStats convention, long seed) {
        BatchNorm layer = trained(d, convention, seed * 100);
        BatchNormInput in = TestInputs.random(n, d, EPS, seed);
        Trace t = InferenceGraph.run(in, layer.runningMean(), layer.runningVar());
        assertClose(layer.infer(in.x(), in.gamma(), in.beta()), t.value("out"), 1e-12);
        BatchNorm.Gradients g = layer.inferBackward(in.x(), in.gamma(), in.dout());
        assertClose(g.dx(), t.gradient("x"), 1e-12);
        assertClose(g.dgamma(), t.gradient("gamma"), 1e-12);
        assertClose(g.dbeta(), t.gradient("beta"), 1e-12);
        // and the constants are the layer's running statistics
        assertEquals(layer.runningMean(), t.value("mu"));
        assertEquals(layer.runningVar(), t.value("var"));
    }

    @ParameterizedTest
    @CsvSource({"4, 3, 11", "1, 1, 12", "5, 2, 13", "8, 4, 14"})
    void gradients_agree_with_central_differences_with_mu_and_var_held_constant(int n, int d, long seed) {
        BatchNormInput in = TestInputs.random(n, d, EPS, seed);
        BatchNormInput stats = TestInputs.random(3, d, EPS, seed + 50);
        Matrix mean = stats.gamma(); // any finite row will do for a constant mean
        Matrix var = stats.x().times(stats.x()).sumRows(); // ≥ 0
        Trace t = InferenceGraph.run(in, mean, var);
        Graph g = t.graph();
        double h = 1e-6;
        for (String input : List.of("x", "gamma", "beta")) {
            Matrix v = t.value(input);
            Matrix analytic = t.gradient(input);
            for (int i = 0; i < v.rows(); i++) {
                for (int j = 0; j < v.cols(); j++) {
                    double plus = loss(g, in, input, v.with(i, j, v.get(i, j) + h), mean, var);
                    double minus = loss(g, in, input, v.with(i, j, v.get(i, j) - h), mean, var);
                    double numeric = (plus - minus) / (2 * h);
                    double scale = Math.max(1, analytic.maxAbs());
                    assertEquals(numeric, analytic.get(i, j), 1e-6 * scale, input + "[" + i + "][" + j + "]");
                }
            }
        }
    }

    private static double loss(Graph g, BatchNormInput in, String input, Matrix value, Matrix mean, Matrix var) {
        Map<String, Matrix> inputs = new java.util.HashMap<>(Map.of("x", in.x(), "gamma", in.gamma(), "beta", in.beta(),
                "mu", mean, "var", var));
        inputs.put(input, value);
        return StagedEngine.forward(g, inputs).output().times(in.dout()).sum();
    }

    @Test
    void dx_is_dout_times_gamma_times_ivar_and_no_gradient_flows_into_the_constants() {
        BatchNormInput in = TestInputs.random(5, 3, EPS, 21);
        Matrix mean = Matrix.rowVector(0.5, -1, 2);
        Matrix var = Matrix.rowVector(4, 0.25, 1);
        Trace t = InferenceGraph.run(in, mean, var);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 3; j++) {
                double ivar = 1 / Math.sqrt(var.get(0, j) + EPS);
                assertEquals(in.dout().get(i, j) * in.gamma().get(0, j) * ivar, t.gradient("x").get(i, j), 1e-14);
                assertEquals(t.gradient("xhat").get(i, j) * ivar, t.gradient("xmu").get(i, j), 1e-14);
            }
        }
        // dx is exactly what xmu sends back: the only path from x
        assertEquals(t.gradient("xmu"), t.gradient("x"));
        for (String c : InferenceGraph.constants(t.graph())) {
            assertEquals(0, t.gradient(c).maxAbs(), "gradient of constant " + c);
            for (Edge e : t.graph().consumers(c)) {
                assertEquals(0, t.contribution(e).maxAbs(), "contribution along " + e);
            }
        }
        // while xhat, which depends on x, does get a gradient
        assertTrue(t.gradient("xhat").maxAbs() > 0);
    }

    @Test
    void refuses_constants_that_do_not_fit() {
        BatchNormInput in = TestInputs.random(4, 3, EPS, 31);
        var e = assertThrows(InvalidInputException.class,
                () -> InferenceGraph.run(in, Matrix.rowVector(0, 0), Matrix.rowVector(1, 1, 1)));
        assertTrue(e.getMessage().contains("mu"), e.getMessage());
        var neg = assertThrows(InvalidInputException.class,
                () -> InferenceGraph.run(in, Matrix.rowVector(0, 0, 0), Matrix.rowVector(1, -1, 1)));
        assertTrue(neg.getMessage().contains("var"), neg.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InferenceGraph.run(BatchNormGraph.build(in), in,
                Matrix.rowVector(0, 0, 0), Matrix.rowVector(1, 1, 1)));
    }

    private static void assertClose(Matrix expected, Matrix actual, double tol) {
        assertEquals(expected.shape(), actual.shape());
        double scale = Math.max(1, expected.maxAbs());
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.cols(); j++) {
                assertEquals(expected.get(i, j), actual.get(i, j), tol * scale, "[" + i + "][" + j + "]");
            }
        }
    }
}
