package org.normgraph.app.inspector;

import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;

/**
 * Writes the texts of a freshly built part of the inspector into the part already shown,
 * when both have the same shape. A new part would need a CSS pass, skins and a layout of
 * its own; the shown one only re-measures the labels whose text changed.
 */
final class SameShape {

    private SameShape() {
    }

    /**
     * Copies every label's text from {@code built} into {@code shown} if the two trees have
     * the same node classes, ids, style classes and children; otherwise changes nothing.
     *
     * @return whether the texts were copied
     */
    static boolean copyTexts(Node built, Node shown) {
        if (!same(built, shown)) {
            return false;
        }
        copy(built, shown);
        return true;
    }

    private static boolean same(Node a, Node b) {
        if (a.getClass() != b.getClass() || !Objects.equals(a.getId(), b.getId())
                || !a.getStyleClass().equals(b.getStyleClass())) {
            return false;
        }
        List<Node> ka = children(a);
        List<Node> kb = children(b);
        if (ka.size() != kb.size()) {
            return false;
        }
        for (int i = 0; i < ka.size(); i++) {
            if (!same(ka.get(i), kb.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static void copy(Node from, Node to) {
        if (from instanceof Labeled f && to instanceof Labeled t && !f.getText().equals(t.getText())) {
            t.setText(f.getText());
        }
        List<Node> kf = children(from);
        List<Node> kt = children(to);
        for (int i = 0; i < kf.size(); i++) {
            copy(kf.get(i), kt.get(i));
        }
    }

    /** Children as built: a label's skin parts are not part of its shape. */
    private static List<Node> children(Node n) {
        return n instanceof Parent p && !(n instanceof Labeled) ? p.getChildrenUnmodifiable() : List.of();
    }
}
