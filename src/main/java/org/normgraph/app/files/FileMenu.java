package org.normgraph.app.files;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.normgraph.app.Messages;
import org.normgraph.app.help.HelpMenu;

/**
 * The menu bar: the File menu (Alt+F) with New, Open…, Open Recent ▸, Examples ▸, Save,
 * Save As…, Export ▸, Quit; and the Help menu ({@link HelpMenu}). Every item has an id ({@code menu-…}) and its text from the
 * messages bundle; the shortcuts are the usual ones (Ctrl+N, Ctrl+O, Ctrl+S, Ctrl+Shift+S,
 * Ctrl+Q).
 */
final class FileMenu {

    private final FileSession files;

    FileMenu(FileSession files) {
        this.files = files;
    }

    MenuBar build() {
        Menu file = new Menu(Messages.get("files.menu"));
        file.setId("menu-file");
        file.setMnemonicParsing(true);
        Menu recent = new Menu(Messages.get("files.recent"));
        recent.setId("menu-recent");
        // filled when the File menu opens, so that it is always the current list
        file.setOnShowing(e -> fillRecent(recent));
        fillRecent(recent);
        Menu examples = new Menu(Messages.get("files.examples"));
        examples.setId("menu-examples");
        for (String id : ExampleSessions.IDS) {
            examples.getItems().add(item("menu-example-" + id, Messages.get("files.example." + id), null,
                    () -> files.openExample(id)));
        }
        Menu export = new Menu(Messages.get("files.export"));
        export.setId("menu-export");
        Exports x = files.exports();
        export.getItems().addAll(
                item("menu-export-png", Messages.get("files.export.png"),
                        new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), x::viewPng),
                item("menu-export-steps", Messages.get("files.export.steps"), null, x::stepsPng),
                item("menu-export-json", Messages.get("files.export.json"), null, x::traceJson),
                item("menu-export-csv", Messages.get("files.export.csv"), null, x::traceCsv),
                item("menu-export-latex", Messages.get("files.export.latex"), null, x::stepLatex));
        file.getItems().addAll(
                item("menu-new", Messages.get("files.new"), shortcut(KeyCode.N), files::newSession),
                item("menu-open", Messages.get("files.open"), shortcut(KeyCode.O), files::open),
                recent,
                examples,
                new SeparatorMenuItem(),
                item("menu-save", Messages.get("files.save"), shortcut(KeyCode.S), files::save),
                item("menu-save-as", Messages.get("files.save-as"),
                        new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        files::saveAs),
                new SeparatorMenuItem(),
                export,
                new SeparatorMenuItem(),
                item("menu-quit", Messages.get("files.quit"), shortcut(KeyCode.Q), () -> {
                    if (files.close()) {
                        Platform.exit();
                    }
                }));
        MenuBar bar = new MenuBar(file, HelpMenu.build(this::stage));
        bar.setId("menu-bar");
        return bar;
    }

    private Window stage() {
        Scene scene = files.window().root().getScene();
        return scene == null ? null : scene.getWindow();
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        List<Path> paths = files.recentFiles().list();
        for (int i = 0; i < paths.size(); i++) {
            Path p = paths.get(i);
            MenuItem m = item("menu-recent-" + i, p.getFileName() + "  \u2014  " + p.getParent(), null,
                    () -> files.openRecent(p));
            m.setMnemonicParsing(false);
            recent.getItems().add(m);
        }
        if (paths.isEmpty()) {
            MenuItem none = new MenuItem(Messages.get("files.recent.none"));
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    private static KeyCombination shortcut(KeyCode k) {
        return new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN);
    }

    private static MenuItem item(String id, String text, KeyCombination accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        if (accelerator != null) {
            m.setAccelerator(accelerator);
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
