package org.normgraph.app.graph;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.normgraph.app.theme.InheritedFont;
import org.normgraph.core.Matrix;
import org.normgraph.core.Shape;

/**
 * A compact view of one matrix inside a graph node: a grid of numbers when it is small
 * ({@link #numbersFit}, drawn by a {@link NumberGrid}), otherwise a signed heat map on a
 * canvas. Both are coloured with a {@link Palette}. Cells can be clicked; the view keeps its
 * size while the matrix is unknown (shape given, no numbers yet) so that the graph does not
 * jump while stepping.
 *
 * <p>Updates happen in place: the same canvas is reused while the shape stays, and only the
 * cells whose number changed are drawn again.
 *
 * <p>CSS: {@code -fx-font} (inherited) for the numbers and the cell size,
 * {@code -ng-number-fill} (default: dark or light, whichever reads on the cell's colour),
 * {@code -ng-selection-stroke} and {@code -ng-selection-width} for the selected cell's frame.
 */
public final class MatrixView extends Region {

    /** Up to this many rows and columns the numbers are written out. */
    public static final int NUMBERS_MAX_ROWS = 5;
    public static final int NUMBERS_MAX_COLS = 5;

    /**
     * A number cell fits this text in the cells' font (the widest number most matrices show:
     * three significant digits and a sign), plus the room at its sides
     * ({@link NumberGrid#leftRoom}, {@link NumberGrid#TEXT_INSET}) × {@link #CELL_PAD_H}.
     * Longer numbers (1.23e−05) end in an ellipsis; the inspector shows them in full.
     */
    private static final String CELL_SAMPLE = "\u22120.0123";
    private static final double CELL_PAD_H = 4;
    private static final double HEAT_MAX_W = 168;
    private static final double HEAT_MAX_H = 150;
    private static final double HEAT_MIN_CELL = 2;
    private static final double HEAT_MAX_CELL = 14;
    /** A heat map of one or two rows or columns is at least this wide or tall: 32×1 was a 4 px strip. */
    private static final double HEAT_MIN_EXTENT = 36;
    private static final double MINI_MAX_W = 24;
    private static final double MINI_MAX_H = 20;
    private static final double MINI_MAX_CELL = 5;
    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");

    /** {@code -fx-font}: the numbers' font; it sizes the cells. */
    private static final CssMetaData<MatrixView, Font> FONT = InheritedFont.metaData(v -> v.font);
    private static final StyleablePropertyFactory<MatrixView> CSS =
            new StyleablePropertyFactory<>(InheritedFont.with(Region.getClassCssMetaData(), FONT));

    private final Palette palette;
    private final boolean mini;
    private NumberGrid grid;
    private Canvas canvas;
    private WritableImage image;
    private int[] pixels;
    private Tooltip heatTip;
    private Shape shape = new Shape(0, 0);
    private Matrix matrix;
    private double maxAbs;
    private final ShownNumbers shown = new ShownNumbers();
    private int selRow = -1;
    private int selCol = -1;
    private BiConsumer<Integer, Integer> onCellClicked;
    private double cellW;
    private double cellH;
    private final StyleableObjectProperty<Font> font = InheritedFont.property(FONT, this, () -> {
        measureCell();
        styleGrid();
        requestLayout();
    });
    private final StyleableProperty<Paint> numberFill =
            CSS.createStyleablePaintProperty(this, "numberFill", "-ng-number-fill", v -> v.numberFill, null);
    private final StyleableProperty<Paint> selectionStroke =
            CSS.createStyleablePaintProperty(this, "selectionStroke", "-ng-selection-stroke", v -> v.selectionStroke,
                    Color.BLACK);
    private final StyleableProperty<Number> selectionWidth =
            CSS.createStyleableNumberProperty(this, "selectionWidth", "-ng-selection-width", v -> v.selectionWidth, 2);
    private final DoubleProperty pixelScale = new SimpleDoubleProperty(this, "pixelScale", 1);

    public MatrixView(Palette palette) {
        this(palette, false);
    }

    /**
     * @param mini always a small heat map (for edge labels), never numbers
     */
    public MatrixView(Palette palette, boolean mini) {
        this.palette = palette;
        this.mini = mini;
        getStyleClass().add("matrix-view");
        if (mini) {
            getStyleClass().add("mini");
        }
        getStyleClass().add(palette == Palette.VALUE ? "value-matrix" : "gradient-matrix");
        setPadding(new Insets(1));
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        measureCell();
        for (StyleableProperty<?> p : List.of(numberFill, selectionStroke, selectionWidth)) {
            ((ObservableValue<?>) p).addListener(o -> styleGrid());
        }
        pixelScale.addListener(o -> {
            if (grid != null) {
                grid.setPixelScale(pixelScale.get());
            }
        });
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    /**
     * Screen pixels per pixel of this view (the graph's zoom times the screen's output scale):
     * the numbers are drawn at that resolution, so that they stay sharp under the zoom.
     */
    public DoubleProperty pixelScaleProperty() {
        return pixelScale;
    }

    /** The size of one number cell: grows with the text size so that a number never spills over. */
    public double cellWidth() {
        return cellW;
    }

    public double cellHeight() {
        return cellH;
    }

    private void measureCell() {
        Text sample = new Text(CELL_SAMPLE);
        sample.setFont(font.get());
        cellW = Math.ceil(sample.getLayoutBounds().getWidth() + NumberGrid.TEXT_INSET + NumberGrid.leftRoom(font.get().getSize()));
        cellH = Math.ceil(sample.getLayoutBounds().getHeight() + CELL_PAD_H);
        if (grid != null) {
            grid.setGrid(shape.rows(), shape.cols(), cellW, cellH);
        }
    }

    /** Whether a matrix of this shape is written out as numbers (else a heat map). */
    public static boolean numbersFit(Shape s) {
        return s.rows() <= NUMBERS_MAX_ROWS && s.cols() <= NUMBERS_MAX_COLS;
    }

    public Palette palette() {
        return palette;
    }

    public Matrix getMatrix() {
        return matrix;
    }

    public Shape getMatrixShape() {
        return shape;
    }

    /** Whether this view currently writes numbers (else it draws a heat map). */
    public boolean isNumbers() {
        return numbers();
    }

    private boolean numbers() {
        return !mini && numbersFit(shape);
    }

    /** The largest |value| shown: the end of the colour scale. */
    public double getMaxAbs() {
        return maxAbs;
    }

    public void setOnCellClicked(BiConsumer<Integer, Integer> handler) {
        this.onCellClicked = handler;
    }

    /**
     * Shows {@code m} (which must have {@code s}'s shape), or an empty grid of that shape
     * when {@code m} is {@code null}.
     */
    public void setContent(Shape s, Matrix m) {
        if (m != null && !m.shape().equals(s)) {
            throw new IllegalArgumentException("matrix " + m.shape() + " shown as " + s);
        }
        boolean reshape = !s.equals(shape);
        shape = s;
        matrix = m;
        maxAbs = m == null ? 0 : m.maxAbs();
        if (reshape) {
            rebuild();
        }
        pseudoClassStateChanged(EMPTY, m == null);
        if (numbers()) {
            updateNumbers();
        } else {
            drawHeat();
        }
    }

    /** Marks one cell as selected (or none with −1). */
    public void setSelectedCell(int row, int col) {
        if (row == selRow && col == selCol) {
            return;
        }
        selRow = row;
        selCol = col;
        if (numbers()) {
            selectInGrid();
        } else {
            drawHeat();
        }
    }

    /**
     * The text drawn for element (row, col): its number ({@link Numbers#format}, cut to an
     * ellipsis if it does not fit the cell), "" while the matrix is unknown; {@code null} in
     * heat-map mode.
     */
    public String cellText(int row, int col) {
        return grid == null ? null : grid.drawnText(index(row, col));
    }

    /** The colour under element (row, col)'s number, or {@code null} while unknown or in heat-map mode. */
    public Color cellFill(int row, int col) {
        return grid == null ? null : grid.fill(index(row, col));
    }

    /** Element (row, col)'s cell in this view's coordinates (numbers or heat map). */
    public Bounds cellBounds(int row, int col) {
        Insets in = getInsets();
        return new BoundingBox(in.getLeft() + col * shownCellW(), in.getTop() + row * shownCellH(),
                shownCellW(), shownCellH());
    }

    /** The element whose cell holds point (x, y) of this view, as row × cols + col; −1 outside every cell. */
    private int cellAt(double x, double y) {
        Insets in = getInsets();
        int r = (int) Math.floor((y - in.getTop()) / shownCellH());
        int c = (int) Math.floor((x - in.getLeft()) / shownCellW());
        return r >= 0 && r < shape.rows() && c >= 0 && c < shape.cols() ? r * shape.cols() + c : -1;
    }

    private double shownCellW() {
        return numbers() ? cellW : heatCellW();
    }

    private double shownCellH() {
        return numbers() ? cellH : heatCellH();
    }

    /** Whether element (row, col) is the selected one (framed). */
    public boolean isSelectedCell(int row, int col) {
        return row == selRow && col == selCol;
    }

    /** The canvas the numbers are drawn on, or {@code null} in heat-map mode. */
    public Canvas numberCanvas() {
        return grid;
    }

    private int index(int row, int col) {
        if (row < 0 || row >= shape.rows() || col < 0 || col >= shape.cols()) {
            throw new IndexOutOfBoundsException("[" + row + "][" + col + "] of " + shape);
        }
        return row * shape.cols() + col;
    }

    private void rebuild() {
        getChildren().clear();
        shown.forget();
        grid = null;
        canvas = null;
        if (numbers()) {
            addGrid();
        } else {
            addCanvas();
        }
        requestLayout();
    }

    private void addGrid() {
        grid = new NumberGrid();
        grid.setPixelScale(pixelScale.get());
        grid.setGrid(shape.rows(), shape.cols(), cellW, cellH);
        styleGrid();
        selectInGrid();
        getChildren().add(grid);
    }

    private void styleGrid() {
        if (grid != null) {
            grid.setStyle(font.get(), numberFill.getValue(), selectionStroke.getValue(),
                    selectionWidth.getValue().doubleValue());
        }
    }

    private void selectInGrid() {
        boolean inside = selRow >= 0 && selRow < shape.rows() && selCol >= 0 && selCol < shape.cols();
        grid.setSelected(inside ? selRow * shape.cols() + selCol : -1);
    }

    private void addCanvas() {
        canvas = new Canvas(shape.cols() * heatCellW(), shape.rows() * heatCellH());
        canvas.getStyleClass().add("heat-map");
        heatTip = new Tooltip();
        heatTip.setShowDelay(Duration.millis(150));
        Tooltip.install(canvas, heatTip);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            Point2D p = canvas.localToParent(e.getX(), e.getY());
            int k = cellAt(p.getX(), p.getY());
            int r = k / shape.cols();
            int c = k % shape.cols();
            heatTip.setText(matrix != null && k >= 0 ? "[" + r + "][" + c + "] = " + matrix.get(r, c) : "");
        });
        getChildren().add(canvas);
    }

    /** A primary click on a cell (number or heat map; events from either canvas arrive here in this view's coordinates). */
    private void clicked(MouseEvent e) {
        int k = cellAt(e.getX(), e.getY());
        if (k >= 0 && e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && onCellClicked != null) {
            onCellClicked.accept(k / shape.cols(), k % shape.cols());
            e.consume();
        }
    }

    /** The side of a square heat-map cell that keeps the whole map within its maximum size. */
    private double heatCell() {
        double maxW = mini ? MINI_MAX_W : HEAT_MAX_W;
        double maxH = mini ? MINI_MAX_H : HEAT_MAX_H;
        double c = Math.min(maxW / Math.max(1, shape.cols()), maxH / Math.max(1, shape.rows()));
        double min = mini ? 1 : HEAT_MIN_CELL;
        return Math.max(min, Math.min(mini ? MINI_MAX_CELL : HEAT_MAX_CELL, Math.floor(c)));
    }

    /** A cell's width: square, but a map of few columns widens to {@link #HEAT_MIN_EXTENT}. */
    private double heatCellW() {
        return mini ? heatCell() : Math.max(heatCell(), Math.floor(HEAT_MIN_EXTENT / Math.max(1, shape.cols())));
    }

    /** A cell's height: square, but a map of few rows grows to {@link #HEAT_MIN_EXTENT}. */
    private double heatCellH() {
        return mini ? heatCell() : Math.max(heatCell(), Math.floor(HEAT_MIN_EXTENT / Math.max(1, shape.rows())));
    }

    private void updateNumbers() {
        if (matrix == null) {
            shown.forget();
            grid.clear();
            return;
        }
        shown.begin(shape.rows() * shape.cols(), maxAbs);
        int k = 0;
        for (int i = 0; i < shape.rows(); i++) {
            for (int j = 0; j < shape.cols(); j++, k++) {
                double v = matrix.get(i, j);
                if (shown.changed(k, v)) {
                    grid.setCell(k, Numbers.format(v), palette.color(v, maxAbs, 0.6));
                }
            }
        }
    }

    /** One pixel per element into an image, drawn scaled without smoothing: fast for 32×16 and more. */
    private void drawHeat() {
        if (canvas == null) {
            return;
        }
        double cellW = heatCellW();
        double cellH = heatCellH();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (matrix == null) {
            return;
        }
        int rows = shape.rows();
        int cols = shape.cols();
        if (image == null || image.getWidth() != cols || image.getHeight() != rows) {
            image = new WritableImage(cols, rows);
            pixels = new int[rows * cols];
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                pixels[i * cols + j] = palette.argb(matrix.get(i, j), maxAbs);
            }
        }
        image.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbInstance(), pixels, 0, cols);
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, cols * cellW, rows * cellH);
        if (selRow >= 0 && selRow < rows && selCol >= 0 && selCol < cols) {
            g.setStroke(Color.BLACK);
            g.setLineWidth(Math.max(1, Math.min(cellW, cellH) / 5));
            g.strokeRect(selCol * cellW, selRow * cellH, cellW, cellH);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        double w = numbers() ? shape.cols() * cellW : shape.cols() * heatCellW();
        return in.getLeft() + w + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double h = numbers() ? shape.rows() * cellH : shape.rows() * heatCellH();
        return in.getTop() + h + in.getBottom();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        if (grid != null) {
            grid.relocate(in.getLeft(), in.getTop());
        } else if (canvas != null) {
            canvas.relocate(in.getLeft(), in.getTop());
        }
    }
}
