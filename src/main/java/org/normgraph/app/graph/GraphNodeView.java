package org.normgraph.app.graph;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.BooleanPropertyBase;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.normgraph.app.model.Selection;
import org.normgraph.core.Edge;
import org.normgraph.core.Matrix;
import org.normgraph.core.Node;

/**
 * One node of the core graph, drawn: a {@link Control} with id {@code node-<name>}, the
 * style class {@code graph-node} plus its kind ({@code input}, {@code op},
 * {@code broadcast}, {@code reduction}) and {@code fanout} for a value used twice, and the
 * pseudo-classes {@code :computed}, {@code :current}, {@code :has-gradient},
 * {@code :selected}, {@code :non-finite} and {@code :after-non-finite}. The look lives in {@link GraphNodeSkin} and {@code graph.css}.
 *
 * <p>The view holds what is to be shown — value, gradient, fan-out branches — as set by
 * {@link GraphView} from the session's trace; it computes nothing.
 */
public final class GraphNodeView extends Control {

    public static final String STYLE_CLASS = "graph-node";
    public static final String FANOUT = "fanout";
    public static final PseudoClass COMPUTED = PseudoClass.getPseudoClass("computed");
    public static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    public static final PseudoClass HAS_GRADIENT = PseudoClass.getPseudoClass("has-gradient");
    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** Where the trace first holds a NaN or an infinity (once the walk shows it). */
    public static final PseudoClass NON_FINITE = PseudoClass.getPseudoClass("non-finite");
    /** Computed from the first non-finite node ({@link NonFiniteReach}): its numbers mean nothing. */
    public static final PseudoClass AFTER_NON_FINITE = PseudoClass.getPseudoClass("after-non-finite");

    /**
     * One branch of a fan-out node's gradient: the contribution sent back along
     * {@code edge}, named as in DESIGN.md ({@code dxmu1}, …); {@code matrix} is
     * {@code null} until the walk reaches it.
     */
    public record Branch(String name, Edge edge, Matrix matrix) {
    }

    private final String name;
    private final boolean fanOut;
    private final ObjectProperty<Node> coreNode = new SimpleObjectProperty<>(this, "coreNode");
    // which way the graph's statistics collapse: names shapes and broadcasts (set before coreNode)
    private final ObjectProperty<org.normgraph.app.model.NormAxes> axes =
            new SimpleObjectProperty<>(this, "axes", org.normgraph.app.model.NormAxes.BATCH);
    private final ObjectProperty<Matrix> value = new SimpleObjectProperty<>(this, "value");
    private final ObjectProperty<Matrix> gradient = new SimpleObjectProperty<>(this, "gradient");
    private final ObservableList<Branch> branches = FXCollections.observableArrayList();
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(this, "selection");
    private final BooleanProperty computed = pseudo("computed", COMPUTED);
    private final BooleanProperty current = pseudo("current", CURRENT);
    private final BooleanProperty hasGradient = pseudo("hasGradient", HAS_GRADIENT);
    private final BooleanProperty selected = pseudo("selected", SELECTED);
    private final BooleanProperty nonFinite = pseudo("nonFinite", NON_FINITE);
    private final BooleanProperty afterNonFinite = pseudo("afterNonFinite", AFTER_NON_FINITE);
    private final DoubleProperty pixelScale = new SimpleDoubleProperty(this, "pixelScale", 1);
    private Consumer<Selection> onSelect;

    public GraphNodeView(Node node, boolean fanOut) {
        this.name = node.name();
        this.fanOut = fanOut;
        this.coreNode.set(node);
        setId("node-" + name);
        getStyleClass().setAll(STYLE_CLASS, node.kind().styleClass());
        if (fanOut) {
            getStyleClass().add(FANOUT);
        }
        setFocusTraversable(false);
        coreNode.addListener((o, a, b) -> {
            if (!b.name().equals(name)) {
                throw new IllegalArgumentException("node view " + name + " given node " + b.name());
            }
        });
        selection.addListener((o, a, b) -> selected.set(b != null && b.node().equals(name)));
    }

    /** Screen pixels per pixel of this node (the graph's zoom times the screen's scale); its numbers are drawn at it. */
    public DoubleProperty pixelScaleProperty() {
        return pixelScale;
    }

    /** The core node's name (DESIGN.md), e.g. {@code xhat}. */
    public String getName() {
        return name;
    }

    public boolean isFanOut() {
        return fanOut;
    }

    /** The core node drawn; replaced (same name) when N, D or eps change. */
    public ObjectProperty<Node> coreNodeProperty() {
        return coreNode;
    }

    public Node getCoreNode() {
        return coreNode.get();
    }

    /** Which way the drawn graph's statistics collapse x (batch norm unless the graph says otherwise). */
    public ObjectProperty<org.normgraph.app.model.NormAxes> axesProperty() {
        return axes;
    }

    public org.normgraph.app.model.NormAxes getAxes() {
        return axes.get();
    }

    /** The node's value, or {@code null} while it is not computed. */
    public ObjectProperty<Matrix> valueProperty() {
        return value;
    }

    public Matrix getValue() {
        return value.get();
    }

    public void setValue(Matrix m) {
        value.set(m);
    }

    /** The node's total gradient, or {@code null} before the walk computes it. */
    public ObjectProperty<Matrix> gradientProperty() {
        return gradient;
    }

    public Matrix getGradient() {
        return gradient.get();
    }

    public void setGradient(Matrix m) {
        gradient.set(m);
    }

    /** For a fan-out node: its branch contributions, in the order they are computed. */
    public ObservableList<Branch> getBranches() {
        return branches;
    }

    public void setBranches(List<Branch> list) {
        if (!list.equals(branches)) {
            branches.setAll(list);
        }
    }

    /** The session's selection; the node shows it when it names this node. */
    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    public BooleanProperty computedProperty() {
        return computed;
    }

    public boolean isComputed() {
        return computed.get();
    }

    public void setComputed(boolean b) {
        computed.set(b);
    }

    public BooleanProperty currentProperty() {
        return current;
    }

    public boolean isCurrent() {
        return current.get();
    }

    public void setCurrent(boolean b) {
        current.set(b);
    }

    public BooleanProperty hasGradientProperty() {
        return hasGradient;
    }

    public boolean hasGradient() {
        return hasGradient.get();
    }

    public void setHasGradient(boolean b) {
        hasGradient.set(b);
    }

    public boolean isNonFinite() {
        return nonFinite.get();
    }

    public void setNonFinite(boolean b) {
        nonFinite.set(b);
    }

    public boolean isAfterNonFinite() {
        return afterNonFinite.get();
    }

    public void setAfterNonFinite(boolean b) {
        afterNonFinite.set(b);
    }

    public boolean isSelected() {
        return selected.get();
    }

    /** Called with a node or element selection when the user clicks this node. */
    public void setOnSelect(Consumer<Selection> handler) {
        this.onSelect = handler;
    }

    void select(Selection s) {
        if (onSelect != null) {
            onSelect.accept(s);
        }
    }

    /** The name under which the gradient of this node is shown, e.g. {@code dxhat}. */
    public String gradientName() {
        // xmu is a fan-out only in training (dx1 = dxmu1 + dxmu2); used once, in inference, it is dxmu
        return fanOut ? org.normgraph.core.BatchNormGraph.gradientName(name)
                : org.normgraph.core.InferenceGraph.gradientName(name);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new GraphNodeSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return GraphView.STYLESHEET;
    }

    private BooleanProperty pseudo(String propertyName, PseudoClass pc) {
        return new BooleanPropertyBase(false) {
            @Override
            protected void invalidated() {
                pseudoClassStateChanged(pc, get());
            }

            @Override
            public Object getBean() {
                return GraphNodeView.this;
            }

            @Override
            public String getName() {
                return propertyName;
            }
        };
    }
}
