package org.normgraph.app.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.normgraph.app.inspector.ChainRuleExplainer;
import org.normgraph.app.model.Examples;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Trace;
import org.normgraph.timeline.Phase;
import org.normgraph.timeline.Step;

/** Predict-then-reveal without the toolkit: questions from the trace, scoring, hints. */
class PredictSessionTest {

    private final SessionModel model = new SessionModel(Examples.classic());
    private final Trace trace = model.getTrace();
    private final List<Step> steps = model.steps();

    private static double traceValue(Trace t, PredictSession.Question q) {
        NamedGradient g = q.gradient();
        return g.in(t).get(q.row(), q.col());
    }

    @Test
    void there_is_a_question_before_every_backward_step_and_none_before_a_forward_one() {
        PredictSession s = new PredictSession();
        int asked = 0;
        for (int p = 0; p < steps.size() - 1; p++) {
            boolean backwardNext = steps.get(p + 1).phase() == Phase.BACKWARD;
            assertEquals(backwardNext, s.pending(trace, steps, p).isPresent(), "position " + p);
            asked += backwardNext ? 1 : 0;
        }
        assertEquals(10, asked);
        assertTrue(s.pending(trace, steps, steps.size() - 1).isEmpty());
    }

    @Test
    void each_question_asks_for_the_steps_gradient_and_expects_the_trace_number() {
        for (Step step : steps) {
            if (step.phase() != Phase.BACKWARD) {
                assertThrows(IllegalArgumentException.class, () -> PredictSession.question(trace, step));
                continue;
            }
            PredictSession.Question q = PredictSession.question(trace, step);
            assertEquals(step.number(), q.gradient().step());
            assertEquals(step.position(), q.position());
            assertEquals(traceValue(trace, q), q.expected(), 0.0, q.label());
            assertTrue(q.label().startsWith(q.gradient().name() + "["), q.label());
        }
    }

    @Test
    void the_questions_wander_over_the_elements() {
        long distinct = steps.stream().filter(s -> s.phase() == Phase.BACKWARD)
                .map(s -> PredictSession.question(trace, s)).map(q -> q.row() + "," + q.col()).distinct().count();
        assertTrue(distinct >= 3, "distinct elements asked: " + distinct);
    }

    /** With a constant column divar, dsqrtvar, dvar, dsq and dxmu2 are 0 there: asking for one left nothing to work out. */
    @Test
    void an_element_that_is_0_is_not_asked_while_its_gradient_has_another() {
        SessionModel constant = new SessionModel(Examples.classic());
        var in = constant.getInput();
        var x = in.x();
        for (int i = 0; i < x.rows(); i++) {
            x = x.with(i, 1, 5); // column 1 constant: backward 7 and 4 would ask column 1
        }
        constant.commit(in.withX(x));
        Trace t = constant.getTrace();
        for (Step step : constant.steps()) {
            if (step.phase() == Phase.BACKWARD) {
                PredictSession.Question q = PredictSession.question(t, step);
                assertNotEquals(0.0, q.expected(), q.label());
                assertEquals(traceValue(t, q), q.expected(), 0.0, q.label());
            }
        }
        PredictSession.Question divar = PredictSession.question(t, constant.steps().get(constant.getStepCount() - 1 - 7));
        assertEquals("divar", divar.gradient().name());
        assertEquals(2, divar.col(), "the next column after the constant one");
    }

    @Test
    void a_right_answer_scores_and_a_wrong_one_does_not() {
        PredictSession s = new PredictSession();
        PredictSession.Question q9 = s.pending(trace, steps, 9).orElseThrow();
        PredictSession.Checked right = s.check(q9, Double.toString(q9.expected()));
        assertFalse(right.refused());
        assertEquals(PredictSession.Verdict.CORRECT, right.outcome().verdict());
        assertEquals(1, s.correct());
        assertEquals(1, s.attempted());
        assertTrue(s.pending(trace, steps, 9).isEmpty(), "answered: not asked again");

        PredictSession.Question q8 = s.pending(trace, steps, 10).orElseThrow();
        PredictSession.Checked wrong = s.check(q8, Double.toString(q8.expected() + 0.5));
        assertEquals(PredictSession.Verdict.WRONG, wrong.outcome().verdict());
        assertEquals(1, s.correct());
        assertEquals(2, s.attempted());
        assertEquals(q8.expected() + 0.5, wrong.outcome().answer(), 0.0);
    }

    @Test
    void text_that_is_no_number_is_refused_and_not_counted() {
        PredictSession s = new PredictSession();
        PredictSession.Question q = s.pending(trace, steps, 9).orElseThrow();
        for (String text : new String[] {"abc", "", "1,5", "NaN", "1e400"}) {
            PredictSession.Checked c = s.check(q, text);
            assertTrue(c.refused(), text);
            assertTrue(c.refusal().args().get(0).equals(q.label()), "names what was asked: " + c.refusal());
        }
        assertEquals(0, s.attempted());
        assertTrue(s.pending(trace, steps, 9).isPresent(), "still open");
        assertEquals("predict.refused.empty", s.check(q, "  ").refusal().key(), "an answer field, not a cell");
    }

    @Test
    void the_apps_number_syntax_is_accepted() {
        PredictSession s = new PredictSession();
        PredictSession.Question q = s.pending(trace, steps, 9).orElseThrow();
        String typographicMinus = (q.expected() < 0 ? "\u2212" : "") + Math.abs(q.expected());
        assertEquals(PredictSession.Verdict.CORRECT, s.check(q, "  " + typographicMinus + " ").outcome().verdict());
    }

    @Test
    void reveal_is_not_an_attempt() {
        PredictSession s = new PredictSession();
        PredictSession.Question q = s.pending(trace, steps, 9).orElseThrow();
        PredictSession.Outcome o = s.reveal(q);
        assertEquals(PredictSession.Verdict.REVEALED, o.verdict());
        assertEquals(0, s.attempted());
        assertEquals(0, s.correct());
        assertEquals(o, s.outcome(q.position()).orElseThrow());
        s.reset();
        assertTrue(s.outcomes().isEmpty());
        assertTrue(s.pending(trace, steps, 9).isPresent());
    }

    @Test
    void a_gradient_of_small_numbers_is_judged_at_its_own_scale() {
        assertFalse(PredictSession.accepts(-0.0224, -0.0265), "16 % off, where the gradient reaches 1");
        assertFalse(PredictSession.accepts(0.0285, 0.0253, 0.354), "13 % off in a gradient whose largest is 0.354");
        assertTrue(PredictSession.accepts(0.025, 0.0253, 0.354), "rounded to 2 significant digits");
        assertFalse(PredictSession.accepts(-0.0224, -0.0265, 0.05), "16 % off in a gradient whose largest is 0.05");
        assertTrue(PredictSession.accepts(-0.0267, -0.0265, 0.05), "within 1 % of the value");
        assertTrue(PredictSession.accepts(0.0, 0.0, 0.0));
        assertTrue(PredictSession.accepts(1.009, 1.0, 30), "above 1: one percent of the value, whatever the scale");
        assertFalse(PredictSession.accepts(0.002, 0.0, 30), "0.001 at most below a tenth");
        PredictSession.Question q = PredictSession.question(trace, steps.get(18));
        assertTrue(q.gradient().isBranch(), "backward 1 asks for a branch: dx2");
        assertEquals(trace.contribution(q.gradient().edge()).maxAbs(), q.scale(), 0.0);
    }

    @Test
    void tolerance_is_one_percent_with_a_floor_of_a_thousandth_where_the_gradient_reaches_1() {
        assertTrue(PredictSession.accepts(0.1009, 0.1));
        assertFalse(PredictSession.accepts(0.109, 0.1), "9 % off");
        assertTrue(PredictSession.accepts(0.0505, 0.05), "the floor: 0.001");
        assertFalse(PredictSession.accepts(0.052, 0.05));
        assertTrue(PredictSession.accepts(-0.0009, 0.0));
        assertFalse(PredictSession.accepts(-0.005, 0.0));
        assertTrue(PredictSession.accepts(50.4, 50));
        assertFalse(PredictSession.accepts(50.6, 50));
        assertTrue(PredictSession.accepts(-201, -200));
        assertFalse(PredictSession.accepts(200, -200));
        assertFalse(PredictSession.accepts(Double.NaN, 0));
        assertFalse(PredictSession.accepts(Double.POSITIVE_INFINITY, 1e308));
    }

    @Test
    void hints_give_the_formula_then_the_upstream_numbers_from_the_trace() {
        for (Step step : steps) {
            if (step.phase() != Phase.BACKWARD) {
                continue;
            }
            PredictSession.Question q = PredictSession.question(trace, step);
            ChainRuleExplainer.Line line = new ChainRuleExplainer(trace).gradient(q.node(), q.row(), q.col());
            assertTrue(q.formulaHint().startsWith(q.label()), q.formulaHint());
            if (!q.line().numeric().isEmpty()) {
                assertFalse(q.formulaHint().contains(q.line().numeric()), "no numbers in the first hint");
            }
            for (ChainRuleExplainer.Term t : q.upstream()) {
                assertTrue(t.label().startsWith("d"), t.label());
                assertFalse(t.constant());
            }
            if (!q.gradient().isBranch()) {
                assertEquals(line.text(), q.line().text(), "the explainer's own line");
            }
        }
        // backward 8 asks dgamma, the sum of the N rows of dbcast_gamma, which backward 8 computes
        // too: the hints say how a summand is made and give the dgammax they are made of
        PredictSession.Question q8 = PredictSession.question(trace, steps.get(11));
        assertEquals("dgamma", q8.gradient().name());
        assertEquals("dbcast_gamma[0][" + q8.col() + "] = dgammax[0][" + q8.col() + "] \u00b7 xhat[0][" + q8.col() + "]",
                q8.summandHint());
        assertEquals(trace.graph().node("x").shape().rows(), q8.upstream().size());
        for (int i = 0; i < q8.upstream().size(); i++) {
            ChainRuleExplainer.Term t = q8.upstream().get(i);
            assertEquals("dgammax[" + i + "][" + q8.col() + "]", t.label());
            assertEquals(trace.gradient("gammax").get(i, q8.col()), t.value(), 0.0);
        }
    }

    /** The second hint for dgamma, dbeta and divar gave the dbcast_* numbers that their own step computes. */
    @Test
    void the_upstream_hint_gives_numbers_already_on_show_before_the_step() {
        for (Step step : steps) {
            if (step.phase() != Phase.BACKWARD) {
                continue;
            }
            PredictSession.Question q = PredictSession.question(trace, step);
            java.util.Set<String> madeNow = new java.util.HashSet<>();
            for (String node : step.gradients()) { // dout is given (an input), not made
                if (!node.equals(trace.graph().output().name())) {
                    madeNow.add(org.normgraph.core.InferenceGraph.gradientName(trace.graph(), node));
                }
            }
            assertFalse(q.upstream().isEmpty(), q.label());
            for (ChainRuleExplainer.Term t : q.upstream()) {
                String name = t.label().substring(0, t.label().indexOf('['));
                assertFalse(madeNow.contains(name), q.label() + ": " + t.label() + " is computed by the same step");
            }
            assertEquals(q.summands().isEmpty(), q.summandHint().isEmpty());
        }
        assertEquals(List.of("dbeta", "dgamma", "divar"), steps.stream()
                .filter(s -> s.phase() == Phase.BACKWARD)
                .map(s -> PredictSession.question(trace, s))
                .filter(q -> !q.summands().isEmpty()).map(q -> q.gradient().name()).toList());
    }

    @Test
    void after_an_edit_the_question_expects_the_new_trace_number() {
        PredictSession s = new PredictSession();
        double before = s.pending(trace, steps, 18).orElseThrow().expected();
        var in = model.getInput();
        model.commit(new org.normgraph.core.BatchNormInput(in.x().with(0, 0, in.x().get(0, 0) + 3), in.gamma(),
                in.beta(), in.dout(), in.eps()));
        PredictSession.Question after = s.pending(model.getTrace(), model.steps(), 18).orElseThrow();
        assertEquals(traceValue(model.getTrace(), after), after.expected(), 0.0);
        assertNotEquals(before, after.expected());
    }
}
