package org.normgraph.core.lab;

import org.normgraph.core.Matrix;
import org.normgraph.core.Shape;
import org.normgraph.core.ops.BlockBroadcast;
import org.normgraph.core.ops.Op;

/**
 * A wrong broadcast: forward copies like {@link BlockBroadcast}, but backward averages the
 * copies' gradients instead of summing them. At bcast_beta this is the pitfall "dbeta = mean of dout".
 */
record MeanInsteadOfSumBroadcast(BlockBroadcast correct) implements Op {

    @Override
    public String symbol() {
        return correct.symbol();
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public Shape outputShape(Shape... in) {
        return correct.outputShape(in);
    }

    @Override
    public Matrix forward(Matrix... in) {
        return correct.forward(in);
    }

    @Override
    public Matrix[] backward(Matrix[] in, Matrix out, Matrix grad) {
        int copies = out.shape().size() / in[0].shape().size();
        return new Matrix[] {correct.backward(in, out, grad)[0].scale(1.0 / copies)};
    }
}
