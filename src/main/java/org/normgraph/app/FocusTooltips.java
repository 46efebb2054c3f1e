package org.normgraph.app;

import javafx.animation.PauseTransition;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * Shows a control's tooltip when the keyboard brings the focus to it (Tab), as the mouse does
 * when it rests on it: without this a learner who works by keyboard never reads what a button or
 * field does. The tooltip appears below the control after a short wait, and goes when the focus
 * moves on or after the tooltip's own show duration. Focus set by a click shows nothing more:
 * the mouse's own tooltip covers that.
 */
public final class FocusTooltips {

    private static final Object BESIDE = new Object();

    /** About JavaFX's hover delay, so that Tab held down does not flash every tooltip on its way. */
    private static final Duration WAIT = Duration.millis(600);

    private final PauseTransition wait = new PauseTransition(WAIT);
    private final PauseTransition linger = new PauseTransition();
    private Tooltip shown;

    private FocusTooltips() {
        linger.setOnFinished(e -> hide());
    }

    /**
     * Shows {@code control}'s tooltip at its right, level with it, when Tab brings the focus:
     * below Predict's answer field it covered the step's sentence while the learner typed, and
     * above it would cover the question.
     */
    public static void placeBeside(Control control) {
        control.getProperties().put(BESIDE, Boolean.TRUE);
    }

    static void install(Scene scene) {
        FocusTooltips tips = new FocusTooltips();
        scene.focusOwnerProperty().addListener((o, before, now) -> tips.focusMoved(now));
    }

    private void focusMoved(Node owner) {
        wait.stop();
        hide();
        Control control = controlOf(owner);
        if (control == null) {
            return;
        }
        // whether the focus came by keyboard is known only once it has arrived, so ask then
        wait.setOnFinished(e -> {
            if (owner.isFocused() && owner.isFocusVisible()) {
                show(control);
            }
        });
        wait.playFromStart();
    }

    /** The control the focus owner is or belongs to (a spinner's text field), if it has a tooltip. */
    private static Control controlOf(Node owner) {
        Node n = owner;
        for (int level = 0; n != null && level < 3; level++, n = n.getParent()) {
            if (n instanceof Control c) {
                return c.getTooltip() == null || c.getTooltip().getText() == null
                        || c.getTooltip().getText().isBlank() ? null : c;
            }
        }
        return null;
    }

    private void show(Control control) {
        Tooltip tip = control.getTooltip();
        Bounds b = control.localToScreen(control.getBoundsInLocal());
        if (tip == null || tip.isShowing() || b == null) {
            return; // the mouse already shows it, or the control left the window
        }
        if (control.getProperties().containsKey(BESIDE)) {
            tip.show(control, b.getMaxX() + 4, b.getMinY());
        } else {
            tip.show(control, b.getMinX(), b.getMaxY() + 2);
        }
        shown = tip;
        linger.setDuration(tip.getShowDuration());
        linger.playFromStart();
    }

    private void hide() {
        linger.stop();
        if (shown != null) {
            shown.hide();
            shown = null;
        }
    }
}
