package org.normgraph.core.ops;

import org.normgraph.core.Matrix;
import org.normgraph.core.Shape;

/**
 * One operation of the graph: its forward value and its own local backward.
 *
 * <p>{@link #backward} returns one gradient contribution per input. The engine adds these
 * into the inputs' gradients ({@code +=}, never {@code =}), which is what makes a value that
 * is used twice (fan-out) receive the sum of its branches.
 */
public interface Op {

    /** Short operation symbol for display, e.g. {@code "−"} or {@code "Σ/N"}. */
    String symbol();

    /** Number of inputs. */
    int arity();

    /** The output shape for these input shapes; throws a shape error naming them otherwise. */
    Shape outputShape(Shape... in);

    Matrix forward(Matrix... in);

    /**
     * Local backward: the gradient contribution for each input.
     *
     * @param in   the forward inputs
     * @param out  this op's forward output
     * @param grad the upstream gradient, shaped like {@code out}
     */
    Matrix[] backward(Matrix[] in, Matrix out, Matrix grad);
}
