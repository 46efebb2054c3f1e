package org.normgraph.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Node;

/** Walking the graph: start, forward 1…9, backward 9…0, and what each position shows. */
class TimelineTest {

    /** DESIGN.md section 1, backward table: the gradient names each step produces. */
    private static final Map<Integer, Set<String>> DESIGN_NAMES = Map.of(
            9, Set.of("dbeta", "dgammax"), 8, Set.of("dgamma", "dxhat"), 7, Set.of("divar", "dxmu1"),
            6, Set.of("dsqrtvar"), 5, Set.of("dvar"), 4, Set.of("dsq"), 3, Set.of("dxmu2"),
            2, Set.of("dx1", "dmu"), 1, Set.of("dx2"), 0, Set.of("dx"));

    private final Graph graph = BatchNormGraph.build(3, 2, 1e-5);
    private final Timeline timeline = new Timeline(graph);

    @Test
    void has_twenty_positions_start_then_forward_one_to_nine_then_backward_nine_to_zero() {
        assertEquals(20, timeline.size());
        List<Step> steps = timeline.steps();
        assertEquals(Phase.START, steps.get(0).phase());
        for (int k = 1; k <= 9; k++) {
            assertEquals(Phase.FORWARD, steps.get(k).phase());
            assertEquals(k, steps.get(k).number());
        }
        for (int p = 10; p < 20; p++) {
            assertEquals(Phase.BACKWARD, steps.get(p).phase());
            assertEquals(19 - p, steps.get(p).number());
        }
        for (int p = 0; p < 20; p++) {
            assertEquals(p, steps.get(p).position());
        }
    }

    @Test
    void starts_at_the_start_with_only_the_inputs_shown() {
        assertEquals(0, timeline.position());
        assertEquals(Set.of("x", "gamma", "beta"), shownValues());
        assertTrue(shownGradients().isEmpty());
    }

    @ParameterizedTest(name = "forward step {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void at_forward_step_k_exactly_the_nodes_of_steps_up_to_k_have_values(int k) {
        timeline.seek(k);
        Set<String> expected = graph.nodes().stream().filter(n -> n.step() <= k).map(Node::name)
                .collect(Collectors.toSet());
        assertEquals(expected, shownValues());
        assertTrue(shownGradients().isEmpty(), "no gradient during the forward pass");
        assertTrue(BatchNormGraph.GRADIENTS.stream().noneMatch(timeline::nameShown));
    }

    @ParameterizedTest(name = "forward step {0} computes {1}")
    @CsvSource({"1, mu", "2, bcast_mu xmu", "3, sq", "4, var", "5, sqrtvar", "6, ivar",
                "7, bcast_ivar xhat", "8, bcast_gamma gammax", "9, bcast_beta out"})
    void each_forward_step_computes_its_node_and_its_broadcast(int k, String nodes) {
        assertEquals(Set.of(nodes.split(" ")), new HashSet<>(timeline.steps().get(k).values()));
    }

    @ParameterizedTest(name = "backward step {0}")
    @ValueSource(ints = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0})
    void each_backward_step_reveals_exactly_the_design_gradient_names_of_that_step(int k) {
        int position = Timeline.backwardPosition(k);
        assertEquals(DESIGN_NAMES.get(k), new HashSet<>(timeline.steps().get(position).names()));
        timeline.seek(position - 1);
        Set<String> before = shownNames();
        timeline.seek(position);
        Set<String> revealed = new HashSet<>(shownNames());
        revealed.removeAll(before);
        assertEquals(DESIGN_NAMES.get(k), revealed);
    }

    @Test
    void all_values_stay_shown_during_the_backward_pass() {
        Set<String> all = graph.nodes().stream().map(Node::name).collect(Collectors.toSet());
        for (int p = 10; p < 20; p++) {
            timeline.seek(p);
            assertEquals(all, shownValues(), "position " + p);
        }
    }

    @Test
    void both_branches_into_xmu_are_shown_before_their_sum_dx1_and_before_dx2() {
        int dxmu1 = firstShown("dxmu1");
        int dxmu2 = firstShown("dxmu2");
        int dx1 = firstShown("dx1");
        assertTrue(dxmu1 < dxmu2 && dxmu2 < dx1, dxmu1 + " " + dxmu2 + " " + dx1);
        assertTrue(dx1 < firstShown("dx2"));
        assertEquals(dx1, firstGradientShown("xmu"), "the total at xmu is the sum dx1");
    }

    @Test
    void both_branches_into_x_are_shown_before_their_sum_dx() {
        int dx = firstShown("dx");
        assertTrue(firstShown("dx1") < dx && firstShown("dx2") < dx);
        assertEquals(dx, firstGradientShown("x"), "the total at x is the sum dx");
        assertEquals(19, dx, "dx is the last step");
    }

    @Test
    void a_branch_contribution_is_shown_at_the_backward_step_of_the_node_it_leaves() {
        timeline.seek(Timeline.backwardPosition(7));
        assertTrue(timeline.contributionShown(new Edge("xmu", "xhat", 0)), "dxmu1 travels back from xhat");
        assertFalse(timeline.contributionShown(new Edge("xmu", "sq", 0)), "dxmu2 comes at step 3");
        assertFalse(timeline.gradientShown("xmu"), "no sum at xmu before both branches");
        timeline.seek(Timeline.backwardPosition(3));
        assertTrue(timeline.contributionShown(new Edge("xmu", "sq", 0)));
        assertFalse(timeline.gradientShown("xmu"));
    }

    @ParameterizedTest(name = "gradient of {0} at backward step {1}")
    @CsvSource({"out, 9", "gammax, 9", "beta, 9", "bcast_beta, 9", "xhat, 8", "gamma, 8", "ivar, 7",
                "sqrtvar, 6", "var, 5", "sq, 4", "xmu, 2", "mu, 2", "x, 0"})
    void a_total_gradient_appears_with_its_last_contribution(String node, int step) {
        assertEquals(Timeline.backwardPosition(step), firstGradientShown(node));
    }

    @Test
    void stepping_back_hides_gradient_of_ivar() {
        timeline.seek(Timeline.backwardPosition(7));
        assertTrue(timeline.gradientShown("ivar"));
        assertTrue(timeline.nameShown(BatchNormGraph.gradient("divar")));
        assertTrue(timeline.previous());
        assertFalse(timeline.gradientShown("ivar"));
        assertFalse(timeline.nameShown(BatchNormGraph.gradient("divar")));
    }

    @Test
    void stepping_back_into_the_forward_pass_hides_the_value_of_out() {
        timeline.seek(10);
        assertTrue(timeline.previous());
        assertTrue(timeline.valueShown("out"));
        assertTrue(timeline.previous());
        assertFalse(timeline.valueShown("out"));
        assertFalse(timeline.valueShown("bcast_beta"));
        assertTrue(timeline.valueShown("gammax"));
    }

    @Test
    void walking_to_the_end_and_back_shows_and_hides_the_same_things() {
        Map<Integer, Set<String>> seen = new java.util.HashMap<>();
        do {
            seen.put(timeline.position(), snapshot());
        } while (timeline.next());
        assertEquals(19, timeline.position());
        assertFalse(timeline.hasNext());
        do {
            assertEquals(seen.get(timeline.position()), snapshot(), "position " + timeline.position());
        } while (timeline.previous());
        assertEquals(0, timeline.position());
        assertFalse(timeline.hasPrevious());
    }

    @Test
    void next_at_the_end_and_previous_at_the_start_stay_put() {
        assertFalse(timeline.previous());
        assertEquals(0, timeline.position());
        timeline.last();
        assertFalse(timeline.next());
        assertEquals(19, timeline.position());
        timeline.first();
        assertEquals(0, timeline.position());
    }

    @ParameterizedTest(name = "seek({0}) goes to {1}")
    @CsvSource({"-1, 0", "-1000, 0", "0, 0", "7, 7", "19, 19", "20, 19", "2147483647, 19", "-2147483648, 0"})
    void seek_clamps_to_the_timeline(int target, int expected) {
        timeline.seek(target);
        assertEquals(expected, timeline.position());
    }

    @Test
    void the_current_step_marks_the_nodes_it_computes() {
        timeline.seek(7);
        assertTrue(timeline.isCurrent("xhat"));
        assertTrue(timeline.isCurrent("bcast_ivar"));
        assertFalse(timeline.isCurrent("ivar"));
        timeline.seek(Timeline.backwardPosition(2));
        assertTrue(timeline.isCurrent("mu"), "dmu");
        assertTrue(timeline.isCurrent("xmu"), "the sum dx1");
    }

    @Test
    void message_keys_name_phase_and_step() {
        assertEquals("step.start", timeline.steps().get(0).messageKey());
        assertEquals("step.forward.3", timeline.steps().get(3).messageKey());
        assertEquals("step.backward.7", timeline.steps().get(Timeline.backwardPosition(7)).messageKey());
        assertEquals("step.backward.0", timeline.steps().get(19).messageKey());
    }

    private Set<String> shownValues() {
        return graph.nodes().stream().map(Node::name).filter(timeline::valueShown).collect(Collectors.toSet());
    }

    private Set<String> shownGradients() {
        return graph.nodes().stream().map(Node::name).filter(timeline::gradientShown).collect(Collectors.toSet());
    }

    private Set<String> shownNames() {
        return BatchNormGraph.GRADIENTS.stream().filter(timeline::nameShown).map(NamedGradient::name)
                .collect(Collectors.toSet());
    }

    private Set<String> snapshot() {
        Set<String> s = new HashSet<>();
        shownValues().forEach(v -> s.add("value " + v));
        shownGradients().forEach(g -> s.add("gradient " + g));
        shownNames().forEach(n -> s.add("name " + n));
        graph.edges().stream().filter(timeline::contributionShown).forEach(e -> s.add("edge " + e));
        return s;
    }

    private int firstShown(String name) {
        NamedGradient g = BatchNormGraph.gradient(name);
        for (int p = 0; p < timeline.size(); p++) {
            timeline.seek(p);
            if (timeline.nameShown(g)) {
                return p;
            }
        }
        return -1;
    }

    private int firstGradientShown(String node) {
        for (int p = 0; p < timeline.size(); p++) {
            timeline.seek(p);
            if (timeline.gradientShown(node)) {
                return p;
            }
        }
        return -1;
    }
}
