package org.normgraph.app.theme;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.ComboBoxListViewSkin;

/**
 * Puts the chosen {@link Theme} and {@link TextSize} on a scene: the scene's stylesheets
 * get, after the app's own, the always-present {@value #BASE_FILE} (focus rings, font sizes
 * in em), the theme's stylesheet and the text size's. The root gets the style class
 * {@code theme-<id>} of the theme in effect. A {@linkplain #fontFamilyProperty() font family}
 * for the language's script comes last.
 *
 * <p>A temporary {@linkplain #overrideProperty() override} (presentation mode's high
 * contrast) wins over the chosen theme without changing or storing the choice. Choices are
 * stored in the {@link ViewSetting} given, if any.
 */
public final class ThemeController {

    static final String BASE_FILE = "base.css";
    /** Focus rings and em font sizes; on every scene of the app whatever the theme. */
    public static final String BASE = ThemeController.class.getResource("/org/normgraph/app/theme/" + BASE_FILE)
            .toExternalForm();

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ObjectProperty<TextSize> textSize = new SimpleObjectProperty<>(this, "textSize", TextSize.NORMAL);
    private final ObjectProperty<Theme> override = new SimpleObjectProperty<>(this, "override");
    private final ReadOnlyObjectWrapper<Theme> effective = new ReadOnlyObjectWrapper<>(this, "effective", Theme.LIGHT);
    private final ObjectProperty<String> fontFamily = new SimpleObjectProperty<>(this, "fontFamily");
    private String fontSheet;
    private final List<Scene> scenes = new ArrayList<>();

    /** @param setting where choices are remembered and read from at start, or null for nowhere */
    public ThemeController(ViewSetting setting) {
        if (setting != null) {
            theme.set(setting.theme());
            textSize.set(setting.textSize());
            theme.addListener((o, a, t) -> setting.storeTheme(t));
            textSize.addListener((o, a, t) -> setting.storeTextSize(t));
        }
        theme.addListener((o, a, b) -> apply());
        textSize.addListener((o, a, b) -> apply());
        override.addListener((o, a, b) -> apply());
        fontFamily.addListener((o, a, b) -> apply());
        effective.set(effectiveTheme());
    }

    /** The chosen theme (never null). */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme getTheme() {
        return theme.get();
    }

    public void setTheme(Theme t) {
        theme.set(t == null ? Theme.LIGHT : t);
    }

    public ObjectProperty<TextSize> textSizeProperty() {
        return textSize;
    }

    public TextSize getTextSize() {
        return textSize.get();
    }

    public void setTextSize(TextSize s) {
        textSize.set(s == null ? TextSize.NORMAL : s);
    }

    /**
     * The window's font family, or null for JavaFX's default; set from the language
     * ({@link ScriptFont}). Not stored.
     */
    public ObjectProperty<String> fontFamilyProperty() {
        return fontFamily;
    }

    /** A theme that applies for a while instead of the chosen one (null: none). Not stored. */
    public ObjectProperty<Theme> overrideProperty() {
        return override;
    }

    /** The theme shown now: the override if set, else the choice. */
    public ReadOnlyObjectProperty<Theme> effectiveProperty() {
        return effective.getReadOnlyProperty();
    }

    public Theme getEffective() {
        return effective.get();
    }

    /** Styles {@code scene} from now on (and at once). */
    public void attach(Scene scene) {
        if (!scenes.contains(scene)) {
            scenes.add(scene);
        }
        apply();
    }

    private Theme effectiveTheme() {
        return override.get() != null ? override.get() : theme.get();
    }

    private void apply() {
        Theme t = effectiveTheme();
        effective.set(t);
        String oldFontSheet = fontSheet;
        fontSheet = fontFamily.get() == null ? null : ScriptFont.stylesheet(fontFamily.get());
        for (Scene scene : scenes) {
            List<String> sheets = scene.getStylesheets();
            sheets.remove(BASE);
            for (Theme any : Theme.values()) {
                sheets.remove(any.stylesheet());
            }
            for (TextSize any : TextSize.values()) {
                sheets.remove(any.stylesheet());
            }
            if (oldFontSheet != null) {
                sheets.remove(oldFontSheet);
            }
            // after the app's own sheets, before any added later (presentation.css)
            int at = 0;
            while (at < sheets.size() && !sheets.get(at).contains("/present/")) {
                at++;
            }
            List<String> ours = new ArrayList<>();
            ours.add(BASE);
            if (t.stylesheet() != null) {
                ours.add(t.stylesheet());
            }
            if (textSize.get().stylesheet() != null) {
                ours.add(textSize.get().stylesheet());
            }
            if (fontSheet != null) {
                ours.add(fontSheet);
            }
            sheets.addAll(at, ours);
            if (scene.getRoot() != null) {
                var classes = scene.getRoot().getStyleClass();
                for (Theme any : Theme.values()) {
                    classes.remove("theme-" + any.id());
                }
                classes.add("theme-" + t.id());
                measureCombosAgain(scene.getRoot());
            }
        }
    }

    /**
     * A combo box never gets narrower: JavaFX sizes its list at least as wide as the box is,
     * and the box as wide as its list. After 150 % and back to 100 % the language and speed
     * boxes stayed wide. Shrunk to nothing, the box is measured again from its items, in the
     * new font, at the next layout.
     */
    private static void measureCombosAgain(Parent root) {
        for (Node n : root.lookupAll(".combo-box")) {
            if (n instanceof ComboBox<?> box && box.getSkin() instanceof ComboBoxListViewSkin<?> skin
                    && skin.getPopupContent() instanceof ListView<?> list) {
                box.resize(0, box.getHeight());
                list.refresh();
                list.requestLayout();
                box.requestLayout();
            }
        }
    }
}
