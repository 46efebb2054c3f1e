package org.normgraph.app.editor;

import java.util.List;
import org.normgraph.app.Messages;

/**
 * Why an edit was refused: a message key of the bundle and its arguments (already text, so
 * that no locale formats a number differently from the cell).
 */
public record Refusal(String key, List<String> args) {

    public Refusal {
        args = List.copyOf(args);
    }

    public static Refusal of(String key, String... args) {
        return new Refusal(key, List.of(args));
    }

    /** The message for the user, from the bundle. */
    public String message() {
        return Messages.get(key, args.toArray());
    }
}
