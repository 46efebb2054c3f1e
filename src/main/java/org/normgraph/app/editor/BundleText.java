package org.normgraph.app.editor;

import java.util.List;
import org.normgraph.app.Messages;

/**
 * Text from the messages bundle, such as why an edit was refused or what it did: a key and its
 * arguments, each already text (so that no locale formats a number differently from the cell)
 * or another bundle text. It is put into words only when shown, so that a message still on
 * screen after a language switch is said in the new language.
 */
public record BundleText(String key, List<Object> args) {

    public BundleText {
        for (Object a : args) {
            if (!(a instanceof String) && !(a instanceof BundleText)) {
                throw new IllegalArgumentException("an argument is text or a message, not " + a);
            }
        }
        args = List.copyOf(args);
    }

    /** Each argument is a {@link String} or a {@link BundleText}. */
    public static BundleText of(String key, Object... args) {
        return new BundleText(key, List.of(args));
    }

    /** Longer typed text is cut to this many characters in a message, so that it stays one short line. */
    static final int SHOWN_CHARS = 40;

    /** The user's text as a message shows it: cut after {@link #SHOWN_CHARS} characters with "…". */
    public static String shown(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() <= SHOWN_CHARS ? t : t.substring(0, SHOWN_CHARS) + "…";
    }

    /** The message for the user, from the bundle of the current language. */
    public String message() {
        return Messages.get(key, args.stream().map(a -> a instanceof BundleText r ? r.message() : a).toArray());
    }
}
