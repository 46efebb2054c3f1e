package org.normgraph.core.lab;

import org.normgraph.core.GraphVariant;
import org.normgraph.core.StagedEngine;
import org.normgraph.core.ops.BlockBroadcast;
import org.normgraph.core.ops.Detached;
import org.normgraph.core.ops.Divide;
import org.normgraph.core.ops.Op;
import org.normgraph.core.ops.SqrtPlusEps;
import org.normgraph.core.ops.SqrtThenPlusEps;

/**
 * Mistakes that well-known batch-norm derivations and implementations make, each as a variant
 * of the staged graph the app draws (of any kind): one op replaced, or the engine's rule at a
 * fan-out. {@link PitfallLab}
 * runs them next to the correct graph.
 */
public enum Pitfall implements GraphVariant {

    /** {@code sqrtvar = √var + eps}: the forward divides by (std + eps). */
    STD_PLUS_EPS(true, "sqrtvar", "divides by (std + eps): sqrtvar = √var + eps instead of √(var + eps)") {
        @Override
        public Op op(String node, Op correct) {
            return node.equals(node()) ? new SqrtThenPlusEps(((SqrtPlusEps) correct).eps()) : correct;
        }
    },
    /** {@code xhat = xmu / ivar}: divides by the inverse standard deviation, i.e. multiplies by std. */
    DIVIDE_BY_IVAR(true, "xhat", "divides by the inverse standard deviation: xhat = xmu / bcast(ivar) instead of xmu ⊙ bcast(ivar)") {
        @Override
        public Op op(String node, Op correct) {
            return node.equals(node()) ? new Divide() : correct;
        }
    },
    /** Backward of bcast_beta averages: {@code dbeta = mean of dout} instead of the sum. */
    MEAN_FOR_DBETA(false, "bcast_beta", "takes the mean instead of the sum for dbeta: the adjoint of broadcast is sum") {
        @Override
        public Op op(String node, Op correct) {
            return node.equals(node()) ? new MeanInsteadOfSumBroadcast((BlockBroadcast) correct) : correct;
        }
    },
    /** The branch x → mu is dropped: {@code dx = dx1}, as if mu were a constant. */
    FORGET_DX2(false, "mu", "forgets the branch through mu at x: dx = dx1, dx2 never added") {
        @Override
        public Op op(String node, Op correct) {
            return node.equals(node()) ? new Detached(correct) : correct;
        }
    },
    /** The branch xmu → sq is dropped: {@code dx1 = dxmu1}, as if var were a constant. */
    FORGET_DXMU2(false, "sq", "forgets the branch through the variance at xmu: dx1 = dxmu1, dxmu2 never added") {
        @Override
        public Op op(String node, Op correct) {
            return node.equals(node()) ? new Detached(correct) : correct;
        }
    },
    /** Backward assigns at a fan-out ({@code grad = g}, not {@code grad += g}): the last branch wins. */
    ASSIGN_AT_FAN_OUT(false, "xmu", "assigns instead of adding gradients at a fan-out (x and xmu): the last branch overwrites the first") {
        @Override
        public StagedEngine.FanOut fanOut() {
            return StagedEngine.FanOut.ASSIGN;
        }
    };

    private final boolean forward;
    private final String node;
    private final String description;

    Pitfall(boolean forward, String node, String description) {
        this.forward = forward;
        this.node = node;
        this.description = description;
    }

    /** True when the mistake changes the forward values, not only the gradients. */
    public boolean forward() {
        return forward;
    }

    /** The node whose op the mistake replaces ({@code xmu} for the fan-out rule, where it first shows). */
    public String node() {
        return node;
    }

    /** What the mistake is, in one line. */
    public String description() {
        return description;
    }
}
