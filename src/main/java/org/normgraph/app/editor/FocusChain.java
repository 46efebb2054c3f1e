package org.normgraph.app.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Moves the keyboard focus out of a control that keeps Tab for itself (a grid moves between
 * its cells with it) to the control before or after it, in the order Tab goes through the
 * window: the scene graph's, depth first, as JavaFX's own traversal has it. JavaFX 21 has no
 * public call that traverses from a given node.
 */
public final class FocusChain {

    private FocusChain() {
    }

    /** Focuses the first control after ({@code forward}) or before {@code from} and all inside it; wraps around. */
    public static void leave(Node from, boolean forward) {
        if (from.getScene() == null) {
            return;
        }
        List<Node> chain = new ArrayList<>();
        int[] span = {-1, -1}; // where from's own controls start and end in the chain
        collect(from.getScene().getRoot(), from, chain, span);
        if (span[0] < 0 || chain.size() == span[1] - span[0]) {
            return; // from is not shown, or nothing else takes the focus
        }
        int at = forward ? span[1] : span[0] - 1;
        chain.get(Math.floorMod(at, chain.size())).requestFocus();
    }

    /** Whether {@code node} is {@code ancestor} or lies inside it (a focus owner in a pane, a grid's own editor). */
    public static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code node} comes after {@code region} and all inside it in the order Tab goes. */
    static boolean comesAfter(Node node, Node region) {
        if (region.getScene() == null) {
            return false;
        }
        List<Node> chain = new ArrayList<>();
        int[] span = {-1, -1};
        collect(region.getScene().getRoot(), region, chain, span);
        int at = chain.indexOf(node);
        return span[0] >= 0 && at >= span[1];
    }

    private static void collect(Node n, Node from, List<Node> chain, int[] span) {
        if (!n.isVisible() || n.isDisabled()) {
            return;
        }
        boolean isFrom = n == from;
        if (isFrom) {
            span[0] = chain.size();
            chain.add(n); // stands for all inside it
        } else if (n.isFocusTraversable()) {
            chain.add(n);
        }
        if (!isFrom && n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, from, chain, span);
            }
        }
        if (isFrom) {
            span[1] = chain.size();
        }
    }
}
