package org.normgraph.app;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The remembered language: key {@value #KEY} in a {@link Preferences} node, for the app
 * the user node {@value #NODE} ({@link #user()}). The node is given to the constructor, so
 * tests use their own in-memory node and never touch the user's preferences.
 *
 * <p>At start the language is, first to apply: the system property {@value #PROPERTY}
 * (en, zh-CN, zh-TW, ja; for one run, not stored), the stored choice, the system locale if
 * it is one of the four, else English.
 */
public final class LanguageSetting {

    /** The user preferences node of the app. */
    public static final String NODE = "/org/normgraph";
    /** The key of the stored language tag. */
    public static final String KEY = "language";
    /** System property that overrides the stored choice for one run, e.g. {@code -Dnormgraph.lang=ja}. */
    public static final String PROPERTY = "normgraph.lang";

    private final Preferences node;

    public LanguageSetting(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The setting in the user's preferences ({@value #NODE}). */
    public static LanguageSetting user() {
        return new LanguageSetting(Preferences.userRoot().node(NODE));
    }

    /** The stored choice, if there is a valid one. */
    public Optional<Language> stored() {
        try {
            return Language.ofTag(node.get(KEY, null));
        } catch (IllegalStateException e) { // node removed
            return Optional.empty();
        }
    }

    /** Remembers {@code language} for the next start; a store that cannot be written is ignored. */
    public void store(Language language) {
        try {
            node.put(KEY, language.tag());
            node.flush();
        } catch (BackingStoreException | IllegalStateException | SecurityException e) {
            System.err.println("normgraph: could not remember the language: " + e.getMessage());
        }
    }

    /** The language to start in (see the class comment), for this JVM's property and locale. */
    public Language initial() {
        return initial(System.getProperty(PROPERTY), Locale.getDefault());
    }

    /** The language to start in given the {@value #PROPERTY} value (or null) and the system locale. */
    public Language initial(String property, Locale system) {
        return Language.ofTag(property)
                .or(this::stored)
                .or(() -> Language.of(system))
                .orElse(Language.ENGLISH);
    }
}
