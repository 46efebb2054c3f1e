package org.normgraph.app;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;

/**
 * A toolbar item that closes the overflow menu it sits in once used. JavaFX's toolbar moves
 * the items that do not fit (at 150 % text on a 1366-pixel screen: Present, Predict, View)
 * into that menu, where a pressed button left it open over the window: the button takes the
 * click that would close the menu.
 */
final class OverflowMenuClosing {

    private OverflowMenuClosing() {
    }

    static void install(Node item) {
        if (item instanceof MenuButton m) { // its own menu: once an item of it is chosen
            m.showingProperty().addListener((o, was, showing) -> closeMenuOf(m, showing));
        } else if (item instanceof ButtonBase b) {
            b.addEventHandler(ActionEvent.ACTION, e -> closeMenuOf(b, false));
        } else if (item instanceof ComboBoxBase<?> c) {
            c.showingProperty().addListener((o, was, showing) -> closeMenuOf(c, showing));
        }
    }

    private static void closeMenuOf(Node item, boolean stillInUse) {
        if (!stillInUse && item.getScene() != null && item.getScene().getWindow() instanceof ContextMenu menu) {
            menu.hide();
        }
    }
}
