package org.normgraph.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.normgraph.app.editor.InputEdits;
import org.normgraph.app.inspector.ChainRuleExplainer.Line;
import org.normgraph.app.model.Examples;
import org.normgraph.app.model.NormAxes;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;
import org.normgraph.core.Matrix;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Node;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormSpec;

/** The chain rule of layer and group norm: every line prints the trace's numbers, with the kind's 1/M and sums. */
class ChainRuleExplainerFamilyTest {

    static Stream<Arguments> cases() {
        BatchNormInput classic = Examples.classic(); // 4×3
        BatchNormInput wide = InputEdits.randomize(3, 4, 1e-3, 7);
        return Stream.of(
                Arguments.of(NormSpec.layer(), classic),
                Arguments.of(NormSpec.layer(), InputEdits.randomize(1, 5, 1e-5, 3)),
                Arguments.of(NormSpec.layer(), InputEdits.randomize(3, 1, 0.5, 99)), // D = 1: dx = 0
                Arguments.of(NormSpec.group(2), wide),
                Arguments.of(NormSpec.group(4), wide),
                Arguments.of(NormSpec.group(1), wide));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void every_line_of_every_node_prints_the_traces_number(NormSpec spec, BatchNormInput input) {
        Trace trace = BatchNormGraph.run(spec, input);
        Graph g = trace.graph();
        ChainRuleExplainer ex = new ChainRuleExplainer(trace);
        Map<String, Matrix> named = ChainRuleExplainerTest.namedMatrices(trace);
        for (Node n : g.nodes()) {
            for (int i = 0; i < n.shape().rows(); i++) {
                for (int j = 0; j < n.shape().cols(); j++) {
                    ChainRuleExplainerTest.check(ex.value(n.name(), i, j), trace.value(n.name()).get(i, j), named);
                    ChainRuleExplainerTest.check(ex.gradient(n.name(), i, j), trace.gradient(n.name()).get(i, j), named);
                    for (Edge e : g.consumers(n.name())) {
                        ChainRuleExplainerTest.check(ex.contribution(e, i, j), trace.contribution(e).get(i, j), named);
                    }
                }
            }
        }
        for (NamedGradient ng : BatchNormGraph.gradients(org.normgraph.core.family.NormLayout.of(spec, input.n(), input.d()))) {
            Matrix m = trace.gradient(ng);
            int r = m.rows() - 1;
            int c = m.cols() - 1;
            Line line = ng.isBranch() ? ex.contribution(ng.edge(), r, c) : ex.gradient(ng.node(), r, c);
            assertEquals(m.get(r, c), line.result(), 0.0, ng.name());
        }
    }

    /** Layer norm's xhat said "a 1×D row is broadcast to every row", of an N×1 ivar. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void no_note_speaks_of_batch_norms_rows(NormSpec spec, BatchNormInput input) {
        org.normgraph.app.Messages.setLanguage(org.normgraph.app.Language.ENGLISH);
        Trace trace = BatchNormGraph.run(spec, input);
        ChainRuleExplainer ex = new ChainRuleExplainer(trace);
        for (Node n : trace.graph().nodes()) {
            String note = ex.value(n.name(), 0, 0).note() + " " + ex.gradient(n.name(), 0, 0).note();
            assertTrue(!note.contains("1\u00d7D") && !note.contains("over the N rows"), n.name() + ": " + note);
        }
    }

    /** The summands of a broadcast's contribution, one line each: as many as the sum has terms, adding up to it. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void a_broadcasts_summands_are_the_lines_of_the_terms_its_sum_adds(NormSpec spec, BatchNormInput input) {
        Trace trace = BatchNormGraph.run(spec, input);
        Graph g = trace.graph();
        ChainRuleExplainer ex = new ChainRuleExplainer(trace);
        int broadcasts = 0;
        for (Node n : g.nodes()) {
            for (Edge e : g.consumers(n.name())) {
                boolean broadcast = g.node(e.to()).kind() == org.normgraph.core.NodeKind.BROADCAST;
                broadcasts += broadcast ? 1 : 0;
                for (int i = 0; i < n.shape().rows(); i++) {
                    for (int j = 0; j < n.shape().cols(); j++) {
                        List<Line> summands = ex.broadcastSummands(e, i, j);
                        Line sum = ex.contribution(e, i, j);
                        if (!broadcast) {
                            assertTrue(summands.isEmpty(), e.toString());
                            continue;
                        }
                        assertEquals(sum.terms().stream().map(ChainRuleExplainer.Term::label).toList(),
                                summands.stream().map(Line::target).toList(), e + " at " + i + ", " + j);
                        double added = summands.stream().mapToDouble(Line::result).sum();
                        assertEquals(sum.result(), added, 1e-12 * Math.max(1, Math.abs(sum.result())), e.toString());
                    }
                }
            }
        }
        assertEquals(4, broadcasts, "mu, ivar, gamma and beta are broadcast");
    }

    @Test
    void layer_norm_means_a_row_over_its_d_features_and_indexes_statistics_by_row() {
        Trace trace = BatchNormGraph.run(NormSpec.layer(), Examples.classic());
        ChainRuleExplainer ex = new ChainRuleExplainer(trace);
        assertEquals(NormAxes.Collapse.FEATURES, ex.axes().collapse());
        Line mu = ex.value("mu", 2, 0);
        assertEquals("mu[2]", mu.target());
        assertEquals("(1/3) \u00b7 \u03a3_j x[2][j]", mu.symbolic());
        assertEquals(4, mu.terms().size()); // 1/D and the three values of row 2
        assertEquals(1.0 / 3, mu.terms().get(0).value(), 0.0);
        // backward through the mean: 1/D (not 1/N) times dmu of the row
        Line dx2 = ex.contribution(new Edge("x", "mu", 0), 2, 1);
        assertEquals("dx2[2][1]", dx2.target());
        assertEquals("(1/3) \u00b7 dmu[2]", dx2.symbolic());
        // backward through bcast_mu: the sum over the row's D columns
        Line dmu = ex.contribution(new Edge("mu", "bcast_mu", 0), 2, 0);
        assertEquals("\u03a3_j dbcast_mu[2][j]", dmu.symbolic());
        assertEquals(3, dmu.terms().size());
        // gamma stays per feature, summed over the rows
        assertEquals("\u03a3_i dbcast_gamma[i][1]", ex.contribution(new Edge("gamma", "bcast_gamma", 0), 0, 1).symbolic());
        assertTrue(NodeTex.forward("mu", ex.axes()).contains("\\frac{1}{D}"));
        assertTrue(NodeTex.local("var", ex.axes()).contains("\\frac{1}{D}"));
    }

    @Test
    void group_norm_means_each_group_of_d_over_g_features() {
        Trace trace = BatchNormGraph.run(NormSpec.group(2), InputEdits.randomize(3, 4, 1e-3, 7));
        ChainRuleExplainer ex = new ChainRuleExplainer(trace);
        assertEquals(new NormAxes(NormAxes.Collapse.GROUPS, 2), ex.axes());
        Line var = ex.value("var", 1, 1);
        assertEquals("var[1][1]", var.target());
        assertEquals("(1/2) \u00b7 \u03a3_{j=2..3} sq[1][j]", var.symbolic());
        assertEquals("N\u00d7G", ex.axes().letters("ivar"));
        assertEquals("1\u00d7D", ex.axes().letters("dgamma"));
        assertTrue(NodeTex.forward("bcast_ivar", ex.axes()).contains("g(j)"));
    }

    /** Under group norm with G = 1 the inspector wrote layer norm's N×1 and 1/(C·H·W) of the kind the learner had not chosen. */
    @Test
    void group_norm_with_one_group_is_named_and_indexed_as_group_norm() {
        BatchNormInput in = InputEdits.randomize(3, 4, 1e-3, 7);
        var layout = org.normgraph.core.family.NormLayout.of(NormSpec.group(1), in.n(), in.d());
        Trace trace = BatchNormGraph.run(layout, org.normgraph.core.family.NormInput.of(in));
        ChainRuleExplainer ex = new ChainRuleExplainer(trace, layout);
        assertEquals(NormAxes.Collapse.GROUPS, ex.axes().collapse());
        assertEquals("N×G", ex.axes().letters("mu"));
        Line mu = ex.value("mu", 2, 0);
        assertEquals("mu[2][0]", mu.target());
        assertEquals(trace.value("mu").get(2, 0), mu.result(), 0.0);
        assertTrue(NodeTex.forward("mu", ex.axes()).contains("\\frac{G}{D}"), NodeTex.forward("mu", ex.axes()));

        var images = org.normgraph.core.family.NormLayout.of(NormSpec.group(1), 3, 4, 1, 1);
        NormAxes onImages = NormAxes.of(BatchNormGraph.build(images, 1e-3), images);
        assertEquals("N×G", onImages.letters("var"));
        assertTrue(NodeTex.forward("mu", onImages).contains("C \\cdot H \\cdot W"), NodeTex.forward("mu", onImages));
        assertTrue(NodeTex.forward("mu", onImages).contains("\\frac{G}"), NodeTex.forward("mu", onImages));
    }
}
