package org.normgraph.app.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.app.Language;

class ScriptFontTest {

    private static final List<String> LINUX = List.of("DejaVu Sans", "Noto Sans CJK JP", "Noto Sans CJK SC",
            "Noto Sans CJK TC", "Noto Serif CJK JP");
    private static final List<String> WINDOWS = List.of("Segoe UI", "Yu Gothic UI", "Meiryo UI",
            "Microsoft YaHei UI", "Microsoft JhengHei UI");

    @ParameterizedTest
    @CsvSource({
        "JAPANESE, Noto Sans CJK JP, Yu Gothic UI",
        "SIMPLIFIED_CHINESE, Noto Sans CJK SC, Microsoft YaHei UI",
        "TRADITIONAL_CHINESE, Noto Sans CJK TC, Microsoft JhengHei UI",
    })
    void each_cjk_language_takes_its_own_family_where_installed(Language l, String linux, String windows) {
        assertEquals(Optional.of(linux), ScriptFont.family(l, LINUX));
        assertEquals(Optional.of(windows), ScriptFont.family(l, WINDOWS));
        assertEquals(Optional.empty(), ScriptFont.family(l, List.of("DejaVu Sans")), "none installed: the default");
    }

    @ParameterizedTest
    @CsvSource({"ENGLISH"})
    void english_keeps_the_default_font(Language l) {
        assertEquals(Optional.empty(), ScriptFont.family(l, LINUX));
        assertEquals(Optional.empty(), ScriptFont.family(l));
    }

    @ParameterizedTest
    @CsvSource({"Noto Sans CJK JP", "PingFang SC"})
    void the_stylesheet_sets_the_roots_family(String family) {
        String sheet = ScriptFont.stylesheet(family);
        assertEquals(".root { -fx-font-family: \"" + family + "\"; }",
                URLDecoder.decode(sheet.substring("data:text/css,".length()), StandardCharsets.UTF_8));
    }
}
