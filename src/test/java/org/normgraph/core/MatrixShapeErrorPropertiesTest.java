package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A shape error of a Matrix operation names the operation and both shapes. */
class MatrixShapeErrorPropertiesTest {

    @Property(tries = 100)
    void elementwise_ops_name_the_operation_and_both_shapes(
            @ForAll @IntRange(min = 1, max = 6) int r1, @ForAll @IntRange(min = 1, max = 6) int c1,
            @ForAll @IntRange(min = 1, max = 6) int r2, @ForAll @IntRange(min = 1, max = 6) int c2) {
        Assume.that(r1 != r2 || c1 != c2);
        Matrix a = Matrix.zeros(r1, c1);
        Matrix b = Matrix.zeros(r2, c2);
        expectShapeError("add", a, b, Matrix::plus);
        expectShapeError("subtract", a, b, Matrix::minus);
        expectShapeError("multiply", a, b, Matrix::times);
        expectShapeError("hadamard", a, b, (x, y) -> x.zip("hadamard", y, (p, q) -> p * q));
    }

    @Property(tries = 50)
    void broadcasting_a_matrix_that_is_not_a_row_names_its_shape(
            @ForAll @IntRange(min = 2, max = 6) int rows, @ForAll @IntRange(min = 1, max = 6) int cols) {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> Matrix.zeros(rows, cols).broadcastRows(3));
        assertTrue(e.getMessage().contains("broadcast") && e.getMessage().contains(rows + "×" + cols), e.getMessage());
    }

    private static void expectShapeError(String op, Matrix a, Matrix b, BiFunction<Matrix, Matrix, Matrix> f) {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> f.apply(a, b));
        String m = e.getMessage();
        assertTrue(m.contains(op) && m.contains(a.shape().toString()) && m.contains(b.shape().toString()), m);
    }
}
