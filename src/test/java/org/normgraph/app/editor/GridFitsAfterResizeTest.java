package org.normgraph.app.editor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.model.Examples;
import org.normgraph.core.BatchNormInput;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A grid of up to {@link MatrixSheet#MAX_VISIBLE_ROWS} rows shows every cell, also after N
 * went up and down again: JavaFX's table counts new rows before it grows, which used to leave
 * both scroll bars standing and the 4×3 example behind them.
 */
@ExtendWith(ApplicationExtension.class)
class GridFitsAfterResizeTest {

    private final SimpleObjectProperty<BatchNormInput> input = new SimpleObjectProperty<>(Examples.classic());
    private InputsPane pane;

    @Start
    void start(Stage stage) {
        pane = new InputsPane(input, input::set);
        stage.setScene(new Scene(new StackPane(pane), 420, 780));
        stage.show();
    }

    @Test
    void every_cell_stays_in_view_after_n_goes_up_and_down(FxRobot robot) {
        assertCellsInView(robot, "4×3 at the start");
        for (int[] size : new int[][] {{5, 3}, {4, 3}, {8, 2}, {1, 3}, {4, 3}}) {
            robot.interact(() -> pane.resize(size[0], size[1]));
            WaitForAsyncUtils.waitForFxEvents();
            assertCellsInView(robot, size[0] + "×" + size[1]);
        }
    }

    /** The table's viewport (its clipped container) holds all rows and columns of x and dout. */
    private void assertCellsInView(FxRobot robot, String when) {
        for (String field : new String[] {"x", "dout"}) {
            MatrixSheet sheet = GridRobot.sheet(robot, field);
            int rows = sheet.getGrid().getRowCount();
            double contentWidth = sheet.getColumns().stream().mapToDouble(c -> c.getWidth()).sum();
            double contentHeight = rows * Math.ceil(MatrixSheet.ROW_HEIGHT * sheet.scale());
            Node viewport = sheet.lookup(".clipped-container");
            Bounds b = viewport.getLayoutBounds();
            assertTrue(b.getWidth() >= contentWidth && b.getHeight() >= contentHeight,
                    () -> when + ", " + field + ": viewport " + b.getWidth() + "×" + b.getHeight()
                            + " for cells " + contentWidth + "×" + contentHeight);
        }
    }
}
