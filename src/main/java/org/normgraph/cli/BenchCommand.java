package org.normgraph.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.FusedBatchNorm;
import org.normgraph.core.Graph;
import org.normgraph.core.Matrix;
import org.normgraph.core.ParallelFusedBatchNorm;
import org.normgraph.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: forward+backward per call, float64, for the staged graph (full trace, one
 * thread) and the fused engine (caller buffers, on one and on two threads). Timed like
 * {@code shared/bench/peers.py}: a warm-up, then interleaved rounds of individually timed calls;
 * median and p10 per call.
 *
 * <p>Everything that can be refused is refused before the timing starts (which takes seconds
 * per size): sizes that do not fit this heap, times that are not a sane number of seconds, a
 * {@code --json} file that cannot be written. So a refusal prints nothing on stdout.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Time forward+backward (float64) of the staged graph and the fused engine, on one and two threads.",
                "Methods: staged (graph + full trace), fused (one thread, no allocation), fused-2t (two threads).",
                "Output: a table; with --json also [{\"N\", \"D\", \"method\", \"median_us\", \"p10_us\"}]."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--sizes", split = ",", defaultValue = "8x4,512x4,256x256,4096x1024",
            paramLabel = "NxD", splitSynopsisLabel = ",", description = "sizes to time (default: ${DEFAULT-VALUE})")
    List<String> sizes;

    @Option(names = "--min-time", defaultValue = "0.5", paramLabel = "SECONDS",
            description = "timed seconds per size and method, more than 0 and at most 60 (default: ${DEFAULT-VALUE});"
                    + " a method stops early after " + MAX_CALLS_TEXT + " calls")
    double minTime;

    @Option(names = "--warmup", defaultValue = "0.5", paramLabel = "SECONDS",
            description = "untimed seconds per size and method first, for the JIT, 0 to 60 (default: ${DEFAULT-VALUE})")
    double warmup;

    @Option(names = "--json", paramLabel = "FILE|-", description = "also write the figures as JSON to FILE;"
            + " '-' writes them to stdout and the table to stderr (as '--input -' reads stdin)")
    Path json;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "seed of the random inputs, so that runs time the same numbers (default: ${DEFAULT-VALUE})")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private static final int ROUNDS = 5;
    private static final int MIN_CALLS = 25;
    /** Longer than a minute per size and method is a mistake (Infinity never ended). */
    static final double MAX_SECONDS = 60;
    /**
     * Timed calls kept per size and method, at 8 bytes each: without a cap a fast method timed
     * for a minute (0.4 µs a call) would need gigabytes of samples.
     */
    static final int MAX_CALLS = 2_000_000;
    private static final String MAX_CALLS_TEXT = "2,000,000";
    /**
     * Heap per element of an N×D size: the input, the fused engine's buffers and the staged
     * graph's full trace (about 15 N×D matrices) while the next one is built. Measured:
     * 4096×1024 runs in a 700 MiB heap but not in 640 MiB, about 22 doubles per element.
     */
    static final long BYTES_PER_ELEMENT = 24 * Double.BYTES;

    /** One timed figure. */
    record Row(int n, int d, String method, double medianUs, double p10Us, int calls) {
    }

    @Override
    public Integer call() throws IOException {
        List<int[]> parsed = new ArrayList<>();
        for (String s : sizes) {
            String[] p = s.toLowerCase(Locale.ROOT).split("x");
            try {
                int n = Integer.parseInt(p[0].trim());
                int d = Integer.parseInt(p[1].trim());
                if (p.length != 2 || n < 1 || d < 1) {
                    throw new NumberFormatException();
                }
                parsed.add(new int[] {n, d});
            } catch (RuntimeException e) {
                return Errors.badInput(spec, "--sizes: '" + s + "' is not NxD with N, D ≥ 1");
            }
            String tooLarge = tooLarge(parsed.get(parsed.size() - 1), Runtime.getRuntime().maxMemory());
            if (tooLarge != null) {
                return Errors.badInput(spec, "--sizes: " + s + " " + tooLarge);
            }
        }
        if (!(minTime > 0 && minTime <= MAX_SECONDS)) { // also NaN; 1e400 is read as Infinity
            return Errors.badInput(spec, "--min-time: expected seconds more than 0 and at most " + (int) MAX_SECONDS
                    + ", got " + minTime);
        }
        if (!(warmup >= 0 && warmup <= MAX_SECONDS)) {
            return Errors.badInput(spec, "--warmup: expected seconds from 0 to " + (int) MAX_SECONDS + ", got " + warmup);
        }
        boolean jsonToStdout = json != null && json.toString().equals("-");
        JsonGenerator jsonFile = null;
        if (json != null && !jsonToStdout) {
            String unwritable = unwritable(json);
            if (unwritable == null) {
                Writer w = null;
                try {
                    w = Files.newBufferedWriter(json, StandardCharsets.UTF_8);
                    jsonFile = startJson(w, true);
                } catch (IOException e) { // e.g. /proc/version: opens, but its first write fails
                    unwritable = "cannot write " + json + ": " + Errors.why(e);
                    closeQuietly(w);
                }
            }
            if (unwritable != null) {
                return Errors.badInput(spec, "--json: " + unwritable);
            }
        }
        try (JsonGenerator toClose = jsonFile) {
            return timeAndReport(parsed, jsonToStdout, jsonFile);
        } catch (IOException e) { // the file took its first bracket: only what changed since gets here (a full disk)
            return Errors.badInput(spec, "--json: cannot write " + json + ": " + Errors.why(e));
        }
    }

    private int timeAndReport(List<int[]> parsed, boolean jsonToStdout, JsonGenerator jsonFile) throws IOException {
        // with the JSON on stdout, stdout holds nothing else
        PrintWriter out = jsonToStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        out.printf(Locale.ROOT, "java %s (%s), cpus %d, max heap %d MiB%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "%5s %5s %-8s %11s %10s %7s %8s %6s%n",
                "N", "D", "method", "median us", "p10 us", "GB/s", "ns/elem", "calls");
        out.flush();
        List<Row> rows = new ArrayList<>();
        for (int[] nd : parsed) {
            for (Row r : time(nd[0], nd[1])) {
                rows.add(r);
                double gbs = 4.0 * r.n() * r.d() * 8 / (r.medianUs() * 1e-6) / 1e9;
                out.printf(Locale.ROOT, "%5d %5d %-8s %11.2f %10.2f %7.3f %8.2f %6d%n", r.n(), r.d(),
                        r.method(), r.medianUs(), r.p10Us(), gbs, r.medianUs() * 1e3 / ((double) r.n() * r.d()),
                        r.calls());
                out.flush();
            }
        }
        if (jsonToStdout) {
            PrintWriter stdout = spec.commandLine().getOut();
            try (JsonGenerator g = startJson(stdout, false)) {
                endJson(rows, g);
            }
            stdout.println();
            stdout.flush();
        } else if (jsonFile != null) {
            endJson(rows, jsonFile);
            jsonFile.writeRaw('\n'); // a text file ends with a newline, as stdout's does
            jsonFile.flush();
        }
        return 0;
    }

    /** Why an N×D size cannot be timed in a heap of {@code maxHeap} bytes, or null if it can. */
    static String tooLarge(int[] nd, long maxHeap) {
        long values = (long) nd[0] * nd[1];
        if (values > Integer.MAX_VALUE) {
            return "has " + values + " values, more than an array holds (" + Integer.MAX_VALUE + ")";
        }
        long needed = values * BYTES_PER_ELEMENT;
        if (needed > maxHeap) {
            return "needs about " + mebibytes(needed) + " of heap, this Java may use " + mebibytes(maxHeap)
                    + " (give java a larger -Xmx, or time a smaller size)";
        }
        return null;
    }

    private static String mebibytes(long bytes) {
        return bytes >= 10L << 30 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
    }

    /** Why the --json file cannot be written, or null if it can: said before the timing, not after. */
    private static String unwritable(Path file) {
        if (file.toString().isBlank()) {
            return Errors.EMPTY_NAME;
        }
        if (Files.isDirectory(file)) {
            return file + " is a folder, not a file";
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return "folder " + file.getParent() + " does not exist";
        }
        if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(folder)) {
            return "cannot write " + file + " (no permission)";
        }
        return null;
    }

    private List<Row> time(int n, int d) {
        BatchNormInput in = randomInput(n, d, new Random(seed));
        Graph graph = BatchNormGraph.build(in);
        Method staged = () -> BatchNormGraph.run(graph, in).gradient(BatchNormGraph.X);
        FusedBuffers buffers = new FusedBuffers(in);
        Method fused = buffers::run;
        Method fused2 = buffers::runTwoThreads;
        Method[] methods = {staged, fused, fused2};
        String[] names = {"staged", "fused", "fused-2t"};
        List<Samples> samples = new ArrayList<>();
        for (Method m : methods) {
            warmUp(m, warmup); // JIT (C2 needs ~10k calls of the small graph) and heap
            samples.add(new Samples());
        }
        for (int r = 0; r < ROUNDS; r++) {
            for (int i = 0; i < methods.length; i++) {
                timeBlock(methods[i], minTime / ROUNDS, -(-MIN_CALLS / ROUNDS), samples.get(i));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < methods.length; i++) {
            long[] s = samples.get(i).sorted();
            rows.add(new Row(n, d, names[i], median(s) / 1e3, s[s.length / 10] / 1e3, s.length));
        }
        return rows;
    }

    /** One method's timed calls in nanoseconds, unboxed, at most {@link #MAX_CALLS}. */
    private static final class Samples {
        private long[] ns = new long[1024];
        private int count;

        void add(long t) {
            if (count == ns.length) {
                ns = Arrays.copyOf(ns, Math.min(MAX_CALLS, 2 * count));
            }
            ns[count++] = t;
        }

        long[] sorted() {
            long[] s = Arrays.copyOf(ns, count);
            Arrays.sort(s);
            return s;
        }
    }

    @FunctionalInterface
    interface Method {
        Object call();
    }

    /** Keeps results reachable so the JIT cannot drop the work. */
    static volatile Object sink;

    private static void warmUp(Method m, double seconds) {
        long limit = (long) (seconds * 1e9);
        long total = 0;
        for (int calls = 0; total < limit || calls < 3; calls++) {
            long t0 = System.nanoTime();
            sink = m.call();
            total += System.nanoTime() - t0;
        }
    }

    /** Calls until {@code seconds} of calls and {@code minCalls}, or this round's share of {@link #MAX_CALLS}. */
    private static void timeBlock(Method m, double seconds, int minCalls, Samples into) {
        long limit = (long) (seconds * 1e9);
        long total = 0;
        for (int calls = 0; (total < limit || calls < minCalls) && calls < MAX_CALLS / ROUNDS; calls++) {
            long t0 = System.nanoTime();
            sink = m.call();
            long dt = System.nanoTime() - t0;
            into.add(dt);
            total += dt;
        }
    }

    private static double median(long[] sorted) {
        int k = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[k] : (sorted[k - 1] + sorted[k]) / 2.0;
    }

    /** Same distribution as peers.py: x ~ 3·N(0,1) + 1.5, gamma, beta, dout ~ N(0,1). */
    static BatchNormInput randomInput(int n, int d, Random rng) {
        double[] x = new double[n * d];
        double[] dout = new double[n * d];
        double[] gamma = new double[d];
        double[] beta = new double[d];
        Arrays.setAll(x, i -> rng.nextGaussian() * 3.0 + 1.5);
        Arrays.setAll(gamma, i -> rng.nextGaussian());
        Arrays.setAll(beta, i -> rng.nextGaussian());
        Arrays.setAll(dout, i -> rng.nextGaussian());
        return new BatchNormInput(Matrix.of(n, d, x), Matrix.rowVector(gamma), Matrix.rowVector(beta),
                Matrix.of(n, d, dout), BatchNormInput.DEFAULT_EPS);
    }

    private static final ParallelFusedBatchNorm TWO_THREADS = new ParallelFusedBatchNorm(2);

    /** Inputs and outputs of the fused engine, allocated once: a call allocates nothing. */
    private static final class FusedBuffers {
        final int n;
        final int d;
        final double eps;
        final double[] x;
        final double[] gamma;
        final double[] beta;
        final double[] dout;
        final double[] out;
        final double[] dx;
        final double[] dgamma;
        final double[] dbeta;
        final double[] mean;
        final double[] var;
        final double[] ivar;

        FusedBuffers(BatchNormInput in) {
            n = in.n();
            d = in.d();
            eps = in.eps();
            x = in.x().toArray();
            gamma = in.gamma().toArray();
            beta = in.beta().toArray();
            dout = in.dout().toArray();
            out = new double[n * d];
            dx = new double[n * d];
            dgamma = new double[d];
            dbeta = new double[d];
            mean = new double[d];
            var = new double[d];
            ivar = new double[d];
        }

        Object runTwoThreads() {
            TWO_THREADS.forwardBackward(n, d, x, gamma, beta, dout, eps, out, dx, dgamma, dbeta, mean, var, ivar);
            return dx;
        }

        Object run() {
            FusedBatchNorm.forwardBackward(n, d, x, gamma, beta, dout, eps, out, dx, dgamma, dbeta, mean, var, ivar);
            return dx;
        }
    }

    /**
     * Starts the JSON list and flushes its first bracket, so that a target that opens but cannot
     * be written is refused before the timing rather than after it.
     */
    private static JsonGenerator startJson(Writer w, boolean closeTarget) throws IOException {
        JsonGenerator g = Json.mapper().getFactory().createGenerator(w)
                .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, closeTarget);
        g.useDefaultPrettyPrinter();
        g.writeStartArray();
        g.flush();
        return g;
    }

    private static void closeQuietly(Writer w) {
        try {
            if (w != null) {
                w.close();
            }
        } catch (IOException e) { // already refused for the first write
        }
    }

    /** Writes the rows and closes the list; the generator closes its target only if started so (not stdout). */
    private static void endJson(List<Row> rows, JsonGenerator g) throws IOException {
        for (Row r : rows) {
            g.writeStartObject();
            g.writeNumberField("N", r.n());
            g.writeNumberField("D", r.d());
            g.writeStringField("method", r.method());
            g.writeNumberField("median_us", r.medianUs());
            g.writeNumberField("p10_us", r.p10Us());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.flush();
    }
}
