package org.normgraph.core.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.FusedBatchNorm;
import org.normgraph.core.Shape;
import org.normgraph.core.SimplifiedNorm;
import org.normgraph.core.Tensor;
import org.normgraph.core.TestInputs;
import org.normgraph.core.Trace;

/**
 * Every node and named gradient of four small cases whose values were derived with exact
 * fractions (Python's fractions.Fraction, the staged formulas one by one, statistics grouped by
 * the kind's axes). Inputs are chosen so that var + eps is a perfect square in every statistic.
 * Values are listed row-major; statistics in their keepdims shape, dgamma and dbeta per channel.
 * The one staged engine (the matrix graph of each kind) and the simplified formula must give them.
 */
class FamilyHandCheckedCasesTest {

    private static final double TOLERANCE = 1e-12;

    /**
     * Layer norm, 2×3, eps = 2: one statistic per row over its 3 features.
     * Row 0: x = (2, 2, 5), mu = 3, xmu = (−1, −1, 2), var = 6/3 = 2, √(2 + 2) = 2.
     * Row 1: x = (0, 3, −6), mu = −1, xmu = (1, 4, −5), var = 42/3 = 14, √(14 + 2) = 4.
     * gamma = (1, −2, 1/2) varies inside each statistic's set, unlike batch norm.
     */
    static Case layer2x3() {
        Map<String, double[]> e = new LinkedHashMap<>();
        e.put("mu", t(3, -1));
        e.put("xmu", t(-1, -1, 2, 1, 4, -5));
        e.put("sq", t(1, 1, 4, 1, 16, 25));
        e.put("var", t(2, 14));
        e.put("sqrtvar", t(2, 4));
        e.put("ivar", t(0.5, 0.25));
        e.put("xhat", t(-0.5, -0.5, 1, 0.25, 1, -1.25));
        e.put("gammax", t(-0.5, 1, 0.5, 0.25, -2, -0.625));
        e.put("out", t(-0.5, 2, -0.5, 0.25, -1, -1.625));
        e.put("dbeta", t(3, 1, -1));
        e.put("dgammax", t(1, 0, -1, 2, 1, 0));
        e.put("dgamma", t(0, 1, -1));
        e.put("dxhat", t(1, 0, -0.5, 2, -2, 0));
        e.put("divar", t(-2, -6));
        e.put("dxmu1", t(0.5, 0, -0.25, 0.5, -0.5, 0));
        e.put("dsqrtvar", t(0.5, 0.375));
        e.put("dvar", t(0.125, 0.046875));
        e.put("dsq", t(1.0 / 24, 1.0 / 24, 1.0 / 24, 0.015625, 0.015625, 0.015625));
        e.put("dxmu2", t(-1.0 / 12, -1.0 / 12, 1.0 / 6, 0.03125, 0.125, -0.15625));
        e.put("dx1", t(5.0 / 12, -1.0 / 12, -1.0 / 12, 0.53125, -0.375, -0.15625));
        e.put("dmu", t(-0.25, 0));
        e.put("dx2", t(-1.0 / 12, -1.0 / 12, -1.0 / 12, 0, 0, 0));
        e.put("dx", t(1.0 / 3, -1.0 / 6, -1.0 / 6, 0.53125, -0.375, -0.15625));
        return new Case("layer norm 2×3", NormSpec.layer(), new NormInput(t2(new double[][] {{2, 2, 5}, {0, 3, -6}}),
                Tensor.vector(1, -2, 0.5), Tensor.vector(0, 1, -1), t2(new double[][] {{1, 0, -1}, {2, 1, 0}}), 2),
                new int[] {2, 1}, e);
    }

    /**
     * Group norm, G = 2, 2×4, eps = 1: per row, features (0, 1) and (2, 3) form the groups.
     * Each group is its mean ± d with d ∈ {3/4, 15/8, 0}, so var + 1 ∈ {(5/4)², (17/8)², 1}:
     * row 0: (1, 2.5) mu 1.75, (0.125, 3.875) mu 2; row 1: (3, 3) a constant group, var 0,
     * sqrtvar = √eps = 1; (−1.75, −0.25) mu −1.
     */
    static Case group2x4() {
        Map<String, double[]> e = new LinkedHashMap<>();
        e.put("mu", t(1.75, 2, 3, -1));
        e.put("xmu", t(-0.75, 0.75, -1.875, 1.875, 0, 0, -0.75, 0.75));
        e.put("sq", t(0.5625, 0.5625, 3.515625, 3.515625, 0, 0, 0.5625, 0.5625));
        e.put("var", t(0.5625, 3.515625, 0, 0.5625));
        e.put("sqrtvar", t(1.25, 2.125, 1, 1.25));
        e.put("ivar", t(4.0 / 5, 8.0 / 17, 1, 4.0 / 5));
        e.put("xhat", t(-3.0 / 5, 3.0 / 5, -15.0 / 17, 15.0 / 17, 0, 0, -3.0 / 5, 3.0 / 5));
        e.put("gammax", t(-6.0 / 5, -3.0 / 5, -15.0 / 34, 45.0 / 17, 0, 0, -3.0 / 10, 9.0 / 5));
        e.put("out", t(-7.0 / 10, 2.0 / 5, -15.0 / 34, 11.0 / 17, 0.5, 1, -3.0 / 10, -1.0 / 5));
        e.put("dbeta", t(1, 1, 1, 2));
        e.put("dgammax", t(1, 0, 2, -1, 0, 1, -1, 3));
        e.put("dgamma", t(-3.0 / 5, 0, -99.0 / 85, 78.0 / 85));
        e.put("dxhat", t(2, 0, 1, -3, 0, -1, -0.5, 9));
        e.put("divar", t(-1.5, -7.5, 0, 7.125));
        e.put("dxmu1", t(8.0 / 5, 0, 8.0 / 17, -24.0 / 17, 0, -1, -2.0 / 5, 36.0 / 5));
        e.put("dsqrtvar", t(24.0 / 25, 480.0 / 289, 0, -114.0 / 25));
        e.put("dvar", t(48.0 / 125, 1920.0 / 4913, 0, -228.0 / 125));
        e.put("dsq", t(24.0 / 125, 24.0 / 125, 960.0 / 4913, 960.0 / 4913, 0, 0, -114.0 / 125, -114.0 / 125));
        e.put("dxmu2", t(-36.0 / 125, 36.0 / 125, -3600.0 / 4913, 3600.0 / 4913, 0, 0, 171.0 / 125, -171.0 / 125));
        e.put("dx1", t(164.0 / 125, 36.0 / 125, -1288.0 / 4913, -3336.0 / 4913, 0, -1, 121.0 / 125, 729.0 / 125));
        e.put("dmu", t(-8.0 / 5, 16.0 / 17, 1, -34.0 / 5));
        e.put("dx2", t(-4.0 / 5, -4.0 / 5, 8.0 / 17, 8.0 / 17, 0.5, 0.5, -17.0 / 5, -17.0 / 5));
        e.put("dx", t(64.0 / 125, -64.0 / 125, 1024.0 / 4913, -1024.0 / 4913, 0.5, -0.5, -304.0 / 125, 304.0 / 125));
        return new Case("group norm G=2 2×4", NormSpec.group(2),
                new NormInput(t2(new double[][] {{1, 2.5, 0.125, 3.875}, {3, 3, -1.75, -0.25}}),
                        Tensor.vector(2, -1, 0.5, 3), Tensor.vector(0.5, 1, 0, -2),
                        t2(new double[][] {{1, 0, 2, -1}, {0, 1, -1, 3}}), 1),
                new int[] {2, 2}, e);
    }

    /**
     * Spatial batch norm, 2×2×2×2 (N×C×H×W), eps = 2: per channel over N, H, W (8 values).
     * Channel 0: (4, 0, 0, 0 | 2, 2, 0, 0), mu 1, Σ xmu² = 16, var 2, √4 = 2.
     * Channel 1: (3, −3, 1, 1 | −5, 1, −3, −3), mu −1, Σ xmu² = 56, var 7, √9 = 3.
     */
    static Case spatialBatch2x2x2x2() {
        Map<String, double[]> e = new LinkedHashMap<>();
        e.put("mu", t(1, -1));
        e.put("xmu", t(3, -1, -1, -1, 4, -2, 2, 2, 1, 1, -1, -1, -4, 2, -2, -2));
        e.put("sq", t(9, 1, 1, 1, 16, 4, 4, 4, 1, 1, 1, 1, 16, 4, 4, 4));
        e.put("var", t(2, 7));
        e.put("sqrtvar", t(2, 3));
        e.put("ivar", t(0.5, 1.0 / 3));
        e.put("xhat", t(1.5, -0.5, -0.5, -0.5, 4.0 / 3, -2.0 / 3, 2.0 / 3, 2.0 / 3, 0.5, 0.5, -0.5, -0.5, -4.0 / 3, 2.0 / 3, -2.0 / 3, -2.0 / 3));
        e.put("gammax", t(3, -1, -1, -1, -4.0 / 3, 2.0 / 3, -2.0 / 3, -2.0 / 3, 1, 1, -1, -1, 4.0 / 3, -2.0 / 3, 2.0 / 3, 2.0 / 3));
        e.put("out", t(3.5, -0.5, -0.5, -0.5, -4.0 / 3, 2.0 / 3, -2.0 / 3, -2.0 / 3, 1.5, 1.5, -0.5, -0.5, 4.0 / 3, -2.0 / 3, 2.0 / 3, 2.0 / 3));
        e.put("dbeta", t(0, 2));
        e.put("dgammax", t(1, 0, 0, -1, 2, 0, 1, 0, 0, 1, -1, 0, 0, 0, -2, 1));
        e.put("dgamma", t(3, 4));
        e.put("dxhat", t(2, 0, 0, -2, -2, 0, -1, 0, 0, 2, -2, 0, 0, 0, 2, -1));
        e.put("divar", t(12, -12));
        e.put("dxmu1", t(1, 0, 0, -1, -2.0 / 3, 0, -1.0 / 3, 0, 0, 1, -1, 0, 0, 0, 2.0 / 3, -1.0 / 3));
        e.put("dsqrtvar", t(-3, 4.0 / 3));
        e.put("dvar", t(-0.75, 2.0 / 9));
        e.put("dsq", t(-0.09375, -0.09375, -0.09375, -0.09375, 1.0 / 36, 1.0 / 36, 1.0 / 36, 1.0 / 36, -0.09375, -0.09375, -0.09375, -0.09375, 1.0 / 36, 1.0 / 36, 1.0 / 36, 1.0 / 36));
        e.put("dxmu2", t(-0.5625, 0.1875, 0.1875, 0.1875, 2.0 / 9, -1.0 / 9, 1.0 / 9, 1.0 / 9, -0.1875, -0.1875, 0.1875, 0.1875, -2.0 / 9, 1.0 / 9, -1.0 / 9, -1.0 / 9));
        e.put("dx1", t(0.4375, 0.1875, 0.1875, -0.8125, -4.0 / 9, -1.0 / 9, -2.0 / 9, 1.0 / 9, -0.1875, 0.8125, -0.8125, 0.1875, -2.0 / 9, 1.0 / 9, 5.0 / 9, -4.0 / 9));
        e.put("dmu", t(0, 2.0 / 3));
        e.put("dx2", t(0, 0, 0, 0, 1.0 / 12, 1.0 / 12, 1.0 / 12, 1.0 / 12, 0, 0, 0, 0, 1.0 / 12, 1.0 / 12, 1.0 / 12, 1.0 / 12));
        e.put("dx", t(0.4375, 0.1875, 0.1875, -0.8125, -13.0 / 36, -1.0 / 36, -5.0 / 36, 7.0 / 36, -0.1875, 0.8125, -0.8125, 0.1875, -5.0 / 36, 7.0 / 36, 23.0 / 36, -13.0 / 36));
        return new Case("spatial batch norm 2×2×2×2", NormSpec.batch(), new NormInput(X4_BATCH,
                Tensor.vector(2, -1), Tensor.vector(0.5, 0), DOUT4, 2), new int[] {1, 2, 1, 1}, e);
    }

    /**
     * Instance norm, 2×2×2×2, eps = 1: per sample and channel over H, W (4 values).
     * (n0, c0) = (4, 0, 0, 0): mu 1, var 3, √4 = 2; (n0, c1) = (6, −2, 2, 2): mu 2, var 8, √9 = 3;
     * (n1, c0) = (1, 1, 1, 1): constant, var 0, √eps = 1; (n1, c1) = (2, −2, −2, −2): mu −1, var 3.
     */
    static Case instance2x2x2x2() {
        Map<String, double[]> e = new LinkedHashMap<>();
        e.put("mu", t(1, 2, 1, -1));
        e.put("xmu", t(3, -1, -1, -1, 4, -4, 0, 0, 0, 0, 0, 0, 3, -1, -1, -1));
        e.put("sq", t(9, 1, 1, 1, 16, 16, 0, 0, 0, 0, 0, 0, 9, 1, 1, 1));
        e.put("var", t(3, 8, 0, 3));
        e.put("sqrtvar", t(2, 3, 1, 2));
        e.put("ivar", t(0.5, 1.0 / 3, 1, 0.5));
        e.put("xhat", t(1.5, -0.5, -0.5, -0.5, 4.0 / 3, -4.0 / 3, 0, 0, 0, 0, 0, 0, 1.5, -0.5, -0.5, -0.5));
        e.put("gammax", t(3, -1, -1, -1, -4.0 / 3, 4.0 / 3, 0, 0, 0, 0, 0, 0, -1.5, 0.5, 0.5, 0.5));
        e.put("out", t(3.5, -0.5, -0.5, -0.5, -4.0 / 3, 4.0 / 3, 0, 0, 0.5, 0.5, 0.5, 0.5, -1.5, 0.5, 0.5, 0.5));
        e.put("dbeta", t(0, 2));
        e.put("dgammax", t(1, 0, 0, -1, 2, 0, 1, 0, 0, 1, -1, 0, 0, 0, -2, 1));
        e.put("dgamma", t(2, 19.0 / 6));
        e.put("dxhat", t(2, 0, 0, -2, -2, 0, -1, 0, 0, 2, -2, 0, 0, 0, 2, -1));
        e.put("divar", t(8, -8, 0, -1));
        e.put("dxmu1", t(1, 0, 0, -1, -2.0 / 3, 0, -1.0 / 3, 0, 0, 2, -2, 0, 0, 0, 1, -0.5));
        e.put("dsqrtvar", t(-2, 8.0 / 9, 0, 0.25));
        e.put("dvar", t(-0.5, 4.0 / 27, 0, 0.0625));
        e.put("dsq", t(-0.125, -0.125, -0.125, -0.125, 1.0 / 27, 1.0 / 27, 1.0 / 27, 1.0 / 27, 0, 0, 0, 0, 0.015625, 0.015625, 0.015625, 0.015625));
        e.put("dxmu2", t(-0.75, 0.25, 0.25, 0.25, 8.0 / 27, -8.0 / 27, 0, 0, 0, 0, 0, 0, 0.09375, -0.03125, -0.03125, -0.03125));
        e.put("dx1", t(0.25, 0.25, 0.25, -0.75, -10.0 / 27, -8.0 / 27, -1.0 / 3, 0, 0, 2, -2, 0, 0.09375, -0.03125, 0.96875, -0.53125));
        e.put("dmu", t(0, 1, 0, -0.5));
        e.put("dx2", t(0, 0, 0, 0, 0.25, 0.25, 0.25, 0.25, 0, 0, 0, 0, -0.125, -0.125, -0.125, -0.125));
        e.put("dx", t(0.25, 0.25, 0.25, -0.75, -13.0 / 108, -5.0 / 108, -1.0 / 12, 0.25, 0, 2, -2, 0, -0.03125, -0.15625, 0.84375, -0.65625));
        return new Case("instance norm 2×2×2×2", NormSpec.instance(), new NormInput(X4_INSTANCE,
                Tensor.vector(2, -1), Tensor.vector(0.5, 0), DOUT4, 1), new int[] {2, 2, 1, 1}, e);
    }

    private static final Tensor X4_BATCH = Tensor.of(new int[] {2, 2, 2, 2},
            4, 0, 0, 0, 3, -3, 1, 1, 2, 2, 0, 0, -5, 1, -3, -3);
    private static final Tensor X4_INSTANCE = Tensor.of(new int[] {2, 2, 2, 2},
            4, 0, 0, 0, 6, -2, 2, 2, 1, 1, 1, 1, 2, -2, -2, -2);
    private static final Tensor DOUT4 = Tensor.of(new int[] {2, 2, 2, 2},
            1, 0, 0, -1, 2, 0, 1, 0, 0, 1, -1, 0, 0, 0, -2, 1);

    /** A hand-checked case: its kind, input, statistics shape and every expected value. */
    record Case(String name, NormSpec spec, NormInput input, int[] statsShape, Map<String, double[]> expected) {
    }

    static List<Case> cases() {
        return List.of(layer2x3(), group2x4(), spatialBatch2x2x2x2(), instance2x2x2x2());
    }

    @TestFactory
    Stream<DynamicContainer> every_value_of_every_case_matches_the_hand_derivation() {
        return cases().stream().map(c -> {
            Trace trace = run(c.spec(), c.input());
            return DynamicContainer.dynamicContainer(c.name(), c.expected().entrySet().stream().map(e ->
                    DynamicTest.dynamicTest(e.getKey(), () -> assertArrayEquals(e.getValue(),
                            TestInputs.named(trace, e.getKey()).toArray(), TOLERANCE, c.name() + " " + e.getKey()))));
        });
    }

    @Test
    void the_tables_cover_every_forward_node_and_every_named_gradient() {
        List<String> all = new ArrayList<>(BatchNormGraph.FORWARD);
        BatchNormGraph.gradients(NormLayout.of(NormSpec.layer(), 2, 3)).forEach(g -> all.add(g.name()));
        for (Case c : cases()) {
            assertEquals(all, new ArrayList<>(c.expected().keySet()), c.name());
        }
    }

    @Test
    void statistics_have_the_shape_of_their_kind() {
        for (Case c : cases()) {
            Trace trace = run(c.spec(), c.input());
            assertArrayEquals(c.statsShape(), NormLayout.of(c.spec(), c.input().shape()).statsShape(), c.name());
            // in the matrix the core runs, the keepdims shape's first two axes: batch 1×C, instance N×C, …
            Shape stats = Shape.of(c.statsShape()[0], c.statsShape()[1]);
            for (String name : List.of("mu", "var", "sqrtvar", "ivar", "divar", "dsqrtvar", "dvar", "dmu")) {
                assertEquals(stats, TestInputs.named(trace, name).shape(), c.name() + " " + name);
            }
        }
    }

    @Test
    void the_simplified_backward_gives_the_hand_derived_dx_dgamma_dbeta_and_statistics() {
        for (Case c : cases()) {
            FusedBatchNorm.Result r = SimplifiedNorm.run(NormLayout.of(c.spec(), c.input().shape()), c.input());
            assertArrayEquals(c.expected().get("out"), r.out().toArray(), TOLERANCE, c.name() + " out");
            assertArrayEquals(c.expected().get("dx"), r.dx().toArray(), TOLERANCE, c.name() + " dx");
            assertArrayEquals(c.expected().get("dgamma"), r.dgamma().toArray(), TOLERANCE, c.name() + " dgamma");
            assertArrayEquals(c.expected().get("dbeta"), r.dbeta().toArray(), TOLERANCE, c.name() + " dbeta");
            assertArrayEquals(c.expected().get("mu"), r.mean().toArray(), TOLERANCE, c.name() + " mean");
            assertArrayEquals(c.expected().get("var"), r.var().toArray(), TOLERANCE, c.name() + " var");
        }
    }

    /** The tables can fail: run under another kind, each case's numbers no longer match. */
    @Test
    void the_hand_numbers_tell_the_kinds_apart() {
        for (Case c : cases()) {
            for (NormSpec other : List.of(NormSpec.batch(), NormSpec.layer(), NormSpec.group(2), NormSpec.instance())) {
                boolean impossible = (other.kind() == NormKind.INSTANCE && c.input().x().rank() == 2)
                        || (other.kind() == NormKind.GROUP && c.input().channels() % other.groups() != 0);
                boolean same = c.spec().kind() == NormKind.INSTANCE && other.equals(NormSpec.group(c.input().channels()));
                if (other.equals(c.spec()) || impossible || same) { // instance norm is group norm with G = C
                    continue;
                }
                Trace trace = run(other, c.input());
                boolean allMatch = c.expected().entrySet().stream().allMatch(e -> {
                    double[] actual = TestInputs.named(trace, e.getKey()).toArray();
                    if (actual.length != e.getValue().length) {
                        return false;
                    }
                    for (int i = 0; i < actual.length; i++) {
                        if (Math.abs(actual[i] - e.getValue()[i]) > TOLERANCE) {
                            return false;
                        }
                    }
                    return true;
                });
                assertFalse(allMatch, c.name() + " also matches " + other);
            }
        }
    }

    private static Trace run(NormSpec spec, NormInput in) {
        return BatchNormGraph.run(NormLayout.of(spec, in.shape()), in);
    }

    private static Tensor t2(double[][] rows) {
        return Tensor.of(org.normgraph.core.Matrix.fromRows(rows));
    }

    private static double[] t(double... values) {
        return values;
    }
}
