package org.normgraph.app.timeline;

import javafx.scene.input.KeyCode;
import org.normgraph.app.model.SessionModel;

/**
 * The keys that step through the walk, as a presenter's clicker sends them: → and PageDown on,
 * ← and PageUp back, Home to the start, End to the last step. The window, presentation mode
 * and the presenter view all step with these.
 */
public final class StepKeys {

    private StepKeys() {
    }

    /** Whether {@code k} is one of these keys. */
    public static boolean isStepKey(KeyCode k) {
        return switch (k) {
            case RIGHT, PAGE_DOWN, KP_RIGHT, LEFT, PAGE_UP, KP_LEFT, HOME, END -> true;
            default -> false;
        };
    }

    /** Steps {@code model} for key {@code k}; false (nothing done) for any other key. */
    public static boolean step(KeyCode k, SessionModel model) {
        switch (k) {
            case RIGHT, PAGE_DOWN, KP_RIGHT -> model.next();
            case LEFT, PAGE_UP, KP_LEFT -> model.previous();
            case HOME -> model.first();
            case END -> model.last();
            default -> {
                return false;
            }
        }
        return true;
    }
}
