package org.normgraph.app.files;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.normgraph.app.Messages;
import org.normgraph.app.theme.DialogButtons;
import org.normgraph.app.theme.DialogStyle;

/** The File menu's questions as JavaFX file choosers and alerts, owned by the main window. */
public final class FxFileDialogs implements FileDialogs {

    private final java.util.function.Supplier<Window> owner;

    public FxFileDialogs(java.util.function.Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseOpen(Path folder) {
        FileChooser c = chooser(Kind.SESSION, folder, Messages.get("files.open.title"));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("files.type.all"), "*"));
        return Optional.ofNullable(c.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSave(Kind kind, Path folder, String suggestedName) {
        FileChooser c = chooser(kind, folder, Messages.get(kind == Kind.SESSION ? "files.save.title" : "files.export.title"));
        c.setInitialFileName(suggestedName);
        return Optional.ofNullable(c.showSaveDialog(owner.get())).map(File::toPath).map(p -> withSuffix(p, kind));
    }

    /** A name typed without the extension gets it (a session must end in .normgraph.json to be found again). */
    static Path withSuffix(Path p, Kind kind) {
        String name = p.getFileName().toString();
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(kind.suffix())) {
            return p;
        }
        if (kind == Kind.SESSION && name.endsWith(".json")) {
            name = name.substring(0, name.length() - ".json".length());
        }
        return p.resolveSibling(name + kind.suffix());
    }

    @Override
    public Optional<Path> chooseFolder(Path folder) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(Messages.get("files.export.folder.title"));
        if (folder != null && Files.isDirectory(folder)) {
            c.setInitialDirectory(folder.toFile());
        }
        return Optional.ofNullable(c.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Answer askSaveChanges(String document) {
        ButtonType save = new ButtonType(Messages.get("files.ask.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(Messages.get("files.ask.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(Messages.get("files.ask.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = alert(Alert.AlertType.CONFIRMATION, Messages.get("files.ask.unsaved", document), save, discard, cancel);
        ButtonType b = a.showAndWait().orElse(cancel);
        return b == save ? Answer.SAVE : b == discard ? Answer.DISCARD : Answer.CANCEL;
    }

    @Override
    public boolean askRestore(String savedAt, String document) {
        ButtonType restore = new ButtonType(Messages.get("files.restore.yes"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(Messages.get("files.restore.no"), ButtonBar.ButtonData.NO);
        Alert a = alert(Alert.AlertType.CONFIRMATION, document == null ? Messages.get("files.restore.question", savedAt)
                : Messages.get("files.restore.question.file", savedAt, document), restore, discard);
        return a.showAndWait().orElse(discard) == restore;
    }

    @Override
    public void showError(String message) {
        alert(Alert.AlertType.ERROR, message, DialogButtons.ok()).showAndWait();
    }

    @Override
    public void showInfo(String message) {
        Notice.show(owner.get(), message);
    }

    private Alert alert(Alert.AlertType type, String text, ButtonType... buttons) {
        Alert a = new Alert(type, text, buttons);
        a.setTitle(Messages.get("files.dialog.title"));
        a.setHeaderText(null);
        a.getDialogPane().setMinWidth(460);
        DialogStyle.follow(a, owner.get()); // the window's theme and text size
        return a;
    }

    private static FileChooser chooser(Kind kind, Path folder, String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get(kind.key), kind.pattern));
        if (folder != null && Files.isDirectory(folder)) {
            c.setInitialDirectory(folder.toFile());
        }
        return c;
    }
}
