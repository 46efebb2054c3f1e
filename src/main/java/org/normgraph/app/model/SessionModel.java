package org.normgraph.app.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.normgraph.app.editor.NumberText;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;
import org.normgraph.core.InferenceGraph;
import org.normgraph.core.Matrix;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;
import org.normgraph.timeline.Step;
import org.normgraph.timeline.Timeline;

/**
 * The state of one session, for every view of the app: the current input, the core's
 * graph and trace for it, the position in the forward+backward walk, playback, the
 * selection, undo history and notes on special inputs.
 *
 * <p>Uses only javafx.beans/collections (no scene graph), so it works and is tested
 * without the toolkit. It computes nothing itself: every number comes from
 * {@link BatchNormGraph#run}. Not thread-safe; use it from one thread (the FX thread).
 *
 * <p>On {@link #commit}, the graph (when N, D or eps change) and the trace are replaced
 * first, then the input; both are consistent by the time {@code commit} returns. The
 * position and the selection are kept.
 */
public final class SessionModel {

    /** How many inputs undo remembers. */
    public static final int HISTORY_LIMIT = 500;

    /** Below this eps a note explains that eps governs the gradient of constant columns. */
    public static final double TINY_EPS = 1e-8;

    private final ReadOnlyObjectWrapper<BatchNormInput> input = new ReadOnlyObjectWrapper<>(this, "input");
    private final ReadOnlyObjectWrapper<InputLayout> inputLayout = new ReadOnlyObjectWrapper<>(this, "inputLayout");
    private final ReadOnlyObjectWrapper<Graph> graph = new ReadOnlyObjectWrapper<>(this, "graph");
    private final ReadOnlyObjectWrapper<NormSpec> normSpec = new ReadOnlyObjectWrapper<>(this, "normSpec", NormSpec.batch());
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step");
    private final ReadOnlyStringWrapper statusKey = new ReadOnlyStringWrapper(this, "statusKey");
    private final ReadOnlyBooleanWrapper atStart = new ReadOnlyBooleanWrapper(this, "atStart", true);
    private final ReadOnlyBooleanWrapper atEnd = new ReadOnlyBooleanWrapper(this, "atEnd");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyObjectWrapper<Trace.NonFinite> nonFinite = new ReadOnlyObjectWrapper<>(this, "nonFinite");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(this, "selection");
    private final ObservableList<Note> notes = FXCollections.observableArrayList();
    private final ObservableList<Note> notesView = FXCollections.unmodifiableObservableList(notes);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.EXPLORE);
    // speaker notes by timeline position; kept across edits (they belong to the lesson, not the numbers)
    private final ObservableMap<Integer, String> speakerNotes = FXCollections.observableHashMap();

    // inference mode: the running statistics the graph uses as constants mu and var; null in training
    private final ReadOnlyObjectWrapper<RunningStatistics> inference = new ReadOnlyObjectWrapper<>(this, "inference");

    /**
     * What undo and redo bring back: an input with the layout it was edited in, and the kind then
     * in force. {@code inferenceLeft}: the running statistics that the edit
     * made from this state ended (another C, another kind), which coming back here restores;
     * null when that edit kept the mode (the mode itself is not an edit).
     */
    private record State(BatchNormInput input, InputLayout layout, NormSpec kind, RunningStatistics inferenceLeft) {
    }

    // the kind commitUnderAnyKind had to leave (its input did not fit it); null when none
    private final ReadOnlyObjectWrapper<NormSpec> kindSetAside = new ReadOnlyObjectWrapper<>(this, "kindSetAside");

    private final Deque<State> undoStack = new ArrayDeque<>();
    private final Deque<State> redoStack = new ArrayDeque<>();
    private boolean kindChangeOnTop; // the last edit undo would take back is a change of kind: amendNormSpec may extend it
    private Timeline timeline;
    private NormLayout graphLayout; // the layout the current graph was built for

    public SessionModel(BatchNormInput initial) {
        Objects.requireNonNull(initial, "initial input");
        apply(initial, InputLayout.features(initial.d()), false, null);
        syncPosition();
    }

    /** A session on {@link Examples#classic()}, at the start of the walk. */
    public static SessionModel example() {
        return new SessionModel(Examples.classic());
    }


    // ---------------------------------------------------------------- input, graph, trace

    public ReadOnlyObjectProperty<BatchNormInput> inputProperty() {
        return input.getReadOnlyProperty();
    }

    public BatchNormInput getInput() {
        return input.get();
    }

    /** How x is laid out: N×D features or N×C×H×W images; never null. */
    public ReadOnlyObjectProperty<InputLayout> inputLayoutProperty() {
        return inputLayout.getReadOnlyProperty();
    }

    public InputLayout getInputLayout() {
        return inputLayout.get();
    }

    /**
     * Makes {@code newInput} the current input in the current layout, or in N×D features when it
     * does not fit that layout (another D than C·H·W, gamma or beta differing within a channel);
     * see {@link #commit(BatchNormInput, InputLayout)}.
     */
    public void commit(BatchNormInput newInput) {
        Objects.requireNonNull(newInput, "input");
        InputLayout l = inputLayout.get();
        commit(newInput, isLaidOutAs(newInput, l) ? l : InputLayout.features(newInput.d()));
    }

    /**
     * Makes {@code newInput}, laid out as {@code layout}, the current input: runs the core on it
     * at once, keeps the step position and the selection (an element outside a new shape falls
     * back to its node), and remembers the previous input and layout for {@link #undo()}.
     * Committing what is current does nothing. A layout the current kind cannot normalize
     * (instance norm of N×D features, G not dividing C) is refused with the core's
     * {@link org.normgraph.core.InvalidInputException} and nothing changes.
     *
     * @param newInput x and dout with C·H·W columns; gamma and beta one value per column,
     *                 equal over each channel's columns (see {@link InputLayout})
     */
    public void commit(BatchNormInput newInput, InputLayout layout) {
        commit(newInput, layout, false);
    }

    /**
     * {@link #commit(BatchNormInput, InputLayout)}, but an input the current kind cannot
     * normalize goes in under batch norm instead of being refused ("Reset to example" under
     * instance norm), and {@link #kindSetAsideProperty()} names the kind left; undo brings it back.
     */
    public void commitUnderAnyKind(BatchNormInput newInput, InputLayout layout) {
        commit(newInput, layout, true);
    }

    private void commit(BatchNormInput newInput, InputLayout layout, boolean batchIfNeeded) {
        Objects.requireNonNull(newInput, "input");
        requireFits(newInput, layout);
        if (newInput.equals(input.get()) && layout.equals(inputLayout.get())) {
            return;
        }
        State previous = current();
        RunningStatistics was = inference.get();
        NormSpec now = normSpec.get();
        boolean leave = batchIfNeeded && !fits(layout, newInput.n(), now);
        if (leave) {
            normSpec.set(NormSpec.batch());
        }
        try {
            apply(newInput, layout, leave, inference.get());
        } catch (RuntimeException e) {
            normSpec.set(now);
            throw e;
        }
        kindSetAside.set(leave ? now : null);
        remember(left(previous, was));
    }

    /** Makes {@code previous} what the next undo brings back; a new change forgets what redo had. */
    private void remember(State previous) {
        kindChangeOnTop = false;
        undoStack.push(previous);
        if (undoStack.size() > HISTORY_LIMIT) {
            undoStack.removeLast();
        }
        redoStack.clear();
        syncHistory();
    }

    /**
     * Starts over on {@code newInput} (an opened file, a new session): runs the core on it
     * like {@link #commit} but forgets the undo history, so undo cannot step back into the
     * previous document.
     */
    public void reset(BatchNormInput newInput) {
        Objects.requireNonNull(newInput, "input");
        reset(newInput, InputLayout.features(newInput.d()));
    }

    /** {@link #reset(BatchNormInput)} in {@code layout} (an opened file of images), under the current kind. */
    public void reset(BatchNormInput newInput, InputLayout layout) {
        reset(newInput, layout, normSpec.get());
    }

    /**
     * {@link #reset(BatchNormInput)} in {@code layout} under {@code kind} (an opened session file).
     * A kind that does not fit the input is refused with the core's
     * {@link org.normgraph.core.InvalidInputException}, and nothing changes.
     */
    public void reset(BatchNormInput newInput, InputLayout layout, NormSpec kind) {
        Objects.requireNonNull(newInput, "input");
        Objects.requireNonNull(kind, "kind");
        requireFits(newInput, layout);
        layout.norm(kind, newInput.n()); // refuses before anything changes
        switchKind(kind, newInput, layout);
        kindSetAside.set(null);
        kindChangeOnTop = false;
        undoStack.clear();
        redoStack.clear();
        syncHistory();
    }

    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public Trace getTrace() {
        return trace.get();
    }

    /** The graph the core executes for the current input's layout, N and eps. */
    public ReadOnlyObjectProperty<Graph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    public Graph getGraph() {
        return graph.get();
    }

    // ---------------------------------------------------------------- kind of normalization

    /** Which member of the family the graph is (batch norm at start); never null. */
    public ReadOnlyObjectProperty<NormSpec> normSpecProperty() {
        return normSpec.getReadOnlyProperty();
    }

    public NormSpec getNormSpec() {
        return normSpec.get();
    }

    /**
     * Switches the graph to {@code spec} on the same input, position and selection: the core
     * builds and runs the kind's graph. The switch is an edit of the session, so undo goes back
     * to the kind before. A kind that does not fit the input (G not dividing D or C, instance
     * norm of N×D features) is refused with the core's {@link org.normgraph.core.InvalidInputException}
     * naming the field, and nothing changes.
     */
    public void setNormSpec(NormSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.equals(normSpec.get())) {
            return;
        }
        inputLayout.get().norm(spec, input.get().n()); // refuses before anything changes
        State previous = current();
        RunningStatistics was = inference.get();
        switchKind(spec, input.get(), inputLayout.get());
        kindSetAside.set(null); // the user chose
        remember(left(previous, was));
        kindChangeOnTop = true;
    }

    /**
     * {@link #setNormSpec}, but when the last edit was a change of kind too, this one amends it
     * rather than being an edit of its own: arrowing through the open list of kinds is one step
     * for undo, and arrowing back to where the list began leaves no step at all.
     */
    public void amendNormSpec(NormSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (!kindChangeOnTop) {
            setNormSpec(spec);
            return;
        }
        if (spec.equals(normSpec.get())) {
            return;
        }
        inputLayout.get().norm(spec, input.get().n()); // refuses before anything changes
        switchKind(spec, input.get(), inputLayout.get());
        kindSetAside.set(null);
        State before = undoStack.peek();
        if (before.input() == input.get() && before.layout().equals(inputLayout.get()) && before.kind().equals(spec)) {
            undoStack.pop(); // back where the change began
            kindChangeOnTop = false;
            syncHistory();
        }
    }

    /** Puts {@code in} under {@code spec}, which fits it; the kind stays as it was if the core refuses. */
    private void switchKind(NormSpec spec, BatchNormInput in, InputLayout layout) {
        switchKind(spec, in, layout, inference.get());
    }

    /** {@link #switchKind(NormSpec, BatchNormInput, InputLayout)} with {@code stats} as inference's constants, or training. */
    private void switchKind(NormSpec spec, BatchNormInput in, InputLayout layout, RunningStatistics stats) {
        NormSpec previous = normSpec.get();
        normSpec.set(spec);
        try {
            // running statistics are batch norm's: other kinds train
            apply(in, layout, !spec.equals(previous), spec.kind() == NormKind.BATCH ? stats : null);
        } catch (RuntimeException e) {
            normSpec.set(previous);
            throw e;
        }
    }

    /** The core's layout of the current kind on the current input. */
    public NormLayout getNormLayout() {
        return graphLayout;
    }

    private static boolean fits(InputLayout layout, int n, NormSpec kind) {
        try {
            layout.norm(kind, n);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private State current() {
        return new State(input.get(), inputLayout.get(), normSpec.get(), null);
    }

    /** {@code before}, naming the running statistics {@code was} if the change just made from it ended inference mode. */
    private State left(State before, RunningStatistics was) {
        return was != null && inference.get() == null ? new State(before.input(), before.layout(), before.kind(), was)
                : before;
    }

    // ---------------------------------------------------------------- undo

    /**
     * Goes back to the input, its layout and the kind of normalization before the last edit
     * (a commit or a change of kind); false if there is none.
     */
    public boolean undo() {
        if (undoStack.isEmpty()) {
            return false;
        }
        State now = current();
        RunningStatistics was = inference.get();
        restore(undoStack.pop());
        redoStack.push(left(now, was));
        syncHistory();
        return true;
    }

    /** Re-applies the edit that {@link #undo()} took back; false if there is none. */
    public boolean redo() {
        if (redoStack.isEmpty()) {
            return false;
        }
        State now = current();
        RunningStatistics was = inference.get();
        restore(redoStack.pop());
        undoStack.push(left(now, was));
        syncHistory();
        return true;
    }

    /** Brings {@code s} back; it was in force once, so its kind fits its input. */
    private void restore(State s) {
        kindChangeOnTop = false;
        // the change from here ended inference: back to it
        switchKind(s.kind(), s.input(), s.layout(), s.inferenceLeft() != null ? s.inferenceLeft() : inference.get());
        kindSetAside.set(null);
        syncHistory();
    }

    /**
     * The kind the last {@link #commitUnderAnyKind} had to leave, because the input it brought
     * does not fit it; null when none, and again after the next edit or undo.
     */
    public ReadOnlyObjectProperty<NormSpec> kindSetAsideProperty() {
        return kindSetAside.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public boolean canUndo() {
        return canUndo.get();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public boolean canRedo() {
        return canRedo.get();
    }

    // ---------------------------------------------------------------- timeline position

    /** The position in the walk: 0 = start, 1…9 forward, 10…19 backward 9…0. */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public int getPosition() {
        return position.get();
    }

    /** The number of positions (start + 9 forward + 10 backward = 20). */
    public int getStepCount() {
        return timeline.size();
    }

    public List<Step> steps() {
        return timeline.steps();
    }

    /** The current step: what it computes and reveals. */
    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public Step getStep() {
        return step.get();
    }

    public ReadOnlyBooleanProperty atStartProperty() {
        return atStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty atEndProperty() {
        return atEnd.getReadOnlyProperty();
    }

    /** One step on; false (and no change) at the end. */
    public boolean next() {
        boolean moved = timeline.next();
        syncPosition();
        return moved;
    }

    /** One step back; false (and no change) at the start. */
    public boolean previous() {
        boolean moved = timeline.previous();
        syncPosition();
        return moved;
    }

    public void first() {
        timeline.first();
        syncPosition();
    }

    public void last() {
        timeline.last();
        syncPosition();
    }

    /** Moves to {@code target}, clamped to the walk. */
    public void seek(int target) {
        timeline.seek(target);
        syncPosition();
    }

    /** Whether {@code node}'s value has been computed at the current position. */
    public boolean valueShown(String node) {
        return timeline.valueShown(node);
    }

    /** Whether {@code node}'s total gradient has been computed at the current position. */
    public boolean gradientShown(String node) {
        return timeline.gradientShown(node);
    }

    /** Whether the gradient contribution sent back along {@code edge} has been computed. */
    public boolean contributionShown(Edge edge) {
        return timeline.contributionShown(edge);
    }

    /** Whether the named gradient (e.g. {@code dxmu1}) has been computed. */
    public boolean nameShown(NamedGradient gradient) {
        return timeline.nameShown(gradient);
    }

    /** Whether the current step computes something of {@code node}. */
    public boolean isCurrent(String node) {
        return timeline.isCurrent(node);
    }

    // ---------------------------------------------------------------- playback, selection

    /** Whether the walk advances by itself; the window's clock drives it. */
    public BooleanProperty playingProperty() {
        return playing;
    }

    public boolean isPlaying() {
        return playing.get();
    }

    public void setPlaying(boolean value) {
        playing.set(value);
    }

    /** Playback and animation speed factor, 1 = normal. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public double getSpeed() {
        return speed.get();
    }

    public void setSpeed(double value) {
        speed.set(value);
    }

    /** The selected node (and element), or {@code null}. */
    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    public Selection getSelection() {
        return selection.get();
    }

    public void setSelection(Selection value) {
        selection.set(value);
    }

    // ---------------------------------------------------------------- status and notes

    /** The bundle key of the status line at {@code step} of the current walk. */
    public String statusKey(Step step) {
        String key = step.messageKey();
        return InferenceGraph.isInference(timeline.graph()) ? "inference." + key : key;
    }

    /** Message key describing the current step, from {@link Step#messageKey()}. */
    public ReadOnlyStringProperty statusKeyProperty() {
        return statusKey.getReadOnlyProperty();
    }

    public String getStatusKey() {
        return statusKey.get();
    }

    /** Explore, predict or present; never null. */
    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public Mode getMode() {
        return mode.get();
    }

    public void setMode(Mode value) {
        mode.set(Objects.requireNonNull(value, "mode"));
    }

    /** Speaker notes by timeline position (0 … {@link #getStepCount()} − 1); blank notes are not kept. */
    public ObservableMap<Integer, String> getSpeakerNotes() {
        return speakerNotes;
    }

    /** Sets or (when blank) removes the speaker note at {@code position}. */
    public void setSpeakerNote(int position, String text) {
        if (position < 0 || position >= getStepCount()) {
            throw new IllegalArgumentException("no timeline position " + position);
        }
        if (text == null || text.isBlank()) {
            speakerNotes.remove(position);
        } else {
            speakerNotes.put(position, text);
        }
    }

    /** Notes on the current input (N = 1, constant columns, tiny eps, non-finite numbers). */
    public ObservableList<Note> getNotes() {
        return notesView;
    }

    /** Where the trace first holds a NaN or infinity, or {@code null}. */
    public ReadOnlyObjectProperty<Trace.NonFinite> nonFiniteProperty() {
        return nonFinite.getReadOnlyProperty();
    }

    public Trace.NonFinite getNonFinite() {
        return nonFinite.get();
    }

    /**
     * Whether the walk has reached where the numbers first stop being finite: that value, that
     * node's whole gradient, or that branch into a fan-out node. False when they never do.
     */
    public boolean nonFiniteShown() {
        Trace.NonFinite nf = getNonFinite();
        if (nf == null) {
            return false;
        } else if (!nf.inGradient()) {
            return valueShown(nf.node());
        }
        return nf.branch() != null ? contributionShown(nf.branch()) : gradientShown(nf.node());
    }

    // ---------------------------------------------------------------- training / inference

    /**
     * The running statistics the graph uses as constants in inference mode, or {@code null}
     * in training mode (mean and variance computed from the batch).
     */
    public ReadOnlyObjectProperty<RunningStatistics> inferenceProperty() {
        return inference.getReadOnlyProperty();
    }

    public RunningStatistics getInference() {
        return inference.get();
    }

    public boolean isInference() {
        return inference.get() != null;
    }

    /**
     * Switches to inference mode with {@code stats} as the constants mu and var (the graph
     * changes: no sq, no gradient into the constants), or back to training with {@code null}.
     * The input, position and selection stay (a selected node the new graph lacks is unselected);
     * the mode itself is not an edit, so undo does not see it (but undoing an edit that ended
     * inference, another C or kind, brings it back). Inference is batch norm's: it switches
     * the kind to batch norm (an edit undo goes back over), and choosing another kind goes back to training. Constants that the core refuses leave the
     * mode as it was and throw its message.
     */
    public void setInference(RunningStatistics stats) {
        if (Objects.equals(stats, inference.get())) {
            return;
        }
        if (stats != null) {
            inferenceTrace(input.get(), inputLayout.get(), stats); // refuses before anything changes
        }
        State previous = current();
        boolean kindChanges = stats != null && !previous.kind().equals(NormSpec.batch());
        if (stats != null) {
            normSpec.set(NormSpec.batch()); // running statistics are batch norm's
            kindSetAside.set(null);
        }
        apply(input.get(), inputLayout.get(), true, stats); // the graph differs from the current one: it is built anew
        if (kindChanges) {
            remember(previous); // undo goes back to the kind before, training
        }
    }

    // ---------------------------------------------------------------- internals

    /** Inference of {@code in} laid out as {@code layout}, with {@code stats} as constants (1×D, or 1×C for images). */
    private static Trace inferenceTrace(BatchNormInput in, InputLayout layout, RunningStatistics stats) {
        return InferenceGraph.run(layout.norm(NormSpec.batch(), in.n()), layout.coreInput(in), stats.mean(), stats.var());
    }

    /** Whether x has the layout's C·H·W columns and gamma, beta one value per channel. */
    private static boolean isLaidOutAs(BatchNormInput in, InputLayout layout) {
        return layout.columns() == in.d() && layout.isPerChannel(in.gamma()) && layout.isPerChannel(in.beta());
    }

    private static void requireFits(BatchNormInput in, InputLayout layout) {
        Objects.requireNonNull(layout, "layout");
        if (!isLaidOutAs(in, layout)) {
            throw new IllegalArgumentException("input " + in.x().shape() + " does not fit " + layout
                    + ": x needs C·H·W columns, gamma and beta one value per channel");
        }
    }

    /** {@code newKind}: the graph is rebuilt even for the same layout and eps. */
    private void apply(BatchNormInput in, InputLayout layout, boolean newKind, RunningStatistics wanted) {
        RunningStatistics stats = wanted;
        if (stats != null && stats.mean().cols() != layout.channels()) {
            stats = null; // the constants were for another D (or C): back to training
        }
        NormLayout nl = layout.norm(normSpec.get(), in.n()); // refuses a kind that does not fit
        Graph g = graph.get();
        boolean sameGraph = !newKind && g != null && nl.equals(graphLayout)
                && input.get() != null && input.get().eps() == in.eps()
                && InferenceGraph.isInference(g) == (stats != null);
        if (!sameGraph) {
            g = stats == null ? BatchNormGraph.build(nl, in.eps()) : InferenceGraph.build(nl, in.eps());
        }
        Trace t = stats == null
                ? BatchNormGraph.run(g, in.x(), layout.perChannel(in.gamma()), layout.perChannel(in.beta()), in.dout())
                : InferenceGraph.run(g, in.x(), layout.perChannel(in.gamma()), layout.perChannel(in.beta()), in.dout(),
                        stats.mean(), stats.var());
        graphLayout = nl; // before the graph: its views read it
        if (!sameGraph) {
            int keep = timeline == null ? 0 : timeline.position();
            timeline = new Timeline(g);
            timeline.seek(keep);
            graph.set(g);
            syncPosition();
        }
        // before the trace: views redraw when the trace changes and read the mark then
        nonFinite.set(t.firstNonFinite().orElse(null));
        trace.set(t);
        // after the graph and the trace: a view told of the mode finds the graph of that mode
        // (told before, a view explained the training walk's sq in the inference graph)
        inference.set(stats);
        input.set(in);
        inputLayout.set(layout); // after the input: the editors show both together
        keepSelectionInside(in);
        notes.setAll(notesFor(nl, in, t, !InferenceGraph.isInference(g)));
    }

    /**
     * The warning at the first non-finite number. A gradient is named as the walk names it
     * (dbeta, dxhat, the branch dxmu1, …) with its backward step and what it holds (∞ or NaN).
     */
    static Note nonFiniteNote(Trace t, Trace.NonFinite nf) {
        if (!nf.inGradient()) {
            return Note.warning("note.non-finite.value", nf.node());
        }
        Graph g = t.graph();
        Edge branch = nf.branch();
        String name = branch != null ? InferenceGraph.contributionName(g, branch) : InferenceGraph.gradientName(g, nf.node());
        Matrix m = branch != null ? t.contribution(branch) : t.gradient(nf.node());
        return Note.warning("note.non-finite.gradient", name, Integer.toString(nf.step()), nf.node(), nonFiniteKinds(m));
    }

    /** "∞", "NaN" or "∞, NaN": which non-finite numbers {@code m} holds (symbols, the same in every language). */
    static String nonFiniteKinds(Matrix m) {
        boolean infinite = false;
        boolean nan = false;
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                infinite |= Double.isInfinite(m.get(i, j));
                nan |= Double.isNaN(m.get(i, j));
            }
        }
        return infinite && nan ? "\u221e, NaN" : nan ? "NaN" : "\u221e";
    }

    private void keepSelectionInside(BatchNormInput in) {
        Selection s = selection.get();
        if (s != null && !graph.get().contains(s.node())) {
            selection.set(null); // e.g. sq, which the inference graph has not
            return;
        }
        if (s != null && s.hasElement()) {
            var shape = graph.get().node(s.node()).shape();
            if (s.row() >= shape.rows() || s.col() >= shape.cols()) {
                selection.set(Selection.node(s.node()));
            }
        }
    }

    /** The notes for a batch-norm input and its trace, as message keys (see messages.properties). */
    static List<Note> notesFor(BatchNormInput in, Trace t) {
        return notesFor(NormLayout.of(NormSpec.batch(), in.n(), in.d()), in, t, true);
    }

    /**
     * The notes for the kind's statistics. Batch norm of N×D speaks of rows and columns; the
     * other kinds and 4-D x speak of normalization groups (the values one statistic is taken over).
     * In inference the statistics are given constants, not taken over x: a single row or a
     * constant column changes nothing there, so only the notes on eps and non-finite numbers remain.
     */
    static List<Note> notesFor(NormLayout layout, BatchNormInput in, Trace t, boolean training) {
        List<Note> out = new ArrayList<>();
        t.firstNonFinite().ifPresent(nf -> out.add(nonFiniteNote(t, nf)));
        if (training) {
            out.addAll(statisticsNotes(layout, in));
        }
        if (in.eps() < TINY_EPS) {
            out.add(Note.info("note.tiny-eps", NumberText.exact(in.eps())));
        }
        return out;
    }

    /** The notes on statistics taken over x: of a single value, or of constant values. */
    private static List<Note> statisticsNotes(NormLayout layout, BatchNormInput in) {
        boolean columns = layout.batchOfFeatures();
        if (layout.count() == 1) {
            return List.of(Note.info(columns ? "note.single-row" : "note.family.single-value"));
        }
        List<String> constant = NormGroups.constant(layout, in.x());
        if (constant.isEmpty()) {
            return List.of();
        }
        String key = columns ? "note.constant-column" : "note.family.constant-group";
        return List.of(Note.info(constant.size() == 1 ? key : key + "s", String.join(", ", constant),
                NumberText.exact(in.eps())));
    }

    /** Step, status and bounds first, so that position listeners see them current. */
    private void syncPosition() {
        step.set(timeline.current());
        statusKey.set(statusKey(timeline.current()));
        atStart.set(!timeline.hasPrevious());
        atEnd.set(!timeline.hasNext());
        position.set(timeline.position());
    }

    private void syncHistory() {
        canUndo.set(!undoStack.isEmpty());
        canRedo.set(!redoStack.isEmpty());
    }
}
