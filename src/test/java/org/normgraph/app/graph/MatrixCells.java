package org.normgraph.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import org.normgraph.core.Matrix;

/** Where a matrix view's cells are on the screen, and whether they show a matrix's numbers. */
public final class MatrixCells {

    private MatrixCells() {
    }

    /** The centre of element (row, col)'s cell in screen coordinates. */
    public static Point2D onScreen(MatrixView view, int row, int col) {
        Bounds b = view.cellBounds(row, col);
        return view.localToScreen(b.getCenterX(), b.getCenterY());
    }

    /**
     * {@code view} holds {@code m} and, when it writes numbers, every cell shows its number:
     * whole, in scientific notation rounded to fewer digits, or (a number longer than the cell,
     * as a label would) its beginning and an ellipsis.
     */
    public static void assertShows(MatrixView view, Matrix m, String what) {
        assertEquals(m, view.getMatrix(), what);
        if (m == null || !view.isNumbers()) {
            return;
        }
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                String number = Numbers.format(m.get(i, j));
                String drawn = view.cellText(i, j);
                String where = what + "[" + i + "][" + j + "]";
                if (drawn.endsWith("\u2026")) {
                    assertTrue(drawn.length() > 1 && number.startsWith(drawn.substring(0, drawn.length() - 1)),
                            where + ": " + drawn + " is not the beginning of " + number);
                } else if (!drawn.equals(number)) { // a narrow cell: fewer digits, the same exponent
                    assertTrue(drawn.equals(Numbers.roundedTo(number, 2)) || drawn.equals(Numbers.roundedTo(number, 1)),
                            where + ": " + drawn + " is not " + number + " rounded");
                }
            }
        }
    }
}
