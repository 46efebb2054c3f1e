package org.normgraph.app.theme;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The remembered theme, text size, whether the graph follows the steps and the side panes'
 * widths: keys {@value #THEME_KEY}, {@value #TEXT_SIZE_KEY}, {@value #FOLLOW_STEP_KEY},
 * {@value #INPUTS_SHARE_KEY} and {@value #INSPECTOR_SHARE_KEY} in a
 * {@link Preferences} node (for the app the user node {@code /org/normgraph}, next to the
 * language). Tests give an in-memory node. A missing or unknown stored value reads as the
 * default (light, 100 %, not following, the panes' default widths); a store that cannot be
 * written is reported and ignored.
 */
public final class ViewSetting {

    public static final String THEME_KEY = "theme";
    public static final String TEXT_SIZE_KEY = "textSize";
    public static final String FOLLOW_STEP_KEY = "followStep";
    /** The inputs pane's width as a share of the window, as the user dragged it. */
    public static final String INPUTS_SHARE_KEY = "inputsShare";
    /** The inspector's width as a share of the window, as the user dragged it. */
    public static final String INSPECTOR_SHARE_KEY = "inspectorShare";

    private final Preferences node;

    public ViewSetting(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The setting in the user's preferences, node {@code /org/normgraph}. */
    public static ViewSetting user() {
        return new ViewSetting(Preferences.userRoot().node("/org/normgraph"));
    }

    public Theme theme() {
        return Theme.ofId(read(THEME_KEY)).orElse(Theme.LIGHT);
    }

    public TextSize textSize() {
        return TextSize.ofPercent(read(TEXT_SIZE_KEY)).orElse(TextSize.NORMAL);
    }

    public boolean followStep() {
        return "true".equals(read(FOLLOW_STEP_KEY));
    }

    /**
     * The pane's share of the window stored under {@code key}, or empty if none is (the
     * default width) or it is no number between 0 and 1.
     */
    public OptionalDouble paneShare(String key) {
        try {
            double share = Double.parseDouble(String.valueOf(read(key)));
            return share > 0 && share < 1 ? OptionalDouble.of(share) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** Stores a pane's share of the window; NaN: the default width (the key is removed). */
    public void storePaneShare(String key, double share) {
        if (Double.isNaN(share)) {
            remove(key);
        } else {
            write(key, Double.toString(share));
        }
    }

    public void storeTheme(Theme theme) {
        write(THEME_KEY, theme.id());
    }

    public void storeTextSize(TextSize size) {
        write(TEXT_SIZE_KEY, Integer.toString(size.percent()));
    }

    public void storeFollowStep(boolean follow) {
        write(FOLLOW_STEP_KEY, Boolean.toString(follow));
    }

    private String read(String key) {
        try {
            return node.get(key, null);
        } catch (IllegalStateException e) { // node removed
            return null;
        }
    }

    private void remove(String key) {
        try {
            node.remove(key);
            node.flush();
        } catch (BackingStoreException | IllegalStateException | SecurityException e) {
            System.err.println("normgraph: could not forget the " + key + ": " + e.getMessage());
        }
    }

    private void write(String key, String value) {
        try {
            node.put(key, value);
            node.flush();
        } catch (BackingStoreException | IllegalStateException | SecurityException e) {
            System.err.println("normgraph: could not remember the " + key + ": " + e.getMessage());
        }
    }
}
