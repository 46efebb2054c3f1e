package org.normgraph.app;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * All user-visible text: one bundle, {@code org/normgraph/app/messages*.properties}, in the
 * {@link Language}s English (the base file), 简体中文, 繁體中文 and 日本語.
 * Node and gradient names and formulas are not translated; everything else is.
 *
 * <p>The text is English until {@link #setLanguage} is called: the app does that at start
 * with {@link LanguageSetting#initial()}, so tests that build views directly read English
 * whatever the machine's locale and preferences. Views read the text when they are built;
 * after a switch the window rebuilds them ({@link MainWindow#setLanguage}).
 */
public final class Messages {

    public static final String BUNDLE = "org.normgraph.app.messages";

    /** Never falls back to the default locale's file: English is the base file, not the system language. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static volatile Language language = Language.ENGLISH;
    private static volatile ResourceBundle bundle = load(Language.ENGLISH.locale());

    private Messages() {
    }

    /** The bundle for {@code locale}: its file, then its parents down to the English base file. */
    public static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_FALLBACK);
    }

    /** Switches the language of text looked up from now on. */
    public static void setLanguage(Language lang) {
        bundle = load(lang.locale());
        language = lang;
    }

    /** Switches to the language of {@code locale}, English if it is none of the four. */
    public static void setLocale(Locale locale) {
        setLanguage(Language.of(locale).orElse(Language.ENGLISH));
    }

    /** The language of text looked up now. */
    public static Language language() {
        return language;
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
