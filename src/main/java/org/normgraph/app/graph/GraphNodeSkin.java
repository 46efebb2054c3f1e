package org.normgraph.app.graph;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.normgraph.app.CjkWrap;
import org.normgraph.app.Messages;
import org.normgraph.app.model.Selection;
import org.normgraph.core.Matrix;
import org.normgraph.core.Node;
import org.normgraph.core.NodeKind;
import org.normgraph.core.Shape;

/**
 * The look of a {@link GraphNodeView}: a header (step number, name, op symbol), the
 * formula, the shape written with letters and numbers, the value, and a gradient area
 * that fills in during the backward pass. A fan-out node shows its two branch
 * contributions side by side, then their sum. Listeners are registered through
 * {@link SkinBase} and so are removed with the skin.
 */
public class GraphNodeSkin extends SkinBase<GraphNodeView> {

    /** Formulas wrap at the width of the value, but not narrower than this. */
    static final double MIN_TEXT_WIDTH = 150;

    // the outline (background, border, state colours) and, on top, the content: the box has no
    // children, so that its states never restyle the labels (see mirrorStates)
    private final VBox box = new VBox();
    private final VBox content = new VBox();
    // the current step's glow: a layer of its own behind the box, kept as a bitmap (as an effect
    // of the box itself, every new number in the box recomputed the blur)
    private final Region halo = new Region();
    private final Label step = new Label();
    private final Label name = new Label();
    private final Label symbol = new Label();
    private final Label formula = new Label();
    private final Label shape = new Label();
    private final Label fanout = new Label();
    private final MatrixView valueView = new MatrixView(Palette.VALUE);
    private final VBox valueBox = new VBox(valueView);
    private final Label gradCaption = new Label();
    private final MatrixView gradView = new MatrixView(Palette.GRADIENT);
    private final VBox gradBox = new VBox();
    private final List<Label> branchCaptions = new ArrayList<>();
    private final List<MatrixView> branchViews = new ArrayList<>();
    private final HBox sumRow = new HBox();
    private SetChangeListener<PseudoClass> stateMirror;

    public GraphNodeSkin(GraphNodeView control) {
        super(control);
        box.getStyleClass().add("node-box");
        content.getStyleClass().add("node-content");
        step.getStyleClass().add("step-badge");
        name.getStyleClass().add("node-name");
        symbol.getStyleClass().add("op-symbol");
        formula.getStyleClass().add("formula");
        shape.getStyleClass().add("shape");
        fanout.getStyleClass().add("fanout-badge");
        valueBox.getStyleClass().add("value-box");
        gradBox.getStyleClass().add("gradient-box");
        gradCaption.getStyleClass().add("gradient-caption");
        // captions change rarely: drawn once into a bitmap instead of glyph by glyph every frame
        // (the software pipeline fills every glyph as a shape under the graph's zoom)
        for (Label l : List.of(step, name, symbol, formula, shape, fanout, gradCaption)) {
            l.setCache(true);
        }

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(step, name, spacer, symbol);
        header.getStyleClass().add("node-header");
        header.setAlignment(Pos.CENTER_LEFT);
        header.setMaxWidth(Double.MAX_VALUE);

        if (control.isFanOut()) {
            fanout.setText(Messages.get("graph.fanout", Integer.toString(2)));
            fanout.setTooltip(new Tooltip(Messages.get("graph.fanout.tip")));
            header.getChildren().add(2, fanout);
            buildFanOut();
        } else {
            gradBox.getChildren().addAll(gradCaption, gradView);
        }
        formula.setWrapText(true);
        CjkWrap.keepEndOf(formula);
        formula.setMinHeight(javafx.scene.control.Label.USE_PREF_SIZE);
        formula.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(MIN_TEXT_WIDTH, valueView.prefWidth(-1)), valueView.layoutBoundsProperty()));
        content.getChildren().addAll(header, formula, shape, valueBox, gradBox);
        // the content sits inside the box's border and padding, spaced and faded as the box is styled
        content.paddingProperty().bind(box.insetsProperty());
        content.spacingProperty().bind(box.spacingProperty());
        content.opacityProperty().bind(box.opacityProperty());
        halo.getStyleClass().add("node-halo");
        halo.setCache(true);
        halo.setMouseTransparent(true);
        getChildren().addAll(halo, box, content);
        mirrorStates(control);

        for (MatrixView v : allViews()) {
            v.pixelScaleProperty().bind(control.pixelScaleProperty());
        }
        valueView.setOnCellClicked((r, c) -> control.select(Selection.element(control.getName(), r, c)));
        gradView.setOnCellClicked((r, c) -> control.select(Selection.element(control.getName(), r, c)));
        EventHandler<MouseEvent> selectNode = e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                control.select(Selection.node(control.getName()));
                e.consume();
            }
        };
        box.addEventHandler(MouseEvent.MOUSE_CLICKED, selectNode);
        content.addEventHandler(MouseEvent.MOUSE_CLICKED, selectNode);

        registerChangeListener(control.coreNodeProperty(), o -> updateAll());
        registerChangeListener(control.axesProperty(), o -> updateAll());
        registerChangeListener(control.valueProperty(), o -> updateValue());
        registerChangeListener(control.computedProperty(), o -> updateValue());
        registerChangeListener(control.gradientProperty(), o -> updateGradient());
        registerChangeListener(control.selectionProperty(), o -> updateSelection());
        registerListChangeListener(control.getBranches(), c -> updateBranches());
        updateAll();
    }

    /**
     * Copies the node's state pseudo-classes onto the layers that the stylesheets colour by
     * state: all of them onto the box and the glow, {@code :current} onto the step badge and
     * {@code :has-gradient} onto the gradient captions. The stylesheets select the states on
     * these layers ({@code .graph-node .node-box:current}), not on the node: while the node
     * itself was styled by state ({@code .graph-node:computed}), each change gave every label
     * inside an equal but new font (JavaFX's CSS; see GraphViewTest), and their bitmap caches
     * were drawn again: 515 times in a played walk of the example, now 127.
     */
    private void mirrorStates(GraphNodeView control) {
        stateMirror = c -> mirror(c.wasAdded() ? c.getElementAdded() : c.getElementRemoved(), c.wasAdded());
        for (PseudoClass pc : control.getPseudoClassStates()) {
            mirror(pc, true);
        }
        control.getPseudoClassStates().addListener(stateMirror);
    }

    private void mirror(PseudoClass pc, boolean on) {
        box.pseudoClassStateChanged(pc, on);
        halo.pseudoClassStateChanged(pc, on);
        if (pc.equals(GraphNodeView.CURRENT)) {
            step.pseudoClassStateChanged(pc, on);
        } else if (pc.equals(GraphNodeView.HAS_GRADIENT)) {
            gradCaption.pseudoClassStateChanged(pc, on);
            branchCaptions.forEach(l -> l.pseudoClassStateChanged(pc, on));
        }
    }

    @Override
    public void dispose() {
        if (stateMirror != null) {
            getSkinnable().getPseudoClassStates().removeListener(stateMirror);
        }
        super.dispose();
    }

    /** Fan-out: the two branches side by side (dx1 + dx2), their sum below them (= dx). */
    private void buildFanOut() {
        sumRow.getStyleClass().add("gradient-sum");
        sumRow.setAlignment(Pos.TOP_LEFT);
        HBox branches = new HBox();
        branches.getStyleClass().add("branch-columns");
        for (int i = 0; i < 2; i++) {
            Label op = new Label(i == 0 ? "" : "+");
            op.getStyleClass().add("branch-operator");
            Label caption = new Label();
            caption.getStyleClass().add("gradient-caption");
            caption.setCache(true);
            MatrixView view = new MatrixView(Palette.GRADIENT);
            view.setOnCellClicked((r, c) -> getSkinnable().select(
                    Selection.element(getSkinnable().getName(), r, c)));
            VBox branch = new VBox(caption, view);
            branch.getStyleClass().add("branch");
            HBox line = new HBox(op, branch);
            line.getStyleClass().add("branch-line");
            line.setId(getSkinnable().getId() + "-branch-" + i);
            branchCaptions.add(caption);
            branchViews.add(view);
            branches.getChildren().add(line);
        }
        Label eq = new Label("=");
        eq.getStyleClass().add("branch-operator");
        VBox sum = new VBox(gradCaption, gradView);
        sumRow.getChildren().addAll(eq, sum);
        VBox rows = new VBox(branches, sumRow);
        rows.getStyleClass().add("branch-rows");
        gradBox.getChildren().add(rows);
    }

    /** The value's matrix view (for tests and the animator). */
    public MatrixView valueView() {
        return valueView;
    }

    /** The total gradient's matrix view. */
    public MatrixView gradientView() {
        return gradView;
    }

    /** The fan-out branch views, empty for other nodes. */
    public List<MatrixView> branchViews() {
        return branchViews;
    }

    private List<MatrixView> allViews() {
        List<MatrixView> all = new ArrayList<>(List.of(valueView, gradView));
        all.addAll(branchViews);
        return all;
    }

    Region gradientBox() {
        return gradBox;
    }

    Region sumRow() {
        return sumRow;
    }

    private void updateAll() {
        GraphNodeView c = getSkinnable();
        Node n = c.getCoreNode();
        name.setText(n.name());
        if (n.kind() == NodeKind.INPUT) {
            step.setText(Messages.get("graph.step.input"));
            step.setTooltip(new Tooltip(Messages.get("graph.step.input.tip")));
            symbol.setText("");
            // images: x is N×C×H×W and gamma, beta are per channel (the inference constants are never images)
            formula.setText(Messages.get("graph.input." + n.name() + (c.getAxes().spatial() ? ".images" : "")));
        } else {
            step.setText(Integer.toString(n.step()));
            step.setTooltip(new Tooltip(Messages.get("graph.step.tip", Integer.toString(n.step()))));
            symbol.setText(n.op().symbol());
            // the core's formula of a broadcast has words ("copied to N rows"): from the bundle
            formula.setText(switch (n.kind()) {
                case BROADCAST -> FamilyText.broadcast(n, c.getAxes());
                case REDUCTION -> n.formula() + "\n" + FamilyText.reduction(c.getAxes());
                default -> n.formula();
            });
        }
        // a reduction of layer or group norm collapses other axes than the batch's "mean over the rows"
        Tooltip kindTip = new Tooltip(n.kind() == NodeKind.REDUCTION && !c.getAxes().isBatchOfFeatures()
                ? FamilyText.reduction(c.getAxes()) : Messages.get("graph.kind." + n.kind().styleClass()));
        symbol.setTooltip(kindTip);
        Shape s = n.shape();
        shape.setText(Messages.get("graph.shape.sizes", c.getAxes().letters(n.name()), c.getAxes().sizes(n.name(), s)));
        gradCaption.setText(c.gradientName());
        updateValue();
        updateGradient();
        updateBranches();
        updateSelection();
    }

    private void updateValue() {
        GraphNodeView c = getSkinnable();
        valueView.setContent(c.getCoreNode().shape(), fitting(c.isComputed() ? c.getValue() : null));
    }

    private void updateGradient() {
        GraphNodeView c = getSkinnable();
        gradView.setContent(c.getCoreNode().shape(), fitting(c.getGradient()));
    }

    private void updateBranches() {
        GraphNodeView c = getSkinnable();
        List<GraphNodeView.Branch> list = c.getBranches();
        for (int i = 0; i < branchViews.size(); i++) {
            GraphNodeView.Branch b = i < list.size() ? list.get(i) : null;
            branchCaptions.get(i).setText(b == null ? "" : b.name());
            branchViews.get(i).setContent(c.getCoreNode().shape(), fitting(b == null ? null : b.matrix()));
        }
    }

    /** A matrix of another shape (left over while the graph changes shape) is not shown. */
    private Matrix fitting(Matrix m) {
        return m != null && m.shape().equals(getSkinnable().getCoreNode().shape()) ? m : null;
    }

    private void updateSelection() {
        Selection s = getSkinnable().selectionProperty().get();
        boolean mine = s != null && s.node().equals(getSkinnable().getName()) && s.hasElement();
        int r = mine ? s.row() : -1;
        int col = mine ? s.col() : -1;
        valueView.setSelectedCell(r, col);
        gradView.setSelectedCell(r, col);
        for (MatrixView v : branchViews) {
            v.setSelectedCell(r, col);
        }
    }
}
