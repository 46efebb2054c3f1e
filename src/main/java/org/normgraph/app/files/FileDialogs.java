package org.normgraph.app.files;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions the File menu asks the user. {@link FxFileDialogs} shows real dialogs;
 * tests answer with a script, so the actions are tested without native dialogs.
 */
public interface FileDialogs {

    /** What to do with unsaved work. */
    enum Answer { SAVE, DISCARD, CANCEL }

    /** A file type offered by a file chooser: its description key and its extension. */
    enum Kind {
        SESSION("files.type.session", "*.normgraph.json"),
        PNG("files.type.png", "*.png"),
        JSON("files.type.json", "*.json"),
        CSV("files.type.csv", "*.csv"),
        TEX("files.type.tex", "*.tex");

        final String key;
        final String pattern;

        Kind(String key, String pattern) {
            this.key = key;
            this.pattern = pattern;
        }

        /** The extension, e.g. {@code .normgraph.json}. */
        public String suffix() {
            return pattern.substring(1);
        }
    }

    Optional<Path> chooseOpen(Path folder);

    Optional<Path> chooseSave(Kind kind, Path folder, String suggestedName);

    Optional<Path> chooseFolder(Path folder);

    /** Unsaved changes in {@code document}: save them, discard them, or cancel? */
    Answer askSaveChanges(String document);

    /**
     * The last run ended without closing; restore its autosaved session ({@code savedAt}), a
     * copy of the session file named {@code document} (null: an untitled session)?
     */
    boolean askRestore(String savedAt, String document);

    void showError(String message);

    /** A short notice that needs no answer (a file written): shown for a few seconds, not in the way. */
    void showInfo(String message);
}
