package org.normgraph.app.editor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.BreakIterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How numbers are written on screen. Always with a dot as decimal point, whatever the
 * locale, so that what is shown can be typed or pasted back in ({@link CellParser} reads
 * the same form).
 *
 * <ul>
 *   <li>{@link #compact(double, int)}: rounded to a number of significant digits, trailing
 *       zeros dropped, scientific notation ({@code 1e-5}, {@code 1.235e7}) only for very
 *       small or large magnitudes. Used for display.</li>
 *   <li>{@link #cell(double)}: as many digits as the exact value needs, up to a limit. Used
 *       by the input grids.</li>
 *   <li>{@link #exact(double)}: the shortest text that reads back as the same double. Used
 *       when a cell is edited, so that editing never loses digits.</li>
 *   <li>{@link #unbroken(String)}: running text whose numbers a wrapping label keeps whole;
 *       {@link #unbrokenWords(String)} keeps every word whole.</li>
 * </ul>
 */
public final class NumberText {

    /** Significant digits the input grids show at least. */
    public static final int EDITOR_DIGITS = 6;
    /** Significant digits an input cell shows at most, when fewer would not show its exact value. */
    public static final int CELL_MAX_DIGITS = 10;
    /** Significant digits the inspector shows, unless {@link #digitsToShow} or {@link #digitsFor} ask for more. */
    public static final int INSPECTOR_DIGITS = 4;
    /** Significant digits the inspector shows at most: a double holds 15 to 17. */
    public static final int MAX_DIGITS = 12;

    /** ZERO WIDTH NO-BREAK SPACE: invisible, and no line break on either side of it. */
    static final char NO_BREAK = '\ufeff';
    /** A number in running text: a sign, digits, a decimal point, an exponent ({@code −3.70e−11}). */
    private static final Pattern NUMBER_IN_TEXT = Pattern.compile("[\u2212-]?\\d+(?:\\.\\d+)?(?:e[\u2212+-]?\\d+)?");
    /** A word of running text: all up to the next space. */
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final char MINUS = '\u2212';

    private NumberText() {
    }

    /** {@code v} rounded to {@code significant} digits, e.g. {@code 2.667}, {@code -0.05}, {@code 1e-5}. */
    public static String compact(double v, int significant) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        // plain up to 6 digits before the point (123456, but 1.235e6), or as many as asked for
        return written(rounded(v, significant), Math.max(6, significant));
    }

    /**
     * Significant digits that write numbers of size up to {@code largest} down to the 3rd
     * digit of {@code difference}, what tells them apart: {@link #INSPECTOR_DIGITS} unless
     * the numbers are 100 times that or more, and at most {@link #MAX_DIGITS}. For the column
     * 1e8 + 0.1 … 1e8 + 0.4 (difference 0.3) that is 12, so that it reads {@code 100000000.1},
     * …, not {@code 1e8} four times; for {@code 3 − 2.667 = 0.3333} it stays 4.
     */
    public static int digitsToShow(double largest, double difference) {
        if (!(Math.abs(difference) > 0) || !Double.isFinite(difference) || !Double.isFinite(largest)
                || Math.abs(largest) <= Math.abs(difference)) {
            return INSPECTOR_DIGITS;
        }
        int lost = (int) (Math.floor(Math.log10(Math.abs(largest))) - Math.floor(Math.log10(Math.abs(difference))));
        return Math.min(MAX_DIGITS, INSPECTOR_DIGITS + Math.max(0, lost - 1));
    }

    /**
     * {@code digits}, or more for a number whose integer part they would round ({@code 1e8}
     * for 100000000.1): its integer digits and two decimals, at most {@link #MAX_DIGITS}. So
     * 100000000.1 and their mean 100000000.25 show whole, 12345.6789 as 12345.68; numbers
     * below {@code 10^digits} keep {@code digits}.
     */
    public static int digitsFor(double v, int digits) {
        if (!Double.isFinite(v) || Math.abs(v) < Math.pow(10, digits)) {
            return digits;
        }
        int integerDigits = (int) Math.floor(Math.log10(Math.abs(v))) + 1;
        return Math.max(digits, Math.min(MAX_DIGITS, integerDigits + 2));
    }

    /**
     * What an input cell shows: the value exactly when up to {@value #CELL_MAX_DIGITS}
     * significant digits hold it, else {@value #EDITOR_DIGITS} digits; in plain notation
     * up to that many digits before the point. So inputs that differ only far from the point
     * read apart ({@code 100000000.1} and {@code 100000000}, which 6 digits both show as
     * {@code 1e8}), and a long tail such as {@code 0.30000000000000004} stays {@code 0.3}.
     */
    public static String cell(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        BigDecimal d = rounded(v, EDITOR_DIGITS);
        for (int digits = EDITOR_DIGITS; digits <= CELL_MAX_DIGITS; digits++) {
            BigDecimal candidate = rounded(v, digits);
            if (candidate.doubleValue() == v) {
                d = candidate;
                break;
            }
        }
        return written(d, CELL_MAX_DIGITS);
    }

    /** Plain from 1e-4 up to {@code plainDigits} digits before the point, else scientific. */
    private static String written(BigDecimal d, int plainDigits) {
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -4 && exponent < plainDigits) {
            return d.toPlainString();
        }
        return d.movePointLeft(exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "-\u221e";
        }
        return v == 0 ? "0" : null;
    }

    private static BigDecimal rounded(double v, int significant) {
        return BigDecimal.valueOf(v)
                .round(new MathContext(Math.max(1, significant), RoundingMode.HALF_UP))
                .stripTrailingZeros();
    }

    /**
     * {@code text} with its numbers made unbreakable for wrapping labels. JavaFX wraps at
     * {@link BreakIterator#getLineInstance()}'s breaks, which fall inside numbers:
     * {@code 3.70|e−11}, {@code −0.|5}; in Chinese and Japanese sentences, which have no
     * spaces to break at, they are taken often. An invisible no-break character at each such
     * break keeps the number on one line; a number without one ({@code 0.5}) stays as it is.
     */
    public static String unbroken(String text) {
        return glued(text, NUMBER_IN_TEXT);
    }

    /**
     * {@code text} that a wrapping label breaks only at its spaces: for English details
     * shown in a dialog, whose field names would otherwise break at their dots and brackets
     * ({@code inputs.|gamma}, {@code x|[2]|[1]}). A word wider than the line is still cut
     * by JavaFX where it overflows.
     */
    public static String unbrokenWords(String text) {
        return glued(text, WORD);
    }

    private static String glued(String text, Pattern pieces) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = pieces.matcher(text);
        BreakIterator lines = BreakIterator.getLineInstance();
        StringBuilder sb = new StringBuilder(text.length() + 8);
        int last = 0;
        while (m.find()) {
            String piece = m.group();
            lines.setText(piece);
            sb.append(text, last, m.start());
            for (int k = 0; k < piece.length(); k++) {
                if (k > 0 && lines.isBoundary(k)) {
                    sb.append(NO_BREAK);
                }
                sb.append(piece.charAt(k));
            }
            last = m.end();
        }
        return sb.append(text, last, text.length()).toString();
    }

    /** Like {@link #compact(double, int)} but with a typographic minus sign (U+2212), for reading only. */
    public static String pretty(double v, int significant) {
        return compact(v, significant).replace('-', MINUS);
    }

    /**
     * The shortest text that parses back to exactly {@code v}: {@code 3}, {@code 2.6666666666666665},
     * {@code 1e-5}, written plain or scientific where {@link #cell} is, so that a cell's editor
     * opens on the number the cell shows ({@code 100000000.3}, not {@code 1.000000003e8}).
     */
    public static String exact(double v) {
        if (v == 0) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return written(new BigDecimal(Double.toString(v)).stripTrailingZeros(), CELL_MAX_DIGITS);
    }
}
