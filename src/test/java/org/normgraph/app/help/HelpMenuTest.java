package org.normgraph.app.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.InMemoryPreferences;
import org.normgraph.app.MainWindow;
import org.normgraph.app.files.FileSession;
import org.normgraph.app.files.RecentFiles;
import org.normgraph.app.model.SessionModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Help menu in the whole window (headless): F1 opens the shortcut sheet, which lists every accelerator. */
@ExtendWith(ApplicationExtension.class)
class HelpMenuTest {

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(SessionModel.example());
        new FileSession(window, null, new RecentFiles(new InMemoryPreferences()), null).install();
        window.show(stage, 1240, 780);
    }

    @Test
    void f1_opens_the_shortcut_sheet_and_esc_closes_it(FxRobot robot) {
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Node sheet = robot.lookup("#shortcut-sheet").query();
        List<String> texts = new ArrayList<>();
        robot.lookup(".shortcut-action").queryAllAs(Label.class).forEach(l -> texts.add(l.getText()));
        int rows = ShortcutSheet.GROUPS.stream().mapToInt(g -> g.rows().size()).sum();
        assertEquals(rows + ShortcutSheet.MOUSE.size(), texts.size());
        assertTrue(texts.contains("Presentation mode (full screen)"), texts.toString());
        assertTrue(texts.stream().noneMatch(t -> t.startsWith("help.")), "every text from the bundle: " + texts);
        Window dialog = sheet.getScene().getWindow();
        assertTrue(dialog.isShowing());
        assertEquals(stage.getScene().getStylesheets(), sheet.getScene().getStylesheets(), "the window's theme");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialog.isShowing());
        assertEquals(0, window.model().getPosition(), "Esc closed the sheet and did nothing else");
    }

    /** The menu bar leaves the scene while presenting and took its shortcuts along: F1 and Ctrl+Q did nothing. */
    @Test
    void the_menus_shortcuts_work_while_presenting_and_are_the_menu_bars_own_again_after(FxRobot robot) {
        var before = java.util.Map.copyOf(stage.getScene().getAccelerators());
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.presentation().isPresenting());
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = robot.lookup("#shortcut-sheet").query().getScene().getWindow();
        assertTrue(dialog.isShowing(), "F1 while presenting");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialog.isShowing());
        assertTrue(window.presentation().isPresenting(), "Esc closed the sheet only");

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.presentation().isPresenting());
        assertEquals(before.keySet(), stage.getScene().getAccelerators().keySet(), "the same shortcuts as before");
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Window again = robot.lookup("#shortcut-sheet").query().getScene().getWindow();
        assertTrue(again.isShowing(), "F1 after presenting: the menu bar's own");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    /** At 150 % in Japanese the sheet was 1 117 px tall on a 1 000 px screen, its top and Close button off it. */
    @Test
    void at_200_percent_the_sheet_fits_the_screen_and_scrolls(FxRobot robot) {
        robot.interact(() -> window.themes().setTextSize(org.normgraph.app.theme.TextSize.HUGE));
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = robot.lookup("#shortcut-sheet").query().getScene().getWindow();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        try {
            assertTrue(dialog.getY() >= screen.getMinY() && dialog.getY() + dialog.getHeight() <= screen.getMaxY() + 0.5,
                    dialog.getY() + " + " + dialog.getHeight() + " on " + screen);
            javafx.scene.control.ScrollPane scroll = robot.lookup("#shortcuts-dialog .scroll-pane")
                    .queryAs(javafx.scene.control.ScrollPane.class);
            assertTrue(scroll.getContent().getLayoutBounds().getHeight() > scroll.getViewportBounds().getHeight(),
                    "the sheet scrolls");
            var pane = (javafx.scene.control.DialogPane) robot.lookup("#shortcuts-dialog").query();
            Node close = pane.lookupButton(pane.getButtonTypes().get(0));
            assertEquals("Close", ((javafx.scene.control.Button) close).getText());
            javafx.geometry.Bounds b = close.localToScreen(close.getBoundsInLocal());
            assertTrue(b.getMaxY() <= screen.getMaxY() + 0.5, "Close on the screen: " + b);
            for (Node key : robot.lookup(".shortcut-keys").queryAll()) {
                javafx.scene.control.Label l = (javafx.scene.control.Label) key;
                assertTrue(l.getWidth() >= l.prefWidth(-1) - 0.5, "key text cut: " + l.getText());
            }
        } finally {
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            robot.interact(() -> window.themes().setTextSize(org.normgraph.app.theme.TextSize.NORMAL));
        }
    }

    @Test
    void key_names_are_written_in_the_windows_language() {
        assertEquals("Ctrl + Alt + plus", ShortcutSheet.keysShown("Ctrl + Alt + plus"));
        org.normgraph.app.Messages.setLanguage(org.normgraph.app.Language.SIMPLIFIED_CHINESE);
        try {
            assertEquals("Ctrl + Alt + 加号", ShortcutSheet.keysShown("Ctrl + Alt + plus"));
            assertEquals("Ctrl + 减号", ShortcutSheet.keysShown("Ctrl + minus"));
            assertEquals("Ctrl + Shift + P", ShortcutSheet.keysShown("Ctrl + Shift + P"));
        } finally {
            org.normgraph.app.Messages.setLanguage(org.normgraph.app.Language.ENGLISH);
        }
    }

    @Test
    void every_accelerator_of_the_window_is_on_the_sheet() {
        String sheet = sheetKeys();
        Set<String> missing = new TreeSet<>();
        for (KeyCombination k : stage.getScene().getAccelerators().keySet()) {
            String name = name(k);
            if (!sheet.contains(name)) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), "shortcuts the Help sheet does not list: " + missing);
        assertTrue(stage.getScene().getAccelerators().size() >= 15, "the menus' and the window's keys are installed");
    }

    @Test
    void a_shortcut_missing_from_the_sheet_would_be_found() {
        assertFalse(sheetKeys().contains(name(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN))));
        assertTrue(sheetKeys().contains(name(new KeyCodeCombination(KeyCode.ADD,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN))));
    }

    /** Every key text of the sheet, without spaces: "Ctrl+Alt+plus|Ctrl+Alt+minus|F5|...". */
    private static String sheetKeys() {
        StringBuilder all = new StringBuilder();
        ShortcutSheet.GROUPS.forEach(g -> g.rows().forEach(r -> all.append(r.keys().replace(" ", "")).append('|')));
        return all.toString();
    }

    /** A key combination as the sheet writes it (Ctrl+Alt+plus); both plus keys and the keypad's are "plus". */
    private static String name(KeyCombination k) {
        KeyCodeCombination c = (KeyCodeCombination) k;
        StringBuilder s = new StringBuilder();
        if (c.getShortcut() == KeyCombination.ModifierValue.DOWN || c.getControl() == KeyCombination.ModifierValue.DOWN) {
            s.append("Ctrl+");
        }
        if (c.getAlt() == KeyCombination.ModifierValue.DOWN) {
            s.append("Alt+");
        }
        if (c.getShift() == KeyCombination.ModifierValue.DOWN) {
            s.append("Shift+");
        }
        s.append(switch (c.getCode()) {
            case EQUALS, PLUS, ADD -> "plus";
            case MINUS, SUBTRACT, UNDERSCORE -> "minus";
            case DIGIT0 -> "0";
            case DIGIT1 -> "1";
            default -> c.getCode().getName();
        });
        return s.toString();
    }
}
