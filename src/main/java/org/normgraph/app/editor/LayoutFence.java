package org.normgraph.app.editor;

import javafx.beans.InvalidationListener;
import javafx.scene.layout.Region;

/**
 * Holds one region whose size is set explicitly (its min/pref/max width and height
 * properties) and keeps that region's own re-layouts from spreading upwards.
 *
 * <p>Why: in JavaFX a layout request walks up to the scene's root unless it meets a
 * <em>layout root</em> (an unmanaged node), and every ancestor on the way then lays out
 * all its children again on the next pulse: a single changed cell in an input grid made
 * the whole side pane, its scroll pane and the window's border pane measure their wrapped
 * labels again. Here the child is unmanaged, so its requests only mark a dirty branch and
 * just the child is laid out; this fence takes the child's size hints as its own and asks
 * its parent for a layout only when one of those hints changes.
 */
final class LayoutFence extends Region {

    private final Region child;

    public LayoutFence(Region child) {
        this.child = child;
        child.setManaged(false);
        getChildren().add(child);
        InvalidationListener sizeChanged = o -> requestLayout();
        child.minWidthProperty().addListener(sizeChanged);
        child.prefWidthProperty().addListener(sizeChanged);
        child.maxWidthProperty().addListener(sizeChanged);
        child.minHeightProperty().addListener(sizeChanged);
        child.prefHeightProperty().addListener(sizeChanged);
        child.maxHeightProperty().addListener(sizeChanged);
        child.visibleProperty().addListener(sizeChanged);
        getStyleClass().add("layout-fence");
    }

    public Region child() {
        return child;
    }

    @Override
    protected double computeMinWidth(double height) {
        return child.minWidth(-1);
    }

    @Override
    protected double computePrefWidth(double height) {
        return child.prefWidth(-1);
    }

    @Override
    protected double computeMaxWidth(double height) {
        return child.maxWidth(-1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return child.minHeight(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        return child.prefHeight(-1);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return child.maxHeight(-1);
    }

    @Override
    protected void layoutChildren() {
        child.resizeRelocate(0, 0, getWidth(), getHeight());
    }
}
