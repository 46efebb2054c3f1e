package org.normgraph.core.family.ops;

import org.normgraph.core.Tensor;

/**
 * One operation of a normalization graph on tensors: its forward value and its own local
 * backward — the tensor form of {@link org.normgraph.core.ops.Op}.
 *
 * <p>{@link #backward} returns one gradient contribution per input; the engine adds them into
 * the inputs' gradients ({@code +=}), which is what makes a value used twice get the sum of
 * its branches.
 */
public interface TensorOp {

    /** Short operation symbol for display, e.g. {@code "−"} or {@code "Σ/M"}. */
    String symbol();

    /** Number of inputs. */
    int arity();

    /** The output shape for these input shapes; throws a shape error naming them otherwise. */
    int[] outputShape(int[]... in);

    Tensor forward(Tensor... in);

    /**
     * Local backward: the gradient contribution for each input.
     *
     * @param in   the forward inputs
     * @param out  this op's forward output
     * @param grad the upstream gradient, shaped like {@code out}
     */
    Tensor[] backward(Tensor[] in, Tensor out, Tensor grad);
}
