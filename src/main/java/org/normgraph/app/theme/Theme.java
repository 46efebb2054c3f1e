package org.normgraph.app.theme;

import java.util.Optional;

/**
 * The look of the window: light (the default), dark, or high contrast (also used while
 * presenting). Each theme is one stylesheet over JavaFX's Modena that sets Modena's colour
 * variables and overrides the app's own colours; it is a scene stylesheet, so menus and
 * tooltips (whose scenes copy their owner's stylesheets) follow it too.
 */
public enum Theme {
    LIGHT("light", null),
    DARK("dark", "dark.css"),
    HIGH_CONTRAST("contrast", "contrast.css");

    private final String id;
    private final String file;

    Theme(String id, String file) {
        this.id = id;
        this.file = file;
    }

    /** The name stored in preferences: {@code light}, {@code dark}, {@code contrast}. */
    public String id() {
        return id;
    }

    /** Message key of the theme's name, e.g. {@code theme.dark}. */
    public String messageKey() {
        return "theme." + id;
    }

    /** The stylesheet URL, or null for the light theme (the app's own stylesheets are light). */
    public String stylesheet() {
        return file == null ? null : Theme.class.getResource("/org/normgraph/app/theme/" + file).toExternalForm();
    }

    /** Whether text is light on a dark background. */
    public boolean isDark() {
        return this != LIGHT;
    }

    public static Optional<Theme> ofId(String id) {
        for (Theme t : values()) {
            if (t.id.equals(id)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
