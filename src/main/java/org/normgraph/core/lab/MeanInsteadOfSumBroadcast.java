package org.normgraph.core.lab;

import org.normgraph.core.Tensor;
import org.normgraph.core.family.ops.BroadcastTo;
import org.normgraph.core.family.ops.TensorOp;

/**
 * A wrong broadcast: forward copies like {@link BroadcastTo}, but backward averages the copies'
 * gradients instead of summing them. At bcast_beta this is the pitfall "dbeta = mean of dout".
 */
record MeanInsteadOfSumBroadcast(BroadcastTo correct) implements TensorOp {

    @Override
    public String symbol() {
        return correct.symbol();
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public int[] outputShape(int[]... in) {
        return correct.outputShape(in);
    }

    @Override
    public Tensor forward(Tensor... in) {
        return correct.forward(in);
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor grad) {
        int copies = Tensor.blockSize(in[0].shape(), out.shape());
        return new Tensor[] {Tensor.unbroadcast(grad, in[0].shape()).scale(1.0 / copies)};
    }
}
