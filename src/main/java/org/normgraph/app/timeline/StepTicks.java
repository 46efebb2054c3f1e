package org.normgraph.app.timeline;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The step labels under the timeline slider (0, 1…9, ∂9…∂0), each centred on its tick mark.
 *
 * <p>Why not the slider's own tick labels: JavaFX's axis drops a tick that it places past
 * its length, and for the last step that came down to a rounding error at some widths (the
 * Japanese window had no "∂0"); and a label it hid at a narrower width it never shows again.
 * Here every label that does not collide with the one before it is shown, and the last one
 * always is. Lay this out directly under the slider, as wide as it and at the same x.
 */
final class StepTicks extends Region {

    /** Room between two shown labels, in em of their font: 4 px at 200 % read "∂9∂8∂7" as one word. */
    private static final double GAP_EM = 0.4;

    private final Slider slider;
    private Node axis;

    StepTicks(Slider slider, List<String> labels) {
        this.slider = slider;
        getStyleClass().add("step-ticks");
        for (String label : labels) {
            Text t = new Text(label);
            t.getStyleClass().add("step-tick");
            getChildren().add(t);
        }
        // the tick marks move when the slider lays out its track
        slider.skinProperty().addListener(o -> follow(slider.lookup(".axis")));
        follow(slider.lookup(".axis"));
    }

    private void follow(Node newAxis) {
        if (newAxis != null && newAxis != axis) {
            axis = newAxis;
            axis.boundsInParentProperty().addListener(o -> requestLayout());
            requestLayout();
        }
    }

    /** The x of step {@code i}'s tick mark, in the slider's coordinates (which are this one's). */
    double tickX(int i) {
        Bounds track = axis.getBoundsInParent();
        int last = getChildren().size() - 1;
        return track.getMinX() + (last == 0 ? 0 : track.getWidth() * i / last);
    }

    @Override
    protected void layoutChildren() {
        if (axis == null) {
            follow(slider.lookup(".axis"));
            if (axis == null) {
                return;
            }
        }
        List<Node> texts = getChildren();
        double top = snappedTopInset();
        double shownRight = Double.NEGATIVE_INFINITY;
        Text lastShown = null;
        for (int i = 0; i < texts.size(); i++) {
            Text t = (Text) texts.get(i);
            double w = t.getLayoutBounds().getWidth();
            double x = tickX(i) - w / 2;
            t.relocate(x, top);
            boolean fits = x >= shownRight + GAP_EM * t.getFont().getSize();
            if (i == texts.size() - 1 && !fits && lastShown != null) {
                lastShown.setVisible(false); // the last step keeps its label
                fits = true;
            }
            t.setVisible(fits);
            if (fits) {
                shownRight = x + w;
                lastShown = t;
            }
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        double h = 0;
        for (Node t : getChildren()) {
            h = Math.max(h, t.getLayoutBounds().getHeight());
        }
        return snappedTopInset() + h + snappedBottomInset();
    }

    // the slider decides the width (labels that do not fit are hidden): asking for the width
    // the labels were last spread over would hold the timeline at that width
    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0;
    }
}
