package org.normgraph.app.help;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Window;
import org.normgraph.app.Messages;
import org.normgraph.app.theme.DialogStyle;
import org.normgraph.io.BuildVersion;

/** The Help menu: Keyboard shortcuts (F1) and About normgraph. */
public final class HelpMenu {

    private HelpMenu() {
    }

    /** @param owner the main window's stage, whose theme the dialogs take */
    public static Menu build(Supplier<Window> owner) {
        Menu help = new Menu(Messages.get("help.menu"));
        help.setId("menu-help");
        MenuItem keys = new MenuItem(Messages.get("help.shortcuts"));
        keys.setId("menu-shortcuts");
        keys.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        keys.setOnAction(e -> showShortcuts(owner.get()));
        MenuItem about = new MenuItem(Messages.get("help.about"));
        about.setId("menu-about");
        about.setOnAction(e -> showAbout(owner.get()));
        help.getItems().addAll(keys, about);
        return help;
    }

    /** The shortcut sheet in a dialog that closes with Esc or Enter. */
    public static Dialog<ButtonType> showShortcuts(Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(Messages.get("help.shortcuts.title"));
        d.getDialogPane().setContent(ShortcutSheet.view());
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.getDialogPane().setId("shortcuts-dialog");
        DialogStyle.follow(d, owner);
        d.show();
        return d;
    }

    private static void showAbout(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, Messages.get("help.about.text", BuildVersion.get()),
                ButtonType.OK);
        a.setTitle(Messages.get("help.about"));
        a.setHeaderText("normgraph " + BuildVersion.get());
        DialogStyle.follow(a, owner);
        a.show();
    }
}
