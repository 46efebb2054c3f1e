package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every node and every named gradient of two small cases whose values were derived by hand. */
class HandCheckedCasesTest {

    private static final double TOLERANCE = 1e-12;

    /**
     * The 2×2 case of src/test/resources/cases/hand2x2.json, eps = 1.
     * Column 0: x = (1, 2.5), mu = 1.75, xmu = ∓0.75, var = 0.5625, var + eps = 1.5625 = 1.25².
     * Column 1: x = (0, 8/3), mu = 4/3, xmu = ∓4/3, var = 16/9, var + eps = 25/9 = (5/3)².
     */
    static BatchNormInput case2x2() {
        return new BatchNormInput(
                Matrix.fromRows(new double[][] {{1, 0}, {2.5, 8.0 / 3}}),
                Matrix.rowVector(2, -1), Matrix.rowVector(0.5, 1),
                Matrix.fromRows(new double[][] {{1, 0}, {0, 1}}), 1);
    }

    static Map<String, double[][]> expected2x2() {
        Map<String, double[][]> e = new LinkedHashMap<>();
        e.put("mu", v(1.75, 4.0 / 3));
        e.put("xmu", m(r(-0.75, -4.0 / 3), r(0.75, 4.0 / 3)));
        e.put("sq", m(r(0.5625, 16.0 / 9), r(0.5625, 16.0 / 9)));
        e.put("var", v(0.5625, 16.0 / 9));
        e.put("sqrtvar", v(1.25, 5.0 / 3));
        e.put("ivar", v(0.8, 0.6));
        e.put("xhat", m(r(-0.6, -0.8), r(0.6, 0.8)));
        e.put("gammax", m(r(-1.2, 0.8), r(1.2, -0.8)));
        e.put("out", m(r(-0.7, 1.8), r(1.7, 0.2)));
        e.put("dbeta", v(1, 1));
        e.put("dgammax", m(r(1, 0), r(0, 1)));
        e.put("dgamma", v(-0.6, 0.8));
        e.put("dxhat", m(r(2, 0), r(0, -1)));
        e.put("divar", v(-1.5, -4.0 / 3));
        e.put("dxmu1", m(r(1.6, 0), r(0, -0.6)));
        e.put("dsqrtvar", v(0.96, 0.48));
        e.put("dvar", v(0.384, 0.144));
        e.put("dsq", m(r(0.192, 0.072), r(0.192, 0.072)));
        e.put("dxmu2", m(r(-0.288, -0.192), r(0.288, 0.192)));
        e.put("dx1", m(r(1.312, -0.192), r(0.288, -0.408)));
        e.put("dmu", v(-1.6, 0.6));
        e.put("dx2", m(r(-0.8, 0.3), r(-0.8, 0.3)));
        e.put("dx", m(r(0.512, 0.108), r(-0.512, -0.108)));
        return e;
    }

    /**
     * A 4×3 case with eps = 1, derived with exact fractions (Python's fractions.Fraction,
     * the staged formulas of DESIGN.md one by one). Each column is its mean plus integer
     * deviations d with Σd = 0 and Σd² chosen so that var + eps is a perfect square:
     * column 0: mu = 2,  d = (1, 1, −3, 1),  var = 12/4 = 3,  sqrtvar = √4  = 2, ivar = 1/2;
     * column 1: mu = −1, d = (0, −4, 4, 0),  var = 32/4 = 8,  sqrtvar = √9  = 3, ivar = 1/3;
     * column 2: mu = 10, d = (4, −8, 0, 4),  var = 96/4 = 24, sqrtvar = √25 = 5, ivar = 1/5.
     * gamma = (1, −2, 1/2), beta = (0, 1, −3), dout small integers.
     */
    static BatchNormInput case4x3() {
        return new BatchNormInput(
                Matrix.fromRows(new double[][] {{3, -1, 14}, {3, -5, 2}, {-1, 3, 10}, {3, -1, 14}}),
                Matrix.rowVector(1, -2, 0.5), Matrix.rowVector(0, 1, -3),
                Matrix.fromRows(new double[][] {{1, 0, 2}, {-1, 1, 0}, {0, 2, -1}, {3, -1, 1}}), 1);
    }

    static Map<String, double[][]> expected4x3() {
        Map<String, double[][]> e = new LinkedHashMap<>();
        e.put("mu", v(2, -1, 10));
        e.put("xmu", m(r(1, 0, 4), r(1, -4, -8), r(-3, 4, 0), r(1, 0, 4)));
        e.put("sq", m(r(1, 0, 16), r(1, 16, 64), r(9, 16, 0), r(1, 0, 16)));
        e.put("var", v(3, 8, 24));
        e.put("sqrtvar", v(2, 3, 5));
        e.put("ivar", v(0.5, 1.0 / 3, 0.2));
        e.put("xhat", m(r(0.5, 0, 0.8), r(0.5, -4.0 / 3, -1.6), r(-1.5, 4.0 / 3, 0), r(0.5, 0, 0.8)));
        e.put("gammax", m(r(0.5, 0, 0.4), r(0.5, 8.0 / 3, -0.8), r(-1.5, -8.0 / 3, 0), r(0.5, 0, 0.4)));
        e.put("out", m(r(0.5, 1, -2.6), r(0.5, 11.0 / 3, -3.8), r(-1.5, -5.0 / 3, -3), r(0.5, 1, -2.6)));
        // step 9: dbeta = column sums of dout, dgammax = dout
        e.put("dbeta", v(3, 2, 2));
        e.put("dgammax", m(r(1, 0, 2), r(-1, 1, 0), r(0, 2, -1), r(3, -1, 1)));
        // step 8: dgamma = Σ dout ⊙ xhat, dxhat = dout ⊙ gamma
        e.put("dgamma", v(1.5, 4.0 / 3, 2.4));
        e.put("dxhat", m(r(1, 0, 1), r(-1, -2, 0), r(0, -4, -0.5), r(3, 2, 0.5)));
        // step 7: divar = Σ dxhat ⊙ xmu, dxmu1 = dxhat ⊙ ivar
        e.put("divar", v(3, -8, 6));
        e.put("dxmu1", m(r(0.5, 0, 0.2), r(-0.5, -2.0 / 3, 0), r(0, -4.0 / 3, -0.1), r(1.5, 2.0 / 3, 0.1)));
        // steps 6, 5, 4: −divar/sqrtvar², /(2 sqrtvar), /N
        e.put("dsqrtvar", v(-0.75, 8.0 / 9, -6.0 / 25));
        e.put("dvar", v(-3.0 / 16, 4.0 / 27, -3.0 / 125));
        double[] dsqRow = {-3.0 / 64, 1.0 / 27, -3.0 / 500};
        e.put("dsq", m(dsqRow, dsqRow, dsqRow, dsqRow));
        // step 3: dxmu2 = 2 xmu ⊙ dsq
        e.put("dxmu2", m(r(-3.0 / 32, 0, -6.0 / 125), r(-3.0 / 32, -8.0 / 27, 12.0 / 125),
                r(9.0 / 32, 8.0 / 27, 0), r(-3.0 / 32, 0, -6.0 / 125)));
        // step 2: dx1 = dxmu1 + dxmu2, dmu = −Σ dx1
        e.put("dx1", m(r(13.0 / 32, 0, 19.0 / 125), r(-19.0 / 32, -26.0 / 27, 12.0 / 125),
                r(9.0 / 32, -28.0 / 27, -0.1), r(45.0 / 32, 2.0 / 3, 13.0 / 250)));
        e.put("dmu", v(-1.5, 4.0 / 3, -0.2));
        // step 1: dx2 = dmu / N; step 0: dx = dx1 + dx2
        double[] dx2Row = {-3.0 / 8, 1.0 / 3, -1.0 / 20};
        e.put("dx2", m(dx2Row, dx2Row, dx2Row, dx2Row));
        e.put("dx", m(r(1.0 / 32, 1.0 / 3, 51.0 / 500), r(-31.0 / 32, -17.0 / 27, 23.0 / 500),
                r(-3.0 / 32, -19.0 / 27, -0.15), r(33.0 / 32, 1, 1.0 / 500)));
        return e;
    }

    @TestFactory
    Stream<DynamicTest> the_2x2_case_matches_every_hand_derived_value() {
        return checks(case2x2(), expected2x2());
    }

    @TestFactory
    Stream<DynamicTest> the_4x3_case_matches_every_hand_derived_value() {
        return checks(case4x3(), expected4x3());
    }

    @Test
    void the_tables_cover_every_forward_node_and_every_named_gradient() {
        List<String> all = new ArrayList<>(BatchNormGraph.FORWARD);
        BatchNormGraph.GRADIENTS.forEach(g -> all.add(g.name()));
        assertEquals(all, new ArrayList<>(expected2x2().keySet()));
        assertEquals(all, new ArrayList<>(expected4x3().keySet()));
    }

    @Test
    void the_layer_and_the_fused_kernel_give_the_hand_derived_dx_dgamma_dbeta() {
        BatchNormInput in = case4x3();
        Map<String, double[][]> e = expected4x3();
        for (BatchNorm.Engine engine : BatchNorm.Engine.values()) {
            BatchNorm layer = new BatchNorm(3, 1, 0.9, engine);
            BatchNorm.TrainStep step = layer.train(in.x(), in.gamma(), in.beta());
            assertRows(e.get("out"), step.out(), engine + " out");
            BatchNorm.Gradients g = step.backward(in.dout());
            assertRows(e.get("dx"), g.dx(), engine + " dx");
            assertRows(e.get("dgamma"), g.dgamma(), engine + " dgamma");
            assertRows(e.get("dbeta"), g.dbeta(), engine + " dbeta");
        }
        FusedBatchNorm.Result fused = FusedBatchNorm.run(in);
        assertRows(e.get("dx"), fused.dx(), "fused dx");
        assertRows(e.get("mu"), fused.mean(), "fused mean");
        assertRows(e.get("var"), fused.var(), "fused var");
    }

    private static Stream<DynamicTest> checks(BatchNormInput in, Map<String, double[][]> expected) {
        Trace trace = BatchNormGraph.run(in);
        return expected.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> assertRows(e.getValue(), TestInputs.named(trace, e.getKey()), e.getKey())));
    }

    static void assertRows(double[][] expected, Matrix actual, String what) {
        assertEquals(expected.length, actual.rows(), what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual.row(i), TOLERANCE, what + " row " + i);
        }
    }

    private static double[] r(double... values) {
        return values;
    }

    private static double[][] m(double[]... rows) {
        return rows;
    }

    private static double[][] v(double... values) {
        return new double[][] {values};
    }
}
