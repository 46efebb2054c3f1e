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
 * <p>Intensity is |v| / max|v| of the matrix shown, so each matrix uses its full range;
 * the caption gives the scale.
 */
public enum Palette {
    VALUE(Color.web("#2166ac"), Color.web("#e66101")),
    GRADIENT(Color.web("#762a83"), Color.web("#1b7837"));

    /** The colour of zero in both schemes. */
    public static final Color NEUTRAL = Color.web("#f7f7f7");
    /** Colour of NaN and infinities: they are never a point on the scale. */
    public static final Color NON_FINITE = Color.web("#000000");

    private final Color negative;
    private final Color positive;

    Palette(Color negative, Color positive) {
        this.negative = negative;
        this.positive = positive;
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
        if (v == 0 || !(maxAbs > 0) || !Double.isFinite(maxAbs)) {
            return NEUTRAL;
        }
        double t = Math.min(1.0, Math.abs(v) / maxAbs);
        t = Math.sqrt(t) * strength; // small magnitudes stay visible
        return NEUTRAL.interpolate(v < 0 ? negative : positive, t);
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        double lum = 0.2126 * background.getRed() + 0.7152 * background.getGreen()
                + 0.0722 * background.getBlue();
        return lum < 0.5 ? Color.WHITE : Color.web("#1a1a1a");
    }

    /** CSS colour literal for an inline computed colour. */
    public static String css(Color c) {
        return String.format(java.util.Locale.ROOT, "rgb(%d,%d,%d)",
                Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
