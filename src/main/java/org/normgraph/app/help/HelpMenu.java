package org.normgraph.app.help;

import java.util.function.Supplier;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.normgraph.app.Messages;
import org.normgraph.app.theme.DialogButtons;
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

    /**
     * The shortcut sheet in a dialog that closes with Esc or Enter. At large text sizes the sheet
     * is taller than the screen (1 117 px at 150 % in Japanese): then the dialog takes the
     * screen's height and the sheet scrolls.
     */
    public static Dialog<ButtonType> showShortcuts(Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(Messages.get("help.shortcuts.title"));
        ScrollPane scroll = new ScrollPane(ShortcutSheet.view());
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        d.getDialogPane().setContent(scroll);
        d.getDialogPane().getButtonTypes().add(DialogButtons.close());
        d.getDialogPane().setId("shortcuts-dialog");
        DialogStyle.follow(d, owner);
        d.show();
        fitOnScreen(d, owner);
        return d;
    }

    private static final double SCROLL_BAR_ROOM = 24;

    /** Shrinks {@code d} to the visible part of its owner's screen and moves it fully onto it. */
    static void fitOnScreen(Dialog<?> d, Window owner) {
        Rectangle2D screen = owner == null ? Screen.getPrimary().getVisualBounds()
                : Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                        Math.max(1, owner.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        if (d.getHeight() > screen.getHeight()) {
            d.setHeight(screen.getHeight());
            d.setWidth(d.getWidth() + SCROLL_BAR_ROOM); // the sheet scrolls now: room for its bar beside it
        }
        if (d.getWidth() > screen.getWidth()) {
            // only when needed: a resize before the window system has sized the new dialog
            // passed a height of 0, which GTK refused, and the first sheet could stay squashed
            d.setWidth(screen.getWidth());
        }
        d.setX(Math.max(screen.getMinX(), Math.min(d.getX(), screen.getMaxX() - d.getWidth())));
        d.setY(Math.max(screen.getMinY(), Math.min(d.getY(), screen.getMaxY() - d.getHeight())));
    }

    private static void showAbout(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, Messages.get("help.about.text", BuildVersion.get()),
                DialogButtons.ok());
        a.setTitle(Messages.get("help.about"));
        a.setHeaderText("normgraph " + BuildVersion.get());
        DialogStyle.follow(a, owner);
        a.show();
    }
}
