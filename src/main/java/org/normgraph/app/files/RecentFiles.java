package org.normgraph.app.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The recently opened or saved session files, newest first, at most {@value #LIMIT}: key
 * {@value #KEY} of a {@link Preferences} node (the app's user node, like the language), one
 * absolute path per line. Tests give an in-memory node.
 */
public final class RecentFiles {

    public static final String KEY = "recentFiles";
    public static final int LIMIT = 8;

    private final Preferences node;

    public RecentFiles(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The app's list in the user's preferences. */
    public static RecentFiles user() {
        return new RecentFiles(Preferences.userRoot().node(org.normgraph.app.LanguageSetting.NODE));
    }

    public List<Path> list() {
        String stored;
        try {
            stored = node.get(KEY, "");
        } catch (IllegalStateException e) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        for (String line : stored.split("\n")) {
            if (!line.isBlank() && out.size() < LIMIT) {
                try {
                    out.add(Path.of(line));
                } catch (java.nio.file.InvalidPathException e) {
                    // a path from another system: skip it
                }
            }
        }
        return out;
    }

    /** Puts {@code file} first. */
    public void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>(list());
        paths.remove(p);
        paths.add(0, p);
        store(paths);
    }

    /** Forgets {@code file} (e.g. it no longer exists). */
    public void remove(Path file) {
        List<Path> paths = new ArrayList<>(list());
        if (paths.remove(file.toAbsolutePath().normalize()) || paths.remove(file)) {
            store(paths);
        }
    }

    private void store(List<Path> paths) {
        StringBuilder sb = new StringBuilder();
        for (Path p : paths.subList(0, Math.min(LIMIT, paths.size()))) {
            String line = p.toString();
            if (sb.length() + line.length() + 1 > Preferences.MAX_VALUE_LENGTH) {
                break;
            }
            sb.append(sb.length() == 0 ? "" : "\n").append(line);
        }
        try {
            node.put(KEY, sb.toString());
            node.flush();
        } catch (BackingStoreException | IllegalStateException | SecurityException e) {
            System.err.println("normgraph: could not remember recent files: " + e.getMessage());
        }
    }
}
