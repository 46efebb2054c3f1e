package org.normgraph.app.inspector;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A chain-rule line as shown: the target, then {@code = names}, {@code = numbers} and
 * {@code = result}, one label each ({@link ChainRuleExplainer.Line#displayLines}). The names
 * follow the target on its line when both fit, else they start the next line, indented like
 * the lines below them: in a narrow pane "dxmu1[0][0] = dxhat[0][0] ·" wrapped its last
 * factor back to the left edge, under the target. The lines after the names are indented by
 * padding (inspector.css), not by spaces, so that their wrapped rest stays indented too: a long
 * sum of N terms in a narrow pane.
 */
final class ChainLines extends Region {

    private final Text space = new Text(" ");

    ChainLines(String id, List<String> display) {
        setId(id);
        getStyleClass().add("chain-lines");
        for (int i = 0; i < display.size(); i++) {
            Label l = new Label(display.get(i));
            l.getStyleClass().add("chain-line");
            if (i > 1) {
                l.getStyleClass().add("chain-continued");
            }
            l.setWrapText(true);
            l.setMinHeight(USE_PREF_SIZE);
            getChildren().add(l);
        }
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = sameLineWidth();
        for (int i = 2; i < getChildren().size(); i++) {
            w = Math.max(w, label(i).prefWidth(-1));
        }
        return snappedLeftInset() + w + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + label(0).minWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width < 0 ? computePrefWidth(-1) : width;
        return snappedTopInset() + place(w - snappedLeftInset() - snappedRightInset(), false) + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        place(getWidth() - snappedLeftInset() - snappedRightInset(), true);
    }

    /** The lines' height at {@code width}; lays them out too if {@code apply}. */
    private double place(double width, boolean apply) {
        double x0 = snappedLeftInset();
        double y = snappedTopInset();
        int next = 0;
        if (hasNames()) {
            Label target = label(0);
            Label names = label(1);
            if (sameLineWidth() <= width) {
                double tw = target.prefWidth(-1);
                double nw = names.prefWidth(-1);
                double h = Math.max(target.prefHeight(tw), names.prefHeight(nw));
                if (apply) {
                    target.resizeRelocate(x0, y, tw, h);
                    names.resizeRelocate(x0 + tw + spaceWidth(), y, nw, h);
                }
                y += h;
            } else {
                double indent = label(2).snappedLeftInset(); // as far in as the continued lines' text
                y += stack(target, x0, y, width, apply);
                y += stack(names, x0 + indent, y, width - indent, apply);
            }
            next = 2;
        }
        for (int i = next; i < getChildren().size(); i++) {
            y += stack(label(i), x0, y, width, apply);
        }
        return y - snappedTopInset();
    }

    private static double stack(Label l, double x, double y, double width, boolean apply) {
        double h = l.prefHeight(width);
        if (apply) {
            l.resizeRelocate(x, y, width, h);
        }
        return h;
    }

    /** Whether the second label holds the names ({@code = dxhat[0][0] · ivar[0]}) of a target on its own. */
    private boolean hasNames() {
        return getChildren().size() > 2;
    }

    private double sameLineWidth() {
        return hasNames() ? label(0).prefWidth(-1) + spaceWidth() + label(1).prefWidth(-1) : label(0).prefWidth(-1);
    }

    private double spaceWidth() {
        space.setFont(label(0).getFont());
        return space.getLayoutBounds().getWidth();
    }

    private Label label(int i) {
        return (Label) getChildren().get(i);
    }
}
