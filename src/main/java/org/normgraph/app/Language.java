package org.normgraph.app;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages the app's text comes in: one {@code messages*.properties} file each.
 * English is the base file ({@link Locale#ROOT}); the others are complete translations.
 */
public enum Language {

    ENGLISH("en", Locale.ROOT),
    SIMPLIFIED_CHINESE("zh-CN", Locale.SIMPLIFIED_CHINESE),
    TRADITIONAL_CHINESE("zh-TW", Locale.TRADITIONAL_CHINESE),
    JAPANESE("ja", Locale.JAPANESE);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The tag stored in the preferences and accepted by {@code -Dnormgraph.lang}: en, zh-CN, zh-TW, ja. */
    public String tag() {
        return tag;
    }

    /** The locale its bundle is loaded for ({@link Locale#ROOT} for English, the base file). */
    public Locale locale() {
        return locale;
    }

    /** The language's name in that language ({@code app.language.name} of its own bundle). */
    public String nativeName() {
        return Messages.load(locale).getString("app.language.name");
    }

    /** The language for a tag such as {@code zh-TW}, {@code zh_tw}, {@code ja} or {@code en}. */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String t = tag.trim().replace('_', '-');
        for (Language l : values()) {
            if (l.tag.equalsIgnoreCase(t)) {
                return Optional.of(l);
            }
        }
        return of(Locale.forLanguageTag(t));
    }

    /**
     * The language for a locale, if it is one of the four: Japanese; Chinese in Traditional
     * script (zh-Hant, or Taiwan, Hong Kong, Macao) or else Simplified; English.
     */
    public static Optional<Language> of(Locale locale) {
        if (locale == null) {
            return Optional.empty();
        }
        switch (locale.getLanguage()) {
            case "en":
                return Optional.of(ENGLISH);
            case "ja":
                return Optional.of(JAPANESE);
            case "zh": {
                String script = locale.getScript();
                if (script.equals("Hant")) {
                    return Optional.of(TRADITIONAL_CHINESE);
                }
                if (script.equals("Hans")) {
                    return Optional.of(SIMPLIFIED_CHINESE);
                }
                return Optional.of(switch (locale.getCountry()) {
                    case "TW", "HK", "MO" -> TRADITIONAL_CHINESE;
                    default -> SIMPLIFIED_CHINESE;
                });
            }
            default:
                return Optional.empty();
        }
    }
}
