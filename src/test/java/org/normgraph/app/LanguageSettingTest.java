package org.normgraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

/** Which language the app starts in, and how the choice is remembered (in-memory preferences). */
class LanguageSettingTest {

    private final Preferences node = new InMemoryPreferences().node("org/normgraph");
    private final LanguageSetting setting = new LanguageSetting(node);

    @Test
    void system_locales_map_to_the_four_languages_or_to_none() {
        assertEquals(Optional.of(Language.JAPANESE), Language.of(Locale.JAPAN));
        assertEquals(Optional.of(Language.SIMPLIFIED_CHINESE), Language.of(Locale.CHINA));
        assertEquals(Optional.of(Language.SIMPLIFIED_CHINESE), Language.of(Locale.forLanguageTag("zh-SG")));
        assertEquals(Optional.of(Language.SIMPLIFIED_CHINESE), Language.of(Locale.forLanguageTag("zh")));
        assertEquals(Optional.of(Language.TRADITIONAL_CHINESE), Language.of(Locale.TAIWAN));
        assertEquals(Optional.of(Language.TRADITIONAL_CHINESE), Language.of(Locale.forLanguageTag("zh-HK")));
        assertEquals(Optional.of(Language.TRADITIONAL_CHINESE), Language.of(Locale.forLanguageTag("zh-Hant")));
        assertEquals(Optional.of(Language.SIMPLIFIED_CHINESE), Language.of(Locale.forLanguageTag("zh-Hans-HK")));
        assertEquals(Optional.of(Language.ENGLISH), Language.of(Locale.UK));
        assertEquals(Optional.empty(), Language.of(Locale.GERMANY));
        assertEquals(Optional.empty(), Language.of(Locale.KOREA));
    }

    @Test
    void tags_are_read_leniently() {
        for (Language l : Language.values()) {
            assertEquals(Optional.of(l), Language.ofTag(l.tag()));
        }
        assertEquals(Optional.of(Language.TRADITIONAL_CHINESE), Language.ofTag("zh_TW"));
        assertEquals(Optional.of(Language.SIMPLIFIED_CHINESE), Language.ofTag("ZH-cn"));
        assertEquals(Optional.of(Language.JAPANESE), Language.ofTag("ja-JP"));
        assertEquals(Optional.empty(), Language.ofTag("fr"));
        assertEquals(Optional.empty(), Language.ofTag(""));
        assertEquals(Optional.empty(), Language.ofTag(null));
    }

    @Test
    void without_a_stored_choice_the_system_locale_decides_else_english() {
        assertEquals(Optional.empty(), setting.stored());
        assertEquals(Language.JAPANESE, setting.initial(null, Locale.JAPAN));
        assertEquals(Language.TRADITIONAL_CHINESE, setting.initial(null, Locale.TAIWAN));
        assertEquals(Language.ENGLISH, setting.initial(null, Locale.US));
        assertEquals(Language.ENGLISH, setting.initial(null, Locale.FRANCE));
    }

    @Test
    void a_stored_choice_wins_over_the_system_locale_and_the_property_over_both() {
        setting.store(Language.SIMPLIFIED_CHINESE);
        assertEquals("zh-CN", node.get(LanguageSetting.KEY, null));
        assertEquals(Language.SIMPLIFIED_CHINESE, new LanguageSetting(node).initial(null, Locale.JAPAN));
        assertEquals(Language.ENGLISH, setting.initial("en", Locale.JAPAN));
        assertEquals(Language.JAPANESE, setting.initial("ja", Locale.US));
        assertEquals(Language.SIMPLIFIED_CHINESE, setting.initial("klingon", Locale.US), "an unknown property is ignored");
    }

    @Test
    void a_broken_stored_value_is_ignored() {
        node.put(LanguageSetting.KEY, "xx-YY");
        assertEquals(Optional.empty(), setting.stored());
        assertEquals(Language.JAPANESE, setting.initial(null, Locale.JAPAN));
    }

    @Test
    void the_app_node_is_the_documented_one() {
        assertEquals("/org/normgraph", LanguageSetting.NODE);
        assertTrue(LanguageSetting.PROPERTY.equals("normgraph.lang"));
    }
}
