package org.normgraph.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.FusedBatchNorm;
import org.normgraph.core.Graph;
import org.normgraph.core.Matrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward+backward of the staged graph (full trace) and of the fused engine (caller
 * buffers), for development. Not run by {@code ./mvnw verify}; see BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BatchNormBenchmark {

    @Param({"8x4", "512x4", "256x256", "4096x1024"})
    public String size;

    private BatchNormInput in;
    private Graph graph;
    private int n;
    private int d;
    private double[] x;
    private double[] gamma;
    private double[] beta;
    private double[] dout;
    private double[] out;
    private double[] dx;
    private double[] dgamma;
    private double[] dbeta;
    private double[] mean;
    private double[] var;
    private double[] ivar;

    @Setup
    public void setUp() {
        String[] p = size.split("x");
        n = Integer.parseInt(p[0]);
        d = Integer.parseInt(p[1]);
        Random rng = new Random(0);
        x = new double[n * d];
        dout = new double[n * d];
        gamma = new double[d];
        beta = new double[d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian() * 3 + 1.5;
            dout[i] = rng.nextGaussian();
        }
        for (int j = 0; j < d; j++) {
            gamma[j] = rng.nextGaussian();
            beta[j] = rng.nextGaussian();
        }
        in = new BatchNormInput(Matrix.of(n, d, x), Matrix.rowVector(gamma), Matrix.rowVector(beta),
                Matrix.of(n, d, dout), BatchNormInput.DEFAULT_EPS);
        graph = BatchNormGraph.build(in);
        out = new double[n * d];
        dx = new double[n * d];
        dgamma = new double[d];
        dbeta = new double[d];
        mean = new double[d];
        var = new double[d];
        ivar = new double[d];
    }

    @Benchmark
    public Object staged() {
        return BatchNormGraph.run(graph, in);
    }

    @Benchmark
    public Object fused() {
        FusedBatchNorm.forwardBackward(n, d, x, gamma, beta, dout, BatchNormInput.DEFAULT_EPS, out, dx, dgamma,
                dbeta, mean, var, ivar);
        return dx;
    }
}
