package org.normgraph.app.graph;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Short number text for the graph's cells: three significant digits, a true minus sign,
 * no trailing zeros; scientific notation outside 0.001 ≤ |v| &lt; 10000. The inspector
 * shows full precision; this is only for display, never for computing.
 */
public final class Numbers {

    public static final char MINUS = '\u2212';

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
        String body;
        if (a >= 0.001 && a < 10000) {
            BigDecimal d = new BigDecimal(a).round(new MathContext(3, RoundingMode.HALF_EVEN));
            if (d.compareTo(BigDecimal.valueOf(10000)) >= 0) {
                body = scientific(a);
            } else {
                body = d.stripTrailingZeros().toPlainString();
            }
        } else {
            body = scientific(a);
        }
        return v < 0 ? MINUS + body : body;
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
