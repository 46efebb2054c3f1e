package org.normgraph.app.graph;

import java.util.Arrays;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Scale;

/**
 * A small matrix written out as numbers on one canvas: a coloured cell per element with its
 * number right-aligned in it, and a frame around the selected cell.
 *
 * <p>Why a canvas and not a label per number: an edit changes most numbers of the graph, and
 * some 260 labels then each measured, laid out and repainted themselves. The canvas is drawn
 * in screen pixels ({@link #setPixelScale}: the graph's zoom times the screen's scale) and
 * shrunk back by a transform, so that under the zoom it lands 1:1 on the screen: the numbers
 * stay sharp, and the software renderer draws them from its glyph cache instead of filling
 * every glyph as a shape, as it does for text under a scale.
 */
final class NumberGrid extends Canvas {

    /** Room between a number and its cell's right edge. */
    static final double TEXT_INSET = 3;

    /**
     * Room a number leaves at its cell's left edge, in the cells' font of {@code size}: with a
     * mere inset, "−0.0134" next to "−0.0177" read as one subtraction on a projector.
     */
    static double leftRoom(double size) {
        return TEXT_INSET + 0.45 * size;
    }

    private static final String ELLIPSIS = "\u2026";
    /** The characters of {@link Numbers#format}'s output. */
    private static final String NUMBER_CHARS = "0123456789.\u2212-+eE";

    private final Scale unscale = new Scale(1, 1, 0, 0);
    private final Text measure = new Text();
    private int rows;
    private int cols;
    private double cellW;
    private double cellH;
    private double pixelScale = 1;
    private Font font = Font.getDefault();
    private Font drawFont;
    /** The widest of {@link #NUMBER_CHARS} in the drawing font: texts this short need no measuring. */
    private double widestChar;
    private Paint textFill;
    private Paint selectionStroke = Color.BLACK;
    private double selectionWidth = 2;
    private int selected = -1;
    private String[] texts = new String[0];
    private Color[] fills = new Color[0];
    /** Cells drawn one by one since the last full redraw (see {@link #drawOne}). */
    private int cellsDrawn;

    NumberGrid() {
        getTransforms().add(unscale);
        setManaged(false);
    }

    /** A grid of {@code rows} × {@code cols} empty cells of {@code cellW} × {@code cellH} each. */
    void setGrid(int rows, int cols, double cellW, double cellH) {
        if (rows != this.rows || cols != this.cols) {
            this.rows = rows;
            this.cols = cols;
            texts = new String[rows * cols];
            fills = new Color[rows * cols];
        }
        this.cellW = cellW;
        this.cellH = cellH;
        redraw();
    }

    /** Screen pixels per pixel of the grid; the canvas is drawn at this resolution. */
    void setPixelScale(double scale) {
        if (scale > 0 && scale != pixelScale) {
            pixelScale = scale;
            redraw();
        }
    }

    /** The numbers' font, their colour ({@code null}: dark or light, whichever reads on the cell) and the selection frame. */
    void setStyle(Font font, Paint textFill, Paint selectionStroke, double selectionWidth) {
        this.font = font;
        this.textFill = textFill;
        this.selectionStroke = selectionStroke;
        this.selectionWidth = selectionWidth;
        redraw();
    }

    /** Shows {@code text} on {@code fill} in cell {@code k} (row-major). */
    void setCell(int k, String text, Color fill) {
        texts[k] = text;
        fills[k] = fill;
        drawOne(k);
    }

    /** Empties every cell. */
    void clear() {
        Arrays.fill(texts, null);
        Arrays.fill(fills, null);
        redraw();
    }

    /** Frames cell {@code k} (−1: none). */
    void setSelected(int k) {
        if (k == selected) {
            return;
        }
        int old = selected;
        selected = k;
        if (old >= 0 && old < texts.length) {
            drawOne(old);
        }
        if (k >= 0 && k < texts.length) {
            drawOne(k);
        }
    }

    /** The text drawn in cell {@code k}: the number, cut to an ellipsis if it does not fit; "" when empty. */
    String drawnText(int k) {
        String t = texts[k];
        return t == null ? "" : fit(t);
    }

    /** Cells drawn one by one since the grid was last drawn whole. */
    int cellsDrawnSinceRedraw() {
        return cellsDrawn;
    }

    /** The fill of cell {@code k}, or {@code null} when it is empty. */
    Color fill(int k) {
        return fills[k];
    }

    private void redraw() {
        double w = Math.ceil(cols * cellW * pixelScale);
        double h = Math.ceil(rows * cellH * pixelScale);
        if (getWidth() != w || getHeight() != h) {
            setWidth(w);
            setHeight(h);
        }
        unscale.setX(1 / pixelScale);
        unscale.setY(1 / pixelScale);
        Font f = new Font(font.getName(), font.getSize() * pixelScale);
        if (!f.equals(drawFont)) {
            drawFont = f;
            measure.setFont(f);
            widestChar = 0;
            for (char c : NUMBER_CHARS.toCharArray()) {
                widestChar = Math.max(widestChar, width(String.valueOf(c)));
            }
        }
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, w, h); // covers the canvas: drops the drawing commands queued so far
        cellsDrawn = 0;
        g.setFont(drawFont);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < texts.length; k++) {
            drawCell(k);
        }
    }

    /**
     * Draws cell {@code k} over the old drawing. A canvas keeps the commands of every drawing
     * until it is painted, and one out of view is not painted: so after as many single cells as
     * the grid has, the whole grid is drawn anew, which lets the canvas drop the old commands.
     */
    private void drawOne(int k) {
        if (++cellsDrawn > texts.length) {
            redraw();
        } else {
            drawCell(k);
        }
    }

    /** Cell edges in screen pixels, rounded so that neighbouring cells share an edge without a seam. */
    private double edge(int index, double size) {
        return Math.round(index * size * pixelScale);
    }

    private void drawCell(int k) {
        int i = k / cols;
        int j = k % cols;
        double x0 = edge(j, cellW);
        double x1 = edge(j + 1, cellW);
        double y0 = edge(i, cellH);
        double y1 = edge(i + 1, cellH);
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(x0, y0, x1 - x0, y1 - y0);
        if (texts[k] == null) {
            return;
        }
        g.setFill(fills[k]);
        g.fillRect(x0, y0, x1 - x0, y1 - y0);
        g.setFill(textFill != null ? textFill : Palette.textOn(fills[k]));
        g.fillText(fit(texts[k]), x1 - TEXT_INSET * pixelScale, (y0 + y1) / 2);
        if (k == selected) {
            double sw = selectionWidth * pixelScale;
            g.setStroke(selectionStroke);
            g.setLineWidth(sw);
            g.strokeRect(x0 + sw / 2, y0 + sw / 2, x1 - x0 - sw, y1 - y0 - sw);
        }
    }

    /**
     * {@code text}; a number in scientific notation with as few digits less as make it fit,
     * keeping its exponent; else as much of it as fits followed by an ellipsis (like a label's
     * overrun). A number is measured with a minus sign, whether or not it has one, so that x and
     * −x keep the same digits: N = 2's dx showed −1.8e−6 above 1.75e−6.
     */
    private String fit(String text) {
        double room = (cellW - TEXT_INSET - leftRoom(font.getSize())) * pixelScale;
        boolean number = isNumberText(text);
        String sign = number && !text.isEmpty() && text.charAt(0) != Numbers.MINUS ? String.valueOf(Numbers.MINUS) : "";
        // most numbers are short: measuring each one's text is a tenth of an edit's work
        if ((text.length() + sign.length()) * widestChar <= room && number || width(sign + text) <= room) {
            return text;
        }
        for (int digits = 2; digits >= 1; digits--) { // format gives at most three
            String shorter = Numbers.roundedTo(text, digits);
            if (shorter != null && width(sign + shorter) <= room) {
                return shorter;
            }
        }
        for (int n = text.length() - 1; n > 0; n--) {
            String cut = text.substring(0, n) + ELLIPSIS;
            if (width(cut) <= room) {
                return cut;
            }
        }
        return ELLIPSIS;
    }

    private static boolean isNumberText(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (NUMBER_CHARS.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private double width(String s) {
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }
}
