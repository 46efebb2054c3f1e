package org.normgraph.app;

import javafx.scene.control.Labeled;

/**
 * Keeps a wrapped Chinese or Japanese paragraph from ending on a line of one character
 * ("…合并成了一 / 行。"): JavaFX may break a line between any two CJK characters, so the last
 * three are glued with U+FEFF, which JavaFX's line breaking treats as no-break and draws as
 * nothing. Text in other scripts breaks at spaces and is left as it is. Not for labels in a
 * monospaced font: it draws U+FEFF as a blank.
 */
public final class CjkWrap {

    /** ZERO WIDTH NO-BREAK SPACE (U+2060 WORD JOINER did not hold the characters together in JavaFX). */
    static final char GLUE = '\ufeff';
    private static final int KEPT = 3;

    private CjkWrap() {
    }

    /** Keeps the end of every text {@code label} shows together (unless its text is bound). */
    public static <T extends Labeled> T keepEndOf(T label) {
        label.textProperty().addListener((o, a, text) -> {
            String kept = keepEnd(text);
            if (kept != null && !kept.equals(text) && !label.textProperty().isBound()) {
                label.setText(kept); // heard again, unchanged then
            }
        });
        label.setText(keepEnd(label.getText()));
        return label;
    }

    /**
     * {@code text} with its last {@value #KEPT} characters (spaces aside) glued together and
     * the spaces among them made no-break, if it ends in CJK script; else {@code text}.
     */
    public static String keepEnd(String text) {
        if (text == null) {
            return null;
        }
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end == 0 || !isCjk(text.codePointBefore(end))) {
            return text;
        }
        int start = end;
        int counted = 0;
        while (start > 0 && counted < KEPT) {
            int cp = text.codePointBefore(start);
            start -= Character.charCount(cp);
            if (cp != GLUE && !Character.isWhitespace(cp) && ++counted == KEPT) {
                break;
            }
        }
        StringBuilder sb = new StringBuilder(text.length() + 2 * KEPT).append(text, 0, start);
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            if (i > start && cp != GLUE && sb.charAt(sb.length() - 1) != GLUE) {
                sb.append(GLUE);
            }
            sb.appendCodePoint(cp == ' ' ? '\u00a0' : cp);
            i += Character.charCount(cp);
        }
        return sb.append(text, end, text.length()).toString();
    }

    /** Han, kana, Hangul, or the CJK and full-width punctuation that ends such a sentence. */
    public static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }
}
