package org.normgraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The end of a CJK text is glued (· here stands for U+FEFF, _ for a no-break space). */
class CjkWrapTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "这些行合并成了一行。|这些行合并成了一·行·。",
            "表示します。|表示しま·す·。",
            "已保留 1。|已保留·_·1·。",
            "D 列（特征）|D 列（特·征·）",
            "x = 1, kept 1.|x = 1, kept 1.",
            "ends in Latin 計算 ok|ends in Latin 計算 ok",
            "行|行",
            "一行|一·行",
            "Σ_rows(dxhat ⊙ xmu)。|Σ_rows(dxhat ⊙ xmu·)·。",
    })
    void glues_the_last_three_characters_of_cjk_text(String text, String glued) {
        assertEquals(glued, shown(CjkWrap.keepEnd(text)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"这些行合并成了一行。", "已保留 1。", "x = 1.", "一行"})
    void is_the_same_when_applied_twice(String text) {
        String once = CjkWrap.keepEnd(text);
        assertEquals(once, CjkWrap.keepEnd(once));
    }

    private static String shown(String s) {
        return s.replace(CjkWrap.GLUE, '·').replace('\u00a0', '_');
    }
}
