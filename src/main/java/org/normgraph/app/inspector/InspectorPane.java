package org.normgraph.app.inspector;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.text.Font;
import org.normgraph.app.model.Selection;
import org.normgraph.app.theme.InheritedFont;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormLayout;

/**
 * The inspector: everything about the selected node of the graph — its name, kind, shape,
 * the core op that computed it, its forward formula and local derivative typeset with
 * JLaTeXMath, its full value matrix and, once the timeline has revealed them, its gradient
 * (at a fan-out node each branch and then their sum). For a selected element it writes out
 * the chain rule with the trace's numbers ({@link ChainRuleExplainer}).
 *
 * <p>Wired by the window as
 * {@code new InspectorPane(model.traceProperty(), model.selectionProperty(), model.positionProperty())}.
 * It reads the three properties and writes only the selection: clicking a number selects
 * that element (clicking it again goes back to the whole node). What is revealed follows
 * {@code new Timeline(trace.graph())} sought to the position.
 */
public class InspectorPane extends Control {

    /** This control's stylesheet (style classes {@code inspector}, {@code matrix-table}, {@code chain-line}, …). */
    public static final String STYLESHEET =
            InspectorPane.class.getResource("/org/normgraph/app/inspector/inspector.css").toExternalForm();

    private static final CssMetaData<InspectorPane, Font> FONT = InheritedFont.metaData(p -> p.font);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA =
            InheritedFont.with(Control.getClassCssMetaData(), FONT);

    private final ReadOnlyObjectProperty<Trace> trace;
    private final ObjectProperty<Selection> selection;
    private final ReadOnlyIntegerProperty position;
    private java.util.function.Supplier<NormLayout> layoutSource;
    private final ReadOnlyDoubleWrapper fontSize = new ReadOnlyDoubleWrapper(this, "fontSize", Font.getDefault().getSize());
    private final StyleableObjectProperty<Font> font =
            InheritedFont.property(FONT, this, () -> fontSize.set(this.font.get().getSize()));

    public InspectorPane(ReadOnlyObjectProperty<Trace> trace, ObjectProperty<Selection> selection,
                         ReadOnlyIntegerProperty position) {
        this.trace = Objects.requireNonNull(trace, "trace");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.position = Objects.requireNonNull(position, "position");
        getStyleClass().add("inspector");
        getStylesheets().add(STYLESHEET);
        setFocusTraversable(false); // it was a Tab stop without a ring that took no keys
    }

    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace;
    }

    /**
     * Where the layout of the current trace's graph comes from (N×C×H×W x is drawn and named
     * so); without one the inspector reads the graph alone, as N×D.
     */
    public void setLayoutSource(java.util.function.Supplier<NormLayout> source) {
        layoutSource = source;
    }

    NormLayout normLayout() {
        return layoutSource == null ? null : layoutSource.get();
    }

    /** Scrolls the pane by a page down ({@code direction} 1) or up (−1): the keyboard's way through it. */
    public void scrollPage(int direction) {
        if (getSkin() instanceof InspectorPaneSkin skin) {
            skin.scrollPage(direction);
        }
    }

    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    public ReadOnlyIntegerProperty positionProperty() {
        return position;
    }

    /** The pane's text size in pixels (CSS): the typeset formulas are drawn to match it. */
    public ReadOnlyDoubleProperty fontSizeProperty() {
        return fontSize.getReadOnlyProperty();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    protected List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new InspectorPaneSkin(this);
    }
}
