package org.normgraph.app.editor;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;

/**
 * The values a smaller N or D cut off the four matrices, given back when the size grows
 * again: N 4 → 1 → 4 brings rows 1–3 back instead of filling them anew. N×D features only.
 * The owner forgets them when the input is replaced rather than edited or resized (an undo,
 * an opened file, Randomize).
 */
final class CutCells {

    /** Per field, the widest values seen since the last {@link #forget}; NaN where there were none. */
    private final Map<InputField, double[][]> kept = new EnumMap<>(InputField.class);

    /** Remembers every value of {@code in}, over and beyond what was kept before. */
    void remember(BatchNormInput in) {
        for (InputField f : InputField.values()) {
            Matrix m = f.of(in);
            double[][] old = kept.get(f);
            int rows = Math.max(m.rows(), old == null ? 0 : old.length);
            int cols = Math.max(m.cols(), old == null ? 0 : old[0].length);
            double[][] merged = new double[rows][cols];
            for (int r = 0; r < rows; r++) {
                Arrays.fill(merged[r], Double.NaN);
                for (int c = 0; c < cols; c++) {
                    if (r < m.rows() && c < m.cols()) {
                        merged[r][c] = m.get(r, c);
                    } else if (old != null && r < old.length && c < old[r].length) {
                        merged[r][c] = old[r][c];
                    }
                }
            }
            kept.put(f, merged);
        }
    }

    /** {@code resized} with each cell that {@code before} did not have taken from what was kept, where something was. */
    BatchNormInput restore(BatchNormInput before, BatchNormInput resized) {
        BatchNormInput out = resized;
        for (InputField f : InputField.values()) {
            double[][] old = kept.get(f);
            if (old == null) {
                continue;
            }
            Matrix was = f.of(before);
            double[][] cells = f.of(resized).toRows();
            boolean changed = false;
            for (int r = 0; r < cells.length && r < old.length; r++) {
                for (int c = 0; c < cells[r].length && c < old[r].length; c++) {
                    boolean isNew = r >= was.rows() || c >= was.cols();
                    if (isNew && !Double.isNaN(old[r][c])) {
                        cells[r][c] = old[r][c];
                        changed = true;
                    }
                }
            }
            if (changed) {
                out = f.with(out, Matrix.fromRows(cells));
            }
        }
        return out;
    }

    void forget() {
        kept.clear();
    }
}
