package org.normgraph.app.theme;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The remembered theme, text size, whether the graph follows the steps and the side panes'
 * widths: keys {@value #THEME_KEY}, {@value #TEXT_SIZE_KEY}, {@value #FOLLOW_STEP_KEY},
 * {@value #INPUTS_WIDTH_KEY} and {@value #INSPECTOR_WIDTH_KEY} in a
 * {@link Preferences} node (for the app the user node {@code /org/normgraph}, next to the
 * language). Tests give an in-memory node. A missing or unknown stored value reads as the
 * default (light, 100 %, not following, the panes' default widths); a store that cannot be written is reported and ignored.
 */
public final class ViewSetting {

    public static final String THEME_KEY = "theme";
    public static final String TEXT_SIZE_KEY = "textSize";
    public static final String FOLLOW_STEP_KEY = "followStep";
    /** The inputs pane's width in em, as the user dragged it. */
    public static final String INPUTS_WIDTH_KEY = "inputsWidth";
    /** The inspector's width in em, as the user dragged it. */
    public static final String INSPECTOR_WIDTH_KEY = "inspectorWidth";

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

    /** The width in em stored under {@code key}, or empty if none is or it is not a positive number. */
    public OptionalDouble paneWidth(String key) {
        try {
            double em = Double.parseDouble(String.valueOf(read(key)));
            return Double.isFinite(em) && em > 0 ? OptionalDouble.of(em) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    public void storePaneWidth(String key, double em) {
        write(key, Double.toString(em));
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
