package org.normgraph.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.model.Examples;
import org.normgraph.core.BatchNormInput;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Grids that grow and shrink in every order, also twice before the next layout pass (N and
 * then D changed by one undo, or by two spinner steps in one pulse), lay out without an
 * exception: ControlsFX's spare grid rows keep old indices that a bigger grid makes valid again
 * ({@code MatrixSheet.detachStaleRows}); and a grid that fits shows every cell afterwards.
 */
@ExtendWith(ApplicationExtension.class)
class GridResizeLayoutTest {

    private static final int[][] SIZES = {{8, 1}, {23, 4}, {2, 2}, {30, 3}, {5, 5}, {23, 1}, {9, 4}, {4, 3}};

    private final SimpleObjectProperty<BatchNormInput> input = new SimpleObjectProperty<>(Examples.classic());
    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    private InputsPane pane;

    @Start
    void start(Stage stage) {
        pane = new InputsPane(input, input::set);
        stage.setScene(new Scene(new StackPane(pane), 420, 780));
        stage.show();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e)); // the FX thread
    }

    @AfterEach
    void default_handler(FxRobot robot) {
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(null));
    }

    @Test
    void grids_resized_in_every_order_and_twice_per_pulse_lay_out_without_an_exception(FxRobot robot) {
        for (int[] a : SIZES) {
            for (int[] b : SIZES) {
                int d = b[1] == a[1] ? b[1] + 1 : b[1]; // the second resize always rebuilds the grids
                robot.interact(() -> {
                    pane.resize(a[0], a[1]);
                    pane.resize(b[0], d);
                });
                WaitForAsyncUtils.waitForFxEvents();
                String when = a[0] + "×" + a[1] + " then " + b[0] + "×" + d;
                assertTrue(uncaught.isEmpty(), () -> when + ": " + uncaught.get(0));
                assertEquals(b[0], input.get().n(), when);
                assertRowsShowTheGrid(robot, when);
            }
        }
    }

    /** Every row of the x grid that has an index shows that row of the grid. */
    private void assertRowsShowTheGrid(FxRobot robot, String when) {
        MatrixSheet x = GridRobot.sheet(robot, "x");
        for (Node n : x.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> row && row.isVisible() && row.getIndex() >= 0
                    && row.getIndex() < x.getGrid().getRowCount()) {
                assertEquals(x.getGrid().getRows().get(row.getIndex()), row.getItem(), when + ": row " + row.getIndex());
            }
        }
    }

    /**
     * A grid of up to {@link MatrixSheet#MAX_VISIBLE_ROWS} rows shows every cell, also after N
     * went up and down again: JavaFX's table counts new rows before it grows, which used to
     * leave both scroll bars standing and the 4×3 example behind them.
     */
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
