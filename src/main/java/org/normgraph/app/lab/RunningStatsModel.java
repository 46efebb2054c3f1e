package org.normgraph.app.lab;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.normgraph.app.Messages;
import org.normgraph.app.model.InputLayout;
import org.normgraph.app.model.RunningStatistics;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNorm;
import org.normgraph.core.Matrix;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormSpec;
import org.normgraph.core.lab.RunningStatsRun;

/**
 * The running-statistics experiment (javafx.beans only): the convention, momentum, number of
 * batches, seed and where the batches come from (one statistic per feature, or per channel when
 * x is laid out as images, as spatial batch norm keeps them); {@link #run()} hands them to
 * {@link RunningStatsRun} and keeps the result; {@link #useInInference()} makes the session's
 * graph use the result's running statistics as its constants. The largest run (1000 batches of
 * 256×16) takes about 0.2 s, so runs go to {@code background} and their result is published on
 * {@code ui}; while {@link #busyProperty()} is true the last plot stays.
 */
public final class RunningStatsModel {

    /** Where the batches come from. */
    public enum Source { POPULATION, JITTER }

    public static final int MAX_ROWS = 256;

    private final SessionModel session;
    private final ObjectProperty<BatchNorm.RunningStats> convention =
            new SimpleObjectProperty<>(this, "convention", BatchNorm.RunningStats.PYTORCH);
    private final DoubleProperty momentum = new SimpleDoubleProperty(this, "momentum", 0.1);
    private final IntegerProperty batches = new SimpleIntegerProperty(this, "batches", 50);
    private final IntegerProperty rows = new SimpleIntegerProperty(this, "rows", 16);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.POPULATION);
    /** The population's example mean and standard deviation, repeated over the D features. */
    private static final List<String> MEAN_PATTERN = List.of("2", "-1", "0.5");
    private static final List<String> STD_PATTERN = List.of("1", "0.5", "2");

    private final StringProperty mean = new SimpleStringProperty(this, "mean");
    private final StringProperty std = new SimpleStringProperty(this, "std");
    private final DoubleProperty jitter = new SimpleDoubleProperty(this, "jitter", 0.5);
    private final BooleanProperty followConvention = new SimpleBooleanProperty(this, "followConvention", true);
    private final ReadOnlyObjectWrapper<RunningStatsRun> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<String> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyObjectWrapper<NormSpec> kindLeft = new ReadOnlyObjectWrapper<>(this, "kindLeft");
    private final javafx.beans.property.ReadOnlyBooleanWrapper busy =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "busy");
    private final java.util.concurrent.Executor background;
    private final java.util.concurrent.Executor ui;
    private long generation;
    private InputLayout layout; // the session's when the example text was made: D (or C) numbers

    public RunningStatsModel(SessionModel session, java.util.concurrent.Executor background,
                             java.util.concurrent.Executor ui) {
        this.session = session;
        this.background = background;
        this.ui = ui;
        layout = session.getInputLayout();
        mean.set(example(MEAN_PATTERN, layout.channels()));
        std.set(example(STD_PATTERN, layout.channels()));
        session.inferenceProperty().addListener((o, a, stats) -> {
            if (stats == null) {
                kindLeft.set(null);
            }
        });
        // set after the input: a new D, C or H·W is seen with the input it belongs to
        session.inputLayoutProperty().addListener((o, a, l) -> {
            if (l != null && !l.equals(layout)) {
                followLayout(l);
            }
        });
        // a new convention brings its usual momentum (0.1 on the new batch, or 0.9 on the old value)
        convention.addListener((o, a, c) -> {
            if (c != null && followConvention.get()) {
                momentum.set(c.defaultMomentum());
            }
        });
    }

    /**
     * Runs the batches with the current settings; bad settings are refused at once (the last
     * result stays, {@link #errorProperty()} says why), good ones run on the background executor.
     */
    public void run() {
        java.util.function.Supplier<RunningStatsRun> job;
        try {
            InputLayout l = session.getInputLayout();
            int d = l.channels(); // one statistic per feature, or per channel of images
            int pixels = l.spatial();
            BatchNorm.RunningStats c = convention.get();
            double m = momentum.get();
            int k = batches.get();
            long s = seed.get();
            if (source.get() == Source.JITTER) {
                Matrix x = session.getInput().x();
                double j = jitter.get();
                job = () -> RunningStatsRun.jittered(x, pixels, j, k, c, m, s);
            } else {
                Matrix mu = row("mean", mean.get(), d, l.images(), false);
                Matrix sd = row("std", std.get(), d, l.images(), true);
                int n = rows.get();
                job = () -> RunningStatsRun.population(mu, sd, n, pixels, k, c, m, s);
            }
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        long gen = ++generation;
        busy.set(true);
        background.execute(() -> {
            RunningStatsRun r = null;
            String failure = null;
            try {
                r = job.get();
            } catch (IllegalArgumentException e) {
                failure = e.getMessage();
            }
            RunningStatsRun done = r;
            String message = failure;
            ui.execute(() -> {
                if (gen != generation) {
                    return;
                }
                if (done != null) {
                    result.set(done);
                }
                error.set(message);
                busy.set(false);
            });
        });
    }

    /**
     * A new layout of x: mean and std text still as given by default become the default for the
     * new D or C (text the user typed stays, and says so if it no longer fits), and a run or
     * message that spoke of the old D, C or H·W is run again.
     */
    private void followLayout(InputLayout next) {
        int before = layout.channels();
        int now = next.channels();
        if (mean.get().equals(example(MEAN_PATTERN, before))) {
            mean.set(example(MEAN_PATTERN, now));
        }
        if (std.get().equals(example(STD_PATTERN, before))) {
            std.set(example(STD_PATTERN, now));
        }
        boolean rerun = before != now || next.images() != layout.images() || next.spatial() != layout.spatial();
        layout = next;
        if (rerun && (result.get() != null || error.get() != null)) {
            run();
        }
    }

    /** {@code pattern} repeated to {@code d} numbers, as the field shows them: "2, -1, 0.5, 2". */
    static String example(List<String> pattern, int d) {
        return String.join(", ", java.util.stream.IntStream.range(0, d).mapToObj(j -> pattern.get(j % pattern.size())).toList());
    }

    /** True while a run is under way. */
    public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** Switches the session to inference with the last run's running statistics; false without a fitting run. */
    public boolean useInInference() {
        RunningStatsRun r = result.get();
        if (r == null) {
            return false;
        }
        try {
            NormSpec before = session.getNormSpec();
            session.setInference(new RunningStatistics(r.layer().runningMean(), r.layer().runningVar()));
            error.set(null);
            // the kind became batch norm as well: said where the learner clicked, with the way back
            kindLeft.set(before.kind() == NormKind.BATCH ? null : before);
            return true;
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
    }

    public void backToTraining() {
        session.setInference(null);
    }

    /**
     * A 1×D row from text: D numbers separated by commas or spaces, or one number for every
     * feature; refused in the window's language, naming the field as its label does.
     *
     * @param field        {@code mean} or {@code std} (the label {@code lab.running.<field>})
     * @param images       whether the numbers are one per channel of images (else per feature)
     * @param nonNegative  whether a negative number is refused (a standard deviation)
     */
    static Matrix row(String field, String text, int d, boolean images, boolean nonNegative) {
        String label = Messages.get("lab.running." + field);
        String[] parts = text == null || text.isBlank() ? new String[0] : text.trim().split("[,;\\s]+");
        if (parts.length != 1 && parts.length != d) {
            throw new IllegalArgumentException(Messages.get(images ? "lab.running.row.count.images"
                    : "lab.running.row.count", label, d, parts.length));
        }
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            String p = parts[parts.length == 1 ? 0 : j].replace('\u2212', '-');
            try {
                v[j] = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Messages.get("lab.running.row.nan", label, p));
            }
            if (!Double.isFinite(v[j])) {
                throw new IllegalArgumentException(Messages.get("lab.running.row.infinite", label, p));
            }
            if (nonNegative && v[j] < 0) {
                throw new IllegalArgumentException(Messages.get("lab.running.row.negative", label, p));
            }
        }
        return Matrix.of(1, d, v);
    }

    public ObjectProperty<BatchNorm.RunningStats> conventionProperty() {
        return convention;
    }

    public DoubleProperty momentumProperty() {
        return momentum;
    }

    public IntegerProperty batchesProperty() {
        return batches;
    }

    public IntegerProperty rowsProperty() {
        return rows;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public StringProperty meanProperty() {
        return mean;
    }

    public StringProperty stdProperty() {
        return std;
    }

    public DoubleProperty jitterProperty() {
        return jitter;
    }

    public ReadOnlyObjectProperty<RunningStatsRun> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public RunningStatsRun getResult() {
        return result.get();
    }

    /** The kind the last switch to inference left for batch norm (layer norm, …), while in inference; else null. */
    public ReadOnlyObjectProperty<NormSpec> kindLeftProperty() {
        return kindLeft.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public SessionModel session() {
        return session;
    }
}
