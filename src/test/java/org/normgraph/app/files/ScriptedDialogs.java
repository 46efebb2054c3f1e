package org.normgraph.app.files;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Answers the File menu's questions from a script and records what it was shown. */
final class ScriptedDialogs implements FileDialogs {

    final Deque<Path> files = new ArrayDeque<>();
    final Deque<Answer> answers = new ArrayDeque<>();
    final List<String> errors = new ArrayList<>();
    final List<String> infos = new ArrayList<>();
    final List<String> asked = new ArrayList<>();
    boolean restore;

    @Override
    public Optional<Path> chooseOpen(Path folder) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseSave(Kind kind, Path folder, String suggestedName) {
        asked.add("save " + kind + " " + suggestedName);
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseFolder(Path folder) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Answer askSaveChanges(String document) {
        asked.add("unsaved " + document);
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected question about unsaved changes in " + document);
        }
        return answers.poll();
    }

    @Override
    public boolean askRestore(String savedAt, String document) {
        asked.add("restore " + savedAt + (document == null ? "" : " of " + document));
        return restore;
    }

    @Override
    public void showError(String message) {
        errors.add(message);
    }

    @Override
    public void showInfo(String message) {
        infos.add(message);
    }
}
