package org.normgraph.app.inspector;

import java.util.function.BiConsumer;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.normgraph.core.Matrix;

/**
 * A read-only matrix of numbers with row and column indices, each cell tinted by sign and
 * size (the same colour schemes as the graph view: values blue − / orange +, gradients
 * purple − / green +). One element can be highlighted; clicking a number reports its
 * row and column.
 */
final class MatrixTable extends GridPane {

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

    private final Tint tint;
    private final Label[][] cells;

    MatrixTable(Matrix m, boolean vector, Tint tint, int selectedRow, int selectedCol,
                BiConsumer<Integer, Integer> onClick) {
        this.tint = tint;
        getStyleClass().addAll("matrix-table", tint == Tint.VALUE ? "values" : "gradients");
        ColumnConstraints header = new ColumnConstraints();
        header.setHalignment(HPos.RIGHT);
        getColumnConstraints().add(header);
        for (int j = 0; j < m.cols(); j++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHalignment(HPos.RIGHT);
            getColumnConstraints().add(c);
            add(index(Integer.toString(j)), j + 1, 0);
        }
        cells = new Label[m.rows()][m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            add(index(vector ? "" : Integer.toString(i)), 0, i + 1);
            for (int j = 0; j < m.cols(); j++) {
                Label cell = new Label();
                cell.getStyleClass().add("matrix-cell");
                cell.setMaxWidth(Double.MAX_VALUE);
                cell.setMinWidth(Region.USE_PREF_SIZE);
                if (onClick != null) {
                    int row = i;
                    int col = j;
                    cell.setOnMouseClicked(e -> onClick.accept(row, col));
                }
                cells[i][j] = cell;
                add(cell, j + 1, i + 1);
            }
        }
        show(m, selectedRow, selectedCol);
    }

    /**
     * Shows new numbers of the same shape in place, touching only the cells whose text,
     * colour or selection changed (an edit while a 32×16 node is inspected would otherwise
     * build 512 labels again); false, and nothing changed, if the shape differs.
     */
    boolean show(Matrix m, int selectedRow, int selectedCol) {
        if (m.rows() != cells.length || m.cols() != cells[0].length) {
            return false;
        }
        double maxAbs = finiteMaxAbs(m);
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                double v = m.get(i, j);
                Label cell = cells[i][j];
                String text = ChainRuleExplainer.num(v);
                if (!text.equals(cell.getText())) {
                    cell.setText(text);
                }
                Color c = tint.of(v, maxAbs);
                Background bg = cell.getBackground();
                if (bg == null || !c.equals(bg.getFills().get(0).getFill())) {
                    cell.setBackground(new Background(new BackgroundFill(c, null, null)));
                }
                boolean selected = i == selectedRow && j == selectedCol;
                if (selected != cell.getStyleClass().contains("selected")) {
                    if (selected) {
                        cell.getStyleClass().add("selected");
                    } else {
                        cell.getStyleClass().remove("selected");
                    }
                }
            }
        }
        return true;
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
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** The number label at an element (for tests). */
    Label cell(int row, int col) {
        return row >= 0 && row < cells.length && col >= 0 && col < cells[0].length ? cells[row][col] : null;
    }
}
