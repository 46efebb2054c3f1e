package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.normgraph.core.ops.Add;
import org.normgraph.core.ops.BlockBroadcast;
import org.normgraph.core.ops.BlockMean;
import org.normgraph.core.ops.Broadcast;
import org.normgraph.core.ops.Detached;
import org.normgraph.core.ops.Divide;
import org.normgraph.core.ops.MeanRows;
import org.normgraph.core.ops.Multiply;
import org.normgraph.core.ops.Op;
import org.normgraph.core.ops.Reciprocal;
import org.normgraph.core.ops.SqrtPlusEps;
import org.normgraph.core.ops.SqrtThenPlusEps;
import org.normgraph.core.ops.Square;
import org.normgraph.core.ops.Subtract;

/**
 * Each op's local backward (the correct graph's and the pitfalls') against a central difference
 * of its own forward, along a random direction: d/dt ⟨g, f(in + t·v)⟩ at t = 0 must equal
 * Σ_a ⟨backward_a, v_a⟩. Shapes are those of 4-D x as its rows: 2 samples × (4 channels · 3 pixels).
 */
class OpsLocalBackwardTest {

    private static final Shape FULL = Shape.of(2, 12);
    /** Group norm, G = 2: one statistic per sample and group of 2 channels · 3 pixels. */
    private static final Shape GROUPS = Shape.of(2, 2);
    private static final Shape CHANNELS = Shape.of(1, 4);

    static Stream<Arguments> ops() {
        return Stream.of(
                Arguments.of("add", new Add(), new Shape[] {FULL, FULL}),
                Arguments.of("subtract", new Subtract(), new Shape[] {FULL, FULL}),
                Arguments.of("multiply", new Multiply(), new Shape[] {FULL, FULL}),
                Arguments.of("divide", new Divide(), new Shape[] {FULL, FULL}),
                Arguments.of("square", new Square(), new Shape[] {FULL}),
                Arguments.of("sqrt(x + eps)", new SqrtPlusEps(0.1), new Shape[] {FULL}),
                Arguments.of("sqrt(x) + eps", new SqrtThenPlusEps(0.1), new Shape[] {FULL}),
                Arguments.of("reciprocal", new Reciprocal(), new Shape[] {FULL}),
                Arguments.of("broadcast rows", new Broadcast(2), new Shape[] {Shape.of(1, 12)}),
                Arguments.of("mean over rows", new MeanRows(), new Shape[] {FULL}),
                Arguments.of("broadcast by groups", new BlockBroadcast(2, false, 6), new Shape[] {GROUPS}),
                Arguments.of("broadcast a channel row", new BlockBroadcast(2, true, 3), new Shape[] {CHANNELS}),
                Arguments.of("mean by groups", new BlockMean(false, 6, "(C/G)·H·W"), new Shape[] {FULL}),
                Arguments.of("mean over all but channels", new BlockMean(true, 3, "N·H·W"), new Shape[] {FULL}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void local_backward_is_the_derivative_of_the_forward(String name, Op op, Shape[] shapes) {
        assertEquals(0, mismatch(op, shapes, 1), 1e-7, name);
    }

    /** The check can fail: a detached op's zero backward is not the derivative of its forward. */
    @Test
    void a_detached_op_fails_the_same_check() {
        assertTrue(mismatch(new Detached(new Square()), new Shape[] {FULL}, 1) > 1e-3);
    }

    @Test
    void shapes_that_do_not_fit_name_both_shapes() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> new Divide().outputShape(Shape.of(2, 3), Shape.of(3, 2)));
        assertEquals("divide: shapes 2×3 and 3×2 do not match", e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> new BlockBroadcast(2, true, 3).outputShape(GROUPS));
        assertThrows(ShapeMismatchException.class, () -> new BlockMean(false, 5, "M").outputShape(FULL));
    }

    @Test
    void ops_with_parameters_compare_by_value() {
        assertEquals(new BlockBroadcast(2, true, 3), new BlockBroadcast(2, true, 3));
        assertTrue(!new BlockMean(true, 3, "N").equals(new BlockMean(false, 3, "N")));
        assertEquals(new Detached(new Square()), new Detached(new Square()));
    }

    /** Relative gap between the numeric and the analytic directional derivative. */
    private static double mismatch(Op op, Shape[] shapes, long seed) {
        Random r = new Random(seed);
        Matrix[] in = new Matrix[shapes.length];
        Matrix[] v = new Matrix[shapes.length];
        for (int a = 0; a < shapes.length; a++) {
            in[a] = random(shapes[a], r, 0.5, 2); // positive: sqrt, 1/x and division stay smooth
            v[a] = random(shapes[a], r, -1, 1);
        }
        Matrix out = op.forward(in);
        Matrix g = random(out.shape(), r, -1, 1);
        Matrix[] back = op.backward(in, out, g);
        double analytic = 0;
        for (int a = 0; a < in.length; a++) {
            analytic += back[a].times(v[a]).sum();
        }
        double h = 1e-6;
        double numeric = (op.forward(shifted(in, v, h)).times(g).sum() - op.forward(shifted(in, v, -h)).times(g).sum()) / (2 * h);
        return Math.abs(numeric - analytic) / Math.max(1, Math.abs(analytic));
    }

    private static Matrix[] shifted(Matrix[] in, Matrix[] v, double t) {
        Matrix[] s = new Matrix[in.length];
        for (int a = 0; a < in.length; a++) {
            s[a] = in[a].plus(v[a].scale(t));
        }
        return s;
    }

    private static Matrix random(Shape shape, Random r, double lo, double hi) {
        double[] d = new double[shape.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = lo + (hi - lo) * r.nextDouble();
        }
        return Matrix.of(shape.rows(), shape.cols(), d);
    }
}
