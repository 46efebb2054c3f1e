package org.normgraph.app.explain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;
import org.normgraph.app.CjkWrap;
import org.normgraph.app.NoBreakRuns;

/**
 * A wrapped label as tall as the tallest of the texts it shows in turn (one per timeline
 * step), so that stepping never changes its height. Otherwise a step whose sentence needs
 * one line more moves everything above it: the graph is laid out, fitted and repainted
 * whole, and the learner sees it jump.
 *
 * <p>The texts are asked for again when the shown text changes or on {@link #refreshTexts()}
 * (asking on every measure cost a tenth of the application thread's time while playing);
 * each is measured once per width and font.
 */
public class SteadyHeightLabel extends Label {

    private static final int MEASURES_KEPT = 256;

    private final Supplier<List<String>> texts;
    private List<String> alternatives = List.of();
    private final Text measure = new Text();
    // measured heights of recent texts and widths (a layout asks at more than one width)
    private final Map<Measure, Double> heights = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Measure, Double> eldest) {
            return size() > MEASURES_KEPT;
        }
    };

    private record Measure(String text, double wrapWidth, Font font, double lineSpacing) {
    }

    /** @param texts every text this label will show while the user steps */
    public SteadyHeightLabel(Supplier<List<String>> texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        setAlignment(Pos.TOP_LEFT); // a shorter text keeps its first line where the others start
        textProperty().addListener(o -> refreshTexts());
        CjkWrap.keepEndOf(this);
        NoBreakRuns.relaxIn(this);
        measure.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER); // as a label's skin measures
    }

    /** Asks for the texts again: a new walk or language need not change the shown text. */
    public final void refreshTexts() {
        List<String> now = texts.get().stream().map(CjkWrap::keepEnd).toList(); // measured as shown
        if (!now.equals(alternatives)) {
            alternatives = now;
            requestLayout();
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        double tallest = alternatives.stream().mapToDouble(t -> textHeight(t, width)).max().orElse(0);
        // the skin (super) measures the shown text with the label's padding; only the difference is added
        return super.computePrefHeight(width) + Math.max(0, tallest - textHeight(getText(), width));
    }

    private double textHeight(String text, double width) {
        double wrap = width < 0 ? 0 : Math.max(0, width - snappedLeftInset() - snappedRightInset());
        return heights.computeIfAbsent(new Measure(text == null ? "" : text, wrap, getFont(), getLineSpacing()),
                this::measure);
    }

    private double measure(Measure m) {
        measure.setFont(m.font);
        measure.setLineSpacing(m.lineSpacing);
        measure.setWrappingWidth(m.wrapWidth);
        measure.setText(m.wrapWidth > 0 ? NoBreakRuns.relax(m.text, m.wrapWidth, m.font) : m.text); // as shown
        return measure.getLayoutBounds().getHeight();
    }
}
