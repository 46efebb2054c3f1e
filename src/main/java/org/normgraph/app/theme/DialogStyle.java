package org.normgraph.app.theme;

import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** Dialogs look like the window they belong to. */
public final class DialogStyle {

    private DialogStyle() {
    }

    /**
     * Makes {@code owner} the dialog's owner and gives the dialog the window's stylesheets:
     * its theme (every rule starts at .root), text size and script font. Nothing happens
     * without an owner.
     */
    public static void follow(Dialog<?> d, Window owner) {
        if (owner == null) {
            return;
        }
        d.initOwner(owner);
        Scene scene = owner.getScene();
        if (scene != null) {
            d.getDialogPane().getStylesheets().setAll(scene.getStylesheets());
        }
    }
}
