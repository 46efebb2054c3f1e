package org.normgraph.app.present;

import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.normgraph.app.Messages;
import org.normgraph.app.model.Mode;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.theme.TextSize;
import org.normgraph.app.theme.Theme;
import org.normgraph.app.theme.ThemeController;

/**
 * The toolbar's lecture controls — Present (F5), the Predict toggle (Ctrl+Shift+P) and the
 * View menu (theme, text size) — and their keyboard shortcuts: Ctrl+Shift+T the next theme,
 * Ctrl+Alt+plus/minus the text size.
 */
public final class LectureToolbar {

    private LectureToolbar() {
    }

    /** The toolbar items, in the current language. */
    public static List<Node> items(SessionModel model, PresentationMode presentation, ThemeController themes) {
        Button present = new Button(Messages.get("app.present.glyph"));
        present.setId("toolbar-present");
        present.setTooltip(new Tooltip(Messages.get("app.present.tip")));
        present.setAccessibleText(Messages.get("app.present"));
        present.setOnAction(e -> presentation.enter());
        return List.of(present, predictToggle(model), viewMenu(themes, presentation));
    }

    private static ToggleButton predictToggle(SessionModel model) {
        ToggleButton t = new ToggleButton(Messages.get("app.predict"));
        t.setId("toolbar-predict");
        t.setTooltip(new Tooltip(Messages.get("app.predict.tip")));
        t.setSelected(model.getMode() == Mode.PREDICT);
        t.setOnAction(e -> model.setMode(t.isSelected() ? Mode.PREDICT : Mode.EXPLORE));
        // weak, so a toolbar rebuilt in another language does not keep the old toggle alive
        ChangeListener<Mode> follow = (o, a, m) -> t.setSelected(m == Mode.PREDICT);
        t.getProperties().put(LectureToolbar.class, follow);
        model.modeProperty().addListener(new WeakChangeListener<>(follow));
        return t;
    }

    private static MenuButton viewMenu(ThemeController themes, PresentationMode presentation) {
        MenuButton view = new MenuButton(Messages.get("app.view"));
        view.setId("toolbar-view");
        view.setTooltip(new Tooltip(Messages.get("app.view.tip")));
        Menu theme = new Menu(Messages.get("app.view.theme"));
        theme.setId("menu-theme");
        ToggleGroup themeGroup = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(Messages.get(t.messageKey()));
            item.setId("menu-theme-" + t.id());
            item.setToggleGroup(themeGroup);
            item.setOnAction(e -> themes.setTheme(t));
            theme.getItems().add(item);
        }
        Menu size = new Menu(Messages.get("app.view.textsize"));
        size.setId("menu-textsize");
        ToggleGroup sizeGroup = new ToggleGroup();
        for (TextSize s : TextSize.values()) {
            RadioMenuItem item = new RadioMenuItem(Messages.get("app.view.textsize.value", s.percent()));
            item.setId("menu-textsize-" + s.percent());
            item.setToggleGroup(sizeGroup);
            item.setOnAction(e -> themes.setTextSize(s));
            size.getItems().add(item);
        }
        MenuItem present = new MenuItem(Messages.get("app.present"));
        present.setId("menu-present");
        present.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        present.setOnAction(e -> presentation.enter());
        view.getItems().addAll(theme, size, new SeparatorMenuItem(), present);
        view.setOnShowing(e -> {
            theme.getItems().forEach(i -> ((RadioMenuItem) i).setSelected(
                    i.getId().equals("menu-theme-" + themes.getTheme().id())));
            size.getItems().forEach(i -> ((RadioMenuItem) i).setSelected(
                    i.getId().equals("menu-textsize-" + themes.getTextSize().percent())));
        });
        return view;
    }

    /**
     * Ctrl+Shift+P predict, Ctrl+Shift+T next theme, Ctrl+Alt+plus/minus text size (not
     * Ctrl+Shift+plus: where + is Shift+=, as on US keyboards, that is what Ctrl + plus types,
     * the graph's zoom).
     */
    public static void installKeys(Scene scene, SessionModel model, ThemeController themes) {
        var acc = scene.getAccelerators();
        acc.put(shortcutShift(KeyCode.P),
                () -> model.setMode(model.getMode() == Mode.PREDICT ? Mode.EXPLORE : Mode.PREDICT));
        acc.put(shortcutShift(KeyCode.T), () -> {
            Theme[] all = Theme.values();
            themes.setTheme(all[(themes.getTheme().ordinal() + 1) % all.length]);
        });
        java.util.function.UnaryOperator<Runnable> withoutItsCharacter = typedCharacterDropped(scene);
        Runnable larger = withoutItsCharacter.apply(() -> themes.setTextSize(themes.getTextSize().larger()));
        Runnable smaller = withoutItsCharacter.apply(() -> themes.setTextSize(themes.getTextSize().smaller()));
        for (KeyCode up : new KeyCode[] {KeyCode.EQUALS, KeyCode.PLUS, KeyCode.ADD}) {
            // plus is Shift+= on many keyboards: with or without Shift, as the graph's zoom keys
            acc.put(new KeyCodeCombination(up, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN,
                    KeyCombination.SHIFT_ANY), larger);
        }
        for (KeyCode down : new KeyCode[] {KeyCode.MINUS, KeyCode.SUBTRACT}) {
            acc.put(shortcutAlt(down), smaller);
        }
    }

    /**
     * Wraps an accelerator's action so that the character its key types is dropped: text
     * fields take Ctrl+Alt as AltGr and would insert the + or − of Ctrl+Alt+plus into the
     * number being edited. One pair of filters on {@code scene} serves every wrapped action.
     */
    private static java.util.function.UnaryOperator<Runnable> typedCharacterDropped(Scene scene) {
        boolean[] swallowNext = {false};
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> swallowNext[0] = false); // before the accelerator
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowNext[0]) {
                swallowNext[0] = false;
                e.consume();
            }
        });
        return action -> () -> {
            swallowNext[0] = true;
            action.run();
        };
    }

    private static KeyCombination shortcutShift(KeyCode k) {
        return new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    private static KeyCombination shortcutAlt(KeyCode k) {
        return new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN);
    }
}
