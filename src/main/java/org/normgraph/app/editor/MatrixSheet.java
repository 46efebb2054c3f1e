package org.normgraph.app.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.controlsfx.control.spreadsheet.GridBase;
import org.controlsfx.control.spreadsheet.GridChange;
import org.controlsfx.control.spreadsheet.SpreadsheetCell;
import org.controlsfx.control.spreadsheet.SpreadsheetCellBase;
import org.controlsfx.control.spreadsheet.SpreadsheetCellEditor;
import org.controlsfx.control.spreadsheet.SpreadsheetCellType;
import org.controlsfx.control.spreadsheet.SpreadsheetColumn;
import org.controlsfx.control.spreadsheet.SpreadsheetView;
import org.normgraph.app.Messages;
import org.normgraph.app.theme.InheritedFont;
import org.normgraph.app.theme.TextSize;
import org.normgraph.core.Matrix;

/**
 * A ControlsFX {@link SpreadsheetView} that shows one input matrix and reports what the
 * user does to it — typing into a cell, pasting a block, clearing cells — without ever
 * changing its numbers itself: it always shows the matrix last given to {@link #show}.
 * Whoever listens decides whether the edit becomes a new input (and then calls
 * {@link #show} with it) or is refused (and then marks the cell with {@link #markRefused}).
 *
 * <p>Cells hold the exact text of their number ({@link NumberText#exact}), so editing
 * starts from every digit; they display {@link NumberText#cell}'s text, in columns wide enough
 * for the widest such text of all the input grids ({@link #fitColumnsTo}).
 * Ctrl+C copies the selection as tab-separated text; Ctrl+V pastes tab/newline text at the
 * selected cell (also inside a cell's editor, at the cell being edited); Delete (or BackSpace)
 * sets the selected cells to 0.
 */
final class MatrixSheet extends SpreadsheetView {

    /** What the user did; row and column are 0-based model indices. */
    interface Listener {
        void typed(InputField field, int row, int col, String text);

        void pasted(InputField field, int row, int col, String text);

        void cleared(InputField field, List<int[]> cells);
    }

    /** Sizes at the normal 13 px text; they grow in proportion with the text size ({@link #scale}). */
    static final double COLUMN_WIDTH = 62;
    /** Cell texts of up to this many characters fit {@link #COLUMN_WIDTH} (e.g. {@code -8.888}). */
    static final int FITTING_CHARS = 6;
    /** A cell's padding and border around its text (inputs.css), at the normal text size. */
    static final double CELL_INSETS = 10;
    static final double ROW_HEADER_WIDTH = 30;
    static final double ROW_HEIGHT = 24;
    static final int MAX_VISIBLE_ROWS = 8;
    static final double SCROLL_BAR = 16;
    /** ControlsFX's column header row: this tall whatever the text size. */
    static final double HEADER_ROW = 24;

    /** Every row is shown: the grid is sized to fit them and needs no scroll bar (inputs.css). */
    private static final PseudoClass ALL_ROWS_SHOWN = PseudoClass.getPseudoClass("all-rows-shown");
    private static final CssMetaData<MatrixSheet, Font> FONT = InheritedFont.metaData(s -> s.font);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA =
            InheritedFont.with(SpreadsheetView.getClassCssMetaData(), FONT);

    /** Cells that hold number text and show it compactly. */
    private static final SpreadsheetCellType.StringType NUMBER = new SpreadsheetCellType.StringType() {
        @Override
        public String toString(String item) {
            CellParser.Parsed p = CellParser.parse(item);
            return p.ok() ? NumberText.cell(p.value()) : item;
        }

        @Override
        public String toString() {
            return "number";
        }

        @Override
        public SpreadsheetCellEditor createEditor(SpreadsheetView view) {
            return new NumberEditor(view);
        }
    };

    /**
     * The text editor of a cell: ControlsFX's {@code StringEditor} (whose text field cannot be
     * replaced, hence a copy of it) with three fixes: the key that starts an edit is not lost
     * (the text field gets its skin, and with it its key handling, before that key's character
     * arrives); Enter only moves to the next cell instead of also opening it for editing; and
     * a block pasted into the text field goes into the grid ({@link #pasteBlockWhileEditing}).
     */
    private static final class NumberEditor extends SpreadsheetCellEditor {

        private final TextField text = new TextField() {
            // Ctrl+V, Shift+Insert and the context menu's Paste all come here: catching the
            // paste at this one place covers them all, whatever keys the platform maps to it
            @Override
            public void paste() {
                if (!(view instanceof MatrixSheet sheet) || !sheet.pasteBlockWhileEditing(NumberEditor.this)) {
                    super.paste();
                }
            }
        };
        private final SpreadsheetView view;

        NumberEditor(SpreadsheetView view) {
            super(view);
            this.view = view;
            text.getStyleClass().add("number-editor");
            text.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    e.consume(); // still handled by the editor itself, but not by the grid
                }
            });
        }

        @Override
        public void startEdit(Object value, String format, Object... options) {
            text.applyCss();
            if (value instanceof String || value == null) {
                text.setText((String) value);
            }
            text.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    endEdit(true);
                } else if (e.getCode() == KeyCode.ESCAPE) {
                    endEdit(false);
                }
            });
            text.requestFocus();
            text.selectAll();
        }

        @Override
        public String getControlValue() {
            return text.getText();
        }

        @Override
        public void end() {
            text.setOnKeyPressed(null);
        }

        @Override
        public TextField getEditor() {
            return text;
        }
    }

    private final InputField field;
    private Listener listener;
    private Matrix shown;
    private List<String> headers = List.of();
    /** While a typed cell is handed on: the grid is still ending that edit and must stay. */
    private boolean endingEdit;
    private boolean updating;
    /** While a mouse button is down on the grid: focus then comes with a click, not with Tab. */
    private boolean pressed;
    /** The refused cell the selection goes back to ({@link #returnToRefused}); -1: none. */
    private int heldRow = -1;
    private int heldCol = -1;
    /** The cells {@link #markRefused} marked, so that clearing does not visit all N×D cells. */
    private final List<SpreadsheetCell> marked = new ArrayList<>();
    /** The text size: a new one builds the grid again with cells sized for it. */
    private final StyleableObjectProperty<Font> font = InheritedFont.property(FONT, this, this::resizeForText);
    /** The header row whose text {@link #sizeColumnHeaderText} sized last, and for which text size. */
    private Node sizedHeader;
    private double sizedHeaderFor;
    /** The widest cell text of all the input grids, which every column is wide enough for. */
    private String columnText = "";
    private double columnWidth;
    /** What each cell of {@link #shown} displays (row-major), kept as cells change: an edit formats one number. */
    private String[] cellTexts = new String[0];

    MatrixSheet(InputField field) {
        this.field = field;
        setId("editor-" + field.id());
        getStyleClass().add("matrix-sheet");
        setFixingRowsAllowed(false);
        setFixingColumnsAllowed(false);
        setRowHeaderWidth(ROW_HEADER_WIDTH);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> { // first: the key acts on that cell
            returnToHeldCell();
            releaseHeldCell();
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcuts);
        addEventFilter(KeyEvent.KEY_PRESSED, this::tabOut);
        // Tab goes to the cells inside, which take the keys; the grid itself would hold the focus deaf to them
        setFocusTraversable(false);
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            pressed = true;
            releaseHeldCell();
        });
        // a move of the grid's own while a refused cell is held goes back to it when idle
        getSelectionModel().getSelectedCells().addListener((javafx.collections.ListChangeListener<TablePosition>) c -> {
            if (heldRow >= 0) {
                javafx.application.Platform.runLater(this::returnToHeldCell);
            }
        });
        focusWithinProperty().addListener((o, was, now) -> {
            if (!now) { // not while the cell's editor goes and the grid takes the focus back
                javafx.application.Platform.runLater(() -> {
                    if (!isFocusWithin()) {
                        releaseHeldCell();
                    }
                });
            }
        });
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> pressed = false);
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.focusOwnerProperty().removeListener(focusEntering);
            }
            if (now != null) {
                now.focusOwnerProperty().addListener(focusEntering);
            }
        });
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    protected List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return CSS_META_DATA;
    }

    /** The cells' size relative to the normal text: 2 at 200 %. */
    double scale() {
        return font.get().getSize() / TextSize.BASE_PX;
    }

    private void resizeForText() {
        if (getEditingCell() != null) { // the number being typed counts, as when focus leaves the cell
            getEditor(NUMBER).ifPresent(editor -> editor.endEdit(true));
        }
        setRowHeaderWidth(Math.ceil(ROW_HEADER_WIDTH * scale()));
        if (shown != null && getGrid() != null) {
            List<SpreadsheetCell> refused = List.copyOf(marked);
            updating = true;
            try {
                marked.clear();
                rebuild(shown);
            } finally {
                updating = false;
            }
            for (SpreadsheetCell c : refused) { // a refused cell keeps its mark and message
                markRefused(c.getRow(), c.getColumn(), c.getTooltip().orElse(null));
            }
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        sizeColumnHeaderText();
    }

    /**
     * The column numbers grow with the text like the row numbers do, as far as a line of them
     * fits in ControlsFX's column header row, which stays {@value #HEADER_ROW} px tall at every
     * text size (HorizontalHeaderColumn sets it): with a Latin font up to about 20 px, with a
     * CJK font's taller line a little less. Until then they stayed at 13 px (inputs.css).
     */
    private void sizeColumnHeaderText() {
        Node header = lookup(".column-header-background");
        double size = font.get().getSize();
        if (header == null || header == sizedHeader && size == sizedHeaderFor) {
            return;
        }
        Text line = new Text("0");
        line.setFont(font.get());
        double fitting = Math.floor(size * (HEADER_ROW - 2) / line.getLayoutBounds().getHeight());
        header.setStyle("-fx-font-size: " + Math.min(size, fitting) + "px;");
        sizedHeader = header;
        sizedHeaderFor = size;
    }

    InputField field() {
        return field;
    }

    void setListener(Listener listener) {
        this.listener = listener;
    }

    /** The matrix the cells show. */
    Matrix shown() {
        return shown;
    }

    /**
     * Shows {@code m}: in place when the shape is unchanged, else on a new grid. Clears marks.
     * In place, only the cells whose number changed get new text: an edit changes one cell,
     * and every cell given new text re-lays out its row, so the other 511 stay untouched.
     */
    void show(Matrix m) {
        show(m, java.util.stream.IntStream.range(0, m.cols()).mapToObj(Integer::toString).toList(), false);
    }

    /**
     * {@link #show(Matrix)} with these column headers (e.g. an image column's {@code (c,h,w)});
     * {@code anew}: on a new grid even when only numbers changed (but not while this grid is
     * ending the edit that changed them: that cell shows what was typed).
     */
    void show(Matrix m, List<String> columnHeaders, boolean anew) {
        updating = true;
        try {
            if (shown == null || getGrid() == null || !shown.shape().equals(m.shape())
                    || !headers.equals(columnHeaders) || anew && !endingEdit && !m.equals(shown)) {
                marked.clear();
                headers = List.copyOf(columnHeaders);
                rebuild(m);
            } else {
                clearMarks();
                for (int i = 0; i < m.rows(); i++) {
                    for (int j = 0; j < m.cols(); j++) {
                        double v = m.get(i, j);
                        if (Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(shown.get(i, j))) {
                            cellTexts[i * m.cols() + j] = NumberText.cell(v);
                            SpreadsheetCell c = cell(i, j);
                            String text = NumberText.exact(v);
                            if (!text.equals(c.getItem())) {
                                c.setItem(text);
                            }
                        }
                    }
                }
            }
            shown = m;
        } finally {
            updating = false;
        }
    }

    /** Marks a cell whose edit was refused; the message becomes its tooltip. */
    void markRefused(int row, int col, String message) {
        if (shown == null || row < 0 || col < 0 || row >= shown.rows() || col >= shown.cols()) {
            return;
        }
        SpreadsheetCell c = cell(row, col);
        if (c instanceof SpreadsheetCellBase b) {
            b.setTooltip(message);
        }
        if (!c.getStyleClass().contains("refused")) {
            c.getStyleClass().add("refused");
        }
        marked.add(c);
    }

    /**
     * Back to a cell whose typed text was refused: the grid moves on as the edit ends (Enter
     * down, Tab right), after the refusal is shown, and the next keys would go to the wrong cell.
     * It goes back when the toolkit is next idle, or before the next key if that comes first
     * (typed input comes before idle work: "1,5", Enter, "9" at once put the 9 in the cell below).
     * The cell is held until the user's next key or click: under load the grid's own move came
     * after the return, and the learner's corrected number replaced the valid one below.
     */
    void returnToRefused(int row, int col) {
        heldRow = row;
        heldCol = col;
        javafx.application.Platform.runLater(this::returnToHeldCell);
    }

    private void returnToHeldCell() {
        int row = heldRow;
        int col = heldCol;
        if (row >= 0 && isFocusWithin() && shown != null && row < shown.rows() && col < shown.cols()) {
            TablePosition<?, ?> f = getSelectionModel().getFocusedCell();
            if (f == null || f.getRow() != row || f.getColumn() != col) {
                selectCell(row, col);
            }
        }
    }

    /** The user acts (a key, a click) or leaves the grid: the refused cell is no longer held. */
    private void releaseHeldCell() {
        heldRow = -1;
    }

    /** Takes the refusal marks off (only the marked cells are visited). */
    void clearMarks() {
        for (SpreadsheetCell c : marked) {
            unmark(c);
        }
        marked.clear();
    }

    boolean isMarked(int row, int col) {
        return cell(row, col).getStyleClass().contains("refused");
    }

    SpreadsheetCell cell(int row, int col) {
        return getGrid().getRows().get(row).get(col);
    }

    private static void unmark(SpreadsheetCell c) {
        if (c.getStyleClass().remove("refused") && c instanceof SpreadsheetCellBase b) {
            b.setTooltip(null);
        }
    }

    private void rebuild(Matrix m) {
        cellTexts = new String[m.rows() * m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                cellTexts[i * m.cols() + j] = NumberText.cell(m.get(i, j));
            }
        }
        GridBase grid = new GridBase(m.rows(), m.cols());
        List<ObservableList<SpreadsheetCell>> rows = new ArrayList<>();
        for (int i = 0; i < m.rows(); i++) {
            ObservableList<SpreadsheetCell> row = FXCollections.observableArrayList();
            for (int j = 0; j < m.cols(); j++) {
                SpreadsheetCell c = NUMBER.createCell(i, j, 1, 1, NumberText.exact(m.get(i, j)));
                c.getStyleClass().add("number-cell");
                row.add(c);
            }
            rows.add(row);
        }
        grid.setRows(rows);
        double rowHeight = Math.ceil(ROW_HEIGHT * scale());
        grid.setRowHeightCallback(r -> rowHeight);
        for (int j = 0; j < m.cols(); j++) {
            grid.getColumnHeaders().add(headers.get(j));
        }
        for (int i = 0; i < m.rows(); i++) {
            grid.getRowHeaders().add(field.isVector() ? "" : Integer.toString(i));
        }
        grid.addEventHandler(GridChange.GRID_CHANGE_EVENT, this::changed);
        setGrid(grid);
        detachStaleRows();
        columnWidth = 0;
        sizeColumns(m);
        pseudoClassStateChanged(ALL_ROWS_SHOWN, m.rows() <= MAX_VISIBLE_ROWS);
        double slack = Math.ceil(4 * scale()); // borders
        int visible = Math.min(m.rows(), MAX_VISIBLE_ROWS);
        // ControlsFX keeps the column header row at ROW_HEIGHT whatever the text size (inputs.css)
        setPrefHeight(ROW_HEIGHT + visible * rowHeight + slack);
        setMinHeight(Region.USE_PREF_SIZE);
    }

    /**
     * The widest text among the cells, or "" when every one fits a normal column: the input
     * grids pass the widest of theirs to {@link #fitColumnsTo}. Only texts longer than
     * {@value #FITTING_CHARS} characters are measured, so an edit of ordinary numbers
     * measures nothing.
     */
    String widestCellText() {
        String widest = "";
        double widestWidth = 0;
        for (String text : cellTexts) {
            if (text.length() > FITTING_CHARS) {
                double w = textWidth(text);
                if (w > widestWidth) {
                    widest = text;
                    widestWidth = w;
                }
            }
        }
        return widest;
    }

    double textWidth(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        Text t = new Text(text);
        t.setFont(font.get());
        return t.getLayoutBounds().getWidth();
    }

    /**
     * Makes every column wide enough for {@code text} (and at least {@link #COLUMN_WIDTH}), so
     * that {@code 100000000.1} is not cut to {@code 1000…}; all four grids get the same
     * text, which keeps their columns under one another.
     */
    void fitColumnsTo(String text) {
        columnText = text;
        if (shown != null && getGrid() != null) {
            sizeColumns(shown);
        }
    }

    /** Column widths and the grid's width for {@code m}, the text size and {@link #columnText}. */
    private void sizeColumns(Matrix m) {
        double width = Math.ceil(Math.max(COLUMN_WIDTH * scale(), textWidth(columnText) + CELL_INSETS * scale()));
        if (width == columnWidth) {
            return;
        }
        columnWidth = width;
        for (SpreadsheetColumn c : getColumns()) {
            c.setPrefWidth(width);
            c.setMinWidth(40);
        }
        // Exactly as wide as its columns (plus a vertical scroll bar when rows are hidden):
        // a narrow pane scrolls the whole editor sideways rather than each grid on its own,
        // which keeps the columns of x, gamma, beta and dout under one another.
        boolean vbar = m.rows() > MAX_VISIBLE_ROWS;
        double slack = Math.ceil(4 * scale()); // borders; scroll bars are in em too
        setPrefWidth(getRowHeaderWidth() + m.cols() * width + slack + (vbar ? Math.ceil(SCROLL_BAR * scale()) : 0));
        setMaxWidth(Region.USE_PREF_SIZE);
        setMinWidth(Region.USE_PREF_SIZE);
    }

    /**
     * Works around a ControlsFX 11.2.1 bug. The grid's rows that the table keeps aside (empty
     * rows below the last one, and its pile of spare rows) keep the index they had; when a
     * grid with more rows makes that index valid again, the next layout pass may lay such a
     * row out before the table has given it its row, and {@code GridRowSkin.layoutChildren}
     * reads the missing row (NullPointerException; found by {@code LongSessionStressTest}).
     * A row without an index is skipped there; the table gives indices again to the rows it
     * shows at its own next layout, which the new grid has already asked for.
     *
     * <p>The same for a row that still shows the old grid's cells: the table compares a new
     * row with the old by {@code equals}, and a cell of the new grid with the same place and
     * text (N 4 → 2 keeps rows 0 and 1) counts as equal, so the row kept the old cell objects
     * and later changes of the new ones (Randomize) never showed.
     */
    private void detachStaleRows() {
        List<ObservableList<SpreadsheetCell>> rows = getGrid().getRows();
        for (javafx.scene.Node n : lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> row && row.getIndex() >= 0 && (row.getItem() == null
                    || row.getIndex() >= rows.size() || row.getItem() != rows.get(row.getIndex()))) {
                row.updateIndex(-1);
            }
        }
    }

    /** A cell was committed: put back what is shown and tell the listener what was typed. */
    private void changed(GridChange change) {
        if (updating) {
            return;
        }
        int row = change.getRow();
        int col = change.getColumn();
        Object typed = change.getNewValue();
        updating = true;
        try {
            cell(row, col).setItem(NumberText.exact(shown.get(row, col)));
        } finally {
            updating = false;
        }
        if (listener != null) {
            endingEdit = true;
            try {
                listener.typed(field, row, col, typed == null ? "" : typed.toString());
            } finally {
                endingEdit = false;
            }
        }
    }

    // ------------------------------------------------------------------ clipboard and keys

    /**
     * Tab and Shift+Tab go through the cells and then on to the next control, instead of
     * stopping at the last cell (ControlsFX keeps Tab inside the grid); Ctrl+Tab leaves at
     * once. Without a focused cell, Tab, Shift+Tab or Enter first pick one (ControlsFX would
     * look left of column −1 and throw).
     */
    private void tabOut(KeyEvent e) {
        if (getEditingCell() != null || e.isAltDown() || e.isMetaDown()
                || e.getCode() != KeyCode.TAB && e.getCode() != KeyCode.ENTER) {
            return;
        }
        boolean back = e.isShiftDown();
        int lastRow = getGrid() == null ? -1 : getGrid().getRowCount() - 1;
        int lastCol = getGrid() == null ? -1 : getGrid().getColumnCount() - 1;
        if (lastRow < 0 || lastCol < 0) {
            return;
        }
        boolean tab = e.getCode() == KeyCode.TAB;
        if (tab && e.isControlDown()) {
            FocusChain.leave(this, !back);
            e.consume();
        } else if (!hasFocusedCell()) {
            selectCell(back ? lastRow : 0, back ? lastCol : 0);
            e.consume();
        } else if (tab) {
            TablePosition<?, ?> f = getSelectionModel().getFocusedCell();
            if (back ? f.getRow() == 0 && f.getColumn() == 0 : f.getRow() == lastRow && f.getColumn() == lastCol) {
                FocusChain.leave(this, !back);
                e.consume();
            }
        }
    }

    /**
     * Focus coming into the grid from outside starts at its first cell, or at its last when it
     * comes back from a control after it (Shift+Tab): arrows and typing need a cell. A click
     * then selects the clicked cell instead.
     */
    private final javafx.beans.value.ChangeListener<Node> focusEntering = (o, was, now) -> {
        if (now == null || !isInside(now) || was != null && isInside(was) || was == null && hasFocusedCell()
                || pressed || was != null && isCellEditor(was)) { // a click chooses its own cell; an edit ends
            return;
        }
        if (getGrid() != null && getGrid().getRowCount() > 0 && getGrid().getColumnCount() > 0) {
            boolean back = was != null && FocusChain.comesAfter(was, this);
            selectCell(back ? getGrid().getRowCount() - 1 : 0, back ? getGrid().getColumnCount() - 1 : 0);
        }
    };

    /** The text field of a cell being edited, taken out of the grid as the edit ends. */
    private boolean isCellEditor(Node n) {
        return getEditor(NUMBER).map(e -> e.getEditor() == n).orElse(false);
    }

    private boolean isInside(Node n) {
        return FocusChain.isInside(n, this);
    }

    /**
     * Where the focused cell is, in the grid's own coordinates: its columns from their widths,
     * its row from the drawn row (the grid scrolls its rows itself); null when none is focused.
     */
    Bounds focusedCellBounds() {
        if (!hasFocusedCell()) {
            return null;
        }
        TablePosition<?, ?> f = getSelectionModel().getFocusedCell();
        double x = getRowHeaderWidth();
        for (int c = 0; c < f.getColumn() && c < getColumns().size(); c++) {
            x += getColumns().get(c).getWidth();
        }
        double w = f.getColumn() < getColumns().size() ? getColumns().get(f.getColumn()).getWidth() : 0;
        for (Node n : lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> row && row.getIndex() == f.getRow() && row.isVisible()) {
                Bounds r = sceneToLocal(row.localToScene(row.getBoundsInLocal()));
                return new BoundingBox(x, r.getMinY(), w, r.getHeight());
            }
        }
        return new BoundingBox(x, 0, w, getHeight());
    }

    private boolean hasFocusedCell() {
        TablePosition<?, ?> f = getSelectionModel().getFocusedCell();
        return f != null && f.getRow() >= 0 && f.getColumn() >= 0;
    }

    private void selectCell(int row, int col) {
        if (getGrid() != null && row < getGrid().getRowCount() && col < getColumns().size()) {
            getSelectionModel().clearAndSelect(row, getColumns().get(col));
        }
    }

    private void shortcuts(KeyEvent e) {
        if (getEditingCell() != null) {
            return;
        }
        if (e.getCode() == KeyCode.BACK_SPACE && !e.isShortcutDown() && !e.isAltDown()) {
            deleteSelectedCells(); // a Mac keyboard's delete key sends BackSpace; the grid heeds only Delete
            e.consume();
            return;
        }
        if (!e.isShortcutDown()) {
            return;
        }
        if (e.getCode() == KeyCode.V) {
            pasteClipboard();
            e.consume();
        } else if (e.getCode() == KeyCode.C) {
            copyClipboard();
            e.consume();
        } else if (e.getCode() == KeyCode.A) {
            selectAllKeepingFocus();
            e.consume();
        }
    }

    /**
     * Selects every cell (for a copy) and leaves the focus on the cell that had it, as a
     * spreadsheet does: the grid's own select-all moved it to (0, 0), so that typing next
     * overwrote x[0][0] instead of the cell the user had clicked.
     */
    private void selectAllKeepingFocus() {
        boolean focused = hasFocusedCell();
        TablePosition<?, ?> f = getSelectionModel().getFocusedCell();
        getSelectionModel().selectAll();
        if (focused && f.getColumn() < getColumns().size()) {
            getSelectionModel().focus(f.getRow(), getColumns().get(f.getColumn()));
        }
    }

    /** The top-left selected cell, or the focused one: where a paste goes. */
    int[] anchor() {
        int top = Integer.MAX_VALUE;
        int left = Integer.MAX_VALUE;
        for (TablePosition<?, ?> p : getSelectionModel().getSelectedCells()) {
            top = Math.min(top, getModelRow(p.getRow()));
            left = Math.min(left, getModelColumn(p.getColumn()));
        }
        if (top == Integer.MAX_VALUE) {
            TablePosition<?, ?> f = getSelectionModel().getFocusedCell();
            if (f == null || f.getRow() < 0 || f.getColumn() < 0) {
                return new int[] {0, 0};
            }
            return new int[] {getModelRow(f.getRow()), getModelColumn(f.getColumn())};
        }
        return new int[] {top, left};
    }

    /** Copies the selected block (its bounding rectangle) as tab-separated text. */
    @Override
    public void copyClipboard() {
        if (shown == null || getSelectionModel().getSelectedCells().isEmpty()) {
            return;
        }
        int top = Integer.MAX_VALUE;
        int left = Integer.MAX_VALUE;
        int bottom = -1;
        int right = -1;
        for (TablePosition<?, ?> p : getSelectionModel().getSelectedCells()) {
            int r = getModelRow(p.getRow());
            int c = getModelColumn(p.getColumn());
            top = Math.min(top, r);
            left = Math.min(left, c);
            bottom = Math.max(bottom, r);
            right = Math.max(right, c);
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(InputEdits.copyBlock(shown, top, left, bottom, right));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Pastes the clipboard's text at the selected cell (all or nothing, decided by the listener). */
    @Override
    public void pasteClipboard() {
        if (shown == null || listener == null) {
            return;
        }
        Clipboard cb = Clipboard.getSystemClipboard();
        String text = cb.hasString() ? cb.getString() : null;
        int[] at = anchor();
        listener.pasted(field, at[0], at[1], text);
    }

    /**
     * A paste into the text field of the cell being edited: when the clipboard holds a block
     * (text with a tab or a line break, as copied from a spreadsheet), the edit is cancelled
     * and the block is pasted at that cell, as {@link #pasteClipboard} pastes it (the cell's
     * text would not be a number). False for other text, which the text field pastes itself.
     */
    private boolean pasteBlockWhileEditing(SpreadsheetCellEditor editor) {
        Clipboard cb = Clipboard.getSystemClipboard();
        String text = cb.hasString() ? cb.getString() : null;
        TablePosition<?, ?> at = getEditingCell();
        if (text == null || text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0
                || at == null || shown == null || listener == null) {
            return false;
        }
        editor.endEdit(false);
        selectCell(at.getRow(), at.getColumn()); // the next paste or copy starts where this one went
        listener.pasted(field, getModelRow(at.getRow()), getModelColumn(at.getColumn()), text);
        return true;
    }

    /** Delete: the selected cells become 0 (an empty cell is not a number). */
    @Override
    public void deleteSelectedCells() {
        if (shown == null || listener == null) {
            return;
        }
        List<int[]> cells = new ArrayList<>();
        for (TablePosition<?, ?> p : getSelectionModel().getSelectedCells()) {
            cells.add(new int[] {getModelRow(p.getRow()), getModelColumn(p.getColumn())});
        }
        if (!cells.isEmpty()) {
            listener.cleared(field, cells);
        }
    }

    /** Copy, paste and "set to 0"; no accelerators here, so several sheets can share a scene. */
    @Override
    public ContextMenu getSpreadsheetViewContextMenu() {
        MenuItem copy = new MenuItem(Messages.get("editor.menu.copy"));
        copy.setOnAction(e -> copyClipboard());
        MenuItem paste = new MenuItem(Messages.get("editor.menu.paste"));
        paste.setOnAction(e -> pasteClipboard());
        MenuItem zero = new MenuItem(Messages.get("editor.menu.zero"));
        zero.setOnAction(e -> deleteSelectedCells());
        return new ContextMenu(copy, paste, zero);
    }
}
