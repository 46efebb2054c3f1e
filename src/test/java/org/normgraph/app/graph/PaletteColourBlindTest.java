package org.normgraph.app.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The value and gradient colours as viewers with a colour-vision deficiency see them:
 * Machado, Oliveira and Fernandes (2009) simulation matrices at full severity, applied in
 * linear RGB, compared as CIELAB colour differences (ΔE*ab, CIE76).
 *
 * <p>Negative and positive must stay far apart within each scheme (ΔE ≥ {@value #MIN_SIGN}),
 * for every deficiency; a red/green pair fails that test. Values and gradients are also told
 * apart by the gradient's caption and dashed frame (never by colour alone), so across the
 * two schemes only "not the same colour" (ΔE ≥ {@value #MIN_ACROSS}) is required.
 */
class PaletteColourBlindTest {

    static final double MIN_SIGN = 40;
    static final double MIN_ACROSS = 12;

    /** Machado et al. 2009, severity 1.0. */
    enum Deficiency {
        NONE(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
        PROTANOPIA(new double[][] {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
                {-0.003882, -0.048116, 1.051998}}),
        DEUTERANOPIA(new double[][] {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
                {-0.011820, 0.042940, 0.968881}}),
        TRITANOPIA(new double[][] {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602},
                {0.004733, 0.691367, 0.303900}});

        final double[][] m;

        Deficiency(double[][] m) {
            this.m = m;
        }

        /** The colour as seen, in CIELAB. */
        double[] lab(Color c) {
            double[] lin = {linear(c.getRed()), linear(c.getGreen()), linear(c.getBlue())};
            double[] seen = new double[3];
            for (int i = 0; i < 3; i++) {
                double v = m[i][0] * lin[0] + m[i][1] * lin[1] + m[i][2] * lin[2];
                seen[i] = Math.max(0, Math.min(1, v));
            }
            return toLab(seen);
        }
    }

    static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** Linear sRGB (D65) to CIELAB. */
    static double[] toLab(double[] lin) {
        double x = 0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2];
        double y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
        double z = 0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2];
        double fx = f(x / 0.95047);
        double fy = f(y);
        double fz = f(z / 1.08883);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    static double deltaE(Deficiency d, Color a, Color b) {
        double[] p = d.lab(a);
        double[] q = d.lab(b);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    @ParameterizedTest
    @EnumSource(Deficiency.class)
    void negative_and_positive_are_far_apart_in_both_schemes(Deficiency d) {
        for (Palette p : Palette.values()) {
            double e = deltaE(d, p.negative(), p.positive());
            assertTrue(e >= MIN_SIGN, p + " under " + d + ": ΔE " + e);
        }
    }

    @ParameterizedTest
    @EnumSource(Deficiency.class)
    void value_and_gradient_colours_are_never_the_same(Deficiency d) {
        Color[] values = {Palette.VALUE.negative(), Palette.VALUE.positive()};
        Color[] gradients = {Palette.GRADIENT.negative(), Palette.GRADIENT.positive()};
        for (Color v : values) {
            for (Color g : gradients) {
                double e = deltaE(d, v, g);
                assertTrue(e >= MIN_ACROSS, v + " vs " + g + " under " + d + ": ΔE " + e);
            }
        }
    }

    @Test
    void a_red_green_pair_fails_the_sign_test_for_red_green_deficiencies() {
        Color red = Color.web("#d7191c");
        Color green = Color.web("#1a9641");
        assertTrue(deltaE(Deficiency.NONE, red, green) >= MIN_SIGN, "distinct for normal vision");
        assertTrue(deltaE(Deficiency.PROTANOPIA, red, green) < MIN_SIGN, "protanopia confuses red/green");
        assertTrue(deltaE(Deficiency.DEUTERANOPIA, red, green) < MIN_SIGN, "deuteranopia confuses red/green");
    }

    @Test
    void the_simulation_keeps_grey_grey() {
        for (Deficiency d : Deficiency.values()) {
            double[] lab = d.lab(Color.gray(0.5));
            assertTrue(Math.abs(lab[1]) < 1.5 && Math.abs(lab[2]) < 1.5, d + " turned grey into " + lab[1] + ", " + lab[2]);
        }
    }
}
