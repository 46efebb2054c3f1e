package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.core.family.FamilyInputs;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;

/**
 * Spatial batch norm in inference mode (x of N×C×H×W images): mu and var are 1×C constants,
 * each copied to the N rows and the H·W columns of its channel. Checked against the formula
 * written out per element, against central differences, and against training with the
 * batch's own statistics.
 */
class SpatialInferenceGraphTest {

    private static final double EPS = 1e-5;

    private static Matrix row(long seed, int c, double offset) {
        java.util.Random r = new java.util.Random(seed);
        double[] v = new double[c];
        for (int j = 0; j < c; j++) {
            v[j] = offset + r.nextDouble();
        }
        return Matrix.of(1, c, v);
    }

    @ParameterizedTest
    @CsvSource({"2, 2, 2, 2, 1", "1, 3, 1, 2, 2", "3, 1, 2, 3, 3", "2, 4, 1, 1, 4"})
    void every_element_is_normalized_with_its_channels_constants(int n, int c, int h, int w, long seed) {
        NormInput in = FamilyInputs.random(new int[] {n, c, h, w}, EPS, seed);
        NormLayout layout = NormLayout.of(NormSpec.batch(), n, c, h, w);
        Matrix mean = row(seed + 10, c, -0.5);
        Matrix var = row(seed + 20, c, 0.1);
        Trace t = InferenceGraph.run(layout, in, mean, var);
        int pixels = h * w;
        Matrix x = in.xRows();
        Matrix dout = in.doutRows();
        double[] dgamma = new double[c];
        double[] dbeta = new double[c];
        for (int i = 0; i < n; i++) {
            for (int col = 0; col < c * pixels; col++) {
                int ch = col / pixels;
                double ivar = 1 / Math.sqrt(var.get(0, ch) + EPS);
                double xhat = (x.get(i, col) - mean.get(0, ch)) * ivar;
                double g = in.gammaRow().get(0, ch);
                assertEquals(g * xhat + in.betaRow().get(0, ch), t.value("out").get(i, col), 1e-12, "out");
                assertEquals(dout.get(i, col) * g * ivar, t.gradient("x").get(i, col), 1e-12, "dx");
                dgamma[ch] += dout.get(i, col) * xhat;
                dbeta[ch] += dout.get(i, col);
            }
        }
        for (int ch = 0; ch < c; ch++) {
            assertEquals(dgamma[ch], t.gradient("gamma").get(0, ch), 1e-12, "dgamma");
            assertEquals(dbeta[ch], t.gradient("beta").get(0, ch), 1e-12, "dbeta");
        }
        assertEquals(Shape.of(1, c), t.value("mu").shape());
        assertEquals(0, t.gradient("mu").maxAbs());
        assertEquals(0, t.gradient("var").maxAbs());
    }

    @Test
    void gradients_agree_with_central_differences() {
        NormInput in = FamilyInputs.random(new int[] {2, 2, 1, 3}, EPS, 5);
        NormLayout layout = NormLayout.of(NormSpec.batch(), 2, 2, 1, 3);
        Matrix mean = row(6, 2, 0);
        Matrix var = row(7, 2, 0.5);
        Trace t = InferenceGraph.run(layout, in, mean, var);
        Map<String, Matrix> inputs = new HashMap<>(Map.of("x", in.xRows(), "gamma", in.gammaRow(),
                "beta", in.betaRow(), "mu", mean, "var", var));
        double h = 1e-6;
        for (String name : new String[] {"x", "gamma", "beta"}) {
            Matrix v = inputs.get(name);
            for (int i = 0; i < v.rows(); i++) {
                for (int j = 0; j < v.cols(); j++) {
                    inputs.put(name, v.with(i, j, v.get(i, j) + h));
                    double plus = StagedEngine.forward(t.graph(), inputs).output().times(in.doutRows()).sum();
                    inputs.put(name, v.with(i, j, v.get(i, j) - h));
                    double minus = StagedEngine.forward(t.graph(), inputs).output().times(in.doutRows()).sum();
                    inputs.put(name, v);
                    assertEquals((plus - minus) / (2 * h), t.gradient(name).get(i, j), 1e-6, name + "[" + i + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void with_the_batchs_own_statistics_the_forward_is_trainings() {
        int[] shape = {3, 2, 2, 2};
        NormInput in = FamilyInputs.random(shape, EPS, 9);
        NormLayout layout = NormLayout.of(NormSpec.batch(), shape);
        Trace training = BatchNormGraph.run(layout, in);
        Trace inference = InferenceGraph.run(layout, in, training.value("mu"), training.value("var"));
        for (String node : new String[] {"xmu", "ivar", "xhat", "out"}) {
            Matrix a = training.value(node);
            Matrix b = inference.value(node);
            assertEquals(a.shape(), b.shape(), node);
            for (int i = 0; i < a.rows(); i++) {
                for (int j = 0; j < a.cols(); j++) {
                    assertEquals(a.get(i, j), b.get(i, j), 1e-12, node);
                }
            }
        }
    }

    @Test
    void the_constants_are_per_channel_and_other_kinds_have_none() {
        NormLayout layout = NormLayout.of(NormSpec.batch(), 2, 3, 2, 2);
        NormInput in = FamilyInputs.random(new int[] {2, 3, 2, 2}, EPS, 3);
        var perColumn = assertThrows(InvalidInputException.class, () -> InferenceGraph.run(layout, in,
                Matrix.zeros(1, 12), Matrix.filled(1, 12, 1)));
        assertTrue(perColumn.getMessage().contains("1×C, one running mean per channel"), perColumn.getMessage());
        assertThrows(InvalidInputException.class,
                () -> InferenceGraph.build(NormLayout.of(NormSpec.instance(), 2, 3, 2, 2), EPS));
        Graph g = InferenceGraph.build(layout, EPS);
        assertEquals("bcast_mu = mu copied to x's shape", g.node("bcast_mu").formula());
        assertEquals("bcast_gamma = gamma copied to N rows and H·W columns", g.node("bcast_gamma").formula());
    }
}
