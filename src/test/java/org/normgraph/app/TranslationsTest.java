package org.normgraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three translations of {@code messages.properties} (plain JUnit, no toolkit): each file
 * read on its own (not through the bundle chain, which would hide a missing key behind the
 * English one) has exactly the English keys, no empty value, the same {@code {n}} arguments
 * and {@code %} conversions, patterns that format, node/gradient names and mathematical signs
 * kept, and is really translated (and in the right script).
 */
class TranslationsTest {

    private static final String DIR = "/org/normgraph/app/";

    /** Names and symbols that stay as in English wherever the English text has them. */
    private static final Set<String> NAMES = Set.of("x", "gamma", "beta", "dout", "mu", "xmu", "sq", "var",
            "sqrtvar", "ivar", "xhat", "gammax", "dx", "dx1", "dx2", "dmu", "dxmu1", "dxmu2", "dsq", "dvar",
            "dsqrtvar", "divar", "dxhat", "dgamma", "dgammax", "dbeta", "bcast", "eps", "Σ_rows", "N", "D",
            "NaN", "double", "Ctrl", "Home", "End", "Enter", "Tab", "Delete");
    private static final String SIGNS = "Σ√⊙²∂∞×−·→←↶↷◀▶❚";
    private static final Pattern WORD = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");
    private static final Pattern ARG = Pattern.compile("\\{(\\d+)(?:,[^}]*)?}");
    private static final Pattern CONVERSION = Pattern.compile("%[-#+0,(]*\\d*(?:\\.\\d+)?[a-zA-Z%]");
    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
    private static final Pattern KANA = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}]");

    /** Characters only Simplified Chinese writes (their Traditional forms differ). */
    private static final String SIMPLIFIED_ONLY = "这个们图数输计传广归为时选击显点开关键设变错误请还没从与对发动进过会将应该间实现单态长区块贴编辑销缩适隐检视标颜负号链则导积减规范转换据资种随机样认档组级训练复后这览读写获给处无执";
    /** Their Traditional forms. */
    private static final String TRADITIONAL_ONLY = "這個們圖數輸計傳廣歸為時選擊顯點開關鍵設變錯誤請還沒從與對發動進過會將應該間實現單態長區塊貼編輯銷縮適隱檢視標顏負號鏈則導積減規範轉換據資種隨機樣認檔組級訓練復後這覽讀寫獲給處無執";

    private static Properties english() {
        return read("messages.properties");
    }

    private static Properties of(Language lang) {
        return read("messages_" + lang.locale() + ".properties");
    }

    /** Reads a bundle file as the JDK does (UTF-8), failing on bytes that are not UTF-8. */
    private static Properties read(String file) {
        try (InputStream in = TranslationsTest.class.getResourceAsStream(DIR + file)) {
            assertNotNull(in, "no file " + file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readAllBytes())).toString();
            Properties p = new Properties();
            p.load(new StringReader(text));
            return p;
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not UTF-8", e);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** English and every translation. */
    private static List<Properties> allBundles() {
        List<Properties> bundles = new ArrayList<>(List.of(english()));
        for (Language l : Language.values()) {
            if (l != Language.ENGLISH) {
                bundles.add(of(l));
            }
        }
        return bundles;
    }

    private static Set<String> args(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = ARG.matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<String> all(Pattern p, String s) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Set<String> names(String s) {
        Set<String> out = new TreeSet<>(all(WORD, s));
        out.retainAll(NAMES);
        return out;
    }

    /**
     * The equations of an English text, e.g. {@code mu = (1/N) Σ_rows x} or {@code dgammax = dout}:
     * in each clause (between , ; : — and a final .) the runs of tokens that are no English
     * word and contain {@code =}.
     */
    static List<String> formulas(String english) {
        List<String> out = new ArrayList<>();
        // the step titles and explanations glue their formulas with no-break spaces
        for (String clause : english.replace('\u00A0', ' ').split("[,;:\u2014]|\\.(?=\\s|$)")) {
            List<String> run = new ArrayList<>();
            for (String token : (clause.trim() + " .").split("\\s+")) {
                String bare = token.replaceAll("[.,;:()]+$", "");
                boolean prose = bare.matches("[A-Za-z]{2,}") && !NAMES.contains(bare) && !bare.equals("out");
                if (prose || token.equals(".")) {
                    if (run.contains("=")) {
                        String f = String.join(" ", run).replaceAll("[.,;:]+$", "");
                        if (f.chars().filter(c -> c == ')').count() > f.chars().filter(c -> c == '(').count()) {
                            f = f.substring(0, f.length() - 1);
                        }
                        // the parentheses of an aside are punctuation, which a translation writes its
                        // own way (Japanese （G = 1 …）): "(G = 1 is layer norm)", "0 there (out = beta)"
                        if (f.startsWith("(") && f.chars().filter(c -> c == '(').count() > f.chars().filter(c -> c == ')').count()) {
                            f = f.substring(1);
                        } else if (f.startsWith("(") && f.endsWith(")") && balanced(f.substring(1, f.length() - 1))) {
                            f = f.substring(1, f.length() - 1);
                        }
                        out.add(f);
                    }
                    run.clear();
                } else {
                    run.add(token);
                }
            }
        }
        return out;
    }

    /** Every ')' closes an earlier '(' and every '(' is closed. */
    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** English text that is more than names, formulas and signs: it has a word to translate. */
    private static boolean translatable(String english) {
        return all(WORD, english).stream().anyMatch(w -> w.length() >= 3 && !NAMES.contains(w));
    }

    private static Language[] translations() {
        return new Language[] {Language.SIMPLIFIED_CHINESE, Language.TRADITIONAL_CHINESE, Language.JAPANESE};
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "ENGLISH", mode = EnumSource.Mode.EXCLUDE)
    void has_exactly_the_english_keys(Language lang) {
        Set<String> en = english().stringPropertyNames();
        Set<String> tr = of(lang).stringPropertyNames();
        Set<String> missing = new TreeSet<>(en);
        missing.removeAll(tr);
        Set<String> extra = new TreeSet<>(tr);
        extra.removeAll(en);
        assertTrue(missing.isEmpty(), lang + " misses " + missing);
        assertTrue(extra.isEmpty(), lang + " has keys English does not: " + extra);
        assertTrue(en.size() > 200, "English keys: " + en.size());
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "ENGLISH", mode = EnumSource.Mode.EXCLUDE)
    void every_value_is_a_well_formed_pattern_with_the_english_arguments(Language lang) {
        Properties en = english();
        Properties tr = of(lang);
        Map<String, String> problems = new TreeMap<>();
        Object[] dummies = {"‹0›", "‹1›", "‹2›", "‹3›", "‹4›", "‹5›", "‹6›", "‹7›", "‹8›", "‹9›"};
        for (String key : tr.stringPropertyNames()) {
            String e = en.getProperty(key, "");
            String t = tr.getProperty(key);
            if (t.isBlank()) {
                problems.put(key, "empty");
                continue;
            }
            if (!args(e).equals(args(t))) {
                problems.put(key, "arguments " + args(t) + ", English has " + args(e));
            }
            if (!all(CONVERSION, e).equals(all(CONVERSION, t))) {
                problems.put(key, "conversions " + all(CONVERSION, t) + ", English has " + all(CONVERSION, e));
            }
            String formatted;
            try {
                formatted = new MessageFormat(t, lang.locale()).format(dummies);
            } catch (IllegalArgumentException ex) {
                problems.put(key, "not a MessageFormat pattern: " + ex.getMessage());
                continue;
            }
            for (String a : args(e)) {
                if (!formatted.contains("‹" + a + "›")) {
                    problems.put(key, "argument {" + a + "} lost (quoting?): " + formatted);
                }
            }
            if (!args(e).isEmpty() && LONE_QUOTE.matcher(t).find()) {
                problems.put(key, "a single ' in a pattern with arguments must be written ''");
            }
        }
        assertTrue(problems.isEmpty(), lang + ": " + problems);
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "ENGLISH", mode = EnumSource.Mode.EXCLUDE)
    void names_formulas_and_signs_stay_as_in_english(Language lang) {
        Properties en = english();
        Properties tr = of(lang);
        Map<String, String> problems = new TreeMap<>();
        for (String key : en.stringPropertyNames()) {
            String e = en.getProperty(key);
            String t = tr.getProperty(key, "");
            Set<String> lost = names(e);
            lost.removeAll(names(t));
            StringBuilder signs = new StringBuilder();
            e.codePoints().filter(c -> SIGNS.indexOf(c) >= 0 && t.indexOf(c) < 0).distinct()
                    .forEach(signs::appendCodePoint);
            if (!lost.isEmpty() || !signs.isEmpty()) {
                problems.put(key, "lost " + lost + " " + signs);
            }
            for (String formula : formulas(e)) {
                if (!t.replace('\u00A0', ' ').contains(formula)) {
                    problems.put(key, "formula changed: " + formula);
                }
            }
        }
        assertTrue(problems.isEmpty(), lang + ": " + problems);
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "ENGLISH", mode = EnumSource.Mode.EXCLUDE)
    void is_really_translated(Language lang) {
        Properties en = english();
        Properties tr = of(lang);
        List<String> translatable = en.stringPropertyNames().stream()
                .filter(k -> translatable(en.getProperty(k))).sorted().toList();
        List<String> same = translatable.stream().filter(k -> tr.getProperty(k, "").equals(en.getProperty(k))).toList();
        List<String> noCjk = translatable.stream().filter(k -> !CJK.matcher(tr.getProperty(k, "")).find()).toList();
        assertTrue(translatable.size() > 180, "translatable values: " + translatable.size());
        assertTrue(same.size() <= translatable.size() / 10, lang + ": still English: " + same);
        assertTrue(noCjk.size() <= translatable.size() / 10, lang + ": no Chinese/Japanese text: " + noCjk);
    }

    /** At 200 % the Japanese title of Backward 9 wrapped as "…dbeta =" / "Σ_rows dout。". */
    @Test
    void formulas_in_step_titles_and_explanations_never_wrap_inside() {
        Pattern operator = Pattern.compile("[=⊙·+−/]|Σ_rows|\\d(?= ?(xmu|√))");
        List<String> breakable = new ArrayList<>();
        for (Properties p : allBundles()) {
            for (String key : p.stringPropertyNames()) {
                if (!key.startsWith("step.") && !key.startsWith("explain.") && !key.startsWith("inference.step.")) {
                    continue;
                }
                String text = p.getProperty(key);
                Matcher m = operator.matcher(text);
                while (m.find()) {
                    // a space on either side of an operator is a place to break the line
                    boolean before = m.start() > 0 && text.charAt(m.start() - 1) == ' ';
                    boolean after = m.end() < text.length() && text.charAt(m.end()) == ' ';
                    boolean sign = m.group().equals("−") && !after; // −dx1: the break before it is before a word
                    if (after || before && !sign) {
                        breakable.add(key + ": …" + text.substring(Math.max(0, m.start() - 8),
                                Math.min(text.length(), m.end() + 8)) + "…");
                    }
                }
            }
        }
        assertTrue(breakable.isEmpty(), "formulas that may wrap: " + breakable);
        java.text.BreakIterator lines = java.text.BreakIterator.getLineInstance(Locale.JAPANESE);
        String glued = "：dbeta\u00A0=\u00A0Σ_rows\u00A0dout。";
        lines.setText(glued);
        assertEquals(glued.length(), lines.following(2), "the glued formula is one piece for the line breaker");
    }

    /** The input grids' titles wrapped as "1×C" / "= 1×2" and "(c,h," / "w)". */
    @Test
    void input_grid_titles_keep_their_shapes_whole() {
        java.text.BreakIterator lines = java.text.BreakIterator.getLineInstance(Locale.JAPANESE);
        for (Properties p : allBundles()) {
            for (String key : p.stringPropertyNames()) {
                if (!key.startsWith("editor.field.")) {
                    continue;
                }
                String text = p.getProperty(key).replace("{0}", "1\u00d72");
                for (String piece : new String[] {"=", "(c,"}) {
                    int at = text.indexOf(piece);
                    if (at < 0) {
                        continue;
                    }
                    int end = piece.equals("=") ? at + 5 : text.indexOf(')', at) + 1;
                    lines.setText(text);
                    for (int k = piece.equals("=") ? at - 1 : at + 1; k < end; k++) { // "N×D = 4×3", "(c,h,w)"
                        assertFalse(lines.isBoundary(k), key + " may wrap at " + k + ": " + text);
                    }
                }
            }
        }
    }

    /** "反向第 8 步" wrapped as "反向第 8" / "步" in the inspector: a step number stays with its word. */
    @Test
    void a_step_number_never_wraps_away_from_its_word() {
        Pattern stepNumber = Pattern.compile("(?<lead>第|ステップ|\\b[Ss]teps?)[\\s\\u00A0]*(?<num>\\{\\d}|\\d+)(?:[\\s\\u00A0]*(?<tail>\\p{IsHan}))?");
        List<String> broken = new ArrayList<>();
        int seen = 0;
        for (Properties p : allBundles()) {
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                Matcher m = stepNumber.matcher(text);
                while (m.find()) {
                    seen++;
                    java.text.BreakIterator lines = java.text.BreakIterator.getLineInstance(Locale.ROOT);
                    lines.setText(text);
                    // a break between the word and its number, or between the number and 步
                    int b = lines.following(m.end("lead") - 1);
                    boolean apart = b <= m.start("num");
                    if (m.group("tail") != null) {
                        apart |= lines.following(m.end("num") - 1) <= m.start("tail");
                    }
                    if (apart) {
                        broken.add(key + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(seen > 40, "step numbers found: " + seen);
        assertTrue(broken.isEmpty(), "a line may break inside: " + broken);
    }

    @Test
    void simplified_and_traditional_use_their_own_characters_and_japanese_has_kana() {
        Map<String, String> wrong = new TreeMap<>();
        Properties cn = of(Language.SIMPLIFIED_CHINESE);
        Properties tw = of(Language.TRADITIONAL_CHINESE);
        for (String k : cn.stringPropertyNames()) {
            cn.getProperty(k).codePoints().filter(c -> TRADITIONAL_ONLY.indexOf(c) >= 0).findFirst()
                    .ifPresent(c -> wrong.put("zh_CN " + k, Character.toString(c)));
            tw.getProperty(k).codePoints().filter(c -> SIMPLIFIED_ONLY.indexOf(c) >= 0).findFirst()
                    .ifPresent(c -> wrong.put("zh_TW " + k, Character.toString(c)));
        }
        assertTrue(wrong.isEmpty(), "characters of the other script: " + wrong);
        assertEquals(SIMPLIFIED_ONLY.length(), TRADITIONAL_ONLY.length());

        Properties ja = of(Language.JAPANESE);
        Properties en = english();
        long withKana = ja.stringPropertyNames().stream().filter(k -> translatable(en.getProperty(k)))
                .filter(k -> KANA.matcher(ja.getProperty(k)).find()).count();
        long translatable = en.stringPropertyNames().stream().filter(k -> translatable(en.getProperty(k))).count();
        assertTrue(withKana >= translatable * 8 / 10, "Japanese values with kana: " + withKana + "/" + translatable);
    }

    @Test
    void taiwan_terms_in_traditional_chinese() {
        Properties tw = of(Language.TRADITIONAL_CHINESE);
        Properties cn = of(Language.SIMPLIFIED_CHINESE);
        assertTrue(tw.getProperty("app.window.title").contains("批次正規化"));
        assertTrue(cn.getProperty("app.window.title").contains("批归一化"));
        assertTrue(tw.getProperty("step.forward.4").contains("變異數"), "variance: 變異數, not 方差");
        assertTrue(tw.getProperty("inspector.section.element").contains("連鎖律"));
        assertTrue(tw.getProperty("editor.grid.tip").contains("儲存格"), "cell: 儲存格, not 單元格");
        assertTrue(tw.getProperty("app.zoom.in.tip").contains("滑鼠"), "mouse: 滑鼠, not 鼠標");
        for (String k : tw.stringPropertyNames()) {
            String v = tw.getProperty(k);
            assertFalse(v.contains("方差") || v.contains("鼠標") || v.contains("單元格") || v.contains("信息"),
                    k + " uses a Mainland term: " + v);
        }
    }

    @Test
    void formulas_are_found_in_english_text() {
        assertEquals(List.of("dgammax = dout", "dbeta = \u03a3_rows dout"),
                formulas(Messages.load(Locale.ROOT).getString("step.backward.9")));
        assertEquals(List.of("mu = (1/N) \u03a3_rows x"), formulas(Messages.load(Locale.ROOT).getString("step.forward.1")));
        assertEquals(List.of("eps = 1e-5"), formulas(Messages.load(Locale.ROOT).getString("editor.reset.tip")));
        assertEquals(List.of("out = beta"), formulas("so xhat is 0 and out = beta; every dx is 0"));
        assertEquals(List.of("out = beta"), formulas("xhat are 0 there (out = beta) and that group"));
        assertEquals(List.of("G = 1"), formulas("whole features (G = 1 is layer norm)"));
        assertEquals(List.of("(a) = (b)"), formulas("so (a) = (b) here"));
    }

    @Test
    void the_broadcast_formula_from_the_bundle_is_the_cores_in_english() {
        var graph = org.normgraph.core.BatchNormGraph.build(org.normgraph.app.model.Examples.classic());
        String pattern = english().getProperty("graph.formula.broadcast");
        int broadcasts = 0;
        for (var n : graph.nodes()) {
            if (n.kind() == org.normgraph.core.NodeKind.BROADCAST) {
                broadcasts++;
                assertEquals(n.formula(), MessageFormat.format(pattern, n.name(), n.inputs().get(0)));
            }
        }
        assertEquals(4, broadcasts);
    }

    @Test
    void each_file_names_its_language_in_that_language() {
        assertEquals("English", Language.ENGLISH.nativeName());
        assertEquals("简体中文", Language.SIMPLIFIED_CHINESE.nativeName());
        assertEquals("繁體中文", Language.TRADITIONAL_CHINESE.nativeName());
        assertEquals("日本語", Language.JAPANESE.nativeName());
        for (Language l : translations()) {
            assertEquals(l.nativeName(), of(l).getProperty("app.language.name"));
        }
    }

    @Test
    void the_bundle_chain_serves_each_language_and_never_the_system_language_for_english() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.JAPAN);
            assertEquals("English", Messages.load(Locale.ROOT).getString("app.language.name"));
            assertEquals("English", Messages.load(Locale.ENGLISH).getString("app.language.name"));
            assertEquals("English", Messages.load(Locale.FRENCH).getString("app.language.name"));
            Locale.setDefault(Locale.ENGLISH);
            assertEquals("日本語", Messages.load(Locale.JAPAN).getString("app.language.name"));
            assertEquals("繁體中文", Messages.load(Locale.TRADITIONAL_CHINESE).getString("app.language.name"));
            assertEquals("简体中文", Messages.load(Locale.SIMPLIFIED_CHINESE).getString("app.language.name"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
