package org.normgraph.app.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A label as tall as the tallest of its texts, measured against plain labels showing each. */
@ExtendWith(ApplicationExtension.class)
class SteadyHeightLabelTest {

    private static final String SHORT = "Start.";
    private static final String LONG = "The mean of each column is a reduction: the N numbers of a column collapse "
            + "into one, so mu is a single row of D numbers. Keep this shape in mind.";
    private static final String NEW_LONGEST = LONG + " " + LONG;

    private final List<String> texts = new ArrayList<>(List.of(SHORT, LONG));
    private VBox box;
    private int asked;
    private SteadyHeightLabel steady;
    private Label plain;

    @Start
    void start(Stage stage) {
        steady = new SteadyHeightLabel(() -> {
            asked++;
            return List.copyOf(texts);
        });
        plain = new Label();
        plain.setWrapText(true);
        plain.setMaxWidth(Double.MAX_VALUE);
        for (Label l : List.of(steady, plain)) {
            l.setStyle("-fx-font-size: 13px; -fx-padding: 0 12 6 12;");
        }
        box = new VBox(steady, plain);
        setWidth(260);
        // the stage is shared with other test classes and may be wider: the box keeps its own width
        StackPane root = new StackPane(box);
        root.setAlignment(Pos.TOP_LEFT);
        stage.setScene(new Scene(root, 260, 400));
        stage.show();
    }

    @Test
    void is_as_tall_as_its_longest_text_whatever_it_shows(FxRobot robot) {
        double longHeight = heightOfPlain(robot, LONG);
        double shortHeight = heightOfPlain(robot, SHORT);
        assertTrue(longHeight > 2 * shortHeight, "the long text wraps: " + longHeight + " vs " + shortHeight);
        for (String shown : List.of(SHORT, LONG, SHORT)) {
            robot.interact(() -> steady.setText(shown));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(longHeight, steady.getHeight(), 0.5, "showing " + shown);
        }
    }

    @Test
    void follows_a_new_set_of_texts(FxRobot robot) {
        robot.interact(() -> steady.setText(SHORT));
        robot.interact(() -> {
            texts.add(NEW_LONGEST); // e.g. a new walk or language, the shown text unchanged
            steady.refreshTexts();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(heightOfPlain(robot, NEW_LONGEST), steady.getHeight(), 0.5);
    }

    @Test
    void asks_for_its_texts_once_per_shown_text_not_per_measure(FxRobot robot) {
        robot.interact(() -> steady.setText(LONG));
        WaitForAsyncUtils.waitForFxEvents();
        int before = asked;
        for (String shown : List.of(SHORT, LONG, SHORT)) {
            robot.interact(() -> {
                steady.setText(shown);
                box.requestLayout();
                steady.getParent().layout();
                steady.prefHeight(200);
                steady.prefHeight(100);
            });
        }
        assertEquals(before + 3, asked);
    }

    @Test
    void narrower_means_taller(FxRobot robot) {
        robot.interact(() -> steady.setText(SHORT));
        WaitForAsyncUtils.waitForFxEvents();
        double wide = steady.getHeight();
        robot.interact(() -> setWidth(160));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(heightOfPlain(robot, LONG), steady.getHeight(), 0.5);
        assertTrue(steady.getHeight() > wide, steady.getHeight() + " vs " + wide);
    }

    private void setWidth(double width) {
        box.setPrefWidth(width);
        box.setMaxWidth(width);
    }

    private double heightOfPlain(FxRobot robot, String text) {
        robot.interact(() -> plain.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
        return plain.getHeight();
    }
}
