package org.normgraph.app.lab;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.normgraph.app.CjkWrap;
import org.normgraph.app.editor.NumberText;
import org.normgraph.app.graph.Numbers;
import org.normgraph.core.Matrix;

/** How the lab writes numbers and small tables. Formatting only: the numbers are the core's. */
final class LabFormat {

    /** The style classes of numbers in a monospaced font (lab.css). */
    private static final java.util.Set<String> MONOSPACED = java.util.Set.of("lab-number", "lab-cell");

    private LabFormat() {
    }

    /** An error or a tiny/huge value: {@code 3.41e−11}, with a real minus sign. */
    static String sci(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Numbers.format(v);
        }
        if (v == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.3g", v).replace('-', Numbers.MINUS);
    }

    /**
     * Two values that differ, each with the fewest significant digits (four at least) that tell
     * them apart: {@code 0.003162} against {@code 1e−5}, not every digit of a double.
     */
    static String[] apart(double a, double b) {
        for (int digits = 4; digits < 17; digits++) {
            String x = NumberText.pretty(a, digits);
            String y = NumberText.pretty(b, digits);
            if (!x.equals(y)) {
                return new String[] {x, y};
            }
        }
        return new String[] {full(a), full(b)};
    }

    /** A value with all the digits a double has: for showing what rounding did. */
    static String full(double v) {
        return Double.isFinite(v) ? Double.toString(v).replace('-', Numbers.MINUS).replace("E", "e") : Numbers.format(v);
    }

    /**
     * A wrapping label; in running text its numbers never break across lines
     * ({@link NumberText#unbroken}). Not in the monospaced numbers, which stay on one line
     * anyway and whose font would draw the invisible mark as a blank.
     */
    static Label label(String text, String... styleClasses) {
        boolean monospaced = java.util.Arrays.stream(styleClasses).anyMatch(MONOSPACED::contains);
        Label l = new Label(monospaced ? text : NumberText.unbroken(text));
        l.getStyleClass().addAll(styleClasses);
        l.setWrapText(true);
        if (!monospaced) {
            CjkWrap.keepEndOf(l); // glue would show as a blank in a monospaced font
        }
        return l;
    }

    /** A grid of a matrix's numbers, for small matrices; the largest entries only shown as many as fit. */
    static GridPane matrix(Matrix m, String id) {
        GridPane g = new GridPane();
        g.setId(id);
        g.getStyleClass().add("lab-matrix");
        int rows = Math.min(m.rows(), 8);
        int cols = Math.min(m.cols(), 6);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                Node cell = unbroken(label(Numbers.format(m.get(i, j)), "lab-cell"));
                GridPane.setHalignment(cell, javafx.geometry.HPos.RIGHT); // a column's digits and signs line up
                g.add(cell, j, i);
            }
        }
        if (rows < m.rows() || cols < m.cols()) {
            g.add(unbroken(label("…", "lab-cell")), cols, rows);
        }
        return g;
    }

    /** A header row then rows of cells. */
    static GridPane table(String id, String[] header, java.util.List<Node[]> rows) {
        GridPane g = new GridPane();
        g.setId(id);
        g.getStyleClass().add("lab-table");
        for (int j = 0; j < header.length; j++) {
            g.add(unbroken(label(header[j], "lab-th")), j, 0);
        }
        for (int i = 0; i < rows.size(); i++) {
            Node[] r = rows.get(i);
            for (int j = 0; j < r.length; j++) {
                g.add(unbroken(r[j]), j, i + 1);
            }
        }
        return g;
    }

    /**
     * A table cell keeps its one-line width: a narrow lab (a large text size, wide side panes)
     * scrolls the table sideways instead of breaking "Tolerance" or a number in the middle.
     */
    private static Node unbroken(Node n) {
        if (n instanceof Labeled l) {
            l.setWrapText(false);
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        return n;
    }

    /** "pass" or "fail" as a label styled for it. */
    static Label verdict(boolean passed) {
        return label(org.normgraph.app.Messages.get(passed ? "lab.pass" : "lab.fail"), "lab-verdict",
                passed ? "pass" : "fail");
    }
}
