package org.normgraph.app.theme;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.text.Font;
import org.normgraph.app.Language;

/**
 * The font family the window uses for Chinese and Japanese. JavaFX's default font draws
 * Han and kana from a fallback font, and for bold text that fallback is the regular face:
 * headings and the inspector's section titles then lose their weight in exactly the
 * languages where nothing else (no capitals, no italics) marks them. A CJK family used
 * for the whole window has both faces, and Latin letters and digits as well.
 */
public final class ScriptFont {

    /** Per language, the families to use, first installed first (Linux, Windows, macOS). */
    private static final Map<Language, List<String>> PREFERRED = Map.of(
            Language.JAPANESE, List.of("Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP",
                    "Yu Gothic UI", "Meiryo UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN"),
            Language.SIMPLIFIED_CHINESE, List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
                    "Microsoft YaHei UI", "PingFang SC"),
            Language.TRADITIONAL_CHINESE, List.of("Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC",
                    "Microsoft JhengHei UI", "PingFang TC"));

    private ScriptFont() {
    }

    /** The family for {@code language} among the installed ones; empty for English or when none is installed. */
    public static Optional<String> family(Language language, Collection<String> installed) {
        return PREFERRED.getOrDefault(language, List.of()).stream().filter(installed::contains).findFirst();
    }

    /** The family for {@code language} among this machine's fonts. */
    public static Optional<String> family(Language language) {
        return PREFERRED.containsKey(language) ? family(language, Font.getFamilies()) : Optional.empty();
    }

    /** The stylesheet for {@code language} on this machine, if it needs one. */
    public static Optional<String> stylesheet(Language language) {
        return family(language).map(ScriptFont::stylesheet);
    }

    /** A stylesheet (a data URI) that makes {@code family} the window's font; monospace text keeps its own. */
    public static String stylesheet(String family) {
        String css = ".root { -fx-font-family: \"" + family.replace("\"", "") + "\"; }";
        return "data:text/css," + URLEncoder.encode(css, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
