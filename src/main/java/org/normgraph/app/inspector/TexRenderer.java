package org.normgraph.app.inspector;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Typesets LaTeX with JLaTeXMath into an image: {@code TeXFormula} → {@code TeXIcon} →
 * an ARGB {@link BufferedImage} → a JavaFX {@link Image}. Works headless (it only paints
 * into an off-screen image; no window, no Swing component). Images are drawn at twice the
 * requested size so they stay sharp on HiDPI screens; show them at half their pixel size.
 */
public final class TexRenderer {

    /** Pixel scale of the images relative to the size they are shown at. */
    public static final int SCALE = 2;

    private static final int CACHE = 64;
    private static final Map<String, Image> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > CACHE;
        }
    };

    private TexRenderer() {
    }

    /**
     * Draws {@code tex} at {@code size} pixels per em (times {@link #SCALE}).
     *
     * @throws IllegalArgumentException if the LaTeX does not parse
     */
    public static BufferedImage render(String tex, float size, Color foreground) {
        TeXFormula formula;
        try {
            formula = new TeXFormula(tex);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        TeXIcon icon = formula.createTeXIcon(TeXConstants.STYLE_DISPLAY, size * SCALE);
        icon.setInsets(new Insets(2 * SCALE, 2 * SCALE, 2 * SCALE, 2 * SCALE));
        icon.setForeground(foreground);
        int w = Math.max(1, icon.getIconWidth());
        int h = Math.max(1, icon.getIconHeight());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            icon.paintIcon(null, g, 0, 0);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The typeset formula as a JavaFX image (cached); see {@link #render}. */
    public static synchronized Image image(String tex, float size, Color foreground) {
        String key = size + "|" + foreground.getRGB() + "|" + tex;
        Image img = cache.get(key);
        if (img == null) {
            img = toFx(render(tex, size, foreground));
            cache.put(key, img);
        }
        return img;
    }

    /** Copies an ARGB image into a JavaFX image (no javafx.swing needed). */
    public static Image toFx(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }

    /** Whether an image has any pixel that is not fully transparent. */
    public static boolean hasInk(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) >>> 24) != 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
