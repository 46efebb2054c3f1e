package org.normgraph.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.text.BreakIterator;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The restore dialog's time: the Japanese one split 12:49:32 after "12:". */
class SavedAtTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja", "zh-CN", "zh-TW"})
    void the_time_breaks_only_at_its_spaces(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        ZonedDateTime when = ZonedDateTime.of(2026, 12, 7, 12, 49, 32, 0, ZoneOffset.UTC);
        String text = FileSession.savedAtText(when, locale);
        assertEquals(java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM)
                .withLocale(locale).format(when), text.replace("\ufeff", ""), "reads the same");
        BreakIterator lines = BreakIterator.getLineInstance(locale);
        lines.setText(text);
        for (int k = 1; k < text.length(); k++) {
            boolean afterSpace = Character.isWhitespace(text.charAt(k - 1)) || Character.isSpaceChar(text.charAt(k - 1));
            assertFalse(lines.isBoundary(k) && !afterSpace, tag + ": a line may break at " + k + " in " + text);
        }
    }

    /** English's bundle locale is the root one: its dates read "2026 Dec 7 12:49:32". */
    @org.junit.jupiter.api.Test
    void english_reads_as_english_not_as_the_root_locale() {
        ZonedDateTime when = ZonedDateTime.of(2026, 12, 7, 12, 49, 32, 0, ZoneOffset.UTC);
        assertEquals("Dec 7, 2026, 12:49:32 PM", FileSession.savedAtText(when, Locale.ROOT).replace("\ufeff", "")
                .replace('\u202f', ' ').replace('\u00a0', ' '));
    }
}
