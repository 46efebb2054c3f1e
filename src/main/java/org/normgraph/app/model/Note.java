package org.normgraph.app.model;

import java.util.List;

/**
 * A remark about the current input or trace, shown under the graph: a message-bundle key
 * ({@code note.*}) with its arguments, so that the view model stays free of wording.
 *
 * @param key      message key, e.g. {@code note.single-row}
 * @param severity whether it is an explanation or a warning
 * @param args     arguments for the message pattern
 */
public record Note(String key, Severity severity, List<Object> args) {

    /** How a note is shown. */
    public enum Severity { INFO, WARNING }

    public Note {
        args = List.copyOf(args);
    }

    public static Note info(String key, Object... args) {
        return new Note(key, Severity.INFO, List.of(args));
    }

    public static Note warning(String key, Object... args) {
        return new Note(key, Severity.WARNING, List.of(args));
    }

    public boolean isWarning() {
        return severity == Severity.WARNING;
    }
}
