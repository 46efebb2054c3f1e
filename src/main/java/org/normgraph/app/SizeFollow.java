package org.normgraph.app;

import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.Node;

/**
 * Keeps a size property (a max width, an image's fit width) following a value computed from
 * layout state, such as a scroll pane's viewport.
 *
 * <p>Why not a binding: a scroll pane sets a new viewport-bounds object on every layout pass,
 * and a bound size property passes each invalidation on as a layout request to its parents
 * even when the number is the same. That request reached the scroll pane again, so every
 * pulse laid out the whole input editor (all four grids). Here the value is applied only when
 * the number changes (a region's size setter asks for a layout even for the same number).
 */
public final class SizeFollow {

    private SizeFollow() {
    }

    /**
     * Applies {@code compute} now and again whenever {@code source} changes, for as long as
     * {@code owner} (the node whose size follows) is reachable: the source holds the
     * listener weakly, so a node that is replaced is not kept alive by it.
     */
    public static void follow(Node owner, Observable source, DoubleSupplier compute, DoubleConsumer apply) {
        double[] last = {compute.getAsDouble()};
        apply.accept(last[0]);
        InvalidationListener update = o -> {
            double v = compute.getAsDouble();
            if (Double.compare(v, last[0]) != 0) {
                last[0] = v;
                apply.accept(v);
            }
        };
        owner.getProperties().put(new Object(), update);
        source.addListener(new WeakInvalidationListener(update));
    }
}
