package org.normgraph.core;

import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormLayout;

/**
 * Every member of the family with the simplified ("fused") backward instead of the staged
 * chain rule, in the core's matrix form (x as the N×(C·H·W) matrix of its rows). With S one
 * statistic's set of M values, xhat = (x − mean_S x) · ivar and dxhat = dout ⊙ gamma:
 *
 * <pre>
 *   dx     = (1/M) · ivar · (M·dxhat − Σ_S dxhat − xhat · Σ_S(dxhat ⊙ xhat))
 *   dgamma = Σ_{all but channel} (dout ⊙ xhat),   dbeta = Σ_{all but channel} dout
 * </pre>
 *
 * For batch norm gamma is constant on S, so it can be taken out of the sums: that is
 * DESIGN.md's {@code dx = (1/N) · gamma · ivar · (N·dout − Σ_rows dout − xhat · Σ_rows(dout ⊙ xhat))},
 * and batch norm of N×D is {@link FusedBatchNorm} itself. In layer and group norm S spans several
 * channels, each with its own gamma, so the sums must take dxhat, not dout. Variance is
 * two-pass, as in the staged graph.
 */
public final class SimplifiedNorm {

    private SimplifiedNorm() {
    }

    /** Forward and simplified backward: out, dx (x's rows), dgamma, dbeta (1×C) and the statistics. */
    public static FusedBatchNorm.Result run(NormLayout layout, NormInput in) {
        Matrix x = in.xRows();
        Matrix dout = in.doutRows();
        if (layout.batchOfFeatures()) {
            return FusedBatchNorm.run(new BatchNormInput(x, in.gammaRow(), in.betaRow(), dout, in.eps()));
        }
        int n = x.rows();
        boolean overRows = layout.statisticsOverRows();
        int block = layout.columnsPerStatistic();
        int pixels = layout.pixels();
        double m = layout.count();
        Matrix gamma = in.gammaRow().broadcastBlocks(n, pixels);
        Matrix mean = x.sumBlocks(overRows, block).scale(1.0 / m);
        Matrix xmu = x.minus(mean.broadcastBlocks(n, block));
        Matrix var = xmu.times(xmu).sumBlocks(overRows, block).scale(1.0 / m);
        Matrix ivar = var.map(v -> 1.0 / Math.sqrt(v + in.eps()));
        Matrix xhat = xmu.times(ivar.broadcastBlocks(n, block));
        Matrix out = gamma.times(xhat).plus(in.betaRow().broadcastBlocks(n, pixels));

        Matrix dxhat = dout.times(gamma);
        Matrix sumDxhat = dxhat.sumBlocks(overRows, block).broadcastBlocks(n, block);
        Matrix sumDxhatXhat = dxhat.times(xhat).sumBlocks(overRows, block).broadcastBlocks(n, block);
        Matrix dx = ivar.scale(1.0 / m).broadcastBlocks(n, block)
                .times(dxhat.scale(m).minus(sumDxhat).minus(xhat.times(sumDxhatXhat)));
        Matrix dgamma = dout.times(xhat).sumBlocks(true, pixels);
        Matrix dbeta = dout.sumBlocks(true, pixels);
        return new FusedBatchNorm.Result(out, dx, dgamma, dbeta, mean, var);
    }
}
