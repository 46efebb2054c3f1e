package org.normgraph.app.present;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where presenting puts its two views, as slide-show programs do: with a second screen (a
 * projector next to a laptop), the audience's full-screen view on the second screen and the
 * presenter view on the main one; with one screen (or mirrored screens), the audience view
 * only, where the window is, since whatever is shown there is projected.
 *
 * @param audience  the screen for the full-screen view the audience sees
 * @param presenter the screen for the presenter view, or null: none opens by itself
 * @param moves     whether the audience view leaves the window's own screen for another
 */
record ScreenPlan(Rectangle2D audience, Rectangle2D presenter, boolean moves) {

    /**
     * @param screens the screens' bounds
     * @param primary the main screen's bounds
     * @param window  the window's bounds before presenting
     */
    static ScreenPlan of(List<Rectangle2D> screens, Rectangle2D primary, Rectangle2D window) {
        Rectangle2D own = screenOf(screens, primary, window);
        if (screens.size() < 2) {
            return new ScreenPlan(own, null, false);
        }
        // the window already on a second screen stays there; from the main one it moves
        Rectangle2D audience = own.equals(primary)
                ? screens.stream().filter(s -> !s.equals(primary)).findFirst().orElse(own)
                : own;
        return new ScreenPlan(audience, primary, !audience.equals(own));
    }

    /** The screen holding the window's centre; the main one if none does (a window off screen). */
    static Rectangle2D screenOf(List<Rectangle2D> screens, Rectangle2D primary, Rectangle2D window) {
        double x = window.getMinX() + window.getWidth() / 2;
        double y = window.getMinY() + window.getHeight() / 2;
        return screens.stream().filter(s -> s.contains(x, y)).findFirst().orElse(primary);
    }
}
