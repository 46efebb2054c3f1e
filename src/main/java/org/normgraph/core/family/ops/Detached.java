package org.normgraph.core.family.ops;

import org.normgraph.core.Tensor;

/**
 * {@code op} forward, but backward sends nothing to its inputs (a stop-gradient: the input is
 * treated as a constant). Not part of the correct graph: the pitfalls "forget the branch"
 * detach the node whose contribution a derivation forgot.
 */
public record Detached(TensorOp op) implements TensorOp {

    @Override
    public String symbol() {
        return op.symbol();
    }

    @Override
    public int arity() {
        return op.arity();
    }

    @Override
    public int[] outputShape(int[]... in) {
        return op.outputShape(in);
    }

    @Override
    public Tensor forward(Tensor... in) {
        return op.forward(in);
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor grad) {
        Tensor[] none = new Tensor[in.length];
        for (int a = 0; a < in.length; a++) {
            none[a] = Tensor.zeros(in[a].shape());
        }
        return none;
    }
}
