package org.normgraph.app.graph;

import javafx.geometry.Insets;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Which cells of a grid of numbers (a matrix in the graph, a table in the inspector) need
 * writing again. An edit usually changes one column of a matrix, and a cell written again is
 * drawn again (a label is also measured and laid out again) even when the new value equals the
 * old; so a cell is written only when its number changed, or every cell when the end of the
 * colour scale moved.
 */
public final class ShownNumbers {

    private double[] shown = new double[0];
    private double maxAbs;
    private boolean valid;
    private boolean all;

    /** Starts writing {@code count} cells coloured on a scale of ±{@code maxAbs}. */
    public void begin(int count, double maxAbs) {
        if (shown.length != count) {
            shown = new double[count];
            valid = false;
        }
        all = !valid || Double.compare(maxAbs, this.maxAbs) != 0;
        this.maxAbs = maxAbs;
        valid = true;
    }

    /** Whether cell {@code k} is to be written to show {@code v}; remembers {@code v} if so. */
    public boolean changed(int k, double v) {
        if (all || Double.doubleToLongBits(v) != Double.doubleToLongBits(shown[k])) {
            shown[k] = v;
            return true;
        }
        return false;
    }

    /** The cells were emptied or made anew: the next {@link #begin} writes every cell. */
    public void forget() {
        valid = false;
    }

    /**
     * Gives {@code cell} a background of {@code fill} unless it has exactly that already (a new
     * {@link Background} is a new value even when it is equal); whether it did.
     */
    public static boolean fill(Region cell, Color fill) {
        Background old = cell.getBackground();
        if (old != null && old.getFills().size() == 1 && fill.equals(old.getFills().get(0).getFill())) {
            return false;
        }
        cell.setBackground(new Background(new BackgroundFill(fill, CornerRadii.EMPTY, Insets.EMPTY)));
        return true;
    }
}
