package org.normgraph.app.inspector;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.normgraph.app.Messages;
import org.normgraph.app.editor.NumberText;
import org.normgraph.app.model.NormAxes;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;
import org.normgraph.core.Node;
import org.normgraph.core.NodeKind;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.ops.Add;
import org.normgraph.core.ops.BlockBroadcast;
import org.normgraph.core.ops.BlockMean;
import org.normgraph.core.ops.Broadcast;
import org.normgraph.core.ops.MeanRows;
import org.normgraph.core.ops.Multiply;
import org.normgraph.core.ops.Op;
import org.normgraph.core.ops.Reciprocal;
import org.normgraph.core.ops.SqrtPlusEps;
import org.normgraph.core.ops.Square;
import org.normgraph.core.ops.Subtract;

/**
 * Writes out, for one element of one node, how its value and its gradient were computed —
 * the chain rule with the real numbers filled in, e.g.
 * {@code dxhat[2][1] = dgammax[2][1] · gamma[1] = 0.3 · 0.5 = 0.15}.
 *
 * <p>Every number comes from the {@link Trace}: node values, total gradients and the
 * contributions along edges. Nothing is recomputed; the result of each line is the trace's
 * own number, and the factors are the trace's numbers that the core's op combined.
 * Constants (2, 1/N, eps) come from the graph.
 *
 * <p>Element indices are 0-based like the core: {@code x[2][1]} is row 2, column 1; a 1×D
 * row is indexed by its column only ({@code gamma[1]}).
 */
public final class ChainRuleExplainer {

    /** How a line's terms combine into its result. */
    public enum Rule {
        /** Given, not computed: an input value, or the seed gradient dout. No terms. */
        GIVEN,
        /** result = terms[0] (a copy: broadcast forward, the gradient through an add). */
        COPY,
        /** result = −terms[0]. */
        NEGATE,
        /** result = terms[0] + terms[1] + … */
        SUM,
        /** result = terms[0] − terms[1]. */
        DIFFERENCE,
        /** result = terms[0] · terms[1] · … (constants such as 2 or 1/N are terms). */
        PRODUCT,
        /** result = terms[0]². */
        SQUARE,
        /** result = (terms[1] + … + terms[N]) · terms[0], where terms[0] is 1/N. */
        MEAN,
        /** result = √(terms[0] + terms[1]); terms[1] is eps. */
        SQRT_PLUS_EPS,
        /** result = 1 / terms[0]. */
        RECIPROCAL,
        /** result = terms[0] / (2 · terms[1]). */
        OVER_TWICE,
        /** result = −terms[0] / terms[1]². */
        NEG_OVER_SQUARE
    }

    /**
     * One number and the names and numbers it was computed from.
     *
     * @param label    what the number is, e.g. {@code dgammax[2][1]}, or a constant: {@code 2}, {@code 1/4}
     * @param value    the number (from the trace, or the constant)
     * @param constant whether it is a constant of the formula rather than a trace number
     */
    public record Term(String label, double value, boolean constant) {
    }

    /**
     * One line of the explanation: {@code target = symbolic = numeric = result}.
     *
     * @param target   e.g. {@code dxhat[2][1]}
     * @param rule     how the terms combine
     * @param terms    the factors or summands, in order
     * @param result   the trace's number for {@code target}
     * @param symbolic the right-hand side with names, e.g. {@code dgammax[2][1] · gamma[1]}
     * @param numeric  the same with numbers, e.g. {@code 0.3 · 0.5}; empty when it adds nothing
     * @param noteKey  message key of a short note on the rule (the local derivative used)
     * @param noteArgs what the note's placeholders read, e.g. the M of a mean over blocks
     * @param digits   significant digits of the result as shown
     */
    public record Line(String target, Rule rule, List<Term> terms, double result, String symbolic,
                       String numeric, String noteKey, List<String> noteArgs, int digits) {

        public Line {
            terms = List.copyOf(terms);
            noteArgs = List.copyOf(noteArgs);
        }

        /** The note in the current language; empty when there is none. */
        public String note() {
            return noteKey.isEmpty() ? "" : Messages.get(noteKey, noteArgs.toArray());
        }

        /** The result as displayed: {@value NumberText#INSPECTOR_DIGITS} significant digits unless said otherwise. */
        public String resultText() {
            return num(result, digits);
        }

        /** The whole line, e.g. {@code dxhat[2][1] = dgammax[2][1] · gamma[1] = 0.3 · 0.5 = 0.15}. */
        public String text() {
            StringBuilder sb = new StringBuilder(target);
            if (!symbolic.isEmpty()) {
                sb.append(" = ").append(symbolic);
            }
            if (!numeric.isEmpty()) {
                sb.append(" = ").append(numeric);
            }
            return sb.append(" = ").append(resultText()).toString();
        }

        /**
         * The same in parts, for a narrow pane: the target, {@code = names},
         * {@code = numbers} and {@code = result}; one part when there are no names.
         */
        public List<String> displayLines() {
            if (symbolic.isEmpty()) {
                return List.of(target + " = " + resultText());
            }
            List<String> lines = new ArrayList<>(List.of(target, "= " + symbolic));
            if (!numeric.isEmpty()) {
                lines.add("= " + numeric);
            }
            lines.add("= " + resultText());
            return lines;
        }
    }

    private final Trace trace;
    private final Graph graph;
    private final NormAxes axes;

    public ChainRuleExplainer(Trace trace) {
        this(trace, null);
    }

    /** With the layout the graph was built for, which says whether x is N×C×H×W (may be null). */
    public ChainRuleExplainer(Trace trace, NormLayout layout) {
        this.trace = trace;
        this.graph = trace.graph();
        this.axes = layout == null ? NormAxes.of(graph) : NormAxes.of(graph, layout);
    }

    /** Which way this graph's statistics collapse x (from the core's op at mu). */
    public NormAxes axes() {
        return axes;
    }

    public Trace trace() {
        return trace;
    }

    // ------------------------------------------------------------------ names

    /** Whether {@code node} is a 1×D row by definition (DESIGN.md, the kind's axes), also when N = 1. */
    public boolean isVector(String node) {
        return axes.indexing(node) == NormAxes.Indexing.COLUMN;
    }

    /** {@code label} indexed as {@code node}'s elements are: {@code [j]}, {@code [i]} or {@code [i][j]}. */
    private String el(String label, String node, int row, int col) {
        return axes.element(label, node, row, col);
    }

    /**
     * A reduction or broadcast as blocks: whether the rows collapse (are copied) and how many
     * consecutive columns; the nine-step MeanRows and Broadcast are (true, 1).
     */
    private record Block(boolean rows, int width) {
        static Block of(Op op) {
            if (op instanceof BlockMean m) {
                return new Block(m.overRows(), m.block());
            }
            if (op instanceof BlockBroadcast b) {
                return new Block(b.copyRows(), b.block());
            }
            return op instanceof MeanRows || op instanceof Broadcast ? new Block(true, 1) : null;
        }

        /**
         * The elements (row, column) of the wide side that element ({@code r}, {@code col}) of
         * the narrow side stands for: what a mean averages, or where a broadcast copies to.
         */
        List<int[]> elements(int r, int col, int rows) {
            List<int[]> e = new ArrayList<>();
            for (int i = rows() ? 0 : r; i < (rows() ? rows : r + 1); i++) {
                for (int j = col * width(); j < (col + 1) * width(); j++) {
                    e.add(new int[] {i, j});
                }
            }
            return e;
        }
    }

    /**
     * The note on a reduction or broadcast: over rows (batch norm), over the rows and the H·W
     * columns of a channel (N×C×H×W x, {@code .channel}), or over blocks of a row, which it
     * names for the kind in force: a whole row (layer norm), a group of it (group norm) or one
     * channel of one image (instance norm), with the M values a block holds.
     */
    private Note note(String key, Block b) {
        if (b.rows()) {
            return new Note(rowsNote(key, b), List.of());
        }
        String place = axes.perChannel() ? "image" : axes.collapse() == NormAxes.Collapse.GROUPS ? "group" : "row";
        String blockKey = key + "." + place;
        if (!BLOCK_NOTES.contains(blockKey)) {
            throw new IllegalArgumentException("no block note for " + key);
        }
        return new Note(blockKey, List.of(Integer.toString(b.width())));
    }

    /** The notes on blocks of a row, by the kind's block: literal keys, so that the bundle's keys can be found in the code. */
    private static final java.util.Set<String> BLOCK_NOTES = java.util.Set.of(
            "chain.note.mean.forward.row", "chain.note.mean.forward.group", "chain.note.mean.forward.image",
            "chain.note.mean.backward.row", "chain.note.mean.backward.group", "chain.note.mean.backward.image",
            "chain.note.broadcast.forward.row", "chain.note.broadcast.forward.group", "chain.note.broadcast.forward.image",
            "chain.note.broadcast.backward.row", "chain.note.broadcast.backward.group", "chain.note.broadcast.backward.image");

    private static String rowsNote(String key, Block b) {
        if (b.width() > 1) {
            return switch (key) {
                case "chain.note.mean.forward" -> "chain.note.mean.forward.channel";
                case "chain.note.mean.backward" -> "chain.note.mean.backward.channel";
                case "chain.note.broadcast.forward" -> "chain.note.broadcast.forward.channel";
                case "chain.note.broadcast.backward" -> "chain.note.broadcast.backward.channel";
                default -> throw new IllegalArgumentException("no channel note for " + key);
            };
        }
        return key;
    }

    /**
     * The sum's index for a block: {@code Σ_i} over rows, {@code Σ_{i, j=a..b}} over the rows and a
     * channel's columns, {@code Σ_j} over a row, {@code Σ_{j=a..b}} over a group.
     */
    private String sumIndex(Block b, int firstCol, int cols) {
        if (b.rows()) {
            return b.width() == 1 ? "\u03a3_i" : "\u03a3_{i, j=" + firstCol + ".." + (firstCol + b.width() - 1) + "}";
        }
        return b.width() == cols ? "\u03a3_j" : "\u03a3_{j=" + firstCol + ".." + (firstCol + b.width() - 1) + "}";
    }

    /** Whether ({@code row}, {@code col}) is an element of {@code node}. */
    public boolean hasElement(String node, int row, int col) {
        if (!graph.contains(node)) {
            return false;
        }
        var s = graph.node(node).shape();
        return row >= 0 && col >= 0 && row < s.rows() && col < s.cols();
    }

    // ------------------------------------------------------------------ forward

    /** How the value of {@code node} at ({@code row}, {@code col}) was computed. */
    public Line value(String node, int row, int col) {
        Node n = graph.node(node);
        int r = rowOf(node, row);
        String target = el(node, node, r, col);
        double result = trace.value(node).get(r, col);
        if (n.isInput()) {
            return line(target, Rule.GIVEN, List.of(), result, "", "", "chain.note.given.value");
        }
        Op op = n.op();
        List<String> in = n.inputs();
        if (op instanceof Add) {
            List<Term> t = List.of(valueOf(in.get(0), r, col), valueOf(in.get(1), r, col));
            return line(target, Rule.SUM, t, result, join(t, " + ", false), summands(t, result), "chain.note.elementwise.forward");
        }
        if (op instanceof Subtract) {
            Term a = valueOf(in.get(0), r, col);
            Term b = valueOf(in.get(1), r, col);
            // 1e8 + 0.1 − (1e8 + 0.25) would read 1e8 − 1e8 = −0.15 with 4 digits
            int digits = NumberText.digitsToShow(Math.max(Math.abs(a.value()), Math.abs(b.value())), result);
            return line(target, Rule.DIFFERENCE, List.of(a, b), result, a.label() + " \u2212 " + b.label(),
                    num(a.value(), digits) + " \u2212 " + paren(b.value(), digits), "chain.note.elementwise.forward");
        }
        if (op instanceof Multiply) {
            List<Term> t = List.of(valueOf(in.get(0), r, col), valueOf(in.get(1), r, col));
            return line(target, Rule.PRODUCT, t, result, join(t, " \u00b7 ", false), join(t, " \u00b7 ", true),
                    "chain.note.elementwise.forward");
        }
        if (op instanceof Square) {
            Term a = valueOf(in.get(0), r, col);
            return line(target, Rule.SQUARE, List.of(a), result, a.label() + "\u00b2", paren(a.value()) + "\u00b2",
                    "chain.note.square.forward");
        }
        if (op instanceof MeanRows || op instanceof BlockMean) {
            Block blk = Block.of(op);
            String src = in.get(0);
            int rows = graph.node(src).shape().rows();
            int cols = graph.node(src).shape().cols();
            int first = col * blk.width();
            int m = (blk.rows() ? rows : 1) * blk.width();
            List<Term> t = new ArrayList<>();
            t.add(oneOver(m));
            for (int[] e : blk.elements(r, col, rows)) {
                t.add(valueOf(src, e[0], e[1]));
            }
            String sym = "(1/" + m + ") \u00b7 " + sumIndex(blk, first, cols) + " "
                    + (blk.rows() ? src + "[i][" + col + "]" : src + "[" + r + "][j]");
            return line(target, Rule.MEAN, t, result, sym, "(1/" + m + ") \u00b7 (" + summands(t.subList(1, t.size()), m, result) + ")",
                    note("chain.note.mean.forward", blk));
        }
        if (op instanceof SqrtPlusEps sq) {
            Term v = valueOf(in.get(0), r, col);
            Term eps = new Term("eps", sq.eps(), true);
            return line(target, Rule.SQRT_PLUS_EPS, List.of(v, eps), result, "\u221a(" + v.label() + " + eps)",
                    "\u221a(" + num(v.value()) + " + " + num(eps.value()) + ")", "chain.note.sqrt.forward");
        }
        if (op instanceof Reciprocal) {
            Term v = valueOf(in.get(0), r, col);
            return line(target, Rule.RECIPROCAL, List.of(v), result, "1 / " + v.label(), "1 / " + paren(v.value()),
                    "chain.note.reciprocal.forward");
        }
        if (op instanceof Broadcast || op instanceof BlockBroadcast) {
            Term v = valueOf(node, r, col); // a broadcast node's element is shown as its source's
            return line(target, Rule.COPY, List.of(v), result, v.label(), "", note("chain.note.broadcast.forward", Block.of(op)));
        }
        throw new IllegalArgumentException(node + ": no explanation for op " + op.getClass().getSimpleName());
    }

    // ------------------------------------------------------------------ backward

    /**
     * How the total gradient of {@code node} at ({@code row}, {@code col}) was computed: the
     * given seed at the output, the sum of the branches at a fan-out node, else the local
     * backward of its one consumer.
     */
    public Line gradient(String node, int row, int col) {
        int r = rowOf(node, row);
        String target = el(org.normgraph.core.InferenceGraph.gradientName(graph, node), node, r, col);
        double result = trace.gradient(node).get(r, col);
        if (node.equals(graph.output().name())) {
            return line(target, Rule.GIVEN, List.of(), result, "", "", "chain.note.given.gradient");
        }
        List<Edge> uses = graph.consumers(node);
        if (uses.isEmpty()) {
            return line(target, Rule.GIVEN, List.of(), result, "", "", "chain.note.unused");
        }
        if (uses.size() > 1) {
            return fanOutSum(node, r, col, target, result);
        }
        return contribution(uses.get(0), r, col, target, result);
    }

    /** The edges of a fan-out node's branches, in the order they are added. */
    public List<Edge> branches(String node) {
        return GradientNames.branches(graph, node);
    }

    /** How the contribution sent back along {@code edge} was computed, at an element of its source. */
    public Line contribution(Edge edge, int row, int col) {
        int r = rowOf(edge.from(), row);
        String target = el(org.normgraph.core.InferenceGraph.contributionName(graph, edge), edge.from(), r, col);
        return contribution(edge, r, col, target, trace.contribution(edge).get(r, col));
    }

    /**
     * The chain rule of one element as far as the walk has computed it: its value line, the
     * line of each branch of a fan-out node (in the digits of their sum once that is shown),
     * and its gradient line; null for each that is still to come. The inspector shows these,
     * and the LaTeX export writes them.
     */
    public record ElementLines(Line value, List<Line> branches, Line gradient) {
    }

    /** {@link ElementLines} at a point of the walk, told by what it shows. */
    public ElementLines shown(String node, int row, int col, Predicate<String> valueShown,
                              Predicate<Edge> contributionShown, Predicate<String> gradientShown) {
        Line value = valueShown.test(node) ? value(node, row, col) : null;
        boolean constant = org.normgraph.core.InferenceGraph.constants(graph).contains(node);
        Line gradient = !constant && gradientShown.test(node) ? gradient(node, row, col) : null;
        List<Line> branches = new ArrayList<>();
        if (graph.isFanOut(node)) {
            List<Line> summed = gradient != null ? summedBranches(node, row, col) : null;
            List<Edge> edges = branches(node);
            for (int i = 0; i < edges.size(); i++) {
                Edge e = edges.get(i);
                branches.add(!contributionShown.test(e) ? null : summed != null ? summed.get(i) : contribution(e, row, col));
            }
        }
        return new ElementLines(value, java.util.Collections.unmodifiableList(branches), gradient);
    }

    /**
     * How each summand of a broadcast's contribution was computed: for {@code edge} gamma →
     * bcast_gamma at gamma[2], the lines of dbcast_gamma[i][2] ({@code = dgammax[i][2] · xhat[i][2]})
     * for every row i. Empty when {@code edge} does not lead into a broadcast.
     */
    public List<Line> broadcastSummands(Edge edge, int row, int col) {
        Node consumer = graph.node(edge.to());
        if (!(consumer.op() instanceof Broadcast || consumer.op() instanceof BlockBroadcast)) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        for (int[] e : Block.of(consumer.op()).elements(rowOf(edge.from(), row), col, consumer.shape().rows())) {
            lines.add(gradient(consumer.name(), e[0], e[1]));
        }
        return lines;
    }

    /**
     * The branches of fan-out node {@code node} at an element, each with its result in the digits
     * its sum (the node's {@link #gradient}) adds them with: the branch read dx1[0][0] = 0.1252
     * above a sum of 0.12522 + (−0.022361).
     */
    public List<Line> summedBranches(String node, int row, int col) {
        int r = rowOf(node, row);
        List<Term> t = branchTerms(node, r, col);
        int digits = summandDigits(t, 1, trace.gradient(node).get(r, col));
        return branches(node).stream().map(e -> inDigits(contribution(e, row, col), digits)).toList();
    }

    /**
     * {@code l} with its result, and the numbers it is worked from, in {@code d} significant
     * digits: with the result alone in more digits a branch read 0.1225 + 0 = 0.12247, or
     * (1/3) · (−0.7348) = −0.24495, which do not agree by hand.
     */
    private static Line inDigits(Line l, int d) {
        String numeric = switch (l.rule()) {
            case PRODUCT -> join(l.terms(), " \u00b7 ", d);
            case SUM -> join(l.terms(), " + ", summandDigits(l.terms(), 1, l.result(), d));
            case NEGATE -> "\u2212(" + num(l.terms().get(0).value(), d) + ")";
            default -> l.numeric();
        };
        return new Line(l.target(), l.rule(), l.terms(), l.result(), l.symbolic(), numeric, l.noteKey(), l.noteArgs(), d);
    }

    private List<Term> branchTerms(String node, int r, int col) {
        List<Term> t = new ArrayList<>();
        for (Edge e : branches(node)) {
            t.add(new Term(el(org.normgraph.core.InferenceGraph.contributionName(graph, e), node, r, col),
                    trace.contribution(e).get(r, col), false));
        }
        return t;
    }

    private Line fanOutSum(String node, int r, int col, String target, double result) {
        List<Term> t = branchTerms(node, r, col);
        return line(target, Rule.SUM, t, result, join(t, " + ", false), summands(t, result), "chain.note.fanout");
    }

    private Line contribution(Edge edge, int r, int col, String target, double result) {
        Node consumer = graph.node(edge.to());
        Op op = consumer.op();
        String from = edge.from();
        // the same element of the consumer's gradient: only elementwise ops have one (same shape)
        Term g = consumer.shape().equals(graph.node(from).shape()) ? gradientOf(consumer.name(), r, col) : null;
        if (op instanceof Add) {
            return line(target, Rule.COPY, List.of(g), result, g.label(), "", "chain.note.add.backward");
        }
        if (op instanceof Subtract) {
            if (edge.argument() == 0) {
                if (g.label().equals(target) && graph.isFanOut(consumer.name())) {
                    // DESIGN.md: the sum at fan-out node xmu is itself named dx1; x's branch
                    // dx1 is that sum passed through (∂xmu/∂x = 1), so show how it was summed.
                    return fanOutSum(consumer.name(), r, col, target, result);
                }
                return line(target, Rule.COPY, List.of(g), result, g.label(), "", "chain.note.subtract.first");
            }
            return line(target, Rule.NEGATE, List.of(g), result, "\u2212" + g.label(), "\u2212(" + num(g.value()) + ")",
                    "chain.note.subtract.second");
        }
        if (op instanceof Multiply) {
            String other = consumer.inputs().get(1 - edge.argument());
            List<Term> t = List.of(g, valueOf(other, r, col));
            return line(target, Rule.PRODUCT, t, result, join(t, " \u00b7 ", false), join(t, " \u00b7 ", true),
                    "chain.note.multiply.backward");
        }
        if (op instanceof Square) {
            List<Term> t = List.of(new Term("2", 2, true), valueOf(from, r, col), g);
            return line(target, Rule.PRODUCT, t, result, join(t, " \u00b7 ", false), join(t, " \u00b7 ", true),
                    "chain.note.square.backward");
        }
        if (op instanceof MeanRows || op instanceof BlockMean) {
            Block blk = Block.of(op);
            int m = (blk.rows() ? graph.node(from).shape().rows() : 1) * blk.width();
            List<Term> t = List.of(oneOver(m), gradientOf(consumer.name(), blk.rows() ? 0 : r, col / blk.width()));
            return line(target, Rule.PRODUCT, t, result, join(t, " \u00b7 ", false), join(t, " \u00b7 ", true),
                    note("chain.note.mean.backward", blk));
        }
        if (op instanceof SqrtPlusEps) {
            Term s = valueOf(consumer.name(), r, col);
            return line(target, Rule.OVER_TWICE, List.of(g, s), result, g.label() + " / (2 \u00b7 " + s.label() + ")",
                    paren(g.value()) + " / (2 \u00b7 " + paren(s.value()) + ")", "chain.note.sqrt.backward");
        }
        if (op instanceof Reciprocal) {
            Term v = valueOf(from, r, col);
            return line(target, Rule.NEG_OVER_SQUARE, List.of(g, v), result,
                    "\u2212" + g.label() + " / " + v.label() + "\u00b2",
                    "\u2212(" + num(g.value()) + ") / " + paren(v.value()) + "\u00b2", "chain.note.reciprocal.backward");
        }
        if (op instanceof Broadcast || op instanceof BlockBroadcast) {
            Block blk = Block.of(op);
            int first = col * blk.width();
            List<Term> t = new ArrayList<>();
            for (int[] e : blk.elements(r, col, consumer.shape().rows())) {
                t.add(gradientOf(consumer.name(), e[0], e[1]));
            }
            String d = org.normgraph.core.InferenceGraph.gradientName(graph, consumer.name());
            String sym = sumIndex(blk, first, consumer.shape().cols()) + " "
                    + (blk.rows() ? d + (blk.width() == 1 ? "[i][" + col + "]" : "[i][j]") : d + "[" + r + "][j]");
            return line(target, Rule.SUM, t, result, sym, summands(t, result), note("chain.note.broadcast.backward", blk));
        }
        throw new IllegalArgumentException(edge + ": no explanation for op " + op.getClass().getSimpleName());
    }

    // ------------------------------------------------------------------ terms

    /** The value of {@code node} at an element; a broadcast node is shown as its source row. */
    private Term valueOf(String node, int r, int col) {
        Node n = graph.node(node);
        if (n.kind() == NodeKind.BROADCAST) {
            Block blk = Block.of(n.op());
            return valueOf(n.inputs().get(0), blk.rows() ? 0 : r, col / blk.width());
        }
        int rr = rowOf(node, r);
        return new Term(el(node, node, rr, col), trace.value(node).get(rr, col), false);
    }

    private Term gradientOf(String node, int r, int col) {
        int rr = rowOf(node, r);
        return new Term(el(org.normgraph.core.InferenceGraph.gradientName(graph, node), node, rr, col),
                trace.gradient(node).get(rr, col), false);
    }

    private static Term oneOver(int n) {
        return new Term("(1/" + n + ")", 1.0 / n, true);
    }

    private int rowOf(String node, int row) {
        return graph.node(node).shape().rows() == 1 ? 0 : row;
    }

    private static Line line(String target, Rule rule, List<Term> terms, double result, String symbolic,
                             String numeric, String noteKey) {
        return new Line(target, rule, terms, result, symbolic, numeric, noteKey, List.of(), NumberText.INSPECTOR_DIGITS);
    }

    private static Line line(String target, Rule rule, List<Term> terms, double result, String symbolic,
                             String numeric, Note note) {
        return new Line(target, rule, terms, result, symbolic, numeric, note.key(), note.args(), NumberText.INSPECTOR_DIGITS);
    }

    /** A note's bundle key and what its placeholders read. */
    private record Note(String key, List<String> args) {
    }

    // ------------------------------------------------------------------ text

    static String num(double v) {
        return num(v, NumberText.INSPECTOR_DIGITS);
    }

    /** {@code v} with {@code digits} significant digits, or whole if they would round its integer part. */
    static String num(double v, int digits) {
        return NumberText.pretty(v, NumberText.digitsFor(v, digits));
    }

    /** A number, in parentheses when negative, so that {@code a · (−b)} reads right. */
    static String paren(double v) {
        return paren(v, NumberText.INSPECTOR_DIGITS);
    }

    static String paren(double v, int digits) {
        String s = num(v, digits);
        return v < 0 || s.startsWith("\u2212") ? "(" + s + ")" : s;
    }

    /**
     * The summands' numbers with the fewest digits, 4 or more, that add up to the result as
     * shown, {@code result} being their sum over {@code count} (1, or M for a mean). With 4
     * digits each, 0.1252 + (−0.02236) made 0.1028 by hand, not the 0.1029 printed after it; and
     * where the summands cancel (−0.1059 + 0.1015 = −0.004432) they missed it altogether.
     */
    private static String summands(List<Term> terms, int count, double result) {
        return join(terms, " + ", summandDigits(terms, count, result));
    }

    /** The digits {@link #summands} shows the terms with. */
    private static int summandDigits(List<Term> terms, int count, double result) {
        return summandDigits(terms, count, result, NumberText.INSPECTOR_DIGITS);
    }

    /** The digits, at least {@code resultDigits}, whose terms add up by hand to the result shown in {@code resultDigits}. */
    private static int summandDigits(List<Term> terms, int count, double result, int resultDigits) {
        if (!Double.isFinite(result) || terms.stream().anyMatch(t -> !Double.isFinite(t.value()))) {
            return resultDigits;
        }
        String shown = num(result, resultDigits);
        for (int d = resultDigits; d < NumberText.MAX_DIGITS; d++) {
            BigDecimal sum = BigDecimal.ZERO; // in decimals, as by hand: no rounding of its own
            for (Term t : terms) {
                sum = sum.add(new BigDecimal(NumberText.compact(t.value(), NumberText.digitsFor(t.value(), d))));
            }
            if (num(sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64).doubleValue(), resultDigits).equals(shown)) {
                return d;
            }
        }
        return NumberText.MAX_DIGITS;
    }

    private static String summands(List<Term> terms, double result) {
        return summands(terms, 1, result);
    }

    private static String join(List<Term> terms, String sep, boolean numbers) {
        return numbers ? join(terms, sep, NumberText.INSPECTOR_DIGITS) : join(terms, sep, 0);
    }

    /** The terms' labels ({@code digits} 0), or their numbers with {@code digits} significant digits. */
    private static String join(List<Term> terms, String sep, int digits) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            if (i > 0) {
                sb.append(sep);
            }
            if (digits == 0 || t.constant()) {
                sb.append(t.label());
            } else {
                sb.append(i == 0 ? num(t.value(), digits) : paren(t.value(), digits));
            }
        }
        return sb.toString();
    }
}
