package org.normgraph.app.perf;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.normgraph.app.AppOptions;
import org.normgraph.app.MainWindow;
import org.normgraph.app.model.Selection;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.normgraph.core.Trace;

/**
 * {@code --perf}: timings on stderr, each line starting with {@code [perf]}.
 * <ul>
 *   <li>startup: JVM start → first frame (the second pulse after the window is shown,
 *       by which time the first frame has been rendered), the phases on the way
 *       ({@link StartupClock}), the CPU time spent by then (on a busy machine wall time
 *       grows, CPU time much less) and the scene's size;</li>
 *   <li>edits ({@code --perf-edits N}): per edit, the time of {@code SessionModel.commit}
 *       (core run + in-place view update), edit → laid-out frame (commit plus that pulse's
 *       CSS and layout, from a post-layout pulse listener) and, where JavaFX's internal
 *       tracker is reachable (the runnable jar), edit → rendered frame; p50/p95/max; and the
 *       application thread's CPU time per edit up to the laid-out frame (on a busy machine the
 *       wall times grow with the wait for a core, this does not). Each edit waits until the
 *       previous one is on screen;</li>
 *   <li>playback: the intervals between pulses (an {@link AnimationTimer}) while the
 *       walk plays, printed when it stops, with the late frames and the pulses they missed.</li>
 * </ul>
 */
public final class PerfMonitor {

    private static final String P = "[perf] ";
    private static final int IDLE_MEMORY_SECONDS = 45;
    private static final long RENDER_WAIT_NANOS = 3_000_000_000L;
    /** JavaFX's pulse: 60 per second. */
    private static final double PULSE_MS = 1000.0 / 60;
    private static final Pattern SELECT = Pattern.compile("(\\w+)(?:\\[(\\d{1,4})]\\[(\\d{1,4})])?");

    private final AppOptions options;
    private final long launchNanos;
    private SessionModel model;
    private MainWindow window;
    private Scene scene;
    private final List<Double> frames = new ArrayList<>();
    private final List<Double> commitMs = new ArrayList<>();
    private final List<Double> frameMs = new ArrayList<>();
    private final List<Double> coreMs = new ArrayList<>();
    private final List<Double> pulseMs = new ArrayList<>();
    private long pulseStart = -1;
    private final List<Double> renderMs = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicLong renderArm = new java.util.concurrent.atomic.AtomicLong(-1);
    private volatile boolean renderTracking;
    private long lastPulse;
    private long pendingEditStart = -1;
    private long pendingEditCpu;
    private final List<Double> frameCpuMs = new ArrayList<>();
    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private int editsDone;
    private RenderThreadCpu renderCpu;
    private boolean editing;
    private boolean autoPlay;
    private final Random random = new Random(42);

    /** @param launchNanos {@link System#nanoTime()} when the app class was loaded */
    public PerfMonitor(AppOptions options, long launchNanos) {
        this.options = options;
        this.launchNanos = launchNanos;
    }

    public void attach(Stage stage, MainWindow window) {
        this.model = window.model();
        this.window = window;
        this.scene = stage.getScene();
        log("on: JavaFX " + System.getProperty("javafx.runtime.version") + ", Java "
                + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                pulses++;
                if (pulses == 1) {
                    StartupClock.mark("first pulse begins");
                }
                if (pulses == 2) {
                    long t = System.nanoTime();
                    // the JVM's own uptime: the process start time that ProcessHandle reports
                    // counts from the boot time in whole seconds, up to a second off on Linux
                    long jvmMs = ManagementFactory.getRuntimeMXBean().getUptime();
                    log(String.format(Locale.ROOT, "startup: first frame %d ms after JVM start, %.0f ms after the app class loaded",
                            jvmMs, (t - launchNanos) / 1e6));
                    StartupClock.mark("first frame");
                    log("startup phases: " + StartupClock.phases(launchNanos));
                    // CPU time tells apart our own work from waiting for a busy machine's cores
                    log(String.format(Locale.ROOT, "startup CPU: %d ms on this (the application) thread, %s in the process",
                            threads.getCurrentThreadCpuTime() / 1_000_000,
                            ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() + " ms")
                                    .orElse("unknown")));
                    log("scene at start: " + SceneCensus.of(scene.getRoot()));
                    if (options.perfEdits() > 0) {
                        beginEdits();
                    } else {
                        logMemoryNowAndIdle("at the first frame");
                    }
                }
                if (model.isPlaying() && lastPulse != 0) {
                    frames.add((now - lastPulse) / 1e6);
                }
                lastPulse = now;
                if (editing) {
                    editStep();
                }
            }
        }.start();
        model.playingProperty().addListener((o, was, now) -> {
            if (was && !now) {
                reportFrames();
                if (autoPlay) {
                    autoPlay = false;
                    logMemoryNowAndIdle("after the edits and the walk");
                    log("done; the window stays open");
                }
            } else if (now) {
                frames.clear();
                renderCpu = RenderThreadCpu.start();
            }
        });
        trackRenderedFrames();
        scene.addPreLayoutPulseListener(() -> {
            if (pendingEditStart >= 0) {
                pulseStart = System.nanoTime();
            }
        });
        scene.addPostLayoutPulseListener(() -> {
            if (pendingEditStart >= 0) {
                long t = System.nanoTime();
                frameMs.add((t - pendingEditStart) / 1e6);
                frameCpuMs.add((threads.getCurrentThreadCpuTime() - pendingEditCpu) / 1e6);
                if (pulseStart >= 0) {
                    pulseMs.add((t - pulseStart) / 1e6);
                }
                pendingEditStart = -1;
                pulseStart = -1;
            }
        });
    }

    /**
     * Edit → rendered frame, through JavaFX's internal per-scene performance tracker (its
     * "frame rendered" hook runs on the render thread). Only on the classpath (the runnable
     * jar); elsewhere this figure is left out.
     */
    private void trackRenderedFrames() {
        try {
            com.sun.javafx.perf.PerformanceTracker t = com.sun.javafx.perf.PerformanceTracker.getSceneTracker(scene);
            t.setOnRenderedFrameTask(() -> {
                long s = renderArm.getAndSet(-1);
                if (s >= 0) {
                    renderMs.add((System.nanoTime() - s) / 1e6);
                }
            });
            renderTracking = true;
        } catch (Throwable e) { // IllegalAccessError on the module path, or no such hook
            log("edit → rendered frame is not measured here (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void beginEdits() {
        int n = options.perfRows();
        int d = options.perfCols();
        BatchNormInput in = new BatchNormInput(random(n, d), random(1, d).map(v -> 1 + 0.5 * v),
                random(1, d), random(n, d), BatchNormInput.DEFAULT_EPS);
        long t0 = System.nanoTime();
        model.commit(in);
        model.last();
        if (options.perfZoom() > 0) {
            var g = window.graphView();
            g.zoomAt(options.perfZoom() / g.getZoom(), 0, 0);
        }
        log(String.format(Locale.ROOT, "switched to a random %d×%d input (%.1f ms incl. rebuilding "
                + "the views for the new shape); walk at its end so every value and gradient is drawn; zoom %s",
                n, d, (System.nanoTime() - t0) / 1e6,
                options.perfZoom() > 0 ? Math.round(options.perfZoom() * 100) + " %" : "fit to window"));
        if (options.perfSelect() != null) {
            try {
                model.setSelection(selection(options.perfSelect(), model.getTrace()));
                log("selected " + options.perfSelect() + ", so every edit also updates the inspector");
            } catch (IllegalArgumentException e) {
                log("--perf-select: " + e.getMessage() + "; nothing selected");
            }
        }
        log("scene: " + SceneCensus.of(scene.getRoot()));
        editing = true;
    }

    private void editStep() {
        if (pendingEditStart >= 0) {
            return; // wait for the last edit's layout
        }
        if (renderArm.get() >= 0) {
            if (System.nanoTime() - renderArm.get() < RENDER_WAIT_NANOS) {
                // and for its frame to be rendered, so that the next rendered frame is the next edit's
                // (the first frames after a large inspector is built can take a second in software)
                return;
            }
            renderArm.set(-1);
            renderTracking = false;
            log("no rendered-frame signal within " + RENDER_WAIT_NANOS / 1_000_000 + " ms; edit → rendered frame is left out");
        }
        if (editsDone >= options.perfEdits()) {
            editing = false;
            reportEdits();
            log("playing the walk once at speed 4 to measure frame times");
            autoPlay = true;
            model.first();
            model.setSpeed(4);
            model.setPlaying(true);
            return;
        }
        if (editsDone == warmUpEdits()) {
            renderCpu = RenderThreadCpu.start();
        }
        BatchNormInput in = model.getInput();
        int which = random.nextInt(10);
        double v = Math.round(random.nextGaussian() * 300) / 100.0;
        BatchNormInput next;
        if (which < 6) {
            next = in.withX(in.x().with(random.nextInt(in.n()), random.nextInt(in.d()), v));
        } else if (which < 8) {
            next = in.withDout(in.dout().with(random.nextInt(in.n()), random.nextInt(in.d()), v));
        } else if (which < 9) {
            next = in.withGamma(in.gamma().with(0, random.nextInt(in.d()), v));
        } else {
            next = in.withBeta(in.beta().with(0, random.nextInt(in.d()), v));
        }
        pendingEditCpu = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        model.commit(next);
        long t1 = System.nanoTime();
        commitMs.add((t1 - t0) / 1e6);
        pendingEditStart = t0;
        if (renderTracking) {
            renderArm.set(t0);
        }
        editsDone++;
        long c0 = System.nanoTime(); // for comparison only: the core alone, outside the measured edit
        BatchNormGraph.run(model.getGraph(), next);
        coreMs.add((System.nanoTime() - c0) / 1e6);
    }

    private void reportEdits() {
        log(String.format(Locale.ROOT, "edits at %d×%d: %d; commit (core + views) %s; "
                        + "edit → laid-out frame %s", options.perfRows(), options.perfCols(), commitMs.size(),
                stats(commitMs), stats(frameMs)));
        log("  of which the core's staged forward+backward alone: " + stats(coreMs));
        log("  of which the pulse's CSS and layout passes: " + stats(pulseMs));
        if (!renderMs.isEmpty()) {
            synchronized (renderMs) {
                log(String.format(Locale.ROOT, "  edit → rendered frame (%d edits): %s", renderMs.size(),
                        stats(renderMs)));
            }
        }
        int skip = warmUpEdits();
        if (skip > 0 && frameMs.size() > skip) {
            log(String.format(Locale.ROOT, "  without the first %d (JIT warm-up): edit → laid-out frame %s",
                    skip, stats(frameMs.subList(skip, frameMs.size()))));
            // what the edit costs the application thread, whatever else the machine's cores are doing
            log(String.format(Locale.ROOT, "  without the first %d: CPU time of the application thread per edit %s",
                    skip, stats(frameCpuMs.subList(skip, frameCpuMs.size()))));
        }
        if (renderCpu != null) {
            // the painting itself, which the wall times above only show mixed with waiting for a core
            log(String.format(Locale.ROOT, "  without the first %d: CPU time of the render thread per edit %s",
                    skip, renderCpu.msPerSinceMark(editsDone - skip)));
        }
    }

    /** The first edits, left out of the steady-state figures while the JIT compiles. */
    private int warmUpEdits() {
        return Math.min(20, options.perfEdits() / 5);
    }

    private void reportFrames() {
        if (frames.isEmpty()) {
            return;
        }
        log(String.format(Locale.ROOT, "playback: %d frames, frame interval %s (%.1f fps mean); %s; "
                        + "render thread CPU per frame %s", frames.size(), stats(frames),
                1000.0 / frames.stream().mapToDouble(Double::doubleValue).average().orElse(1),
                late(frames, PULSE_MS),
                renderCpu == null ? "not measured" : renderCpu.msPerSinceMark(frames.size())));
    }

    /**
     * "late: k frames, m pulses missed": the frames whose interval rounds to two pulses or more
     * (from 1.5 pulses up), and how many pulses they skipped in all. At 60 fps without dropped
     * frames both are 0.
     */
    static String late(List<Double> intervalsMs, double pulseMs) {
        int frames = 0;
        long missed = 0;
        for (double ms : intervalsMs) {
            long skipped = Math.round(ms / pulseMs) - 1;
            if (skipped > 0) {
                frames++;
                missed += skipped;
            }
        }
        return "late: " + frames + " frames, " + missed + " pulses missed";
    }

    /** "p50 a ms, p95 b ms, max c ms". */
    public static String stats(List<Double> ms) {
        if (ms.isEmpty()) {
            return "n/a";
        }
        double[] a = ms.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return String.format(Locale.ROOT, "p50 %.2f ms, p95 %.2f ms, max %.2f ms",
                percentile(a, 50), percentile(a, 95), a[a.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    public static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /**
     * The selection named by {@code --perf-select}: {@code NODE} or {@code NODE[r][c]}.
     *
     * @throws IllegalArgumentException for an unknown node or an element outside its value
     */
    static Selection selection(String spec, Trace trace) {
        Matcher m = SELECT.matcher(spec.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected NODE or NODE[r][c], got '" + spec + "'");
        }
        String node = m.group(1);
        if (!trace.graph().contains(node)) {
            throw new IllegalArgumentException("no node '" + node + "' in the graph");
        }
        if (m.group(2) == null) {
            return Selection.node(node);
        }
        int r = Integer.parseInt(m.group(2));
        int c = Integer.parseInt(m.group(3));
        Matrix v = trace.value(node);
        if (r >= v.rows() || c >= v.cols()) {
            throw new IllegalArgumentException(node + "[" + r + "][" + c + "] is outside its "
                    + v.rows() + "×" + v.cols() + " value");
        }
        return Selection.element(node, r, c);
    }

    private Matrix random(int rows, int cols) {
        double[][] v = new double[rows][cols];
        for (double[] row : v) {
            for (int j = 0; j < cols; j++) {
                row[j] = Math.round(random.nextGaussian() * 200) / 100.0;
            }
        }
        return Matrix.fromRows(v);
    }

    /** Resident memory now, and again after {@link #IDLE_MEMORY_SECONDS} s in which the app is left alone. */
    private static void logMemoryNowAndIdle(String when) {
        log("resident memory " + when + ": " + ResidentMemory.describe() + "; again after "
                + IDLE_MEMORY_SECONDS + " s idle");
        PauseTransition idle = new PauseTransition(javafx.util.Duration.seconds(IDLE_MEMORY_SECONDS));
        idle.setOnFinished(e -> log("resident memory after " + IDLE_MEMORY_SECONDS + " s idle: "
                + ResidentMemory.describe()));
        idle.play();
    }

    /** One line of the perf log (stderr). */
    public static void log(String s) {
        System.err.println(P + s);
    }
}
