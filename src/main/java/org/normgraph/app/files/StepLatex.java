package org.normgraph.app.files;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.normgraph.app.editor.NumberText;
import org.normgraph.app.inspector.ChainRuleExplainer;
import org.normgraph.app.inspector.NodeTex;
import org.normgraph.app.model.NormAxes;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;
import org.normgraph.core.InferenceGraph;
import org.normgraph.core.Matrix;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Trace;
import org.normgraph.timeline.Phase;
import org.normgraph.timeline.Step;

/**
 * The current step's formulas with their numbers, as a LaTeX document fragment (amsmath):
 * forward steps give each computed node's formula ({@link NodeTex#forward}) and its value;
 * backward steps the local derivative ({@link NodeTex#local}) of each operation they pass back
 * through and every gradient the step produces, all for the graph's kind of normalization; a
 * selected element adds its chain-rule line
 * ({@link ChainRuleExplainer}). The formulas come from those two classes only.
 */
public final class StepLatex {

    /** Significant digits of the numbers (as in the inspector, plus two). */
    static final int DIGITS = NumberText.INSPECTOR_DIGITS + 2;

    private StepLatex() {
    }

    /**
     * @param chain the selected element's chain rule as far as the walk has computed it (the
     *              inspector's lines), or null: a forward step writes its value line, a backward
     *              step its branch lines and gradient line
     */
    public static String of(Step step, Trace trace, ChainRuleExplainer.ElementLines chain, String title) {
        NormAxes axes = NormAxes.of(trace.graph());
        boolean inference = InferenceGraph.isInference(trace.graph());
        StringBuilder tex = new StringBuilder();
        tex.append("% normgraph: ").append(title.replace('\n', ' ')).append('\n');
        tex.append("% \\usepackage{amsmath}\n");
        if (step.phase() == Phase.FORWARD) {
            for (String node : step.values()) {
                equation(tex, NodeTex.forward(node, axes, inference));
                equation(tex, name(node) + " = " + matrix(trace.value(node)));
            }
        } else if (step.phase() == Phase.BACKWARD) {
            for (String node : operationsPassed(step, trace.graph())) {
                equation(tex, NodeTex.local(node, axes, inference));
            }
            for (String n : step.names()) {
                NamedGradient g = BatchNormGraph.gradient(n);
                equation(tex, name(InferenceGraph.name(trace.graph(), g)) + " = " + matrix(g.in(trace)));
            }
        }
        if (chain != null) {
            List<ChainRuleExplainer.Line> lines = new ArrayList<>();
            if (step.phase() == Phase.BACKWARD) {
                chain.branches().stream().filter(java.util.Objects::nonNull).forEach(lines::add);
                lines.add(chain.gradient());
            } else {
                lines.add(chain.value());
            }
            lines.stream().filter(java.util.Objects::nonNull).forEach(l -> equation(tex, chainLine(l.text())));
        }
        return tex.toString();
    }

    /**
     * The nodes whose local derivative a backward step applies: the operations its edges pass
     * back through, in the order the gradient meets them (at Backward 7, xhat's ∂xhat/∂xmu and
     * ∂xhat/∂ivar, then bcast_ivar's sum over rows), then the inputs whose
     * gradient it completes (their rule says how the contributions are collected).
     */
    static Set<String> operationsPassed(Step step, Graph graph) {
        Set<String> nodes = new LinkedHashSet<>(step.edgesAsMet().stream().map(Edge::to).toList());
        step.gradients().stream().filter(n -> graph.node(n).isInput()).forEach(nodes::add);
        return nodes;
    }

    private static void equation(StringBuilder tex, String body) {
        if (body != null) {
            tex.append("\\[ ").append(body).append(" \\]\n");
        }
    }

    private static String name(String n) {
        return "\\mathrm{" + n.replace("_", "\\_") + "}";
    }

    /** A 1×D row or an N×D matrix as a bmatrix of rounded numbers. */
    static String matrix(Matrix m) {
        StringBuilder sb = new StringBuilder("\\begin{bmatrix} ");
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                sb.append(j == 0 ? "" : " & ").append(number(m.get(i, j)));
            }
            sb.append(i == m.rows() - 1 ? " " : " \\\\ ");
        }
        return sb.append("\\end{bmatrix}").toString();
    }

    static String number(double v) {
        String s = NumberText.compact(v, DIGITS);
        int e = s.indexOf('e');
        if (e > 0) {
            return s.substring(0, e) + " \\times 10^{" + s.substring(e + 1) + "}";
        }
        return s.replace("\u221e", "\\infty");
    }

    /** The inspector's plain-text chain-rule line in math mode. */
    static String chainLine(String text) {
        // underscores only inside names: Σ_i is a subscript ("\\sum _i"), not "\\sum \\_i"
        String t = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]*").matcher(text)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group().replace("_", "\\_")));
        t = t.replaceAll("([A-Za-z][A-Za-z0-9\\\\_]*)\\[", "\\\\mathrm{$1}[");
        return t.replace("\u00b7", " \\cdot ").replace("\u2212", "-").replace("\u00b2", "^{2}")
                .replace("\u221a", "\\sqrt").replace("\u03a3", "\\sum ").replace("\u2299", " \\odot ")
                .replace("\u221e", "\\infty");
    }
}
