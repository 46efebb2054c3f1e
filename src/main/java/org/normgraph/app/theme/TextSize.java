package org.normgraph.app.theme;

import java.util.Optional;

/**
 * The text size of the whole window, as a percentage of the normal 13 px: every font of the
 * app is given in em (the theme's base stylesheet turns the graph's and the bottom area's
 * pixel sizes into em), so this one size scales menus, panes, the graph's labels and tooltips.
 */
public enum TextSize {
    NORMAL(100),
    LARGE(125),
    LARGER(150),
    HUGE(200);

    /** The font size of the window at 100 %. */
    public static final double BASE_PX = 13;

    private final int percent;

    TextSize(int percent) {
        this.percent = percent;
    }

    public int percent() {
        return percent;
    }

    /** The root font size in pixels. */
    public double px() {
        return BASE_PX * percent / 100.0;
    }

    /** The stylesheet that sets the root font size, or null at 100 % (normgraph.css's own size). */
    public String stylesheet() {
        return this == NORMAL ? null
                : TextSize.class.getResource("/org/normgraph/app/theme/text-" + percent + ".css").toExternalForm();
    }

    /** The next size up, or this one at the largest. */
    public TextSize larger() {
        return this == HUGE ? this : values()[ordinal() + 1];
    }

    /** The next size down, or this one at the smallest. */
    public TextSize smaller() {
        return this == NORMAL ? this : values()[ordinal() - 1];
    }

    public static Optional<TextSize> ofPercent(String percent) {
        for (TextSize t : values()) {
            if (Integer.toString(t.percent).equals(percent)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
