package org.normgraph.app.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Numbers as the Lab writes them (its labels need the toolkit). */
@org.junit.jupiter.api.extension.ExtendWith(org.testfx.framework.junit5.ApplicationExtension.class)
class LabFormatTest {

    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage stage) {
        // no window: the toolkit is enough for a label
    }

    @Test
    void a_matrix_column_is_aligned_on_the_right() {
        for (int i = 0; i < 3; i++) {
            javafx.scene.Node cell = LabFormat.matrix(org.normgraph.core.Matrix.fromRows(new double[][] {{-0.5, 1}, {12.25, -3}}), "m")
                    .getChildren().get(i);
            org.junit.jupiter.api.Assertions.assertEquals(javafx.geometry.HPos.RIGHT, javafx.scene.layout.GridPane.getHalignment(cell));
        }
    }

    @Test
    void two_values_that_differ_get_the_fewest_digits_that_tell_them_apart() {
        // the std + eps pitfall at a constant column: √(0 + 1e-5) against 0 + 1e-5
        assertArrayEquals(new String[] {"0.003162", "1e\u22125"}, LabFormat.apart(Math.sqrt(1e-5), 1e-5));
        assertArrayEquals(new String[] {"1.00001", "1.00002"}, LabFormat.apart(1.00001, 1.00002));
        assertArrayEquals(new String[] {"\u22120.25", "0.25"}, LabFormat.apart(-0.25, 0.25));
    }
}
