package org.normgraph.app.theme;

import java.util.Objects;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The remembered theme, text size and whether the graph follows the steps: keys
 * {@value #THEME_KEY}, {@value #TEXT_SIZE_KEY} and {@value #FOLLOW_STEP_KEY} in a
 * {@link Preferences} node (for the app the user node {@code /org/normgraph}, next to the
 * language). Tests give an in-memory node. A missing or unknown stored value reads as the
 * default (light, 100 %, not following); a store that cannot be written is reported and ignored.
 */
public final class ViewSetting {

    public static final String THEME_KEY = "theme";
    public static final String TEXT_SIZE_KEY = "textSize";
    public static final String FOLLOW_STEP_KEY = "followStep";

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

    private void write(String key, String value) {
        try {
            node.put(key, value);
            node.flush();
        } catch (BackingStoreException | IllegalStateException | SecurityException e) {
            System.err.println("normgraph: could not remember the " + key + ": " + e.getMessage());
        }
    }
}
