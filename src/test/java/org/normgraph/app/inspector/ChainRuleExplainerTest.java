package org.normgraph.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.normgraph.app.model.Examples;
import org.normgraph.app.editor.InputEdits;
import org.normgraph.app.editor.NumberText;
import org.normgraph.app.inspector.ChainRuleExplainer.Line;
import org.normgraph.app.inspector.ChainRuleExplainer.Term;
import org.normgraph.app.model.Examples;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;
import org.normgraph.core.Matrix;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Node;
import org.normgraph.core.Trace;

class ChainRuleExplainerTest {

    static Stream<BatchNormInput> inputs() {
        return Stream.of(
                Examples.classic(),
                InputEdits.randomize(5, 4, 1e-3, 11),
                InputEdits.randomize(1, 2, 1e-5, 3),          // N = 1: variance 0, eps matters
                InputEdits.randomize(3, 1, 0.5, 99),
                InputEdits.randomize(8, 6, 1e-5, 7));
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void every_line_of_every_node_prints_the_traces_number(BatchNormInput input) {
        Trace trace = BatchNormGraph.run(input);
        Graph g = trace.graph();
        ChainRuleExplainer ex = new ChainRuleExplainer(trace);
        Map<String, Matrix> named = namedMatrices(trace);
        int lines = 0;
        for (Node n : g.nodes()) {
            for (int i = 0; i < n.shape().rows(); i++) {
                for (int j = 0; j < n.shape().cols(); j++) {
                    check(ex.value(n.name(), i, j), trace.value(n.name()).get(i, j), named);
                    check(ex.gradient(n.name(), i, j), trace.gradient(n.name()).get(i, j), named);
                    for (Edge e : g.consumers(n.name())) {
                        check(ex.contribution(e, i, j), trace.contribution(e).get(i, j), named);
                        lines++;
                    }
                    lines += 2;
                }
            }
        }
        assertTrue(lines > 0);
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void every_named_gradient_of_the_design_has_its_line(BatchNormInput input) {
        Trace trace = BatchNormGraph.run(input);
        ChainRuleExplainer ex = new ChainRuleExplainer(trace);
        int last = input.n() - 1;
        int col = input.d() - 1;
        for (NamedGradient ng : BatchNormGraph.GRADIENTS) {
            Line line = ng.isBranch() ? ex.contribution(ng.edge(), last, col) : ex.gradient(ng.node(), last, col);
            String expected = ng.name() + (BatchNormGraph.isVector(ng.name()) ? "" : "[" + last + "]") + "[" + col + "]";
            assertEquals(expected, line.target(), ng.name());
            Matrix m = ng.in(trace);
            assertEquals(m.get(m.rows() == 1 ? 0 : last, col), line.result(), 0.0, ng.name());
        }
    }

    @Test
    void multiply_backward_reads_like_the_textbook() {
        ChainRuleExplainer ex = new ChainRuleExplainer(BatchNormGraph.run(Examples.classic()));
        Line l = ex.gradient("xhat", 2, 1);
        assertEquals("dxhat[2][1] = dgammax[2][1] \u00b7 gamma[1] = 0.1 \u00b7 0.5 = 0.05", l.text());
        assertEquals(ChainRuleExplainer.Rule.PRODUCT, l.rule());
        assertEquals("chain.note.multiply.backward", l.noteKey());
    }

    @Test
    void broadcast_backward_sums_the_rows_with_their_numbers() {
        Trace t = BatchNormGraph.run(Examples.classic());
        ChainRuleExplainer ex = new ChainRuleExplainer(t);
        Line l = ex.gradient("gamma", 0, 1);
        Matrix up = t.gradient("bcast_gamma");
        assertEquals(ChainRuleExplainer.Rule.SUM, l.rule());
        assertEquals(4, l.terms().size());
        assertTrue(l.text().startsWith("dgamma[1] = \u03a3_i dbcast_gamma[i][1] = "), l.text());
        assertEquals(up.get(3, 1), l.terms().get(3).value(), 0.0);
        assertEquals(t.gradient("gamma").get(0, 1), l.result(), 0.0);
        // the element of the broadcast node itself: the product rule at gammax
        assertTrue(ex.gradient("bcast_gamma", 2, 1).text()
                .startsWith("dbcast_gamma[2][1] = dgammax[2][1] \u00b7 xhat[2][1] = 0.1 \u00b7 "));
        assertEquals("bcast_gamma[2][1] = gamma[1] = 0.5", ex.value("bcast_gamma", 2, 1).text());
    }

    /**
     * A fan-out node's branches end in the digits their sum adds, and so do the numbers they are
     * worked from: "dx2[0][0] = (1/3) · (−0.7348) = −0.24495" and "0.1225 + 0 = 0.12247" did
     * not agree by hand.
     */
    @ParameterizedTest
    @MethodSource("inputs")
    void summed_branches_work_out_by_hand_in_the_digits_of_their_sum(BatchNormInput input) {
        for (Trace t : List.of(BatchNormGraph.run(input),
                BatchNormGraph.run(org.normgraph.core.family.NormSpec.layer(), input))) {
            ChainRuleExplainer ex = new ChainRuleExplainer(t);
            for (String node : List.of("x", "xmu")) {
                Matrix g = t.gradient(node);
                for (int i = 0; i < g.rows(); i++) {
                    for (int j = 0; j < g.cols(); j++) {
                        for (Line l : ex.summedBranches(node, i, j)) {
                            checkByHand(l);
                        }
                    }
                }
            }
        }
    }

    /**
     * The line's numbers have the digits of its result, and a sum's add up to it by hand: with
     * 4-digit factors a 5-digit result looked wrong to a reader with a calculator.
     */
    private static void checkByHand(Line l) {
        if (l.numeric().isEmpty()) {
            return; // a copy: nothing worked out
        }
        boolean sum = l.rule() == ChainRuleExplainer.Rule.SUM;
        String[] parts = l.numeric().split(sum ? " \\+ " : " \u00b7 ");
        assertEquals(l.terms().size(), parts.length, l.text());
        java.math.BigDecimal added = java.math.BigDecimal.ZERO;
        for (int k = 0; k < parts.length; k++) {
            Term term = l.terms().get(k);
            String shown = parts[k].replaceAll("^\\((.*)\\)$", "$1");
            if (!term.constant()) {
                assertTrue(shown.equals(ChainRuleExplainer.num(term.value(), l.digits())) || sum,
                        l.text() + ": " + term.label() + " in " + l.digits() + " digits");
                added = added.add(new java.math.BigDecimal(shown.replace('\u2212', '-')));
            }
        }
        if (sum) {
            assertEquals(l.resultText(), ChainRuleExplainer.num(added.doubleValue(), l.digits()), l.text());
        }
    }

    @Test
    void fan_out_nodes_add_their_branches() {
        Trace t = BatchNormGraph.run(Examples.classic());
        ChainRuleExplainer ex = new ChainRuleExplainer(t);
        Line xmu = ex.gradient("xmu", 2, 1);
        assertTrue(xmu.text().startsWith("dx1[2][1] = dxmu1[2][1] + dxmu2[2][1] = "), xmu.text());
        assertEquals(List.of("dxmu1[2][1]", "dxmu2[2][1]"), xmu.terms().stream().map(Term::label).toList());
        Line x = ex.gradient("x", 0, 0);
        assertTrue(x.text().startsWith("dx[0][0] = dx1[0][0] + dx2[0][0] = "), x.text());
        assertEquals("chain.note.fanout", x.noteKey());
        List<Edge> branches = ex.branches("x");
        assertEquals(List.of(new Edge("x", "xmu", 0), new Edge("x", "mu", 0)), branches);
        Line dx2 = ex.contribution(branches.get(1), 0, 0);
        assertTrue(dx2.text().startsWith("dx2[0][0] = (1/4) \u00b7 dmu[0] = (1/4) \u00b7 "), dx2.text());
        // x's branch dx1 is the sum at xmu passed through the subtraction
        assertEquals(xmu.text().replace("[2][1]", "[0][0]").substring(0, 40),
                ex.contribution(branches.get(0), 0, 0).text().substring(0, 40));
    }

    @Test
    void a_difference_of_nearly_equal_numbers_shows_the_digits_that_differ() {
        var x = org.normgraph.core.Matrix.of(4, 1, 100000000.1, 100000000.2, 100000000.3, 100000000.4);
        var in = org.normgraph.app.editor.InputEdits.resize(Examples.classic(), 4, 1).withX(x);
        ChainRuleExplainer ex = new ChainRuleExplainer(BatchNormGraph.run(in));
        // 4 digits read "1e8 − 1e8 = −0.15"
        assertEquals("xmu[0][0] = x[0][0] \u2212 mu[0] = 100000000.1 \u2212 100000000.25 = \u22120.15",
                ex.value("xmu", 0, 0).text());
        assertEquals("mu[0] = (1/4) \u00b7 \u03a3_i x[i][0] = (1/4) \u00b7 (100000000.1 + 100000000.2 + 100000000.3 + 100000000.4)"
                + " = 100000000.25", ex.value("mu", 0, 0).text(), "not (1e8 + 1e8 + 1e8 + 1e8) = 1e8");
    }

    @Test
    void forward_lines_use_the_source_row_of_a_broadcast() {
        ChainRuleExplainer ex = new ChainRuleExplainer(BatchNormGraph.run(Examples.classic()));
        assertEquals("xmu[2][1] = x[2][1] \u2212 mu[1] = 0 \u2212 2 = \u22122", ex.value("xmu", 2, 1).text());
        assertEquals("mu[0] = (1/4) \u00b7 \u03a3_i x[i][0] = (1/4) \u00b7 (1 + 3 + 5 + 7) = 4", ex.value("mu", 0, 0).text());
        assertEquals("sqrtvar[1] = \u221a(var[1] + eps) = \u221a(2 + 1e\u22125) = 1.414", ex.value("sqrtvar", 0, 1).text());
        assertEquals("x[2][1] = 0", ex.value("x", 2, 1).text());
        assertEquals("dout[1][1] = 0.5", ex.gradient("out", 1, 1).text());
    }

    @Test
    void vector_nodes_are_indexed_by_column_only() {
        ChainRuleExplainer ex = new ChainRuleExplainer(BatchNormGraph.run(Examples.classic()));
        assertTrue(ex.gradient("ivar", 0, 2).text().startsWith("divar[2] = \u03a3_i dbcast_ivar[i][2] = "));
        assertTrue(ex.gradient("sqrtvar", 0, 2).text().startsWith("dsqrtvar[2] = \u2212divar[2] / sqrtvar[2]\u00b2 = "));
        assertTrue(ex.gradient("var", 0, 2).text().startsWith("dvar[2] = dsqrtvar[2] / (2 \u00b7 sqrtvar[2]) = "));
        assertTrue(ex.gradient("sq", 3, 2).text().startsWith("dsq[3][2] = (1/4) \u00b7 dvar[2] = "));
        assertTrue(ex.contribution(new Edge("xmu", "sq", 0), 3, 2).text()
                .startsWith("dxmu2[3][2] = 2 \u00b7 xmu[3][2] \u00b7 dsq[3][2] = 2 \u00b7 2 \u00b7 "));
        assertTrue(ex.gradient("bcast_mu", 1, 0).text().startsWith("dbcast_mu[1][0] = \u2212dx1[1][0] = \u2212("));
        assertFalse(ex.hasElement("gamma", 1, 0));
        assertTrue(ex.hasElement("gamma", 0, 2));
    }

    // ------------------------------------------------------------------ helpers

    private static final Pattern ELEMENT = Pattern.compile("([a-z_0-9]+)\\[(\\d+|i)\\](?:\\[(\\d+)\\])?");

    /** What the trace holds under each printed name: values, total gradients, contributions. */
    static Map<String, Matrix> namedMatrices(Trace trace) {
        Graph g = trace.graph();
        Map<String, Matrix> m = new HashMap<>();
        for (Node n : g.nodes()) {
            put(m, n.name(), trace.value(n.name()));
            put(m, org.normgraph.core.BatchNormGraph.gradientName(n.name()), trace.gradient(n.name()));
        }
        for (Edge e : g.edges()) {
            put(m, org.normgraph.core.BatchNormGraph.contributionName(e), trace.contribution(e));
        }
        return m;
    }

    private static void put(Map<String, Matrix> m, String name, Matrix value) {
        Matrix old = m.putIfAbsent(name, value);
        if (old != null && !old.equals(value)) {
            fail(name + " names two different matrices");
        }
    }

    static void check(Line line, double traceNumber, Map<String, Matrix> named) {
        String where = line.text();
        assertEquals(where, String.join(" ", line.displayLines()), "the multi-line form says the same");
        // the result is the trace's number, printed as the line's last number
        assertEquals(traceNumber, line.result(), 0.0, where);
        assertTrue(where.endsWith(" = " + NumberText.pretty(traceNumber, NumberText.INSPECTOR_DIGITS)), where);
        // the target names the trace's number
        assertEquals(traceNumber, lookup(named, line.target()), 0.0, where);
        // every non-constant factor is a trace number under its printed name
        for (Term t : line.terms()) {
            if (!t.constant()) {
                assertEquals(lookup(named, t.label()), t.value(), 0.0, where + " / " + t.label());
                // with 4 digits, or more where a difference cancels them (NumberText.digitsToShow)
                assertTrue(line.numeric().isEmpty() || java.util.stream.IntStream.rangeClosed(NumberText.INSPECTOR_DIGITS, NumberText.MAX_DIGITS)
                                .anyMatch(k -> line.numeric().contains(ChainRuleExplainer.num(t.value(), k))),
                        where + " shows " + t.label());
            }
        }
        if (line.rule() == ChainRuleExplainer.Rule.SUM || line.rule() == ChainRuleExplainer.Rule.MEAN) {
            checkShownSummandsAddUp(line);
        }
        // cross-check: the printed factors combined by the rule give the result
        if (line.rule() != ChainRuleExplainer.Rule.GIVEN) {
            double e = evaluate(line);
            double scale = Math.max(Math.abs(e), Math.abs(traceNumber));
            assertTrue(Math.abs(e - traceNumber) <= 1e-12 * scale, where + ": factors give " + e);
        }
    }

    private static final Pattern SHOWN_NUMBER = Pattern.compile("\u2212?\\d+(?:\\.\\d+)?(?:e[\u2212+]?\\d+)?");

    /**
     * The summands as printed add up, by hand, to the printed result: where they cancel
     * (−0.1059 + 0.1015 = −0.004432) 4 digits each would not show where the result came from,
     * and 0.1252 + (−0.02236) made 0.1028, not the 0.1029 printed.
     */
    private static void checkShownSummandsAddUp(Line line) {
        double result = line.result();
        double largest = line.terms().stream().filter(t -> !t.constant()).mapToDouble(t -> Math.abs(t.value())).max().orElse(0);
        if (!Double.isFinite(result) || !Double.isFinite(largest) || Math.abs(result) <= 1e-11 * largest) {
            return; // 0, or float noise below the 12 digits shown at most
        }
        String numbers = line.numeric();
        if (line.rule() == ChainRuleExplainer.Rule.MEAN) {
            numbers = numbers.substring(numbers.indexOf("\u00b7 (") + 3); // after "(1/M) · ("
        }
        Matcher m = SHOWN_NUMBER.matcher(numbers);
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        int count = 0;
        while (m.find()) {
            sum = sum.add(new java.math.BigDecimal(m.group().replace('\u2212', '-')));
            count++;
        }
        double byHand = line.rule() == ChainRuleExplainer.Rule.MEAN
                ? sum.divide(java.math.BigDecimal.valueOf(count), java.math.MathContext.DECIMAL64).doubleValue()
                : sum.doubleValue();
        assertEquals(line.resultText(), ChainRuleExplainer.num(byHand), line.text() + ": the shown summands add up to " + sum);
    }

    private static double lookup(Map<String, Matrix> named, String label) {
        Matcher mt = ELEMENT.matcher(label);
        assertTrue(mt.matches(), label);
        Matrix m = named.get(mt.group(1));
        assertTrue(m != null, "no trace matrix named " + mt.group(1));
        if (mt.group(3) == null) {
            // one index: a 1×D row by its column, or an N×1 column (layer norm's statistics) by its row
            assertTrue(m.rows() == 1 || m.cols() == 1, label + " is indexed as a row or a column");
            int k = Integer.parseInt(mt.group(2));
            return m.rows() == 1 ? m.get(0, k) : m.get(k, 0);
        }
        return m.get(Integer.parseInt(mt.group(2)), Integer.parseInt(mt.group(3)));
    }

    private static double evaluate(Line l) {
        List<Double> v = l.terms().stream().map(Term::value).toList();
        return switch (l.rule()) {
            case GIVEN -> l.result();
            case COPY -> v.get(0);
            case NEGATE -> -v.get(0);
            case SUM -> v.stream().mapToDouble(Double::doubleValue).sum();
            case DIFFERENCE -> v.get(0) - v.get(1);
            case PRODUCT -> v.stream().mapToDouble(Double::doubleValue).reduce(1, (a, b) -> a * b);
            case SQUARE -> v.get(0) * v.get(0);
            case MEAN -> v.subList(1, v.size()).stream().mapToDouble(Double::doubleValue).sum() * v.get(0);
            case SQRT_PLUS_EPS -> Math.sqrt(v.get(0) + v.get(1));
            case RECIPROCAL -> 1 / v.get(0);
            case OVER_TWICE -> v.get(0) / (2 * v.get(1));
            case NEG_OVER_SQUARE -> -v.get(0) / (v.get(1) * v.get(1));
        };
    }
}
