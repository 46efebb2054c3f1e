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

    /** Longer typed text is cut to this many characters in a message, so that it stays one short line. */
    static final int SHOWN_CHARS = 40;

    /** The user's text as a message shows it: cut after {@link #SHOWN_CHARS} characters with "…". */
    public static String shown(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() <= SHOWN_CHARS ? t : t.substring(0, SHOWN_CHARS) + "…";
    }

    /** The message for the user, from the bundle. */
    public String message() {
        return Messages.get(key, args.toArray());
    }
}
