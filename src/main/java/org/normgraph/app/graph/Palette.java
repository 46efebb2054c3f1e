package org.normgraph.app.graph;

import javafx.scene.paint.Color;

/**
 * The two signed colour schemes of the graph view. Both are diverging and colour-blind-safe
 * (ColorBrewer-style endpoints around a light neutral for zero):
 * <ul>
 *   <li>{@link #VALUE}: forward values, negative blue {@code #2166ac} → zero → positive
 *       orange {@code #e66101};</li>
 *   <li>{@link #GRADIENT}: gradients, negative purple {@code #762a83} → zero → positive
 *       green {@code #1b7837}.</li>
 * </ul>
 * Values and gradients are also told apart without colour: a gradient is always captioned
 * with its name ({@code dxhat}, …) and framed with a dashed border.
 *
 * <p>Intensity is √(|v| / max|v|) of the matrix shown, so each matrix uses its full range
 * and small magnitudes stay visible; NaN and infinities are black.
 */
public enum Palette {
    VALUE("#2166ac", "#e66101"),
    GRADIENT("#762a83", "#1b7837");

    /** The colour of zero in both schemes. */
    public static final Color NEUTRAL = Color.web("#f7f7f7");
    /** Colour of NaN and infinities: they are never a point on the scale. */
    public static final Color NON_FINITE = Color.BLACK;

    private static final int LEVELS = 256;

    private static final Color DARK_TEXT = Color.web("#1a1a1a");

    private final Color negative;
    private final Color positive;
    private int[] negativeArgb;
    private int[] positiveArgb;

    Palette(String negative, String positive) {
        this.negative = Color.web(negative);
        this.positive = Color.web(positive);
    }

    public Color negative() {
        return negative;
    }

    public Color positive() {
        return positive;
    }

    /** The full-strength colour of {@code v} on a scale of ±{@code maxAbs} (heat maps). */
    public Color color(double v, double maxAbs) {
        return color(v, maxAbs, 1.0);
    }

    /**
     * The colour of {@code v}, mixed from neutral at most {@code strength} of the way to the
     * end colour. Number cells use a lighter strength so that dark digits stay legible.
     */
    public Color color(double v, double maxAbs, double strength) {
        if (!Double.isFinite(v)) {
            return NON_FINITE;
        }
        double t = level(v, maxAbs) * strength;
        return t == 0 ? NEUTRAL : NEUTRAL.interpolate(v < 0 ? negative : positive, t);
    }

    /** The same colour as {@link #color(double, double)}, as a packed ARGB int (for pixel buffers). */
    public int argb(double v, double maxAbs) {
        if (!Double.isFinite(v)) {
            return 0xff000000;
        }
        if (negativeArgb == null) {
            negativeArgb = table(negative);
            positiveArgb = table(positive);
        }
        int i = (int) Math.round(level(v, maxAbs) * (LEVELS - 1));
        return v < 0 ? negativeArgb[i] : positiveArgb[i];
    }

    /** 0 for zero, 1 for ±maxAbs. */
    private static double level(double v, double maxAbs) {
        if (v == 0 || !(maxAbs > 0) || !Double.isFinite(maxAbs)) {
            return 0;
        }
        return Math.sqrt(Math.min(1.0, Math.abs(v) / maxAbs));
    }

    private static int[] table(Color end) {
        int[] t = new int[LEVELS];
        for (int i = 0; i < LEVELS; i++) {
            t[i] = pack(NEUTRAL.interpolate(end, i / (double) (LEVELS - 1)));
        }
        return t;
    }

    private static int pack(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        double lum = 0.2126 * background.getRed() + 0.7152 * background.getGreen()
                + 0.0722 * background.getBlue();
        return lum < 0.5 ? Color.WHITE : DARK_TEXT;
    }
}
