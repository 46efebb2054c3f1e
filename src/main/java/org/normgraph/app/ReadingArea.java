package org.normgraph.app;

import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * The reading text under the status line (the step's explanation and the notes on the input):
 * as tall as its text, up to {@value #MAX_SHARE} of the window's height, and scrolling beyond.
 * At 200 % text on a 768-line screen the text took the graph's height down to 150 pixels and
 * pushed the speaker notes off the bottom of the window.
 */
final class ReadingArea extends UncachedScrollPane {

    static final double MAX_SHARE = 0.22;

    private final InvalidationListener sceneResized = o -> requestLayout();

    ReadingArea(Node content) {
        super(content);
        getStyleClass().add("reading-area");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.heightProperty().removeListener(sceneResized);
            }
            if (scene != null) {
                scene.heightProperty().addListener(sceneResized);
            }
        });
    }

    private double cap() {
        Scene scene = getScene();
        return scene == null || scene.getHeight() <= 0 ? Double.MAX_VALUE : MAX_SHARE * scene.getHeight();
    }

    /** The text's height at this width (the skin's asks the content at its one-line width). */
    private double textHeight(double width) {
        double w = (width > 0 ? width : getWidth()) - snappedLeftInset() - snappedRightInset();
        return getContent() == null ? 0 : getContent().prefHeight(w > 0 ? w : -1) + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.min(textHeight(width), cap());
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width); // the graph gives way first, as it did before
    }
}
