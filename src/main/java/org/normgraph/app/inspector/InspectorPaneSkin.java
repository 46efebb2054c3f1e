package org.normgraph.app.inspector;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.normgraph.app.CjkWrap;
import org.normgraph.app.Messages;
import org.normgraph.app.SizeFollow;
import org.normgraph.app.UncachedScrollPane;
import org.normgraph.app.editor.NumberText;
import org.normgraph.app.model.Selection;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;
import org.normgraph.core.Matrix;
import org.normgraph.core.Node;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormLayout;
import org.normgraph.timeline.Timeline;

/** The look of {@link InspectorPane}: one scrolling column, rebuilt when trace, selection or position change. */
final class InspectorPaneSkin extends SkinBase<InspectorPane> {

    /** Formulas are typeset a little larger than the text around them (15 px at 13 px). */
    private static final double TEX_PER_TEXT = 15.0 / 13.0;
    private static final java.awt.Color TEX_COLOR = new java.awt.Color(0x22, 0x22, 0x22);

    private final VBox content = new VBox();
    private final UncachedScrollPane scroll = new UncachedScrollPane(content) {
        @Override
        public void requestFocus() {
            // a click in the inspector leaves the keys where they were (see SidewaysScroll)
        }
    };
    private final InvalidationListener refresh = o -> rebuild();

    private Trace cachedFor;
    private Timeline timeline;
    private ChainRuleExplainer explainer;
    private final Map<String, Integer> gradientStep = new HashMap<>();
    /** What the content shows apart from numbers; while it is the same, a new trace only updates numbers. */
    private String builtFor;
    /** The selection the content was last built for: a new node starts at the top, a new element shows its chain rule. */
    private Selection builtSelection;
    /** The number tables shown, each with where its matrix is in a trace. */
    private final Map<MatrixTable, Function<Trace, Matrix>> tables = new LinkedHashMap<>();

    InspectorPaneSkin(InspectorPane pane) {
        super(pane);
        content.getStyleClass().add("inspector-content");
        scroll.setFitToWidth(true);
        // text wraps to the pane's width; only wide matrices scroll sideways, each on its own
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("inspector-scroll");
        getChildren().add(scroll);
        pane.traceProperty().addListener(refresh);
        pane.selectionProperty().addListener(refresh);
        pane.positionProperty().addListener(refresh);
        pane.fontSizeProperty().addListener(refresh);
        rebuild();
    }

    @Override
    public void dispose() {
        InspectorPane pane = getSkinnable();
        if (pane != null) {
            pane.traceProperty().removeListener(refresh);
            pane.selectionProperty().removeListener(refresh);
            pane.positionProperty().removeListener(refresh);
            pane.fontSizeProperty().removeListener(refresh);
        }
        super.dispose();
    }

    // ------------------------------------------------------------------ building

    private void rebuild() {
        InspectorPane pane = getSkinnable();
        Trace trace = pane.traceProperty().get();
        Selection sel = pane.selectionProperty().get();
        if (trace == null || sel == null) {
            showOnlyHint(Messages.get(trace == null ? "inspector.notrace" : "inspector.hint"));
            return;
        }
        Graph g = trace.graph();
        if (!g.contains(sel.node())) {
            showOnlyHint(Messages.get("inspector.unknown", sel.node()));
            return;
        }
        prepare(trace);
        timeline.seek(pane.positionProperty().get());
        String structure = structure(trace, sel);
        if (structure.equals(builtFor) && updateNumbers(trace, sel)) {
            return;
        }
        content.getChildren().clear();
        tables.clear();
        Node node = g.node(sel.node());
        boolean vector = explainer.isVector(node.name());
        int[] element = element(sel);
        int row = element[0];
        int col = element[1];

        content.getChildren().add(header(g, node));
        content.getChildren().add(facts(g, node));
        content.getChildren().add(formulas(node));
        if (sel.hasElement() && row < 0) {
            content.getChildren().add(hint(Messages.get("inspector.element.outside", node.name(),
                    String.valueOf(sel.row()), String.valueOf(sel.col()))));
        }
        content.getChildren().add(valueSection(trace, node, vector, row, col));
        content.getChildren().add(gradientSection(trace, g, node, vector, row, col));
        content.getChildren().add(row >= 0 ? chainSection(g, node, row, col)
                : hint(Messages.get("inspector.element.hint")));
        builtFor = structure;
        scrollToNew(sel, row >= 0);
    }

    /**
     * Another node is shown from its name at the top, and a newly selected element with its
     * chain rule in view: switching from xmu to ivar kept the scroll position, with ivar's name
     * above the view, and Enter on a node selected an element whose chain rule was below it.
     * Its gradient line, once computed, comes into view even where the whole rule does not fit:
     * at Backward 0 a click on dx[0][0] showed the heading and the value line only.
     */
    private void scrollToNew(Selection sel, boolean chainShown) {
        Selection before = builtSelection;
        builtSelection = sel;
        if (before == null || !before.node().equals(sel.node())) {
            scroll.setVvalue(scroll.getVmin());
        }
        if (chainShown && !sel.equals(before)) {
            javafx.scene.Node chain = content.getChildren().get(content.getChildren().size() - 1);
            scroll.scrollIntoView(chain);
            javafx.scene.Node gradient = chain.lookup("#chain-gradient");
            if (gradient != null && !gradient.getStyleClass().contains("pending")) {
                scroll.scrollIntoView(gradient.getParent()); // with its heading
            }
        }
    }

    /**
     * Everything the content depends on except the numbers: the selection, the text size, the
     * kind and layout of x (which name the shape's letters and the operations' symbols), the
     * graph's nodes, edges and the selected node's shape, and which of the node's value,
     * branches and gradient the timeline shows at its position. An edit of a cell (eps too)
     * changes none of it, and nor do most steps of the walk, so the inspector then keeps its
     * labels and only writes new numbers (at 32×16, building its 1000 labels again takes longer
     * than a frame).
     */
    private String structure(Trace trace, Selection sel) {
        Graph g = trace.graph();
        String name = sel.node();
        String shown = (timeline.valueShown(name) ? "v" : "-") + (timeline.gradientShown(name) ? "g" : "-")
                + (g.isFanOut(name) ? explainer.branches(name).stream()
                        .map(e -> timeline.contributionShown(e) ? "b" : "-").collect(Collectors.joining()) : "");
        NormLayout layout = getSkinnable().normLayout(); // group to instance norm keeps every shape of 4×3×1×1 x
        return sel + "|" + shown + "|" + getSkinnable().fontSizeProperty().get()
                + "|" + (layout == null ? "" : layout.spec() + java.util.Arrays.toString(layout.xShape()))
                + "|" + trace.value(name).shape() + "|" + g.edges()
                + "|" + g.nodes().stream().map(n -> n.name() + ":" + n.kind()).collect(Collectors.joining(","));
    }

    /** The selected element as {row, col}, or {−1, −1} for the whole node or an element it does not have. */
    private int[] element(Selection sel) {
        return sel.hasElement() && explainer.hasElement(sel.node(), sel.row(), sel.col())
                ? new int[] {sel.row(), sel.col()} : new int[] {-1, -1};
    }

    /** New numbers in the built content: the tables and the chain-rule lines in place. */
    private boolean updateNumbers(Trace trace, Selection sel) {
        int[] element = element(sel);
        for (Map.Entry<MatrixTable, Function<Trace, Matrix>> t : tables.entrySet()) {
            if (!t.getKey().show(t.getValue().apply(trace), element[0], element[1])) {
                return false;
            }
        }
        if (element[0] >= 0) {
            Graph g = trace.graph();
            Node node = g.node(sel.node());
            int last = content.getChildren().size() - 1;
            Region chain = chainSection(g, node, element[0], element[1]);
            if (!SameShape.copyTexts(chain, content.getChildren().get(last))) {
                content.getChildren().set(last, chain);
            }
        }
        return true;
    }

    private void prepare(Trace trace) {
        if (trace == cachedFor) {
            return;
        }
        cachedFor = trace;
        explainer = new ChainRuleExplainer(trace, getSkinnable().normLayout());
        if (timeline != null && timeline.graph() == trace.graph()) {
            return; // an edit of a number: same graph, same steps
        }
        timeline = new Timeline(trace.graph());
        gradientStep.clear();
        Timeline scratch = new Timeline(trace.graph());
        for (Node n : trace.graph().nodes()) {
            for (int p = 0; p < scratch.size(); p++) {
                scratch.seek(p);
                if (scratch.gradientShown(n.name())) {
                    gradientStep.put(n.name(), scratch.current().number());
                    break;
                }
            }
        }
    }

    private Region header(Graph g, Node node) {
        Label name = new Label(node.name());
        name.setId("inspector-title");
        name.getStyleClass().add("node-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane chips = new FlowPane(4, 4);
        chips.getStyleClass().add("chips");
        String kind = node.kind().styleClass();
        Label k = chip(Messages.get("inspector.kind." + kind), Messages.get("inspector.kind." + kind + ".tip"), kind);
        k.setId("inspector-kind");
        chips.getChildren().add(k);
        if (g.isFanOut(node.name())) {
            int uses = g.consumers(node.name()).size();
            Label f = chip(Messages.get("inspector.kind.fanout", String.valueOf(uses)),
                    Messages.get("inspector.kind.fanout.tip", String.valueOf(uses)), "fanout");
            f.setId("inspector-fanout");
            chips.getChildren().add(f);
        }
        HBox box = new HBox(10, name, chips);
        box.getStyleClass().add("inspector-header");
        HBox.setHgrow(chips, Priority.ALWAYS);
        return box;
    }

    private Region facts(Graph g, Node node) {
        GridPane grid = new GridPane();
        grid.setId("inspector-facts");
        grid.getStyleClass().add("facts");
        javafx.scene.layout.ColumnConstraints keys = new javafx.scene.layout.ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(40);
        grid.getColumnConstraints().addAll(keys, values);
        int r = 0;
        String shape = explainer.axes().sizes(node.name(), node.shape()); // 2×2×2×2 for N×C×H×W, as the graph
        fact(grid, r++, "inspector.fact.shape", Messages.get("inspector.shape.letters", shape,
                explainer.axes().letters(node.name())), "inspector-shape");
        fact(grid, r++, "inspector.fact.op", node.op() == null ? Messages.get("inspector.op.none") : opText(node.op()),
                "inspector-op");
        Integer back = gradientStep.get(node.name());
        String backText = back == null ? Messages.get("inspector.none") : String.valueOf(back);
        fact(grid, r++, "inspector.fact.step", node.isInput() ? Messages.get("inspector.step.input", backText)
                : Messages.get("inspector.step.op", String.valueOf(node.step()), backText), "inspector-step");
        fact(grid, r++, "inspector.fact.reads", node.inputs().isEmpty() ? Messages.get("inspector.none")
                : String.join(", ", node.inputs()), "inspector-reads");
        List<Edge> uses = g.consumers(node.name());
        fact(grid, r, "inspector.fact.usedby", uses.isEmpty() ? Messages.get("inspector.usedby.output")
                : uses.stream().map(Edge::to).collect(Collectors.joining(", ")), "inspector-usedby");
        return grid;
    }

    /**
     * What the op does in the reader's language, then the core class that computed it (its
     * name in the code); a pitfall's wrapper, which has no such name, by its class alone.
     */
    static String opText(org.normgraph.core.ops.Op op) {
        String type = op.getClass().getSimpleName();
        String symbol = NumberText.unbrokenWords(op.symbol()); // "Σ/(D/G)" broke after its first "/"
        return Messages.has("op.name." + type)
                ? Messages.get("inspector.op.named", Messages.get("op.name." + type), type, symbol)
                : Messages.get("inspector.op", type, symbol);
    }

    private static void fact(GridPane grid, int row, String key, String value, String id) {
        Label k = new Label(Messages.get(key));
        k.getStyleClass().add("fact-key");
        k.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setId(id);
        v.getStyleClass().add("fact-value");
        v.setWrapText(true);
        grid.addRow(row, k, v);
    }

    private Region formulas(Node node) {
        VBox box = new VBox(2);
        box.getStyleClass().add("formulas");
        box.getChildren().add(sectionTitle(Messages.get("inspector.section.forward")));
        boolean inference = org.normgraph.core.InferenceGraph.isInference(explainer.trace().graph());
        box.getChildren().add(tex(NodeTex.forward(node.name(), explainer.axes(), inference), "inspector-forward-tex"));
        box.getChildren().add(sectionTitle(Messages.get(node.isInput()
                ? "inspector.section.collect" : "inspector.section.local")));
        box.getChildren().add(tex(NodeTex.local(node.name(), explainer.axes(), inference), "inspector-local-tex"));
        return box;
    }

    private javafx.scene.Node tex(String latex, String id) {
        if (latex == null) {
            Label none = new Label(Messages.get("inspector.none"));
            none.setId(id);
            return none;
        }
        try {
            float size = (float) (getSkinnable().fontSizeProperty().get() * TEX_PER_TEXT);
            Image img = TexRenderer.image(latex, size, TEX_COLOR);
            ImageView view = new ImageView(img);
            view.setId(id);
            view.getStyleClass().add("tex");
            // natural size, shrunk to the pane's width if the pane is narrower
            double natural = img.getWidth() / TexRenderer.SCALE;
            view.setPreserveRatio(true);
            SizeFollow.follow(view, scroll.viewportBoundsProperty(), () -> {
                double room = scroll.getViewportBounds().getWidth() - 24;
                return room > 40 ? Math.min(natural, room) : natural;
            }, view::setFitWidth);
            view.setSmooth(true);
            return view;
        } catch (RuntimeException e) {
            Label err = new Label(Messages.get("inspector.tex.error", String.valueOf(e.getMessage())));
            err.setId(id);
            err.getStyleClass().add("tex-error");
            err.setWrapText(true);
            CjkWrap.keepEndOf(err);
            return err;
        }
    }

    private Region valueSection(Trace trace, Node node, boolean vector, int row, int col) {
        VBox box = new VBox(3);
        box.setId("inspector-value");
        box.getStyleClass().add("matrix-section");
        box.getChildren().add(sectionTitle(Messages.get("inspector.section.value", node.name())));
        if (timeline.valueShown(node.name())) {
            box.getChildren().add(table(trace, t -> t.value(node.name()), vector, MatrixTable.Tint.VALUE, node.name(), row, col));
        } else {
            box.getChildren().add(pending(Messages.get("inspector.pending.value", String.valueOf(node.step()))));
        }
        return box;
    }

    private Region gradientSection(Trace trace, Graph g, Node node, boolean vector, int row, int col) {
        VBox box = new VBox(3);
        box.setId("inspector-gradient");
        box.getStyleClass().add("matrix-section");
        String total = org.normgraph.core.InferenceGraph.gradientName(g, node.name());
        if (g.isFanOut(node.name())) {
            List<Edge> branches = explainer.branches(node.name());
            for (Edge e : branches) {
                String name = org.normgraph.core.InferenceGraph.contributionName(g, e);
                VBox b = new VBox(3);
                b.setId("inspector-branch-" + name);
                b.getChildren().add(sectionTitle(Messages.get("inspector.section.branch", name, e.to())));
                if (timeline.contributionShown(e)) {
                    b.getChildren().add(table(trace, t -> t.contribution(e), vector, MatrixTable.Tint.GRADIENT, node.name(), row, col));
                } else {
                    b.getChildren().add(pending(Messages.get("inspector.pending.gradient",
                            String.valueOf(g.node(e.to()).step()))));
                }
                box.getChildren().add(b);
            }
            String sum = branches.stream().map(e -> org.normgraph.core.InferenceGraph.contributionName(g, e)).collect(Collectors.joining(" + "));
            box.getChildren().add(sectionTitle(Messages.get("inspector.section.sum", total, sum)));
        } else {
            box.getChildren().add(sectionTitle(Messages.get("inspector.section.gradient", total)));
        }
        if (org.normgraph.core.InferenceGraph.constants(g).contains(node.name())) {
            box.getChildren().add(pending(Messages.get("inspector.constant"))); // inference: nothing flows in
        } else if (timeline.gradientShown(node.name())) {
            box.getChildren().add(table(trace, t -> t.gradient(node.name()), vector, MatrixTable.Tint.GRADIENT, node.name(), row, col));
        } else {
            box.getChildren().add(pending(Messages.get("inspector.pending.gradient",
                    String.valueOf(gradientStep.getOrDefault(node.name(), 0)))));
        }
        return box;
    }

    private Region table(Trace trace, Function<Trace, Matrix> source, boolean vector, MatrixTable.Tint tint,
                         String node, int row, int col) {
        MatrixTable t = new MatrixTable(source.apply(trace), vector, tint, row, col, (r, c) -> {
            Selection now = getSkinnable().selectionProperty().get();
            boolean same = now != null && now.hasElement() && now.node().equals(node)
                    && now.row() == r && now.col() == c;
            getSkinnable().selectionProperty().set(same ? Selection.node(node) : Selection.element(node, r, c));
        });
        tables.put(t, source);
        Tooltip.install(t, new Tooltip(Messages.get("inspector.click.tip")));
        ScrollPane sideways = new SidewaysScroll(t);
        return sideways;
    }

    private Region chainSection(Graph g, Node node, int row, int col) {
        VBox box = new VBox(4);
        box.setId("inspector-chain");
        box.getStyleClass().add("chain");
        box.getChildren().add(sectionTitle(Messages.get("inspector.section.element",
                explainer.axes().element(node.name(), node.name(), row, col))));
        ChainRuleExplainer.ElementLines shown = explainer.shown(node.name(), row, col, timeline::valueShown,
                timeline::contributionShown, timeline::gradientShown);
        if (shown.value() != null) {
            box.getChildren().add(line("chain-value", Messages.get("chain.value"), shown.value()));
        } else {
            box.getChildren().add(pendingLine("chain-value", Messages.get("chain.value"),
                    Messages.get("chain.pending.value", String.valueOf(node.step()))));
        }
        List<Edge> branches = explainer.branches(node.name());
        for (int i = 0; i < shown.branches().size(); i++) {
            Edge e = branches.get(i);
            String id = "chain-branch-" + org.normgraph.core.InferenceGraph.contributionName(g, e);
            String head = Messages.get("chain.branch", e.to());
            if (shown.branches().get(i) != null) {
                box.getChildren().add(line(id, head, shown.branches().get(i)));
            } else {
                box.getChildren().add(pendingLine(id, head,
                        Messages.get("chain.pending", String.valueOf(g.node(e.to()).step()))));
            }
        }
        if (org.normgraph.core.InferenceGraph.constants(g).contains(node.name())) {
            box.getChildren().add(pendingLine("chain-gradient", Messages.get("chain.gradient"),
                    Messages.get("inspector.constant")));
        } else if (shown.gradient() != null) {
            box.getChildren().add(line("chain-gradient", Messages.get("chain.gradient"), shown.gradient()));
        } else {
            box.getChildren().add(pendingLine("chain-gradient", Messages.get("chain.gradient"),
                    Messages.get("chain.pending", String.valueOf(gradientStep.getOrDefault(node.name(), 0)))));
        }
        return box;
    }

    private static Region line(String id, String heading, ChainRuleExplainer.Line line) {
        Label head = new Label(heading);
        head.getStyleClass().add("chain-heading");
        Label note = new Label(line.note());
        note.getStyleClass().add("chain-note");
        note.setWrapText(true);
        CjkWrap.keepEndOf(note);
        VBox box = new VBox(1, head, new ChainLines(id, line.displayLines()), note);
        box.getStyleClass().add("chain-entry");
        return box;
    }

    private static Region pendingLine(String id, String heading, String text) {
        Label head = new Label(heading);
        head.getStyleClass().add("chain-heading");
        Label p = new Label(text);
        p.setId(id);
        p.getStyleClass().addAll("chain-line", "pending");
        p.setWrapText(true);
        VBox box = new VBox(1, head, p);
        box.getStyleClass().add("chain-entry");
        return box;
    }

    void scrollPage(int direction) {
        scroll.scrollPage(direction);
    }

    /**
     * Lets one wide matrix scroll sideways on its own, so that the text around it still
     * wraps to the pane's width. Exactly as tall as the matrix, plus the scroll bar when
     * the matrix is wider than the pane.
     */
    private static final class SidewaysScroll extends ScrollPane {
        private static final double BAR = 16;
        private final Region table;

        SidewaysScroll(Region table) {
            super(table);
            this.table = table;
            getStyleClass().add("matrix-scroll");
            setVbarPolicy(ScrollBarPolicy.NEVER);
            setHbarPolicy(ScrollBarPolicy.AS_NEEDED);
            setFitToHeight(true);
            widthProperty().addListener((o, a, b) -> requestLayout());
        }

        /**
         * A scroll pane takes the focus when pressed, and this one is replaced when the click
         * selects a number: the focus was left nowhere, and the next Space went to the first
         * control, the Inputs toggle. The inspector has no keys of its own (the graph's Shift +
         * PageUp/PageDown scroll it), so the focus stays where it was.
         */
        @Override
        public void requestFocus() {
        }

        @Override
        protected double computePrefHeight(double width) {
            double w = width > 0 ? width : getWidth();
            double h = table.prefHeight(-1) + 2;
            return w > 0 && table.prefWidth(-1) + 2 > w ? h + BAR : h;
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }
    }

    // ------------------------------------------------------------------ small parts

    private static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        l.setWrapText(true);
        CjkWrap.keepEndOf(l);
        return l;
    }

    private static Label chip(String text, String tip, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().addAll("chip", styleClass);
        l.setTooltip(new Tooltip(tip));
        return l;
    }

    /** Shows just this hint; kept as it is when already shown (an edit without a selection changes nothing here). */
    private void showOnlyHint(String text) {
        builtFor = null;
        builtSelection = null;
        tables.clear();
        if (content.getChildren().size() == 1 && content.getChildren().get(0) instanceof Label l
                && "inspector-hint".equals(l.getId()) && text.equals(l.getText())) {
            return;
        }
        content.getChildren().setAll(hint(text));
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.setId("inspector-hint");
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        CjkWrap.keepEndOf(l);
        return l;
    }

    private static Label pending(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pending");
        l.setWrapText(true);
        CjkWrap.keepEndOf(l);
        return l;
    }

}
