package org.normgraph.app;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * All user-visible text: one bundle, {@code org/normgraph/app/messages*.properties}.
 * Node and gradient names and formulas are not translated; everything else is.
 */
public final class Messages {

    public static final String BUNDLE = "org.normgraph.app.messages";

    private static volatile ResourceBundle bundle = load(Locale.getDefault());

    private Messages() {
    }

    public static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale);
    }

    /** Switches the language of text looked up from now on. */
    public static void setLocale(Locale locale) {
        bundle = load(locale);
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }

    public static boolean has(String key) {
        return bundle.containsKey(key);
    }
}
