package org.normgraph.core.family;

import org.normgraph.core.Tensor;

/**
 * The normalization family with the simplified ("fused") backward instead of the staged chain
 * rule. With S one statistic's set of M values, xhat = (x − mean_S x) · ivar and
 * dxhat = dout ⊙ gamma:
 *
 * <pre>
 *   dx     = (1/M) · ivar · (M·dxhat − Σ_S dxhat − xhat · Σ_S(dxhat ⊙ xhat))
 *   dgamma = Σ_{all but channel} (dout ⊙ xhat),   dbeta = Σ_{all but channel} dout
 * </pre>
 *
 * For batch norm gamma is constant on S, so it can be taken out of the sums: that is
 * DESIGN.md's {@code dx = (1/N) · gamma · ivar · (N·dout − Σ_rows dout − xhat · Σ_rows(dout ⊙ xhat))}
 * ({@link org.normgraph.core.FusedBatchNorm}), and instance norm could do the same (S is one
 * channel of one sample). In layer and group norm S spans several channels, each with its own
 * gamma, so the sums must take dxhat, not dout; one formula serves all kinds. Variance is
 * two-pass, as in the staged graph.
 */
public final class SimplifiedNorm {

    private SimplifiedNorm() {
    }

    /** Forward and simplified backward: out, the three input gradients and the statistics. */
    public record Result(Tensor out, Tensor dx, Tensor dgamma, Tensor dbeta, Tensor mean, Tensor var) {
    }

    public static Result run(NormSpec spec, NormInput in) {
        NormLayout layout = NormLayout.of(spec, in.shape());
        int[] xs = layout.xShape();
        int[] ss = layout.statsShape();
        int[] ps = layout.paramShape();
        double m = layout.count();
        Tensor x = in.x();
        Tensor gamma = in.gamma().reshape(ps).broadcastTo(xs);
        Tensor mean = x.sumTo(ss).scale(1.0 / m);
        Tensor xmu = x.minus(mean.broadcastTo(xs));
        Tensor var = xmu.times(xmu).sumTo(ss).scale(1.0 / m);
        Tensor ivar = var.map(v -> 1.0 / Math.sqrt(v + in.eps()));
        Tensor xhat = xmu.times(ivar.broadcastTo(xs));
        Tensor out = gamma.times(xhat).plus(in.beta().reshape(ps).broadcastTo(xs));

        Tensor dout = in.dout();
        Tensor dxhat = dout.times(gamma);
        Tensor sumDxhat = dxhat.sumTo(ss).broadcastTo(xs);
        Tensor sumDxhatXhat = dxhat.times(xhat).sumTo(ss).broadcastTo(xs);
        Tensor dx = ivar.scale(1.0 / m).broadcastTo(xs)
                .times(dxhat.scale(m).minus(sumDxhat).minus(xhat.times(sumDxhatXhat)));
        Tensor dgamma = dout.times(xhat).sumTo(ps).reshape(layout.channels());
        Tensor dbeta = dout.sumTo(ps).reshape(layout.channels());
        return new Result(out, dx, dgamma, dbeta, mean, var);
    }
}
