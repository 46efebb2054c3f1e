package org.normgraph.core.family.ops;

import java.util.Arrays;
import org.normgraph.core.ShapeMismatchException;
import org.normgraph.core.Tensor;

/** Shape rules shared by the tensor ops. */
final class Shapes {

    private Shapes() {
    }

    static int[] same(String operation, int[]... in) {
        for (int[] s : in) {
            if (!Arrays.equals(s, in[0])) {
                throw new ShapeMismatchException(operation, Tensor.format(in[0]), Tensor.format(s));
            }
        }
        return in[0];
    }
}
