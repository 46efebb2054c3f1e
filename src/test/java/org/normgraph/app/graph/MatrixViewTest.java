package org.normgraph.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.core.Matrix;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A matrix written out as numbers on a canvas: updated in place, it shows what a view drawn
 * from scratch shows; it keeps its size, frames the selected cell, and stays sharp (drawn at the
 * pixel scale) under a zoom.
 */
@ExtendWith(ApplicationExtension.class)
class MatrixViewTest {

    private final MatrixView view = new MatrixView(Palette.VALUE);
    private final HBox root = new HBox(view);

    @Start
    void start(Stage stage) {
        root.setStyle("-fx-background-color: white;");
        stage.setScene(new Scene(root, 400, 200));
        stage.show();
    }

    private static Matrix m(double[][] rows) {
        return Matrix.fromRows(rows);
    }

    @Test
    void each_cell_shows_its_number_and_colour_after_updates_in_place(FxRobot robot) {
        Matrix before = m(new double[][] {{1, 2}, {-3, 4}});
        robot.interact(() -> view.setContent(before.shape(), before));
        Canvas canvas = view.numberCanvas();
        Color kept = view.cellFill(1, 0);
        robot.interact(() -> view.setContent(before.shape(), m(new double[][] {{1, 0.5}, {-3, 4}})));
        assertSame(canvas, view.numberCanvas(), "the same canvas, drawn again where needed");
        assertEquals("1", view.cellText(0, 0));
        assertEquals(Numbers.format(0.5), view.cellText(0, 1));
        assertEquals(kept, view.cellFill(1, 0));
        // a new largest |value| rescales the colours: every cell is recoloured, none stays stale
        Matrix after = m(new double[][] {{1, 0.5}, {-3, -2}});
        robot.interact(() -> view.setContent(after.shape(), after));
        assertNotEquals(kept, view.cellFill(1, 0));
        assertEquals(Palette.VALUE.color(-3, 3, 0.6), view.cellFill(1, 0));
        assertEquals(Numbers.format(-2), view.cellText(1, 1));
    }

    @Test
    void a_view_updated_in_place_draws_the_same_pixels_as_one_drawn_from_scratch(FxRobot robot) {
        Random random = new Random(7);
        List<Matrix> contents = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            double[][] rows = new double[3][2];
            for (double[] row : rows) {
                // mostly small changes, so that many cells keep their number from one content to the next
                row[0] = random.nextInt(3) - 1;
                row[1] = random.nextDouble() < 0.2 ? Double.NaN : Math.round(random.nextGaussian() * 100) / 100.0;
            }
            contents.add(m(rows));
        }
        MatrixView fresh = new MatrixView(Palette.VALUE);
        robot.interact(() -> {
            root.getChildren().add(fresh);
            for (int n = 0; n < contents.size(); n++) {
                view.setContent(contents.get(n).shape(), n % 5 == 4 ? null : contents.get(n));
                view.setSelectedCell(n % 3, n % 2);
            }
            Matrix last = contents.get(contents.size() - 1);
            fresh.setContent(last.shape(), last);
            fresh.setSelectedCell(2, 1);
        });
        WritableImage a = snapshot(robot, view, 1);
        WritableImage b = snapshot(robot, fresh, 1);
        assertEquals(a.getWidth(), b.getWidth());
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                assertEquals(b.getPixelReader().getArgb(x, y), a.getPixelReader().getArgb(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void single_cells_are_drawn_over_the_old_drawing_but_never_more_than_a_grids_worth(FxRobot robot) {
        // a canvas out of view keeps every drawing command until it is painted
        Matrix a = m(new double[][] {{1, 2}, {3, 4}});
        robot.interact(() -> view.setContent(a.shape(), a));
        NumberGrid grid = (NumberGrid) view.numberCanvas();
        int most = 0;
        for (int n = 0; n < 20; n++) {
            double v = n;
            robot.interact(() -> view.setContent(a.shape(), m(new double[][] {{1 + v / 100, 2}, {3, 4}})));
            most = Math.max(most, grid.cellsDrawnSinceRedraw());
        }
        assertEquals(4, most, "one cell per edit, the whole grid again after four");
        assertEquals(Numbers.format(1.19), view.cellText(0, 0));
    }

    @Test
    void emptied_and_filled_again_every_cell_shows_its_number_and_colour(FxRobot robot) {
        Matrix a = m(new double[][] {{1, -1}, {2, -2}});
        robot.interact(() -> view.setContent(a.shape(), a));
        Color fill = view.cellFill(1, 1);
        double width = view.prefWidth(-1);
        robot.interact(() -> view.setContent(a.shape(), null));
        assertEquals("", view.cellText(1, 1));
        assertNull(view.cellFill(1, 1));
        assertEquals(width, view.prefWidth(-1), "an unknown matrix keeps the size of its shape");
        robot.interact(() -> view.setContent(a.shape(), a));
        assertEquals(Numbers.format(-2), view.cellText(1, 1));
        assertEquals(fill, view.cellFill(1, 1));
    }

    @Test
    void zeros_and_non_finite_numbers_are_written_from_the_first_content_on(FxRobot robot) {
        // no largest finite |value| to compare against, and cells equal to a fresh array's 0
        Matrix odd = m(new double[][] {{0, Double.NaN}, {0, Double.POSITIVE_INFINITY}});
        robot.interact(() -> view.setContent(odd.shape(), odd));
        assertEquals(Numbers.format(0), view.cellText(0, 0));
        assertEquals(Numbers.format(Double.NaN), view.cellText(0, 1));
        assertEquals(Numbers.format(Double.POSITIVE_INFINITY), view.cellText(1, 1));
        robot.interact(() -> view.setContent(odd.shape(), null));
        robot.interact(() -> view.setContent(odd.shape(), odd));
        assertEquals(Numbers.format(0), view.cellText(1, 0), "written again after the view was emptied");
        assertEquals(Palette.NON_FINITE, view.cellFill(0, 1));
    }

    @Test
    void cells_grow_with_the_font_and_a_number_too_long_for_its_cell_loses_digits_not_its_exponent(FxRobot robot) {
        Matrix a = m(new double[][] {{-0.0123, -1.26e-15}, {-2.53e299, -0.00992}});
        robot.interact(() -> {
            view.setStyle("-fx-font-size: 11px");
            view.setContent(a.shape(), a);
        });
        double w = view.cellWidth();
        double h = view.cellHeight();
        robot.interact(() -> view.setStyle("-fx-font-size: 22px"));
        // the text part doubles, the few pixels of padding stay
        assertTrue(view.cellWidth() > 1.8 * w && view.cellWidth() <= 2 * w, w + " → " + view.cellWidth());
        assertTrue(view.cellHeight() > 1.7 * h && view.cellHeight() <= 2 * h, h + " → " + view.cellHeight());
        assertEquals(2 * view.cellWidth() + 2, view.getWidth(), 1e-9, "two columns and the 1 px insets");
        assertEquals(2 * view.cellWidth(), view.numberCanvas().getWidth(), 1, "the canvas follows");
        // the widest usual number is drawn whole; a longer one loses digits, never its exponent
        assertEquals(Numbers.format(-0.0123), view.cellText(0, 0));
        assertEquals("\u22121.26e\u221215", Numbers.format(-1.26e-15));
        assertEquals("\u22121e\u221215", view.cellText(0, 1));
        assertTrue(view.cellText(1, 0).endsWith("e299"), view.cellText(1, 0));
        // a small decimal one digit too long loses that digit (layer norm's dsq showed "−0.009…")
        assertEquals("\u22120.0099", view.cellText(1, 1));
    }

    /** N = 2's dx showed −1.8e−6 above 1.75e−6: a number and its negative keep the same digits. */
    @Test
    void a_number_and_its_negative_are_drawn_with_the_same_digits(FxRobot robot) {
        Matrix a = m(new double[][] {{-1.75e-6, 1.75e-6}, {-0.00992, 0.00992}});
        robot.interact(() -> {
            view.setStyle("-fx-font-size: 11px");
            view.setContent(a.shape(), a);
        });
        for (int i = 0; i < 2; i++) {
            String negative = view.cellText(i, 0);
            assertEquals(Numbers.MINUS + view.cellText(i, 1), negative, "row " + i);
            assertFalse(negative.endsWith("\u2026"), negative);
        }
    }

    @Test
    void under_a_zoom_the_numbers_are_drawn_at_the_screens_resolution(FxRobot robot) {
        Matrix a = m(new double[][] {{1, -1}, {2, -2}});
        robot.interact(() -> view.setContent(a.shape(), a));
        double width = view.getWidth();
        Canvas canvas = view.numberCanvas();
        double pixels = canvas.getWidth();
        robot.interact(() -> view.pixelScaleProperty().set(2.5));
        assertEquals(Math.ceil(2.5 * 2 * view.cellWidth()), canvas.getWidth(), "2.5 screen pixels per pixel");
        assertEquals(pixels, canvas.getBoundsInParent().getWidth(), 1, "shrunk back to the cells' size");
        assertEquals(width, view.getWidth(), "the view keeps its size");
        // at 2.5 screen pixels per pixel, cell [1][1] is where it was, in its colour (60 % over white)
        WritableImage big = snapshot(robot, view, 2.5);
        Bounds cell = view.cellBounds(1, 1);
        Color corner = big.getPixelReader().getColor((int) (2.5 * cell.getMinX()) + 2, (int) (2.5 * cell.getMinY()) + 2);
        Color fill = Palette.VALUE.color(-2, 2, 0.6);
        Color expected = Color.WHITE.interpolate(Color.color(fill.getRed(), fill.getGreen(), fill.getBlue()), fill.getOpacity());
        assertEquals(expected.getRed(), corner.getRed(), 2 / 255.0, corner + " against " + expected);
        assertEquals(expected.getGreen(), corner.getGreen(), 2 / 255.0, corner + " against " + expected);
        assertEquals(expected.getBlue(), corner.getBlue(), 2 / 255.0, corner + " against " + expected);
    }

    @Test
    void the_selected_cell_is_framed_and_the_frame_goes_with_the_selection(FxRobot robot) {
        Matrix a = m(new double[][] {{1, -1}, {2, -2}});
        robot.interact(() -> {
            view.setContent(a.shape(), a);
            view.setSelectedCell(1, 0);
        });
        assertEquals(Color.BLACK, pixelAtLeftEdge(robot, 1, 0), "frame on [1][0]");
        assertNotEquals(Color.BLACK, pixelAtLeftEdge(robot, 0, 1));
        robot.interact(() -> view.setSelectedCell(0, 1));
        assertEquals(Color.BLACK, pixelAtLeftEdge(robot, 0, 1), "frame on [0][1]");
        assertNotEquals(Color.BLACK, pixelAtLeftEdge(robot, 1, 0), "the old frame is gone");
    }

    @Test
    void a_click_on_a_cell_names_its_row_and_column_at_any_pixel_scale(FxRobot robot) {
        Matrix a = m(new double[][] {{1, -1, 3}, {2, -2, 4}});
        List<String> clicked = new ArrayList<>();
        robot.interact(() -> {
            view.setContent(a.shape(), a);
            view.setOnCellClicked((r, c) -> clicked.add(r + "," + c));
        });
        robot.clickOn(MatrixCells.onScreen(view, 1, 2));
        robot.interact(() -> view.pixelScaleProperty().set(1.7));
        robot.clickOn(MatrixCells.onScreen(view, 0, 1));
        assertEquals(List.of("1,2", "0,1"), clicked);
    }

    @Test
    void a_click_on_a_heat_map_names_its_row_and_column_too(FxRobot robot) {
        Matrix a = Matrix.filled(8, 6, 1);
        List<String> clicked = new ArrayList<>();
        robot.interact(() -> {
            view.setContent(a.shape(), a);
            view.setOnCellClicked((r, c) -> clicked.add(r + "," + c));
        });
        assertNull(view.numberCanvas(), "8×6 is a heat map");
        robot.clickOn(MatrixCells.onScreen(view, 7, 5));
        robot.clickOn(MatrixCells.onScreen(view, 2, 0));
        assertEquals(List.of("7,5", "2,0"), clicked);
    }

    /** With N = 32 and D = 1 every N×D heat map was a 4 px strip; one of a single row a 10 px one. */
    @Test
    void a_heat_map_of_one_column_or_one_row_is_wide_or_tall_enough_to_read(FxRobot robot) {
        Matrix column = Matrix.filled(32, 1, 1);
        List<String> clicked = new ArrayList<>();
        robot.interact(() -> {
            view.setContent(column.shape(), column);
            view.setOnCellClicked((r, c) -> clicked.add(r + "," + c));
        });
        assertNull(view.numberCanvas(), "32×1 is a heat map");
        assertTrue(view.cellBounds(0, 0).getWidth() >= 36, "width " + view.cellBounds(0, 0).getWidth());
        assertEquals(32 * view.cellBounds(0, 0).getHeight(), view.cellBounds(31, 0).getMaxY() - view.cellBounds(0, 0).getMinY(), 1e-9);
        robot.clickOn(MatrixCells.onScreen(view, 31, 0));
        assertEquals(List.of("31,0"), clicked);
        Matrix row = Matrix.filled(1, 16, 1);
        robot.interact(() -> view.setContent(row.shape(), row));
        assertTrue(view.cellBounds(0, 0).getHeight() >= 36, "height " + view.cellBounds(0, 0).getHeight());
    }

    /** The pixel 1 px inside cell (row, col)'s left edge, halfway down: on the 2 px frame when selected. */
    private Color pixelAtLeftEdge(FxRobot robot, int row, int col) {
        Bounds cell = view.cellBounds(row, col);
        PixelReader r = snapshot(robot, view, 1).getPixelReader();
        return r.getColor((int) cell.getMinX() + 1, (int) cell.getCenterY());
    }

    private static WritableImage snapshot(FxRobot robot, MatrixView v, double scale) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.WHITE);
            p.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
            image[0] = v.snapshot(p, null);
        });
        return image[0];
    }
}
