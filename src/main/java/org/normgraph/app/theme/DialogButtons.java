package org.normgraph.app.theme;

import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import org.normgraph.app.Messages;

/**
 * OK and Close in the window's language. JavaFX's own {@link ButtonType#OK} and
 * {@link ButtonType#CLOSE} follow the JVM's locale instead, so a Japanese window on an
 * English system said "Close". Made per dialog: the language can change between dialogs.
 */
public final class DialogButtons {

    private DialogButtons() {
    }

    public static ButtonType ok() {
        return new ButtonType(Messages.get("dialog.ok"), ButtonData.OK_DONE);
    }

    public static ButtonType close() {
        return new ButtonType(Messages.get("dialog.close"), ButtonData.CANCEL_CLOSE);
    }
}
