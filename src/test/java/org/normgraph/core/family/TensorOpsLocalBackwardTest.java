package org.normgraph.core.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.normgraph.core.ShapeMismatchException;
import org.normgraph.core.Tensor;
import org.normgraph.core.family.ops.Add;
import org.normgraph.core.family.ops.BroadcastTo;
import org.normgraph.core.family.ops.Detached;
import org.normgraph.core.family.ops.Divide;
import org.normgraph.core.family.ops.MeanTo;
import org.normgraph.core.family.ops.Multiply;
import org.normgraph.core.family.ops.Reciprocal;
import org.normgraph.core.family.ops.SqrtPlusEps;
import org.normgraph.core.family.ops.SqrtThenPlusEps;
import org.normgraph.core.family.ops.Square;
import org.normgraph.core.family.ops.Subtract;
import org.normgraph.core.family.ops.TensorOp;

/**
 * Each tensor op's local backward against a central difference of its own forward, along a
 * random direction: d/dt ⟨g, f(in + t·v)⟩ at t = 0 must equal Σ_a ⟨backward_a, v_a⟩.
 */
class TensorOpsLocalBackwardTest {

    private static final int[] FULL = {2, 4, 1, 3};
    private static final int[] STATS = {2, 2, 1, 1};

    static Stream<Arguments> ops() {
        return Stream.of(
                Arguments.of("add", new Add(), new int[][] {FULL, FULL}),
                Arguments.of("subtract", new Subtract(), new int[][] {FULL, FULL}),
                Arguments.of("multiply", new Multiply(), new int[][] {FULL, FULL}),
                Arguments.of("divide", new Divide(), new int[][] {FULL, FULL}),
                Arguments.of("square", new Square(), new int[][] {FULL}),
                Arguments.of("sqrt(x + eps)", new SqrtPlusEps(0.1), new int[][] {FULL}),
                Arguments.of("sqrt(x) + eps", new SqrtThenPlusEps(0.1), new int[][] {FULL}),
                Arguments.of("reciprocal", new Reciprocal(), new int[][] {FULL}),
                Arguments.of("broadcast by groups", new BroadcastTo(FULL), new int[][] {STATS}),
                Arguments.of("broadcast a channel row", new BroadcastTo(FULL), new int[][] {{1, 4, 1, 1}}),
                Arguments.of("mean by groups", new MeanTo(STATS), new int[][] {FULL}),
                Arguments.of("mean over all but channels", new MeanTo(new int[] {1, 4, 1, 1}), new int[][] {FULL}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void local_backward_is_the_derivative_of_the_forward(String name, TensorOp op, int[][] shapes) {
        assertEquals(0, mismatch(op, shapes, 1), 1e-7, name);
    }

    /** The check can fail: a detached op's zero backward is not the derivative of its forward. */
    @Test
    void a_detached_op_fails_the_same_check() {
        assertTrue(mismatch(new Detached(new Square()), new int[][] {FULL}, 1) > 1e-3);
    }

    @Test
    void shapes_that_do_not_fit_name_both_shapes() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> new Multiply().outputShape(new int[] {2, 3}, new int[] {3, 2}));
        assertEquals("multiply: shapes 2×3 and 3×2 do not match", e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> new BroadcastTo(FULL).outputShape(new int[] {2, 3, 1, 1}));
        assertThrows(ShapeMismatchException.class, () -> new MeanTo(new int[] {1, 3, 1, 1}).outputShape(FULL));
    }

    @Test
    void ops_with_a_shape_compare_by_value() {
        assertEquals(new BroadcastTo(new int[] {2, 3}), new BroadcastTo(new int[] {2, 3}));
        assertNotEquals(new MeanTo(new int[] {1, 3}), new MeanTo(new int[] {2, 1}));
    }

    /** Relative gap between the numeric and the analytic directional derivative. */
    private static double mismatch(TensorOp op, int[][] shapes, long seed) {
        Random r = new Random(seed);
        Tensor[] in = new Tensor[shapes.length];
        Tensor[] v = new Tensor[shapes.length];
        for (int a = 0; a < shapes.length; a++) {
            in[a] = random(shapes[a], r, 0.5, 2); // positive: sqrt, 1/x and division stay smooth
            v[a] = random(shapes[a], r, -1, 1);
        }
        Tensor out = op.forward(in);
        Tensor g = random(out.shape(), r, -1, 1);
        Tensor[] back = op.backward(in, out, g);
        double analytic = 0;
        for (int a = 0; a < in.length; a++) {
            analytic += back[a].times(v[a]).sum();
        }
        double h = 1e-6;
        double numeric = (op.forward(shifted(in, v, h)).times(g).sum() - op.forward(shifted(in, v, -h)).times(g).sum()) / (2 * h);
        return Math.abs(numeric - analytic) / Math.max(1, Math.abs(analytic));
    }

    private static Tensor[] shifted(Tensor[] in, Tensor[] v, double t) {
        Tensor[] s = new Tensor[in.length];
        for (int a = 0; a < in.length; a++) {
            s[a] = in[a].plus(v[a].scale(t));
        }
        return s;
    }

    private static Tensor random(int[] shape, Random r, double lo, double hi) {
        double[] d = new double[Tensor.size(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = lo + (hi - lo) * r.nextDouble();
        }
        return Tensor.of(shape, d);
    }
}
