package org.normgraph.core.lab;

import org.normgraph.core.Matrix;
import org.normgraph.core.ops.BackwardVariant;
import org.normgraph.core.ops.BlockBroadcast;

/**
 * A wrong broadcast: forward copies like {@link BlockBroadcast}, but backward averages the
 * copies' gradients instead of summing them. At bcast_beta this is the pitfall "dbeta = mean of dout".
 */
record MeanInsteadOfSumBroadcast(BlockBroadcast of) implements BackwardVariant {

    @Override
    public Matrix[] backward(Matrix[] in, Matrix out, Matrix grad) {
        int copies = out.shape().size() / in[0].shape().size();
        return new Matrix[] {of.backward(in, out, grad)[0].scale(1.0 / copies)};
    }
}
