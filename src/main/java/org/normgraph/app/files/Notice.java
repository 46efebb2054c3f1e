package org.normgraph.app.files;

import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * A short message that needs no answer ("Exported to …"), in the bottom right corner of the
 * window for a few seconds: an export used to end without a sign that the file was written.
 * It takes neither focus nor keys, so stepping goes on; a click on it closes it.
 */
final class Notice {

    /** How long a notice stays. */
    static final Duration SHOWN = Duration.seconds(6);
    /** Room between the notice and the window's corner, in pixels. */
    private static final double INSET = 24;

    private Notice() {
    }

    /** Shows {@code text} over {@code owner} (nothing without a shown owner); returns the popup. */
    static Popup show(Window owner, String text) {
        Popup popup = new Popup();
        if (owner == null || !owner.isShowing()) {
            return popup;
        }
        Label label = new Label(text);
        label.setId("notice");
        label.getStyleClass().add("notice");
        label.setWrapText(true);
        label.setMaxWidth(Math.max(240, owner.getWidth() / 2));
        label.setOnMouseClicked(e -> popup.hide());
        popup.getContent().add(label);
        // the window's theme, text size and script font (every theme rule starts at .root)
        popup.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        popup.setAutoFix(true);
        popup.show(owner);
        popup.setX(owner.getX() + owner.getWidth() - popup.getWidth() - INSET);
        popup.setY(owner.getY() + owner.getHeight() - popup.getHeight() - INSET);
        PauseTransition stay = new PauseTransition(SHOWN);
        stay.setOnFinished(e -> popup.hide());
        stay.play();
        return popup;
    }
}
