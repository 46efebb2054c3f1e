package org.normgraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.editor.InputEdits;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.theme.TextSize;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The explanation and notes under the status line: their share of a short window at 200 % text. */
@ExtendWith(ApplicationExtension.class)
class ReadingAreaTest {

    private static final double HEIGHT = 720;
    private SessionModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Messages.setLanguage(Language.ENGLISH);
        model = SessionModel.example();
        model.commit(InputEdits.resize(model.getInput(), 4, 5)); // columns 3 and 4 constant: a note
        window = new MainWindow(model);
        TestStage.resize(stage, 1280, HEIGHT);
        window.show(stage, 1280, HEIGHT);
    }

    private Region reading(FxRobot robot) {
        return robot.lookup(".reading-area").queryAs(Region.class);
    }

    private static boolean scrolls(Region area) {
        return area.lookupAll(".scroll-bar").stream()
                .anyMatch(b -> b.isVisible() && ((ScrollBar) b).getOrientation() == javafx.geometry.Orientation.VERTICAL);
    }

    @Test
    void at_100_percent_the_text_takes_its_own_height_without_a_scroll_bar(FxRobot robot) {
        Region area = reading(robot);
        Node explanation = robot.lookup("#step-explanation").query();
        assertTrue(explanation.getBoundsInLocal().getHeight() > 20);
        assertFalse(scrolls(area), "no scroll bar at 100 %");
        assertTrue(area.getHeight() < ReadingArea.MAX_SHARE * HEIGHT, "height " + area.getHeight());
    }

    /** At 200 % the text took the graph down to 150 px and pushed the speaker notes off the window. */
    @Test
    void at_200_percent_the_text_scrolls_within_its_share_and_the_speaker_notes_stay_in_the_window(FxRobot robot) {
        robot.interact(() -> window.themes().setTextSize(TextSize.HUGE));
        try {
            WaitForAsyncUtils.waitForFxEvents();
            Region area = reading(robot);
            double windowHeight = window.root().getScene().getHeight(); // at 200 % the window grows to the screen
            assertTrue(area.getHeight() <= ReadingArea.MAX_SHARE * windowHeight + 1, "height " + area.getHeight());
            assertTrue(scrolls(area), "the rest of the text is scrolled to");
            Node notes = robot.lookup("#speaker-notes").query();
            Bounds b = notes.localToScene(notes.getBoundsInLocal());
            assertTrue(b.getMaxY() <= windowHeight + 0.5, "speaker notes end at " + b.getMaxY());
            assertTrue(window.graphView().getHeight() >= 0.2 * windowHeight, "graph " + window.graphView().getHeight());
            double before = area.getHeight();
            robot.interact(() -> model.next());
            robot.interact(() -> model.next());
            assertEquals(before, area.getHeight(), 0.5, "stepping does not move the graph");
        } finally {
            robot.interact(() -> window.themes().setTextSize(TextSize.NORMAL));
        }
    }
}
