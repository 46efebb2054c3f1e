package org.normgraph.app.lab;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.util.Subscription;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.family.NormSpec;
import org.normgraph.app.model.InputLayout;
import org.normgraph.core.lab.Pitfall;

/**
 * The verification lab's state: which pitfall and which offset are chosen, and the core's
 * results for the session's current input and kind of normalization (the graph the app draws).
 * Uses only javafx.beans.
 *
 * <p>The finite differences run the graph twice per input element (about 1 100 runs at
 * 32×16, plus the pitfall's own check), so {@link LabResults} are computed on
 * {@code background} and handed to {@code ui}; a result for an input or pitfall that is no
 * longer current is dropped. While {@link #busyProperty()} is true the old results stay shown.
 * A failure in the core (which only refuses inputs the session has already accepted) is kept
 * in {@link #errorProperty()} instead of results.
 */
public final class LabModel {

    private final ObservableValue<BatchNormInput> input;
    private final ObservableValue<NormSpec> spec;
    private final ObservableValue<InputLayout> layout;
    private final Executor background;
    private final Executor ui;
    private final ObjectProperty<Pitfall> pitfall = new SimpleObjectProperty<>(this, "pitfall", Pitfall.STD_PLUS_EPS);
    private final DoubleProperty offset = new SimpleDoubleProperty(this, "offset", 1e8);
    private final ReadOnlyObjectWrapper<LabResults> results = new ReadOnlyObjectWrapper<>(this, "results");
    private final ReadOnlyObjectWrapper<Numerics> numerics = new ReadOnlyObjectWrapper<>(this, "numerics");
    private final ReadOnlyObjectWrapper<String> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final AtomicLong generation = new AtomicLong();
    private Subscription subscription = Subscription.EMPTY;
    private boolean active;

    /**
     * @param input      the session's current input
     * @param spec       the session's kind of normalization
     * @param layout     how the session's x is laid out (N×D features or N×C×H×W images)
     * @param background where the core runs
     * @param ui         where results are published (the FX thread in the app)
     */
    public LabModel(ObservableValue<BatchNormInput> input, ObservableValue<NormSpec> spec,
                    ObservableValue<InputLayout> layout, Executor background, Executor ui) {
        this.input = Objects.requireNonNull(input);
        this.spec = Objects.requireNonNull(spec);
        this.layout = Objects.requireNonNull(layout);
        this.background = background;
        this.ui = ui;
        // a 64-value sample and a 7-eps sweep on a 4×2 input: microseconds, computed at once
        offset.subscribe(o -> numerics.set(Numerics.compute(o.doubleValue())));
    }

    /**
     * Starts or stops following the input: a closed lab costs nothing on an edit.
     */
    public void setActive(boolean on) {
        if (on == active) {
            return;
        }
        active = on;
        subscription.unsubscribe();
        if (on) {
            subscription = Subscription.combine(input.subscribe(i -> recompute()), spec.subscribe((a, k) -> recompute()),
                    layout.subscribe((a, l) -> recompute()),
                    pitfall.subscribe((a, p) -> recompute()));
        } else {
            subscription = Subscription.EMPTY;
            generation.incrementAndGet();
            busy.set(false);
        }
    }

    public boolean isActive() {
        return active;
    }

    /** Recomputes for the current input, kind and pitfall. */
    public void recompute() {
        BatchNormInput in = input.getValue();
        NormSpec kind = spec.getValue();
        InputLayout laidOut = layout.getValue();
        Pitfall p = pitfall.get();
        long gen = generation.incrementAndGet();
        busy.set(true);
        background.execute(() -> {
            LabResults r = null;
            String failure = null;
            try {
                r = LabResults.compute(in, laidOut, kind, p);
            } catch (RuntimeException e) {
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            LabResults done = r;
            String message = failure;
            ui.execute(() -> {
                if (gen != generation.get()) {
                    return;
                }
                error.set(message);
                if (done != null) {
                    results.set(done);
                }
                busy.set(false);
            });
        });
    }

    public ObjectProperty<Pitfall> pitfallProperty() {
        return pitfall;
    }

    /** The large offset of the variance demo. */
    public DoubleProperty offsetProperty() {
        return offset;
    }

    public ReadOnlyObjectProperty<LabResults> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    public LabResults getResults() {
        return results.get();
    }

    public ReadOnlyObjectProperty<Numerics> numericsProperty() {
        return numerics.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while results for the current input are being computed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }
}
