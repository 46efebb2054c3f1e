package org.normgraph.app.editor;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.normgraph.app.CjkWrap;
import org.normgraph.app.Messages;
import org.normgraph.app.SizeFollow;
import org.normgraph.app.UncachedScrollPane;
import org.normgraph.app.model.InputLayout;
import org.normgraph.core.BatchNormInput;

/** The look of {@link InputsPane}: layout, size, eps and seed controls above the four grids. */
final class InputsPaneSkin extends SkinBase<InputsPane> implements MatrixSheet.Listener {

    private final Spinner<Integer> nSpinner = spinner("editor-n", "editor.n", "editor.n.tip", InputEdits.MIN_N, InputEdits.MAX_N);
    private final Spinner<Integer> dSpinner = spinner("editor-d", "editor.d", "editor.d.tip", InputEdits.MIN_D, InputEdits.MAX_D);
    private final Spinner<Integer> cSpinner = spinner("editor-c", "editor.c", "editor.c.tip", 1, InputEdits.MAX_COLUMNS);
    private final Spinner<Integer> hSpinner = spinner("editor-h", "editor.h", "editor.h.tip", 1, InputEdits.MAX_COLUMNS);
    private final Spinner<Integer> wSpinner = spinner("editor-w", "editor.w", "editor.w.tip", 1, InputEdits.MAX_COLUMNS);
    private final ComboBox<Boolean> layoutChoice = new ComboBox<>();
    private final TextField eps = new TextField();
    private final TextField seed = new TextField();
    private final Label sizeMessage = message("editor-size-message");
    private final Label epsMessage = message("editor-eps-message");
    private final Label seedMessage = message("editor-seed-message");
    private final Label none = new Label(Messages.get("editor.none"));
    private final Map<InputField, MatrixSheet> sheets = new EnumMap<>(InputField.class);
    private final Map<InputField, Region> sections = new EnumMap<>(InputField.class);
    private final Map<InputField, Label> titles = new EnumMap<>(InputField.class);
    private final Map<InputField, Label> messages = new EnumMap<>(InputField.class);
    private final VBox content = new VBox();
    private final UncachedScrollPane scroll = new UncachedScrollPane(content);
    private final VBox root = new VBox();
    private final Region controls;
    private boolean updating;

    private final ChangeListener<BatchNormInput> inputListener = (o, a, b) -> showInput(b);
    private final ChangeListener<InputLayout> layoutListener = (o, a, b) -> showInput(getSkinnable().getInput());
    private final ChangeListener<InputsPane.Feedback> feedbackListener = (o, a, b) -> showFeedback(b);
    private final ChangeListener<Number> seedListener = (o, a, b) -> seed.setText(Long.toString(b.longValue()));
    private final ChangeListener<Integer> sizeListener = (o, a, b) -> {
        if (!updating) {
            getSkinnable().resize(nSpinner.getValue(), dSpinner.getValue());
            showInput(getSkinnable().getInput()); // a refused size (G does not divide D): the spinners show the kept one
        }
    };
    private final ChangeListener<Integer> imageSizeListener = (o, a, b) -> {
        if (!updating) {
            getSkinnable().resizeImages(cSpinner.getValue(), hSpinner.getValue(), wSpinner.getValue());
            showInput(getSkinnable().getInput()); // a refused size: the spinners show the kept one
        }
    };

    InputsPaneSkin(InputsPane pane) {
        super(pane);
        // the controls stay at the top; the grids below scroll (sideways too, when D is large)
        content.getStyleClass().add("inputs-content");
        content.getChildren().add(none);
        none.getStyleClass().add("hint");
        for (InputField f : InputField.values()) {
            content.getChildren().add(section(f));
        }
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().add("inputs-scroll");
        controls = controls();
        // the grids give way when the pane is short, not the controls: a shrunk controls box
        // cut its wrapped messages to one line ending in "…"
        controls.setMinHeight(Region.USE_PREF_SIZE);
        scroll.viewportBoundsProperty().addListener(o -> fitControlsToView());
        root.getChildren().addAll(controls, scroll);
        root.getStyleClass().add("inputs-root");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(root);

        pane.inputProperty().addListener(inputListener);
        pane.layoutProperty().addListener(layoutListener);
        pane.feedbackProperty().addListener(feedbackListener);
        pane.seedProperty().addListener(seedListener);
        nSpinner.valueProperty().addListener(sizeListener);
        dSpinner.valueProperty().addListener(sizeListener);
        for (Spinner<Integer> s : List.of(cSpinner, hSpinner, wSpinner)) {
            s.valueProperty().addListener(imageSizeListener);
        }
        seed.setText(Long.toString(pane.getSeed()));
        showInput(pane.getInput());
        showFeedback(pane.getFeedback());
    }

    @Override
    public void dispose() {
        InputsPane pane = getSkinnable();
        if (pane != null) {
            pane.inputProperty().removeListener(inputListener);
            pane.layoutProperty().removeListener(layoutListener);
            pane.feedbackProperty().removeListener(feedbackListener);
            pane.seedProperty().removeListener(seedListener);
        }
        nSpinner.valueProperty().removeListener(sizeListener);
        dSpinner.valueProperty().removeListener(sizeListener);
        for (Spinner<Integer> s : List.of(cSpinner, hSpinner, wSpinner)) {
            s.valueProperty().removeListener(imageSizeListener);
        }
        sheets.values().forEach(s -> s.setListener(null));
        super.dispose();
    }

    MatrixSheet sheet(InputField f) {
        return sheets.get(f);
    }

    /** The widest grid, the content's margins and room for a vertical scroll bar (see {@link InputsPane#widthForGrids}). */
    double widthForGrids() {
        MatrixSheet x = sheets.get(InputField.X); // the grids' columns are as wide as each other's, x has the most
        double grids = sheets.values().stream().mapToDouble(MatrixSheet::getPrefWidth).max().orElse(0);
        return grids + content.snappedLeftInset() + content.snappedRightInset() + root.snappedLeftInset()
                + root.snappedRightInset() + Math.ceil(MatrixSheet.SCROLL_BAR * x.scale());
    }

    /** Scrolls the pane so that {@code sheet}'s focused cell is in view, if the grid has the focus. */
    void revealFocusedCell(MatrixSheet sheet) {
        Bounds cell = sheet.isFocusWithin() ? sheet.focusedCellBounds() : null;
        if (cell != null) {
            // a little beyond the cell: its border and the grid's own are drawn outside the columns
            scroll.scrollIntoView(sheet, new BoundingBox(cell.getMinX() - 4, cell.getMinY() - 4,
                    cell.getWidth() + 8, cell.getHeight() + 8));
        }
    }

    // ------------------------------------------------------------------ building

    /** Below this share of the pane's height left for the grids, the controls scroll with them. */
    static final double MIN_GRIDS_SHARE = 0.4;

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        placeControls(w, h);
        super.layoutChildren(x, y, w, h);
    }

    /**
     * The controls stay above the grids' scroll while that leaves the grids room; in a short
     * pane (large text, a small window) they go to the top of the scrolled content, so that
     * every control and grid can be scrolled to instead of the grids having no height at all.
     */
    private void placeControls(double w, double h) {
        boolean pinned = h <= 0 || controls.prefHeight(w) <= h * (1 - MIN_GRIDS_SHARE);
        if (pinned && controls.getParent() != root) {
            content.getChildren().remove(controls);
            root.getChildren().add(0, controls);
        } else if (!pinned && controls.getParent() != content) {
            root.getChildren().remove(controls);
            content.getChildren().add(0, controls);
        }
        fitControlsToView();
    }

    /**
     * Scrolled with grids wider than the pane (D = 16), the controls wrap to what is visible,
     * not to the grids' width: at 200 % eps and Next seed stood past the pane's right edge.
     * Set only when the number changes: a region's size setter asks for a layout even for the
     * same number, and the viewport's bounds are set anew on every layout pass.
     */
    private void fitControlsToView() {
        double w = controlsScroll() ? Math.max(120, scroll.getViewportBounds().getWidth()) : Double.MAX_VALUE;
        if (controls.getMaxWidth() != w) {
            controls.setMaxWidth(w);
        }
    }

    /** Whether the controls scroll with the grids (a short pane). */
    boolean controlsScroll() {
        return controls.getParent() == content;
    }

    private Region controls() {
        Label n = symbolLabel("editor.n", nSpinner);
        Label d = symbolLabel("editor.d", dSpinner);
        HBox size = new HBox(6, n, nSpinner, gap());
        size.getStyleClass().add("control-row");
        HBox features = new HBox(6, d, dSpinner);
        features.visibleProperty().bind(layoutChoice.valueProperty().isNotEqualTo(Boolean.TRUE));
        // C, H, W each on their own, so that a narrow pane wraps them rather than scrolling
        List<HBox> images = List.of(new HBox(6, symbolLabel("editor.c", cSpinner), cSpinner),
                new HBox(6, symbolLabel("editor.h", hSpinner), hSpinner), new HBox(6, symbolLabel("editor.w", wSpinner), wSpinner));
        for (HBox box : images) {
            box.visibleProperty().bind(layoutChoice.valueProperty().isEqualTo(Boolean.TRUE));
        }
        List<HBox> sizes = new java.util.ArrayList<>(List.of(size, features));
        sizes.addAll(images);
        for (HBox box : sizes) {
            box.getStyleClass().add("control-row");
            box.managedProperty().bind(box.visibleProperty());
        }

        layoutChoice.setId("editor-layout");
        layoutChoice.getStyleClass().add("layout-choice"); // its width in em (normgraph.css)
        layoutChoice.getItems().setAll(false, true);
        layoutChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Boolean images) {
                return images == null ? "" : Messages.get(images ? "editor.layout.images" : "editor.layout.features");
            }

            @Override
            public Boolean fromString(String text) {
                return layoutChoice.getValue();
            }
        });
        layoutChoice.setTooltip(new Tooltip(Messages.get("editor.layout.tip")));
        layoutChoice.setMinWidth(Region.USE_PREF_SIZE);
        layoutChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                getSkinnable().setImages(b);
                showInput(getSkinnable().getInput()); // a refused switch: the choice shows the kept layout
            }
        });
        // a flow: in a narrow pane (zh-TW at 200 %) the choice goes under its label instead of past the edge
        FlowPane layoutRow = new FlowPane(6, 6, label("editor.layout", layoutChoice), layoutChoice);
        layoutRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        layoutRow.getStyleClass().add("control-flow");

        eps.setId("editor-eps");
        eps.setPrefColumnCount(8);
        eps.setMinWidth(Region.USE_PREF_SIZE);
        eps.setTooltip(new Tooltip(Messages.get("editor.eps.tip")));
        eps.setOnAction(e -> enterEps());
        eps.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                enterEps();
            }
        });
        HBox epsRow = new HBox(6, symbolLabel("editor.eps", eps), eps);
        epsRow.getStyleClass().add("control-row");

        seed.setId("editor-seed");
        seed.setPrefColumnCount(6);
        seed.setMinWidth(Region.USE_PREF_SIZE);
        seed.setTooltip(new Tooltip(Messages.get("editor.seed.tip")));
        seed.setOnAction(e -> { // as N, D and eps: a refused text goes, the kept seed is shown and said
            if (!getSkinnable().editSeed(seed.getText())) {
                seed.setText(Long.toString(getSkinnable().getSeed()));
            }
        });
        seed.focusedProperty().addListener((o, was, is) -> {
            if (!is && !seed.getText().strip().equals(Long.toString(getSkinnable().getSeed()))) {
                if (!getSkinnable().editSeed(seed.getText())) {
                    seed.setText(Long.toString(getSkinnable().getSeed()));
                }
            }
        });
        Button randomize = button("editor-randomize", "editor.randomize", () -> {
            if (getSkinnable().editSeed(seed.getText())) {
                getSkinnable().randomize();
            } else {
                seed.setText(Long.toString(getSkinnable().getSeed()));
            }
        });
        Button next = button("editor-nextseed", "editor.nextseed", () -> getSkinnable().nextSeed());
        HBox seedRow = new HBox(6, label("editor.seed", seed), seed);
        seedRow.getStyleClass().add("control-row");

        Button reset = button("editor-reset", "editor.reset", () -> getSkinnable().resetToExample());
        FlowPane rows = new FlowPane(12, 6);
        rows.getChildren().addAll(sizes);
        rows.getChildren().add(epsRow);
        rows.getStyleClass().add("control-flow");
        FlowPane seedRows = new FlowPane(6, 6, seedRow, randomize, next);
        seedRows.getStyleClass().add("control-flow");
        VBox box = new VBox(6, layoutRow, rows, sizeMessage, epsMessage, seedRows, seedMessage, reset);
        box.getStyleClass().add("inputs-controls");
        return box;
    }

    private Region section(InputField f) {
        MatrixSheet sheet = new MatrixSheet(f);
        // Tab into a column the pane's width cuts off typed into a cell out of sight
        sheet.getSelectionModel().getSelectedCells().addListener(
                (ListChangeListener<TablePosition>) c -> Platform.runLater(() -> revealFocusedCell(sheet)));
        sheet.setListener(this);
        sheets.put(f, sheet);
        Label title = new Label();
        title.setId("editor-" + f.id() + "-title");
        title.getStyleClass().add("field-title");
        title.setWrapText(true);
        CjkWrap.keepEndOf(title);
        title.setTooltip(new Tooltip(Messages.get("editor.grid.tip")));
        titles.put(f, title);
        Label msg = message("editor-" + f.id() + "-message");
        messages.put(f, msg);
        // wrap to what is visible, even when the grids are wider than the pane
        SizeFollow.follow(title, scroll.viewportBoundsProperty(),
                () -> Math.max(120, scroll.getViewportBounds().getWidth() - 16), w -> {
                    title.setMaxWidth(w);
                    msg.setMaxWidth(w);
                });
        // the fence keeps a grid's re-layout (a changed cell) inside the grid
        VBox box = new VBox(2, title, new LayoutFence(sheet), msg);
        box.getStyleClass().addAll("field-section", "field-" + f.id());
        sections.put(f, box);
        return box;
    }

    /** A size spinner; {@code symbolKey} names the size (N, D, C, H, W) in its messages. */
    private Spinner<Integer> spinner(String id, String symbolKey, String tipKey, int min, int max) {
        Spinner<Integer> s = new Spinner<>();
        SpinnerTyping typing = new SpinnerTyping(s);
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, min);
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String text) {
                typing.reading(text);
                Integer v = InputsPane.wholeNumberIn(text, min, max);
                return v == null ? f.getValue() : v;
            }
        });
        s.setValueFactory(f);
        s.setEditable(true);
        s.setId(id);
        s.getEditor().setPrefColumnCount(3);
        s.getStyleClass().add("size-spinner"); // its width in em (inputs.css): it grows with the text
        s.setMinWidth(Region.USE_PREF_SIZE);
        s.setTooltip(new Tooltip(Messages.get(tipKey)));
        // typed text counts on Enter and when focus leaves; what is not a number reverts, a
        // number out of range becomes the nearest size, and a message says which
        Runnable commitTyped = () -> {
            String typed = typing.typed();
            s.commitValue();
            s.getEditor().setText(String.valueOf(s.getValue()));
            InputsPane pane = getSkinnable();
            if (pane != null) { // null once the skin is disposed
                pane.sizeTyped(Messages.get(symbolKey), typed, s.getValue(), min, max);
            }
        };
        s.getEditor().addEventHandler(ActionEvent.ACTION, e -> commitTyped.run());
        s.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitTyped.run();
            }
        });
        return s;
    }

    /** A label that is a symbol of the formulas (N, D, eps): in the monospace font (inputs.css). */
    private static Label symbolLabel(String key, javafx.scene.Node target) {
        Label l = label(key, target);
        l.getStyleClass().add("symbol-label");
        return l;
    }

    private static Label label(String key, javafx.scene.Node target) {
        Label l = new Label(Messages.get(key));
        l.setLabelFor(target);
        l.getStyleClass().add("control-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Region gap() {
        Region r = new Region();
        r.setMinWidth(6);
        return r;
    }

    private static Button button(String id, String key, Runnable action) {
        Button b = new Button(Messages.get(key));
        b.setId(id);
        b.setTooltip(new Tooltip(Messages.get(key + ".tip")));
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static Label message(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("message");
        l.setWrapText(true);
        CjkWrap.keepEndOf(l);
        l.setVisible(false);
        l.setManaged(false);
        return l;
    }

    // ------------------------------------------------------------------ showing

    private void showInput(BatchNormInput in) {
        InputLayout layout = getSkinnable().getLayout();
        if (in != null && (layout == null || layout.columns() != in.d())) {
            return; // the session sets the input, then its layout: show them together
        }
        boolean has = in != null;
        none.setVisible(!has);
        none.setManaged(!has);
        nSpinner.setDisable(!has);
        dSpinner.setDisable(!has);
        layoutChoice.setDisable(!has);
        eps.setDisable(!has);
        for (Region section : sections.values()) {
            section.setVisible(has);
            section.setManaged(has);
        }
        if (!has) {
            return;
        }
        updating = true;
        try {
            nSpinner.getValueFactory().setValue(in.n());
            dSpinner.getValueFactory().setValue(in.d());
            setIfChanged(nSpinner.getEditor(), Integer.toString(in.n()));
            setIfChanged(dSpinner.getEditor(), Integer.toString(in.d()));
            layoutChoice.setValue(layout.images());
            showSize(cSpinner, layout.channels());
            showSize(hSpinner, layout.height());
            showSize(wSpinner, layout.width());
        } finally {
            updating = false;
        }
        setIfChanged(eps, NumberText.exact(in.eps()));
        List<String> headers = java.util.stream.IntStream.range(0, layout.columns())
                .mapToObj(layout::columnName).toList();
        List<String> channels = java.util.stream.IntStream.range(0, layout.channels())
                .mapToObj(Integer::toString).toList();
        String widest = "";
        double widestWidth = 0;
        for (InputField f : InputField.values()) {
            var m = f.of(in, layout);
            // Images: a new grid for new numbers. In a real window, numbers changed in place
            // after the switch to images were not drawn (the grid kept its old cells; not seen
            // headless); image grids are at most 32×16, so building them anew costs little.
            MatrixSheet sheet = sheets.get(f);
            sheet.show(m, f.isVector() ? channels : headers, layout.images());
            String cellText = sheet.widestCellText();
            double width = sheet.textWidth(cellText);
            if (width > widestWidth) {
                widest = cellText;
                widestWidth = width;
            }
            Label title = titles.get(f);
            String text = layout.images()
                    ? Messages.get("editor.field." + f.id() + ".images", shapeText(f, in.n(), layout))
                    : Messages.get("editor.field." + f.id(), m.shape().toString());
            if (!text.equals(title.getText())) {
                title.setText(text);
            }
        }
        for (MatrixSheet sheet : sheets.values()) { // the columns of all four stay aligned
            sheet.fitColumnsTo(widest);
        }
    }

    private static void showSize(Spinner<Integer> s, int value) {
        s.getValueFactory().setValue(value);
        setIfChanged(s.getEditor(), Integer.toString(value));
    }

    /** {@code 2×2×2×2} for x and dout, {@code 1×2} for gamma and beta of images. */
    private static String shapeText(InputField f, int n, InputLayout layout) {
        return f.isVector() ? "1\u00d7" + layout.channels()
                : n + "\u00d7" + layout.channels() + "\u00d7" + layout.height() + "\u00d7" + layout.width();
    }

    /** Setting a text field's text replaces its content (and re-lays it out) even when equal. */
    private static void setIfChanged(TextField field, String text) {
        if (!text.equals(field.getText())) {
            field.setText(text);
        }
    }

    /** A one-line field of the pane and the text it shows when nothing is being typed there. */
    private record OneLineField(TextField field, String committed) {
    }

    /** The focused one-line field (N, D, C, H, W, eps, seed), or null: the grids are not among them. */
    private OneLineField focusedOneLineField() {
        BatchNormInput in = getSkinnable().getInput();
        if (eps.isFocused() && in != null) {
            return new OneLineField(eps, NumberText.exact(in.eps()));
        }
        if (seed.isFocused()) {
            return new OneLineField(seed, Long.toString(getSkinnable().getSeed()));
        }
        for (Spinner<Integer> s : List.of(nSpinner, dSpinner, cSpinner, hSpinner, wSpinner)) {
            if (s.isFocused() || s.getEditor().isFocused()) { // the spinner holds the focus for its field
                return new OneLineField(s.getEditor(), s.getValueFactory().getConverter().toString(s.getValue()));
            }
        }
        return null;
    }

    boolean hasOneLineFieldFocused() {
        return focusedOneLineField() != null;
    }

    /**
     * Puts back the committed text of the focused one-line field if something else was typed
     * there and not entered; false if there was nothing to put back.
     */
    boolean dropUnfinishedTyping() {
        OneLineField f = focusedOneLineField();
        return f != null && putBack(f.field(), f.committed());
    }

    private static boolean putBack(TextField field, String committed) {
        if (field.getText().strip().equals(committed)) {
            return false;
        }
        field.setText(committed);
        field.selectAll();
        return true;
    }

    private void enterEps() {
        BatchNormInput in = getSkinnable().getInput();
        if (in == null || eps.getText().strip().equals(NumberText.exact(in.eps()))) {
            return;
        }
        getSkinnable().editEps(eps.getText());
        BatchNormInput now = getSkinnable().getInput();
        if (now != null) {
            eps.setText(NumberText.exact(now.eps())); // refused: the old eps stays
        }
    }

    private void showFeedback(InputsPane.Feedback fb) {
        for (InputField f : InputField.values()) {
            sheets.get(f).clearMarks();
            set(messages.get(f), null);
        }
        set(sizeMessage, null);
        set(epsMessage, null);
        set(seedMessage, null);
        eps.getStyleClass().remove("refused");
        seed.getStyleClass().remove("refused");
        if (fb == null) {
            return;
        }
        InputField f = InputsPane.fieldOf(fb.area());
        if (f != null) {
            Label msg = messages.get(f);
            set(msg, fb);
            Platform.runLater(() -> scroll.reveal(msg));
            if (fb.error() && fb.row() >= 0) {
                sheets.get(f).markRefused(fb.row(), fb.col(), fb.text());
                sheets.get(f).returnToRefused(fb.row(), fb.col());
            }
        } else if (InputsPane.AREA_EPS.equals(fb.area())) {
            set(epsMessage, fb);
            if (fb.error()) {
                eps.getStyleClass().add("refused");
            }
        } else if (InputsPane.AREA_SEED.equals(fb.area())) {
            set(seedMessage, fb);
            if (fb.error()) {
                seed.getStyleClass().add("refused");
            }
        } else {
            set(sizeMessage, fb);
        }
    }

    private static void set(Label l, InputsPane.Feedback fb) {
        l.setText(fb == null ? "" : NumberText.unbroken(fb.text())); // "Kept −0.5." wraps whole
        l.getStyleClass().removeAll("error", "info");
        if (fb != null) {
            l.getStyleClass().add(fb.error() ? "error" : "info");
        }
        l.setVisible(fb != null);
        l.setManaged(fb != null);
    }

    // ------------------------------------------------------------------ MatrixSheet.Listener

    @Override
    public void typed(InputField field, int row, int col, String text) {
        getSkinnable().editCell(field, row, col, text);
    }

    @Override
    public void pasted(InputField field, int row, int col, String text) {
        getSkinnable().paste(field, row, col, text);
    }

    @Override
    public void cleared(InputField field, List<int[]> cells) {
        getSkinnable().clearCells(field, cells);
    }
}
