package org.normgraph.app.editor;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Reads the text of one cell (or of the eps field) as a finite double.
 *
 * <p>Accepted: an optional sign ({@code +}, {@code -} or the typographic minus U+2212),
 * digits with an optional decimal <b>dot</b>, an optional exponent: {@code 1}, {@code -2.5},
 * {@code .5}, {@code 1e-3}, {@code 2E+4}. Surrounding spaces (also no-break spaces) are
 * ignored. Full-width forms, as a Chinese or Japanese input method types them
 * ({@code １．５}, {@code －２}), read as their ASCII forms. The same rules hold in every
 * locale, so that what the app shows can be typed and pasted back in.
 *
 * <p>Refused, each with its own message: empty text; text that is not a number
 * ({@code abc}, {@code 0x1p3}, {@code 1d}); a decimal comma ({@code 1,5}: refused, not
 * guessed, because {@code 1,000} could mean a thousand — the message suggests {@code 1.5});
 * {@code NaN}, {@code Infinity}; and numbers beyond the range of a double
 * ({@code 1e400}) or so small that a double would hold it as 0 ({@code 1e-400}: the
 * learner meant a tiny number, not 0; the smallest a double holds is about 4.9e-324).
 */
public final class CellParser {

    /** What is wrong with a text. */
    public enum Problem {
        EMPTY("editor.refused.empty"),
        NOT_A_NUMBER("editor.refused.nan"),
        DECIMAL_COMMA("editor.refused.comma"),
        NOT_FINITE("editor.refused.nonfinite"),
        TOO_LARGE("editor.refused.toolarge"),
        TOO_SMALL("editor.refused.toosmall");

        private final String key;

        Problem(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * The outcome: a value, or a problem.
     *
     * @param value   the number when {@code problem} is null
     * @param problem why the text was refused, or null
     * @param text    the text as typed (untrimmed), for the message
     */
    public record Parsed(double value, Problem problem, String text) {

        public boolean ok() {
            return problem == null;
        }

        /** The refusal naming {@code cell} (e.g. {@code x[2][1]}); only when not {@link #ok()}. */
        public BundleText refusal(String cell) {
            if (ok()) {
                throw new IllegalStateException("'" + text + "' was accepted");
            }
            String shown = BundleText.shown(text);
            if (problem == Problem.DECIMAL_COMMA) {
                return BundleText.of(problem.key(), cell, shown, BundleText.shown(normalize(text).replace(',', '.')));
            }
            return BundleText.of(problem.key(), cell, shown);
        }
    }

    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern COMMA_NUMBER =
            Pattern.compile("[+-]?(\\d*,\\d+|\\d+,)([eE][+-]?\\d+)?");
    private static final Pattern NONZERO_DIGIT = Pattern.compile("[1-9]");
    private static final Pattern NON_FINITE_WORD =
            Pattern.compile("(?i)[+-]?(nan|inf|infinity|\u221e)");

    private CellParser() {
    }

    public static Parsed parse(String text) {
        String t = text == null ? "" : normalize(text);
        if (t.isEmpty()) {
            return refused(Problem.EMPTY, text);
        }
        if (NUMBER.matcher(t).matches()) {
            double v = Double.parseDouble(t);
            if (Double.isInfinite(v)) {
                return refused(Problem.TOO_LARGE, text);
            }
            if (v == 0 && NONZERO_DIGIT.matcher(mantissa(t)).find()) {
                return refused(Problem.TOO_SMALL, text);
            }
            return new Parsed(v + 0.0, null, text); // + 0.0 turns -0 into 0
        }
        if (COMMA_NUMBER.matcher(t).matches()) {
            return refused(Problem.DECIMAL_COMMA, text);
        }
        if (NON_FINITE_WORD.matcher(t).matches()) {
            return refused(Problem.NOT_FINITE, text);
        }
        return refused(Problem.NOT_A_NUMBER, text);
    }

    /**
     * Full-width digits, signs, dots and spaces as ASCII (NFKC; it also turns U+00A0 into a
     * space), trimmed, a typographic minus as {@code -}, and without the double quotes a CSV
     * puts around a cell ({@code "1,5"} got the bare "not a number" instead of the decimal comma's
     * advice).
     */
    static String normalize(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t.replace('\u2212', '-');
    }

    /** The digits before the exponent: {@code 1e-400} → {@code 1}. */
    private static String mantissa(String number) {
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        return e < 0 ? number : number.substring(0, e);
    }

    private static Parsed refused(Problem problem, String text) {
        return new Parsed(Double.NaN, problem, text);
    }
}
