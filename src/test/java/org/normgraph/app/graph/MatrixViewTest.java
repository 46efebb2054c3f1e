package org.normgraph.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.layout.Background;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.core.Matrix;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A matrix of numbers updated in place: changed cells show the new number, the others are left alone. */
@ExtendWith(ApplicationExtension.class)
class MatrixViewTest {

    private final MatrixView view = new MatrixView(Palette.VALUE);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(view), 300, 200));
        stage.show();
    }

    private static Matrix m(double[][] rows) {
        return Matrix.fromRows(rows);
    }

    @Test
    void an_edit_of_one_column_touches_only_that_columns_cells(FxRobot robot) {
        Matrix before = m(new double[][] {{1, 2}, {-3, 4}});
        // column 1 changes, and the largest magnitude falls from 4 to 3
        Matrix after = m(new double[][] {{1, 0.5}, {-3, -2}});
        robot.interact(() -> view.setContent(before.shape(), before));
        Label kept = view.cell(1, 0);
        Label changed = view.cell(0, 1);
        Background keptBg = kept.getBackground();
        Background changedBg = changed.getBackground();
        robot.interact(() -> view.setContent(before.shape(), m(new double[][] {{1, 0.5}, {-3, 4}})));
        assertSame(keptBg, kept.getBackground(), "an unchanged cell keeps its background object");
        assertEquals("1", view.cell(0, 0).getText());
        assertEquals(Numbers.format(0.5), changed.getText());
        assertNotSame(changedBg, changed.getBackground());
        assertNotEquals(changedBg.getFills().get(0).getFill(), changed.getBackground().getFills().get(0).getFill());
        // a new largest |value| rescales the colours: every cell is recoloured, none stays stale
        robot.interact(() -> view.setContent(after.shape(), after));
        assertNotEquals(keptBg.getFills().get(0).getFill(), kept.getBackground().getFills().get(0).getFill());
        assertEquals(Numbers.format(-2), view.cell(1, 1).getText());
    }

    @Test
    void emptied_and_filled_again_every_cell_shows_its_number_and_colour(FxRobot robot) {
        Matrix a = m(new double[][] {{1, -1}, {2, -2}});
        robot.interact(() -> view.setContent(a.shape(), a));
        Label cell = view.cell(1, 1);
        Background bg = cell.getBackground();
        robot.interact(() -> view.setContent(a.shape(), null));
        assertEquals("", cell.getText());
        assertNull(cell.getBackground());
        robot.interact(() -> view.setContent(a.shape(), a));
        assertEquals(Numbers.format(-2), cell.getText());
        assertEquals(bg.getFills().get(0).getFill(), cell.getBackground().getFills().get(0).getFill());
    }

    @Test
    void zeros_and_non_finite_numbers_are_written_from_the_first_content_on(FxRobot robot) {
        // no largest finite |value| to compare against, and cells equal to a fresh array's 0
        Matrix odd = m(new double[][] {{0, Double.NaN}, {0, Double.POSITIVE_INFINITY}});
        robot.interact(() -> view.setContent(odd.shape(), odd));
        assertEquals(Numbers.format(0), view.cell(0, 0).getText());
        assertEquals(Numbers.format(Double.NaN), view.cell(0, 1).getText());
        assertEquals(Numbers.format(Double.POSITIVE_INFINITY), view.cell(1, 1).getText());
        robot.interact(() -> view.setContent(odd.shape(), null));
        robot.interact(() -> view.setContent(odd.shape(), odd));
        assertEquals(Numbers.format(0), view.cell(1, 0).getText(), "written again after the view was emptied");
        assertEquals(Palette.NON_FINITE, view.cell(0, 1).getBackground().getFills().get(0).getFill());
    }

    @Test
    void cells_grow_with_the_font_and_the_labels_take_the_views_font(FxRobot robot) {
        Matrix a = m(new double[][] {{-0.0123, 1}, {2, -2}});
        robot.interact(() -> {
            view.setStyle("-fx-font-size: 11px");
            view.setContent(a.shape(), a);
        });
        double w = view.cellWidth();
        double h = view.cellHeight();
        Label cell = view.cell(0, 0);
        assertEquals(11, cell.getFont().getSize(), 1e-9, "the label inherits the view's font");
        robot.interact(() -> view.setStyle("-fx-font-size: 22px"));
        assertEquals(22, cell.getFont().getSize(), 1e-9);
        // the text part doubles, the few pixels of padding stay
        assertTrue(view.cellWidth() > 1.8 * w && view.cellWidth() <= 2 * w, w + " → " + view.cellWidth());
        assertTrue(view.cellHeight() > 1.7 * h && view.cellHeight() <= 2 * h, h + " → " + view.cellHeight());
        assertEquals(view.cellWidth(), cell.getWidth(), 1e-9, "laid out at the new size");
        assertEquals(2 * view.cellWidth() + 2, view.getWidth(), 1e-9, "two columns and the 1 px insets");
        // the widest usual number is drawn whole, not cut to an ellipsis
        Text drawn = (Text) cell.lookup(".text");
        assertEquals(Numbers.format(-0.0123), drawn.getText());
        assertTrue(drawn.getLayoutBounds().getWidth() <= cell.getWidth() - cell.getPadding().getRight());
    }
}
