package org.normgraph.app.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.normgraph.app.model.InputLayout;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;

/**
 * The edits the input editors make, as pure functions from one {@link BatchNormInput} to
 * the next. Nothing here touches the toolkit; every refusal names the field and the cell.
 *
 * <ul>
 *   <li><b>Layout</b>: x is N×D features or N×C×H×W images (N rows of C·H·W columns); gamma and
 *       beta are edited one per channel (see {@link InputLayout}). Every edit below takes the
 *       layout; without one it is N×D features.</li>
 *   <li><b>Resize</b> keeps every value inside the new shape (an image value by its (c, h, w)). New cells start neutral:
 *       0 in {@code x} and {@code dout}, 1 in {@code gamma} (no scaling), 0 in {@code beta}
 *       (no shift). Shrinking drops the last rows/columns.</li>
 *   <li><b>Paste</b> puts a rectangular block of text (tab-separated columns, one line per
 *       row, as spreadsheets copy; without tabs, spaces separate) at a cell. A block that
 *       does not fit, is ragged, or has a cell that is not a finite number is refused
 *       whole.</li>
 *   <li><b>Randomize</b> draws new x, gamma, beta and dout of the same shape from a seed:
 *       the same seed always gives the same values. Values are rounded to two decimals so
 *       they stay readable: x ~ N(0, 2²), gamma uniform in [0.5, 1.5), beta uniform in
 *       [−0.5, 0.5), dout ~ N(0, 1).</li>
 * </ul>
 */
public final class InputEdits {

    public static final int MIN_N = 1;
    public static final int MAX_N = 32;
    public static final int MIN_D = 1;
    public static final int MAX_D = 16;
    /** The most columns of x in either layout: D, or C·H·W. */
    public static final int MAX_COLUMNS = MAX_D;

    /**
     * An edit's outcome: the new input, or why it was refused (the old input stays).
     *
     * @param input   the new input when accepted, else null
     * @param refusal why not, else null
     */
    public record Edit(BatchNormInput input, BundleText refusal) {

        public static Edit accepted(BatchNormInput input) {
            return new Edit(input, null);
        }

        public static Edit refused(BundleText refusal) {
            return new Edit(null, refusal);
        }

        public boolean isAccepted() {
            return refusal == null;
        }
    }

    private InputEdits() {
    }

    // ------------------------------------------------------------------ cells and eps

    /** One cell typed by the user. */
    public static Edit editCell(BatchNormInput in, InputField field, int row, int col, String text) {
        return editCell(in, features(in), field, row, col, text);
    }

    /** One cell of the matrix the editor shows in {@code layout}. */
    public static Edit editCell(BatchNormInput in, InputLayout layout, InputField field, int row, int col, String text) {
        CellParser.Parsed p = CellParser.parse(text);
        if (!p.ok()) {
            return Edit.refused(p.refusal(field.cellName(row, col)));
        }
        return Edit.accepted(setCell(in, layout, field, row, col, p.value()));
    }

    public static BatchNormInput setCell(BatchNormInput in, InputField field, int row, int col, double value) {
        return setCell(in, features(in), field, row, col, value);
    }

    public static BatchNormInput setCell(BatchNormInput in, InputLayout layout, InputField field, int row, int col,
                                         double value) {
        return field.with(in, layout, field.of(in, layout).with(row, col, value));
    }

    private static InputLayout features(BatchNormInput in) {
        return InputLayout.features(in.d());
    }

    /** The eps field: a finite number greater than 0. */
    public static Edit editEps(BatchNormInput in, String text) {
        CellParser.Parsed p = CellParser.parse(text);
        if (p.problem() == CellParser.Problem.EMPTY) { // a cell's "(0 for none)" would be refused here
            return Edit.refused(BundleText.of("editor.refused.eps.empty"));
        }
        if (!p.ok()) {
            return Edit.refused(p.refusal("eps"));
        }
        if (!(p.value() > 0)) {
            return Edit.refused(BundleText.of("editor.refused.eps", BundleText.shown(text)));
        }
        return Edit.accepted(in.withEps(p.value()));
    }

    /** Sets the given cells of one field to {@code value} (what Delete does: 0). */
    public static BatchNormInput fillCells(BatchNormInput in, InputField field, List<int[]> cells, double value) {
        return fillCells(in, features(in), field, cells, value);
    }

    public static BatchNormInput fillCells(BatchNormInput in, InputLayout layout, InputField field, List<int[]> cells,
                                           double value) {
        double[][] rows = field.of(in, layout).toRows();
        for (int[] c : cells) {
            rows[c[0]][c[1]] = value;
        }
        return field.with(in, layout, Matrix.fromRows(rows));
    }

    // ------------------------------------------------------------------ resize

    /** The input resized to N×D, keeping what fits; see the class comment for new cells. */
    public static BatchNormInput resize(BatchNormInput in, int n, int d) {
        if (n < MIN_N || n > MAX_N || d < MIN_D || d > MAX_D) {
            throw new IllegalArgumentException("N must be in " + MIN_N + "…" + MAX_N + " and D in "
                    + MIN_D + "…" + MAX_D + ", got " + n + "×" + d);
        }
        return new BatchNormInput(
                resize(in.x(), n, d, InputField.X.fill()),
                resize(in.gamma(), 1, d, InputField.GAMMA.fill()),
                resize(in.beta(), 1, d, InputField.BETA.fill()),
                resize(in.dout(), n, d, InputField.DOUT.fill()),
                in.eps());
    }

    /**
     * The input laid out as {@code to} with {@code n} rows, keeping what fits: between two image
     * layouts a value keeps its (c, h, w) and gamma, beta their channel; between features and
     * images (or two feature layouts) a value keeps its column. See the class comment for new cells.
     */
    public static BatchNormInput relayout(BatchNormInput in, InputLayout from, int n, InputLayout to) {
        if (n < MIN_N || n > MAX_N || to.columns() > MAX_COLUMNS) {
            throw new IllegalArgumentException("N must be in " + MIN_N + "…" + MAX_N + " and x at most "
                    + MAX_COLUMNS + " columns, got " + n + "×" + to.columns());
        }
        if (!(from.images() && to.images())) {
            BatchNormInput kept = resize(in, n, to.columns());
            // a new feature column of an image layout takes its channel's gamma and beta
            return new BatchNormInput(kept.x(), to.perColumn(to.perChannel(kept.gamma())),
                    to.perColumn(to.perChannel(kept.beta())), kept.dout(), in.eps());
        }
        return new BatchNormInput(
                relayout(in.x(), from, n, to, InputField.X.fill()),
                to.perColumn(resize(from.perChannel(in.gamma()), 1, to.channels(), InputField.GAMMA.fill())),
                to.perColumn(resize(from.perChannel(in.beta()), 1, to.channels(), InputField.BETA.fill())),
                relayout(in.dout(), from, n, to, InputField.DOUT.fill()),
                in.eps());
    }

    /** An image matrix in another C×H×W: each value at its (c, h, w) if that is still there. */
    private static Matrix relayout(Matrix m, InputLayout from, int n, InputLayout to, double fill) {
        double[][] out = new double[n][to.columns()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < to.columns(); j++) {
                int c = to.channelOf(j);
                int h = j % to.spatial() / to.width();
                int w = j % to.width();
                boolean kept = i < m.rows() && c < from.channels() && h < from.height() && w < from.width();
                out[i][j] = kept ? m.get(i, (c * from.height() + h) * from.width() + w) : fill;
            }
        }
        return Matrix.fromRows(out);
    }

    /** {@code m} as a rows×cols matrix: the overlapping values kept, the rest {@code fill}. */
    public static Matrix resize(Matrix m, int rows, int cols, double fill) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = i < m.rows() && j < m.cols() ? m.get(i, j) : fill;
            }
        }
        return Matrix.fromRows(out);
    }

    // ------------------------------------------------------------------ paste

    /** Splits clipboard text into rows of cell texts; a ragged block is refused. */
    public static List<List<String>> splitBlock(String text) {
        String t = blockText(text);
        List<List<String>> rows = new ArrayList<>();
        if (t.isBlank()) {
            return rows;
        }
        boolean tabs = t.indexOf('\t') >= 0;
        for (String line : t.split("\n", -1)) {
            rows.add(cells(line, tabs));
        }
        return rows;
    }

    /** The block's text with one kind of line end and no empty lines at its end. */
    private static String blockText(String text) {
        String t = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        int end = t.length();
        while (end > 0 && t.charAt(end - 1) == '\n') {
            end--;
        }
        return t.substring(0, end);
    }

    /** One line's cell texts: tab-separated when the block has tabs, else separated by spaces. */
    private static List<String> cells(String line, boolean tabs) {
        return tabs ? List.of(line.split("\t", -1))
                : line.isBlank() ? List.of("") : List.of(line.strip().split("[ \u00a0]+"));
    }

    /**
     * A block with more lines than the matrix has rows is refused from its line count, before
     * it is split into cells: a clipboard of megabytes would otherwise hold the window for
     * seconds. Null when the block may fit.
     */
    private static Edit refuseTallerThan(Matrix target, InputField field, int row, int col, String text) {
        String t = blockText(text);
        if (t.length() <= target.rows() || t.isBlank()) {
            return null; // too short to hold more lines than rows
        }
        long height = t.chars().filter(c -> c == '\n').count() + 1;
        if (height <= target.rows()) {
            return null;
        }
        int firstEnd = t.indexOf('\n');
        int width = cells(t.substring(0, firstEnd), t.indexOf('\t') >= 0).size();
        return doesNotFit(target, field, row, col, height, width);
    }

    private static Edit doesNotFit(Matrix target, InputField field, int row, int col, long height, int width) {
        // a 1×D matrix (gamma, beta) takes one row whatever N is: "change N" would not help there
        String key = target.rows() == 1 && height > 1 ? "editor.paste.fit.row" : "editor.paste.fit";
        return Edit.refused(BundleText.of(key, String.valueOf(height), String.valueOf(width),
                field.cellName(Math.max(row, 0), Math.max(col, 0)), field.id(), target.shape().toString()));
    }

    /** Pastes a block of text with its top-left cell at ({@code row}, {@code col}) of {@code field}. */
    public static Edit paste(BatchNormInput in, InputField field, int row, int col, String text) {
        return paste(in, features(in), field, row, col, text);
    }

    /** Pastes into the matrix the editor shows in {@code layout}. */
    public static Edit paste(BatchNormInput in, InputLayout layout, InputField field, int row, int col, String text) {
        Matrix target = field.of(in, layout);
        Edit tooTall = refuseTallerThan(target, field, row, col, text);
        if (tooTall != null) {
            return tooTall;
        }
        List<List<String>> block = splitBlock(text);
        if (block.isEmpty()) {
            return Edit.refused(BundleText.of("editor.paste.empty", field.id()));
        }
        int width = block.get(0).size();
        for (int i = 1; i < block.size(); i++) {
            if (block.get(i).size() == 1 && block.get(i).get(0).isBlank() && width > 1) { // not "has 1 values"
                return Edit.refused(BundleText.of("editor.paste.blank", String.valueOf(i + 1)));
            }
            if (block.get(i).size() != width) {
                return Edit.refused(BundleText.of("editor.paste.ragged", String.valueOf(i + 1),
                        String.valueOf(block.get(i).size()), String.valueOf(width)));
            }
        }
        int height = block.size();
        if (row < 0 || col < 0 || row + height > target.rows() || col + width > target.cols()) {
            return doesNotFit(target, field, row, col, height, width);
        }
        double[][] values = target.toRows();
        for (int i = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                CellParser.Parsed p = CellParser.parse(block.get(i).get(j));
                if (!p.ok()) {
                    return Edit.refused(BundleText.of("editor.paste.cell",
                            p.refusal(field.cellName(row + i, col + j)).message()));
                }
                values[row + i][col + j] = p.value();
            }
        }
        return Edit.accepted(field.with(in, layout, Matrix.fromRows(values)));
    }

    /** Tab-separated text of a block of {@code m}, as spreadsheets paste it. */
    public static String copyBlock(Matrix m, int top, int left, int bottom, int right) {
        StringBuilder sb = new StringBuilder();
        for (int i = top; i <= bottom; i++) {
            for (int j = left; j <= right; j++) {
                sb.append(j == left ? "" : "\t").append(NumberText.exact(m.get(i, j)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ randomize

    /** New values of the same shape and eps, drawn from {@code seed}; see the class comment. */
    public static BatchNormInput randomize(BatchNormInput in, long seed) {
        return randomize(in.n(), in.d(), in.eps(), seed);
    }

    public static BatchNormInput randomize(int n, int d, double eps, long seed) {
        return randomize(n, InputLayout.features(d), eps, seed);
    }

    /** New values for N rows laid out as {@code layout}: gamma and beta drawn once per channel. */
    public static BatchNormInput randomize(int n, InputLayout layout, double eps, long seed) {
        Random r = new Random(seed);
        int d = layout.columns();
        int c = layout.channels();
        double[] x = new double[n * d];
        for (int k = 0; k < x.length; k++) {
            x[k] = round2(2 * r.nextGaussian());
        }
        double[] gamma = new double[c];
        for (int k = 0; k < c; k++) {
            gamma[k] = round2(0.5 + r.nextDouble());
        }
        double[] beta = new double[c];
        for (int k = 0; k < c; k++) {
            beta[k] = round2(r.nextDouble() - 0.5);
        }
        double[] dout = new double[n * d];
        for (int k = 0; k < dout.length; k++) {
            dout[k] = round2(r.nextGaussian());
        }
        return new BatchNormInput(Matrix.of(n, d, x), layout.perColumn(Matrix.rowVector(gamma)),
                layout.perColumn(Matrix.rowVector(beta)), Matrix.of(n, d, dout), eps);
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0 + 0.0;
    }
}
