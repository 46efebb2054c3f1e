package org.normgraph.app.inspector;

import java.util.Arrays;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.normgraph.app.editor.NumberText;
import org.normgraph.app.graph.ShownNumbers;
import org.normgraph.core.Matrix;

/**
 * A read-only matrix of numbers with row and column indices, each cell tinted by sign and
 * size (the same colour schemes as the graph view: values blue − / orange +, gradients
 * purple − / green +). One element can be highlighted; clicking a number reports its
 * row and column.
 */
final class MatrixTable extends Region {

    /** Colour scheme of a table. */
    enum Tint {
        VALUE(Color.web("#2166ac"), Color.web("#e66101")),
        GRADIENT(Color.web("#762a83"), Color.web("#1b7837"));

        private static final Color NEUTRAL = Color.web("#f7f7f7");
        private static final double STRENGTH = 0.45;

        private final Color negative;
        private final Color positive;

        Tint(Color negative, Color positive) {
            this.negative = negative;
            this.positive = positive;
        }

        Color of(double v, double maxAbs) {
            if (!Double.isFinite(v)) {
                return Color.web("#bdbdbd");
            }
            if (v == 0 || !(maxAbs > 0) || !Double.isFinite(maxAbs)) {
                return NEUTRAL;
            }
            double t = Math.sqrt(Math.min(1.0, Math.abs(v) / maxAbs)) * STRENGTH;
            return NEUTRAL.interpolate(v < 0 ? negative : positive, t);
        }
    }

    /** Space between cells, in pixels. */
    private static final double GAP = 1;

    private final Tint tint;
    private final Label[] columnIndex;
    private final Label[] rowIndex;
    private final Label[][] cells;
    private final ShownNumbers shown = new ShownNumbers();
    /** Significant digits of each column's numbers ({@link #columnDigits}). */
    private int[] digits = new int[0];
    private int selectedRow = -1;
    private int selectedCol = -1;
    /** Column widths (index column first) and row heights (index row first), from {@link #measure()}. */
    private double[] widths = new double[0];
    private double[] heights = new double[0];

    MatrixTable(Matrix m, boolean vector, Tint tint, int selectedRow, int selectedCol,
                BiConsumer<Integer, Integer> onClick) {
        this.tint = tint;
        getStyleClass().addAll("matrix-table", tint == Tint.VALUE ? "values" : "gradients");
        columnIndex = new Label[m.cols()];
        rowIndex = new Label[m.rows()];
        cells = new Label[m.rows()][m.cols()];
        for (int j = 0; j < m.cols(); j++) {
            columnIndex[j] = index(Integer.toString(j));
            getChildren().add(columnIndex[j]);
        }
        for (int i = 0; i < m.rows(); i++) {
            rowIndex[i] = index(vector ? "" : Integer.toString(i));
            getChildren().add(rowIndex[i]);
            for (int j = 0; j < m.cols(); j++) {
                Label cell = new Label();
                cell.getStyleClass().add("matrix-cell");
                // placed by layoutChildren alone: a new number re-lays out its label, and the
                // table (and the panes around it) only when a row or column changes size
                cell.setManaged(false);
                if (onClick != null) {
                    int row = i;
                    int col = j;
                    cell.setOnMouseClicked(e -> onClick.accept(row, col));
                }
                cells[i][j] = cell;
                getChildren().add(cell);
            }
        }
        show(m, selectedRow, selectedCol);
    }

    /**
     * Shows new numbers of the same shape in place, touching only the cells whose number,
     * colour or selection changed ({@link ShownNumbers}); false, and nothing changed, if the
     * shape differs.
     */
    boolean show(Matrix m, int selectedRow, int selectedCol) {
        if (m.rows() != cells.length || m.cols() != cells[0].length) {
            return false;
        }
        double maxAbs = finiteMaxAbs(m);
        int[] digits = columnDigits(m);
        if (!Arrays.equals(digits, this.digits)) { // every number is written anew
            shown.forget();
            this.digits = digits;
        }
        shown.begin(m.rows() * m.cols(), maxAbs);
        boolean newText = false;
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                double v = m.get(i, j);
                if (shown.changed(i * m.cols() + j, v)) {
                    Label cell = cells[i][j];
                    String text = ChainRuleExplainer.num(v, digits[j]);
                    if (!text.equals(cell.getText())) {
                        cell.setText(text);
                        newText = true;
                    }
                    ShownNumbers.fill(cell, tint.of(v, maxAbs));
                }
            }
        }
        if (selectedRow != this.selectedRow || selectedCol != this.selectedCol) {
            mark(this.selectedRow, this.selectedCol, false);
            mark(selectedRow, selectedCol, true);
            this.selectedRow = selectedRow;
            this.selectedCol = selectedCol;
            requestLayout(); // the selected cell's bold text and border arrive with the next CSS pass
        } else if (newText && sizesChanged()) {
            requestLayout();
        }
        return true;
    }

    /**
     * Per column, the digits that show how its numbers differ: a column of 1e8 + 0.1 … 1e8 + 0.4
     * would read {@code 1e8} in every row with 4 ({@link NumberText#digitsToShow}).
     */
    static int[] columnDigits(Matrix m) {
        int[] digits = new int[m.cols()];
        for (int j = 0; j < m.cols(); j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m.rows(); i++) {
                double v = m.get(i, j);
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            digits[j] = NumberText.digitsToShow(Math.max(Math.abs(min), Math.abs(max)), max - min);
        }
        return digits;
    }

    /** Whether a row or column now needs another size than it has. */
    private boolean sizesChanged() {
        double[] w = widths.clone();
        double[] h = heights.clone();
        measure();
        return !Arrays.equals(w, widths) || !Arrays.equals(h, heights);
    }

    private void mark(int row, int col, boolean selected) {
        Label cell = cell(row, col);
        if (cell != null) {
            if (selected) {
                cell.getStyleClass().add("selected");
            } else {
                cell.getStyleClass().remove("selected");
            }
        }
    }

    // ------------------------------------------------------------------ layout
    // A grid of equal rows and of columns as wide as their widest number. Unlike a GridPane
    // it reads no per-child constraints: at 32×16 the scroll panes around it ask for its size
    // several times per pulse, and each answer is one pass over the labels' cached sizes.

    /** Fills {@link #widths} and {@link #heights} from the labels' own sizes. */
    private void measure() {
        int rows = cells.length;
        int cols = columnIndex.length;
        if (widths.length != cols + 1) {
            widths = new double[cols + 1];
            heights = new double[rows + 1];
        }
        Arrays.fill(widths, 0);
        Arrays.fill(heights, 0);
        for (int j = 0; j < cols; j++) {
            widths[j + 1] = width(columnIndex[j]);
            heights[0] = Math.max(heights[0], height(columnIndex[j]));
        }
        for (int i = 0; i < rows; i++) {
            widths[0] = Math.max(widths[0], width(rowIndex[i]));
            heights[i + 1] = height(rowIndex[i]);
            for (int j = 0; j < cols; j++) {
                widths[j + 1] = Math.max(widths[j + 1], width(cells[i][j]));
                heights[i + 1] = Math.max(heights[i + 1], height(cells[i][j]));
            }
        }
    }

    private static double width(Label l) {
        return Math.max(l.minWidth(-1), l.prefWidth(-1));
    }

    private static double height(Label l) {
        return Math.max(l.minHeight(-1), l.prefHeight(-1));
    }

    private static double total(double[] sizes) {
        double sum = 0;
        for (double s : sizes) {
            sum += s;
        }
        return sum + GAP * Math.max(0, sizes.length - 1);
    }

    @Override
    protected double computePrefWidth(double height) {
        measure();
        return snappedLeftInset() + total(widths) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        measure();
        return snappedTopInset() + total(heights) + snappedBottomInset();
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
    protected void layoutChildren() {
        measure();
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double[] x = new double[widths.length];
        x[0] = left;
        for (int j = 1; j < widths.length; j++) {
            x[j] = x[j - 1] + widths[j - 1] + GAP;
        }
        double y = top;
        for (int j = 0; j < columnIndex.length; j++) {
            columnIndex[j].resizeRelocate(x[j + 1], y, widths[j + 1], heights[0]);
        }
        for (int i = 0; i < cells.length; i++) {
            y += heights[i] + GAP;
            rowIndex[i].resizeRelocate(x[0], y, widths[0], heights[i + 1]);
            for (int j = 0; j < columnIndex.length; j++) {
                cells[i][j].resizeRelocate(x[j + 1], y, widths[j + 1], heights[i + 1]);
            }
        }
    }

    private static double finiteMaxAbs(Matrix m) {
        double maxAbs = m.maxAbs();
        if (Double.isNaN(maxAbs)) {
            maxAbs = 0;
            for (double v : m.toArray()) {
                if (Double.isFinite(v)) {
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                }
            }
        }
        return maxAbs;
    }

    private static Label index(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("matrix-index");
        l.setAlignment(Pos.CENTER_RIGHT);
        return l;
    }

    /** The number label at an element (for tests). */
    Label cell(int row, int col) {
        return row >= 0 && row < cells.length && col >= 0 && col < cells[0].length ? cells[row][col] : null;
    }
}
