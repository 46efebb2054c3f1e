package org.normgraph.core.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Comparison;
import org.normgraph.core.GradientCheck;
import org.normgraph.core.Graph;
import org.normgraph.core.GraphVariant;
import org.normgraph.core.Matrix;
import org.normgraph.core.Node;
import org.normgraph.core.StagedEngine;
import org.normgraph.core.Tensor;
import org.normgraph.core.Trace;
import org.normgraph.core.family.FamilyInputs;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;

/**
 * Every pitfall fails the gradient check, for every kind, and the lab names the node where the
 * variant first leaves the correct graph. Each pitfall is the app's graph of that kind with one op
 * (or the fan-out rule) changed, run by the one staged engine. eps = 0.1 so that "std + eps" is visibly wrong (with
 * eps ≪ var it is wrong by about eps/(2·std) only, see the last test).
 */
class PitfallLabTest {

    private static final double EPS = 0.1;

    static Stream<Arguments> table() {
        List<Object[]> kinds = List.of(
                new Object[] {NormSpec.batch(), new int[] {4, 3}},
                new Object[] {NormSpec.batch(), new int[] {2, 3, 2, 2}},
                new Object[] {NormSpec.layer(), new int[] {3, 4}},
                new Object[] {NormSpec.group(2), new int[] {2, 4, 2, 1}},
                new Object[] {NormSpec.instance(), new int[] {2, 2, 2, 2}});
        // pitfall, where it first shows (forward node, or gradient in backward order), which checks fail
        Object[][] pitfalls = {
                {Pitfall.STD_PLUS_EPS, "sqrtvar", false, Set.of("dx", "dgamma")},
                {Pitfall.DIVIDE_BY_IVAR, "xhat", false, Set.of("dx", "dgamma")},
                {Pitfall.MEAN_FOR_DBETA, "dbeta", true, Set.of("dbeta")},
                {Pitfall.FORGET_DX2, "dx2", true, Set.of("dx")},
                {Pitfall.FORGET_DXMU2, "dxmu2", true, Set.of("dx")},
                {Pitfall.ASSIGN_AT_FAN_OUT, "dx1", true, Set.of("dx")}};
        Stream.Builder<Arguments> b = Stream.builder();
        for (Object[] k : kinds) {
            for (Object[] p : pitfalls) {
                b.add(Arguments.of(p[0], k[0], Tensor.format((int[]) k[1]), k[1], p[1], p[2], p[3]));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}, {1} x={2}")
    @MethodSource("table")
    void the_check_fails_and_the_first_difference_is_where_the_mistake_is(
            Pitfall pitfall, NormSpec spec, String shapeText, int[] shape, String first, boolean inBackward,
            Set<String> failing) {
        NormInput in = FamilyInputs.random(shape, EPS, shapeText.hashCode() + 7L * pitfall.ordinal());
        PitfallLab.Report r = PitfallLab.run(pitfall, NormLayout.of(spec, shape), in);
        assertTrue(r.checkFails(), () -> "check passed: " + r.check());
        assertEquals(failing, Set.copyOf(r.failing()), () -> r.check().toString());
        assertTrue(r.firstDifference().isPresent());
        assertEquals(first, r.firstDifference().get().name(), () -> r.firstDifference().get().toString());
        assertEquals(inBackward, r.firstDifference().get().inBackward());
        // forward mistakes have the right derivative of the wrong function; backward ones don't
        assertEquals(pitfall.forward(), r.consistentWithOwnForward(), () -> r.ownForward().toString());
    }

    /**
     * "First" within the first differing node too: its first element, in row-major order, that
     * differs beyond the tolerance the comparison of the whole node uses; every element before it
     * agrees. Not the element where the difference is largest.
     */
    @ParameterizedTest(name = "{0}, {1} x={2}")
    @MethodSource("table")
    void the_first_difference_is_the_first_differing_element_in_row_major_order(
            Pitfall pitfall, NormSpec spec, String shapeText, int[] shape, String first, boolean inBackward,
            Set<String> failing) {
        NormInput in = FamilyInputs.random(shape, EPS, shapeText.hashCode() + 7L * pitfall.ordinal());
        NormLayout layout = NormLayout.of(spec, shape);
        PitfallLab.Report r = PitfallLab.run(pitfall, layout, in);
        FirstDifference f = r.firstDifference().orElseThrow();
        Trace correct = BatchNormGraph.run(layout, in);
        Matrix a = f.inBackward() ? correct.gradient(BatchNormGraph.gradient(f.name())) : correct.value(f.name());
        Matrix b = f.inBackward() ? r.variant().gradient(BatchNormGraph.gradient(f.name())) : r.variant().value(f.name());
        double scale = Comparison.scale(a, b, Comparison.ABSOLUTE_FLOOR);
        int row = f.row();
        int col = f.col();
        for (int i = 0; i <= row; i++) {
            for (int j = 0; j < (i == row ? col : a.cols()); j++) {
                double diff = Math.abs(a.get(i, j) - b.get(i, j));
                assertTrue(diff / scale <= FirstDifference.TOLERANCE,
                        f.name() + "[" + i + "][" + j + "] differs before the reported " + f);
            }
        }
        assertTrue(Math.abs(a.get(row, col) - b.get(row, col)) / scale > FirstDifference.TOLERANCE, f::toString);
        assertEquals(a.get(row, col), f.reference());
        assertEquals(b.get(row, col), f.actual());
    }

    /** What the lab checks is the graph the app draws (SessionModel builds it by spec) with one change. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Pitfall.class)
    void a_pitfall_is_the_drawn_graph_with_one_node_or_the_fan_out_rule_changed(Pitfall pitfall) {
        Graph drawn = BatchNormGraph.build(NormSpec.group(2), 3, 4, EPS);
        Graph variant = BatchNormGraph.build(NormLayout.of(NormSpec.group(2), 3, 4), EPS, pitfall);
        assertEquals(drawn.edges(), variant.edges());
        assertEquals(drawn.nodes().stream().map(Node::name).toList(), variant.nodes().stream().map(Node::name).toList());
        List<String> changed = drawn.nodes().stream().filter(n -> !n.equals(variant.node(n.name()))).map(Node::name).toList();
        boolean rule = pitfall == Pitfall.ASSIGN_AT_FAN_OUT;
        assertEquals(rule ? List.of() : List.of(pitfall.node()), changed);
        assertEquals(rule ? StagedEngine.FanOut.ASSIGN : StagedEngine.FanOut.ADD, pitfall.fanOut());
    }

    /** The lab itself can tell right from wrong: the correct graph passes and differs nowhere. */
    @Test
    void the_correct_graph_passes_the_same_check_and_differs_nowhere() {
        NormInput in = FamilyInputs.random(new int[] {2, 4, 2, 1}, EPS, 3);
        NormLayout layout = NormLayout.of(NormSpec.group(2), 2, 4, 2, 1);
        assertTrue(GradientCheck.check(layout, in, GraphVariant.CORRECT).stream().allMatch(GradientCheck.Result::passed));
        Trace correct = BatchNormGraph.run(layout, in);
        assertTrue(FirstDifference.between(correct, BatchNormGraph.run(layout, in, GraphVariant.CORRECT)).isEmpty());
    }

    @Test
    void a_mistake_the_input_cannot_show_has_no_first_difference() {
        // one row per statistic set for dbeta: mean and sum of one value agree
        NormInput in = FamilyInputs.random(new int[] {1, 3}, EPS, 4);
        PitfallLab.Report r = PitfallLab.run(Pitfall.MEAN_FOR_DBETA, NormLayout.of(NormSpec.layer(), 1, 3), in);
        assertTrue(r.firstDifference().isEmpty());
        assertFalse(r.checkFails());
    }

    @Test
    void std_plus_eps_hides_from_finite_differences_when_eps_is_small_against_var() {
        NormInput in = FamilyInputs.random(new int[] {6, 3}, 1e-8, 5);
        PitfallLab.Report r = PitfallLab.run(Pitfall.STD_PLUS_EPS, NormLayout.of(NormSpec.batch(), 6, 3), in);
        assertTrue(r.check().stream().allMatch(c -> c.numeric().within(GradientCheck.NUMERIC_TOLERANCE)),
                () -> r.check().toString());
        // a trusted formula sees what finite differences cannot, and so does the forward
        assertEquals(List.of("dx", "dgamma"), r.failing());
        assertEquals(List.of(), r.failingFiniteDifferences());
        assertEquals("sqrtvar", r.firstDifference().orElseThrow().name());
    }

    @Test
    void every_pitfall_is_in_the_table_and_says_what_it_is() {
        Set<Pitfall> covered = table().map(a -> (Pitfall) a.get()[0]).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(Pitfall.class), covered);
        for (Pitfall p : Pitfall.values()) {
            assertFalse(p.description().isBlank());
            assertTrue(BatchNormGraph.build(2, 2, 1).contains(p.node()), p + " names a node of the graph");
        }
    }
}
