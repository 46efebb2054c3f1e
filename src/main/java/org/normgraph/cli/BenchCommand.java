package org.normgraph.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
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
 * {@code bench}: forward+backward per call, float64, one thread, for the staged graph (full
 * trace) and the fused engine (caller buffers). Timed like {@code shared/bench/peers.py}: a
 * warm-up, then interleaved rounds of individually timed calls; median and p10 per call.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time forward+backward of the staged graph and the fused engine (float64, one thread).",
                "Methods: staged (graph + full trace), fused (one thread, no allocation), fused-2t (two threads).",
                "Output: a table; with --json also [{\"N\", \"D\", \"method\", \"median_us\", \"p10_us\"}]."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--sizes", split = ",", defaultValue = "8x4,512x4,256x256,4096x1024",
            paramLabel = "NxD[,NxD…]", description = "sizes to time (default: ${DEFAULT-VALUE})")
    List<String> sizes;

    @Option(names = "--min-time", defaultValue = "0.5", paramLabel = "SECONDS",
            description = "timed seconds per size and method (default: ${DEFAULT-VALUE})")
    double minTime;

    @Option(names = "--warmup", defaultValue = "0.5", paramLabel = "SECONDS",
            description = "untimed seconds per size and method first, for the JIT (default: ${DEFAULT-VALUE})")
    double warmup;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON")
    Path json;

    @Option(names = "--seed", defaultValue = "0", description = "random inputs' seed")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private static final int ROUNDS = 5;
    private static final int MIN_CALLS = 25;

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
        }
        if (!(minTime > 0) || !(warmup >= 0)) {
            return Errors.badInput(spec, "--min-time must be > 0 and --warmup ≥ 0, got " + minTime + " and " + warmup);
        }
        PrintWriter out = spec.commandLine().getOut();
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
        if (json != null) {
            writeJson(rows, json);
        }
        return 0;
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
        List<List<Long>> samples = new ArrayList<>();
        for (Method m : methods) {
            timeBlock(m, warmup, 3); // JIT (C2 needs ~10k calls of the small graph) and heap
            samples.add(new ArrayList<>());
        }
        for (int r = 0; r < ROUNDS; r++) {
            for (int i = 0; i < methods.length; i++) {
                samples.get(i).addAll(timeBlock(methods[i], minTime / ROUNDS, -(-MIN_CALLS / ROUNDS)));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < methods.length; i++) {
            long[] s = samples.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
            rows.add(new Row(n, d, names[i], median(s) / 1e3, s[s.length / 10] / 1e3, s.length));
        }
        return rows;
    }

    @FunctionalInterface
    interface Method {
        Object call();
    }

    /** Keeps results reachable so the JIT cannot drop the work. */
    static volatile Object sink;

    private static List<Long> timeBlock(Method m, double seconds, int minCalls) {
        List<Long> out = new ArrayList<>();
        long limit = (long) (seconds * 1e9);
        long total = 0;
        while (total < limit || out.size() < minCalls) {
            long t0 = System.nanoTime();
            sink = m.call();
            long dt = System.nanoTime() - t0;
            out.add(dt);
            total += dt;
        }
        return out;
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

    private static void writeJson(List<Row> rows, Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
             JsonGenerator g = Json.mapper().getFactory().createGenerator(os)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
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
        }
    }
}
