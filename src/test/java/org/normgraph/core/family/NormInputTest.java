package org.normgraph.core.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.normgraph.core.InvalidInputException;
import org.normgraph.core.Tensor;

/** NormInput refuses what no kind can run, naming the field and the shapes. */
class NormInputTest {

    private static final Tensor X4 = Tensor.zeros(2, 3, 2, 2);

    @Test
    void gamma_must_have_one_value_per_channel() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new NormInput(X4, Tensor.vector(1, 1), Tensor.vector(0, 0, 0), X4, 1e-5));
        assertEquals("gamma: expected 3 values (one per channel, C = 3 from x 2×3×2×2), got 2", e.getMessage());
    }

    @Test
    void beta_must_have_one_value_per_feature() {
        Tensor x = Tensor.zeros(2, 3);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new NormInput(x, Tensor.vector(1, 1, 1), Tensor.vector(0, 0, 0, 0), x, 1e-5));
        assertEquals("beta: expected 3 values (one per feature, D = 3 from x 2×3), got 4", e.getMessage());
    }

    @Test
    void dout_must_be_shaped_like_x() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new NormInput(X4, Tensor.vector(1, 1, 1), Tensor.vector(0, 0, 0), Tensor.zeros(2, 3, 2, 1), 1e-5));
        assertEquals("dout: expected 2×3×2×2 like x, got 2×3×2×1", e.getMessage());
    }

    @Test
    void a_non_finite_value_is_named_with_its_index() {
        Tensor x = X4.with(new int[] {1, 2, 0, 1}, Double.NaN);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new NormInput(x, Tensor.vector(1, 1, 1), Tensor.vector(0, 0, 0), X4, 1e-5));
        assertEquals("x[1][2][0][1]", e.field());
    }

    @Test
    void eps_must_be_positive() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new NormInput(X4, Tensor.vector(1, 1, 1), Tensor.vector(0, 0, 0), X4, 0));
        assertEquals("eps", e.field());
    }
}
