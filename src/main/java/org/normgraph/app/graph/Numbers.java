package org.normgraph.app.graph;

import java.math.BigDecimal;

/**
 * Short number text for the graph's cells: three significant digits, a true minus sign,
 * no trailing zeros; scientific notation outside 0.001 ≤ |v| &lt; 10000. The inspector
 * shows full precision; this is only for display, never for computing.
 */
public final class Numbers {

    public static final char MINUS = '\u2212';
    private static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10000);

    private Numbers() {
    }

    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : MINUS + "∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        String body = null;
        if (a >= 0.001 && a < 10000) {
            int e = (int) Math.floor(Math.log10(a));
            int scale = 2 - e; // decimals for three significant digits (negative: round to tens, …)
            long unscaled = Math.round(scale >= 0 ? a * POW10[scale] : a / POW10[-scale]);
            if (unscaled >= 1000) { // rounding reached the next power of ten
                unscaled = Math.round(unscaled / 10.0);
                scale--;
            }
            BigDecimal d = BigDecimal.valueOf(unscaled, scale);
            if (d.compareTo(TEN_THOUSAND) < 0) {
                body = d.stripTrailingZeros().toPlainString();
            }
        }
        if (body == null) {
            body = scientific(a);
        }
        return v < 0 ? MINUS + body : body;
    }

    /**
     * {@link #format}'s text rounded to {@code digits} significant digits: scientific text keeps
     * its exponent ("−2.53e299" → "−2.5e299" or "−3e299"), a decimal stays a decimal
     * ("−0.00992" → "−0.0099" or "−0.01"); null when it is not a number or has no more digits
     * than that. A narrow cell drops digits this way before it would cut a number short.
     */
    static String roundedTo(String text, int digits) {
        int e = text.indexOf('e');
        boolean negative = !text.isEmpty() && text.charAt(0) == MINUS;
        if (e < 0) {
            return roundedDecimal(text.substring(negative ? 1 : 0), digits, negative);
        }
        if (!text.substring(negative ? 1 : 0, e).matches("[0-9]+(\\.[0-9]+)?")) {
            return null;
        }
        BigDecimal mant = new BigDecimal(text.substring(negative ? 1 : 0, e));
        if (mant.precision() <= digits) {
            return null;
        }
        String expText = text.substring(e + 1);
        int exp = expText.charAt(0) == MINUS ? -Integer.parseInt(expText.substring(1)) : Integer.parseInt(expText);
        BigDecimal r = mant.round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_UP));
        if (r.compareTo(BigDecimal.TEN) >= 0) { // 9.96 → 10: one power of ten more
            r = r.movePointLeft(1);
            exp++;
        }
        String body = r.stripTrailingZeros().toPlainString() + "e" + (exp < 0 ? String.valueOf(MINUS) + (-exp) : String.valueOf(exp));
        return negative ? MINUS + body : body;
    }

    private static String roundedDecimal(String digitsText, int digits, boolean negative) {
        if (!digitsText.matches("[0-9]+(\\.[0-9]+)?")) {
            return null;
        }
        BigDecimal d = new BigDecimal(digitsText);
        if (d.stripTrailingZeros().precision() <= digits) {
            return null;
        }
        String body = d.round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_UP)).stripTrailingZeros()
                .toPlainString();
        return negative ? MINUS + body : body;
    }

    private static String scientific(double a) {
        String s = String.format(java.util.Locale.ROOT, "%.2e", a); // 1.23e-05
        int e = s.indexOf('e');
        String mant = s.substring(0, e);
        if (mant.contains(".")) {
            mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        int exp = Integer.parseInt(s.substring(e + 1));
        return mant + "e" + (exp < 0 ? String.valueOf(MINUS) + (-exp) : String.valueOf(exp));
    }
}
