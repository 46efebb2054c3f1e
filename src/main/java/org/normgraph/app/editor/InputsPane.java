package org.normgraph.app.editor;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.normgraph.app.model.Examples;
import org.normgraph.app.model.InputLayout;
import org.normgraph.core.BatchNormInput;

/**
 * The input editors: spreadsheet grids for {@code x} (N×D), {@code gamma} and {@code beta}
 * (1×D) and {@code dout} (N×D), a field for {@code eps}, N and D spinners, "Randomize" with
 * a visible seed, and "Reset to example". x may instead be laid out as N×C×H×W images
 * (C, H, W spinners): x and dout are then edited as N rows of C·H·W columns headed by their
 * (c,h,w), gamma and beta as 1×C (see {@link InputLayout}).
 *
 * <p>Every accepted edit builds a new {@link BatchNormInput} and hands it to the
 * {@code commit} callback; the grids show whatever {@code input} holds, so an undo, a reset
 * or a file load elsewhere shows up here at once. An edit that is not a valid input (a
 * cell that is not a finite number, eps ≤ 0, a pasted block that does not fit) is refused
 * where it was made, with a message naming the field and cell, and nothing changes.
 *
 * <p>The window wires it as {@code new InputsPane(model.inputProperty(), model.inputLayoutProperty(), model::commit)}.
 * The edit methods below are what the skin calls; a window may call them too (e.g. from a
 * menu). Feedback on the last edit is in {@link #feedbackProperty()}.
 */
public class InputsPane extends Control {

    /** This control's stylesheet (style classes {@code inputs-editor}, {@code matrix-sheet}, {@code message}, …). */
    public static final String STYLESHEET =
            InputsPane.class.getResource("/org/normgraph/app/editor/inputs.css").toExternalForm();

    /** The seed shown at start. */
    public static final long DEFAULT_SEED = 42;

    /** Where feedback belongs besides the four grids. */
    public static final String AREA_EPS = "eps";
    public static final String AREA_SEED = "seed";
    public static final String AREA_SIZE = "size";

    /**
     * Feedback on the last edit, shown next to what it concerns.
     *
     * @param area  a grid ({@code x}, {@code gamma}, {@code beta}, {@code dout}) or
     *              {@link #AREA_EPS}, {@link #AREA_SEED}, {@link #AREA_SIZE}
     * @param row   the refused cell's row in a grid, else -1
     * @param col   the refused cell's column in a grid, else -1
     * @param message the message, put into words in the current language when shown
     * @param error whether something was refused (else it is information)
     */
    public record Feedback(String area, int row, int col, BundleText message, boolean error) {

        /** The message in the current language. */
        public String text() {
            return message.message();
        }
    }

    private final ReadOnlyObjectProperty<BatchNormInput> input;
    private final ObservableValue<InputLayout> layout;
    private final BiConsumer<BatchNormInput, InputLayout> commit;
    private BiConsumer<BatchNormInput, InputLayout> resetCommit; // null: as every edit
    private Supplier<String> overflow; // null: not asked
    private final LongProperty seed = new SimpleLongProperty(this, "seed", DEFAULT_SEED);
    private final ReadOnlyObjectWrapper<Feedback> feedback = new ReadOnlyObjectWrapper<>(this, "feedback");
    private final CutCells cut = new CutCells();
    /** The input this pane committed last: any other input replaced it, and the cut cells are forgotten. */
    private BatchNormInput committed;
    private final ChangeListener<BatchNormInput> clearOnChange = (o, a, b) -> {
        feedback.set(null);
        if (b == null || !b.equals(committed)) {
            cut.forget();
        }
    };

    // a message about the old D or C is stale once x is laid out anew, even with the same numbers
    private final ChangeListener<InputLayout> clearOnLayout = (o, a, b) -> feedback.set(null);
    private final ChangeListener<Object> clearOnStale = (o, a, b) -> feedback.set(null);

    /** Editors of N×D features only. */
    public InputsPane(ReadOnlyObjectProperty<BatchNormInput> input, Consumer<BatchNormInput> commit) {
        this(input, Bindings.createObjectBinding(
                () -> input.get() == null ? null : InputLayout.features(input.get().d()), input),
                (in, l) -> commit.accept(in));
        Objects.requireNonNull(commit, "commit");
    }

    /** Editors of x in either layout; {@code commit} takes an input with the layout it is in. */
    public InputsPane(ReadOnlyObjectProperty<BatchNormInput> input, ObservableValue<InputLayout> layout,
                      BiConsumer<BatchNormInput, InputLayout> commit) {
        this.input = Objects.requireNonNull(input, "input");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.commit = Objects.requireNonNull(commit, "commit");
        getStyleClass().add("inputs-editor");
        setFocusTraversable(false); // its grids and fields are the Tab stops, not the pane
        // Added as this control's own stylesheet rather than a user-agent one: the
        // SpreadsheetView's user-agent stylesheet would otherwise win for the grid cells.
        getStylesheets().add(STYLESHEET);
        input.addListener(new WeakChangeListener<>(clearOnChange));
        layout.addListener(new WeakChangeListener<>(clearOnLayout));
    }

    public ReadOnlyObjectProperty<BatchNormInput> inputProperty() {
        return input;
    }

    public BatchNormInput getInput() {
        return input.get();
    }

    /** How x is laid out (N×D features or N×C×H×W images). */
    public ObservableValue<InputLayout> layoutProperty() {
        return layout;
    }

    public InputLayout getLayout() {
        return layout.getValue();
    }

    /** The seed "Randomize" uses; same seed, same values. */
    public LongProperty seedProperty() {
        return seed;
    }

    public long getSeed() {
        return seed.get();
    }

    public void setSeed(long value) {
        seed.set(value);
    }

    /** The message about the last edit (refused, or information such as a paste), or null. */
    public ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    public Feedback getFeedback() {
        return feedback.get();
    }

    /**
     * Whether the focus is in one of the pane's one-line fields (N, D, C, H, W, eps, seed), where
     * a text field would take Ctrl+Z for its own typing; not in a grid, whose cell editor keeps it.
     */
    public boolean hasOneLineFieldFocused() {
        return getSkin() instanceof InputsPaneSkin skin && skin.hasOneLineFieldFocused();
    }

    /**
     * How wide the pane's content must be to show its widest input grid whole, with the grids'
     * margins and a vertical scroll bar: the window's default width of the pane grows to it (x
     * at D = 4 had a scroll bar in a pane of the default width). 0 before the skin is made.
     */
    public double widthForGrids() {
        return getSkin() instanceof InputsPaneSkin skin ? skin.widthForGrids() : 0;
    }

    /**
     * Ctrl+Z in a one-line field first drops what was typed there and not entered: true if it
     * did, so that the last edit is undone only by the next Ctrl+Z.
     */
    public boolean dropUnfinishedTyping() {
        return getSkin() instanceof InputsPaneSkin skin && skin.dropUnfinishedTyping();
    }

    /**
     * Shows feedback this pane did not give: a window rebuilt in another language keeps the
     * message about the last edit (said anew in the new language).
     */
    public void showFeedback(Feedback value) {
        feedback.set(value);
    }

    // ------------------------------------------------------------------ edits

    /** A cell's text was typed. */
    public void editCell(InputField field, int row, int col, String text) {
        BatchNormInput in = input.get();
        if (in != null) {
            apply(InputEdits.editCell(in, getLayout(), field, row, col, text), field.id(), row, col, null);
        }
    }

    /** Pastes a block of text with its top-left at ({@code row}, {@code col}); all or nothing. */
    public void paste(InputField field, int row, int col, String text) {
        BatchNormInput in = input.get();
        if (in == null) {
            return;
        }
        InputEdits.Edit e = InputEdits.paste(in, getLayout(), field, row, col, text);
        BundleText done = null;
        if (e.isAccepted()) {
            List<List<String>> block = InputEdits.splitBlock(text);
            done = BundleText.of("editor.paste.done", String.valueOf(block.size()),
                    String.valueOf(block.get(0).size()), field.cellName(row, col));
        }
        apply(e, field.id(), -1, -1, done);
    }

    /** Sets the given cells ({row, col} pairs) to 0, and says so (Delete gives no other sign). */
    public void clearCells(InputField field, List<int[]> cells) {
        BatchNormInput in = input.get();
        if (in != null && !cells.isEmpty()
                && commitSafely(InputEdits.fillCells(in, getLayout(), field, cells, 0.0), field.id())) {
            feedback.set(new Feedback(field.id(), -1, -1, cells.size() == 1
                    ? BundleText.of("editor.cleared.one", field.cellName(cells.get(0)[0], cells.get(0)[1]))
                    : BundleText.of("editor.cleared", Integer.toString(cells.size()), field.id()), false));
        }
    }

    /**
     * Resizes to N×D (clamped to 1…32 × 1…16), keeping values; in N×D features the values a
     * smaller size cut off come back when it grows again (until the input is replaced).
     */
    public void resize(int n, int d) {
        BatchNormInput in = input.get();
        if (in == null) {
            return;
        }
        int nn = Math.max(InputEdits.MIN_N, Math.min(InputEdits.MAX_N, n));
        int dd = Math.max(InputEdits.MIN_D, Math.min(InputEdits.MAX_D, d));
        InputLayout to = getLayout().images() ? getLayout() : InputLayout.features(dd);
        if (nn != in.n() || !to.equals(getLayout())) {
            BatchNormInput next = InputEdits.relayout(in, getLayout(), nn, to);
            if (!to.images()) {
                // N 4 → 1 → 4 gives rows 1–3 back rather than new ones
                cut.remember(in);
                next = cut.restore(in, next);
            }
            commitSafely(next, to, AREA_SIZE);
        }
    }

    /**
     * Text typed into a spinner of a size or a count (N, D, C, H, W; G of group norm) as a whole
     * number (full-width digits too), clamped to {@code min…max}; null if it is not a whole number.
     */
    public static Integer wholeNumberIn(String text, int min, int max) {
        String t = text == null ? "" : CellParser.normalize(text);
        if (!t.matches("[+-]?[0-9]+")) {
            return null;
        }
        BigInteger typed = new BigInteger(t);
        return typed.max(BigInteger.valueOf(min)).min(BigInteger.valueOf(max)).intValueExact();
    }

    /**
     * Says why a size spinner ({@code symbol} N, D, C, H or W, from min to max) now holds
     * {@code taken} and not the typed text: it was not a whole number, or it was outside
     * min…max and the nearest size was taken. Text taken as typed, or a size refused with its
     * own message (C·H·W too large), adds nothing.
     */
    public void sizeTyped(String symbol, String text, int taken, int min, int max) {
        BundleText message = sizeMessage(symbol, text, taken, min, max);
        if (message != null) {
            feedback.set(new Feedback(AREA_SIZE, -1, -1, message, true));
        }
    }

    /**
     * What {@link #sizeTyped} says of a size field ({@code symbol}, min…max) that holds
     * {@code taken} after {@code text} was typed, or null for text taken as typed; group norm's G
     * says the same.
     */
    public static BundleText sizeMessage(String symbol, String text, int taken, int min, int max) {
        Integer nearest = wholeNumberIn(text, min, max);
        if (nearest == null) {
            return BundleText.of("editor.refused.size", symbol, BundleText.shown(text), Integer.toString(taken));
        }
        if (nearest == taken && !new BigInteger(CellParser.normalize(text)).equals(BigInteger.valueOf(taken))) {
            // clamped to the range
            return BundleText.of("editor.clamped.size", symbol, Integer.toString(min), Integer.toString(max),
                    BundleText.shown(text), Integer.toString(taken));
        }
        return null;
    }

    /**
     * Lays x out as N×C×H×W images of this C, H, W, keeping values at their (c, h, w). More than
     * {@link InputEdits#MAX_COLUMNS} values per row is refused with a message; nothing changes.
     */
    public void resizeImages(int c, int h, int w) {
        BatchNormInput in = input.get();
        if (in == null) {
            return;
        }
        if (c < 1 || h < 1 || w < 1 || c * h * w > InputEdits.MAX_COLUMNS) {
            InputLayout now = getLayout();
            feedback.set(new Feedback(AREA_SIZE, -1, -1, BundleText.of("editor.refused.columns",
                    c + "\u00b7" + h + "\u00b7" + w, Integer.toString(c * h * w), Integer.toString(InputEdits.MAX_COLUMNS),
                    now.channels() + "\u00d7" + now.height() + "\u00d7" + now.width()), true));
            return;
        }
        InputLayout to = InputLayout.images(c, h, w);
        cut.forget(); // kept cells are N×D columns, not (c, h, w)
        if (!to.equals(getLayout())) {
            commitSafely(InputEdits.relayout(in, getLayout(), in.n(), to), to, AREA_SIZE);
        }
    }

    /**
     * Switches between N×D features and N×C×H×W images with the same values: D features become
     * D channels of 1×1 images, and C×H×W images become C·H·W features.
     */
    public void setImages(boolean images) {
        BatchNormInput in = input.get();
        if (in == null || images == getLayout().images()) {
            return;
        }
        InputLayout to = images ? InputLayout.images(in.d(), 1, 1) : InputLayout.features(in.d());
        cut.forget();
        commitSafely(in, to, AREA_SIZE);
    }

    /** The eps field's text was entered. */
    public void editEps(String text) {
        BatchNormInput in = input.get();
        if (in != null) {
            apply(InputEdits.editEps(in, text), AREA_EPS, -1, -1, null);
        }
    }

    /** The seed field's text was entered; false (and a message) if it is not a whole number. */
    public boolean editSeed(String text) {
        String t = text == null ? "" : text.strip();
        try {
            seed.set(Long.parseLong(t));
            if (feedback.get() != null && AREA_SEED.equals(feedback.get().area())) {
                feedback.set(null);
            }
            return true;
        } catch (NumberFormatException e) {
            // a whole number beyond a long is refused for its size, not as "not a whole number"
            String key = t.matches("[+-]?\\d+") ? "editor.refused.seed.range" : "editor.refused.seed";
            feedback.set(new Feedback(AREA_SEED, -1, -1, BundleText.of("editor.refused.kept",
                    BundleText.of(key, BundleText.shown(t)), Long.toString(seed.get())), true));
            return false;
        }
    }

    /** New values of the same shape from the current seed. */
    public void randomize() {
        BatchNormInput in = input.get();
        if (in != null) {
            commitSafely(InputEdits.randomize(in.n(), getLayout(), in.eps(), seed.get()), AREA_SEED);
            cut.forget(); // new values: the old rows do not belong to them
        }
    }

    /** Seed + 1, then {@link #randomize()}. */
    public void nextSeed() {
        seed.set(seed.get() + 1);
        randomize();
    }

    /** Back to {@link Examples#classic()} (N×D features). */
    public void resetToExample() {
        BatchNormInput example = Examples.classic();
        commitSafely(example, InputLayout.features(example.d()), AREA_SIZE, resetCommit != null ? resetCommit : commit);
        cut.forget();
    }

    /**
     * How "Reset to example" commits, where it differs from an edit: the window lets it leave a
     * kind of normalization the example does not fit (instance norm) rather than be refused.
     */
    public void setResetCommit(BiConsumer<BatchNormInput, InputLayout> resetCommit) {
        this.resetCommit = resetCommit;
    }

    private void apply(InputEdits.Edit e, String area, int row, int col, BundleText info) {
        if (!e.isAccepted()) {
            BatchNormInput in = input.get();
            BundleText text = e.refusal();
            if (row >= 0 && col >= 0 && in != null) {
                InputField f = fieldOf(area);
                if (f != null) {
                    text = BundleText.of("editor.refused.kept", text,
                            NumberText.cell(f.of(in, getLayout()).get(row, col)));
                }
            } else if (AREA_EPS.equals(area) && in != null) {
                text = BundleText.of("editor.refused.kept", text, NumberText.exact(in.eps()));
            }
            feedback.set(new Feedback(area, row, col, text, true));
            return;
        }
        if (commitSafely(e.input(), area)) {
            String overflowing = overflow == null ? null : overflow.get();
            if (overflowing != null) { // taken, but said where it was typed, not only in the window's notes
                feedback.set(new Feedback(area, -1, -1, BundleText.of("editor.overflow", overflowing), true));
            } else if (info != null) {
                feedback.set(new Feedback(area, -1, -1, info, false));
            }
        }
    }

    /**
     * Forgets the pane's message when {@code stale} changes: D = 4 refused under group norm with
     * G = 3 was still said under batch norm.
     */
    public void clearMessageOn(javafx.beans.value.ObservableValue<?> stale) {
        stale.addListener(new WeakChangeListener<>(clearOnStale));
    }

    /**
     * Where an accepted edit can learn that the numbers now overflow: the name of the first node
     * that is not finite, or null. The pane then says so beside the grid that was edited.
     */
    public void setOverflowSource(Supplier<String> firstNonFiniteNode) {
        this.overflow = firstNonFiniteNode;
    }

    private boolean commitSafely(BatchNormInput next, String area) {
        return commitSafely(next, getLayout(), area);
    }

    private boolean commitSafely(BatchNormInput next, InputLayout nextLayout, String area) {
        return commitSafely(next, nextLayout, area, commit);
    }

    private boolean commitSafely(BatchNormInput next, InputLayout nextLayout, String area,
                                 BiConsumer<BatchNormInput, InputLayout> how) {
        if (next.equals(input.get()) && nextLayout.equals(getLayout())) {
            return true;
        }
        try {
            committed = next;
            how.accept(next, nextLayout);
            return true;
        } catch (RuntimeException ex) {
            Object why = ex instanceof EditRefusedException r ? r.refusal() : String.valueOf(ex.getMessage());
            feedback.set(new Feedback(area, -1, -1, BundleText.of("editor.refused.input", why), true));
            return false;
        }
    }

    static InputField fieldOf(String area) {
        for (InputField f : InputField.values()) {
            if (f.id().equals(area)) {
                return f;
            }
        }
        return null;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new InputsPaneSkin(this);
    }

}
