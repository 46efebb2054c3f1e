package org.normgraph.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.MainWindow;
import org.normgraph.app.Messages;
import org.normgraph.app.model.Note;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline bar, playback, the status line and the notes. */
@ExtendWith(ApplicationExtension.class)
class TimelineBarTest {

    private SessionModel model;

    @Start
    void start(Stage stage) {
        model = SessionModel.example();
        new MainWindow(model).show(stage, 1240, 780);
    }

    @Test
    void the_slider_seeks_and_follows_the_position(FxRobot robot) {
        Slider slider = robot.lookup("#timeline-slider").queryAs(Slider.class);
        assertEquals(19, slider.getMax());
        robot.interact(() -> slider.setValue(13));
        assertEquals(13, model.getPosition());
        robot.interact(() -> model.seek(4));
        assertEquals(4, slider.getValue());
        Label pos = robot.lookup("#timeline-position").queryAs(Label.class);
        assertEquals(Messages.get("timeline.position", Messages.get("timeline.position.forward", "4"), "4", "19"),
                pos.getText());
    }

    @Test
    void first_and_previous_are_off_at_the_start_next_and_last_at_the_end(FxRobot robot) {
        assertTrue(robot.lookup("#timeline-first").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#timeline-previous").queryAs(Button.class).isDisabled());
        assertFalse(robot.lookup("#timeline-next").queryAs(Button.class).isDisabled());
        robot.clickOn("#timeline-last");
        assertEquals(19, model.getPosition());
        assertTrue(robot.lookup("#timeline-next").queryAs(Button.class).isDisabled());
        robot.clickOn("#timeline-first");
        assertEquals(0, model.getPosition());
    }

    @Test
    void play_steps_by_itself_and_pause_stops_it(FxRobot robot) {
        robot.interact(() -> model.setSpeed(4)); // a step every 350 ms
        robot.clickOn("#timeline-play");
        assertTrue(model.isPlaying());
        assertEquals(Messages.get("timeline.pause.glyph"),
                robot.lookup("#timeline-play").queryAs(Button.class).getText());
        sleep(900);
        assertTrue(model.getPosition() >= 1, "advanced while playing: " + model.getPosition());
        robot.clickOn("#timeline-play");
        assertFalse(model.isPlaying());
        int at = model.getPosition();
        sleep(500);
        assertEquals(at, model.getPosition());
    }

    @Test
    void playing_stops_at_the_end_and_starts_again_from_the_beginning(FxRobot robot) {
        robot.interact(() -> {
            model.setSpeed(4);
            model.seek(18);
            model.setPlaying(true);
        });
        sleep(800);
        assertEquals(19, model.getPosition());
        assertFalse(model.isPlaying());
        robot.interact(() -> model.setPlaying(true));
        assertEquals(0, model.getPosition());
        robot.interact(() -> model.setPlaying(false));
    }

    @Test
    void the_speed_box_sets_the_speed(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Double> speed = robot.lookup("#timeline-speed").queryAs(ComboBox.class);
        robot.interact(() -> speed.setValue(2.0));
        assertEquals(2.0, model.getSpeed());
    }

    @Test
    void notes_on_special_inputs_appear_under_the_status_line(FxRobot robot) {
        assertFalse(robot.lookup("#notes").query().isVisible());
        robot.interact(() -> model.commit(new BatchNormInput(Matrix.rowVector(1, 2), Matrix.rowVector(1, 1),
                Matrix.rowVector(0, 0), Matrix.rowVector(1, 1), 1e-5)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#notes").query().isVisible());
        Label note = robot.lookup("#notes .note").queryAs(Label.class);
        assertEquals(Messages.get("note.single-row"), note.getText());
        robot.interact(() -> model.commit(model.getInput().withEps(1e-12)));
        assertEquals(2, robot.lookup("#notes .note").queryAll().size());
        robot.interact(model::undo);
        robot.interact(model::undo);
        assertFalse(robot.lookup("#notes").query().isVisible());
        assertTrue(model.getNotes().stream().noneMatch(Note::isWarning));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void every_step_label_sits_on_its_tick_and_the_last_is_shown_at_every_width(FxRobot robot) {
        // JavaFX's own tick labels lost "∂0" at some widths (a rounding error) and kept labels
        // hidden that had not fitted at a narrower width
        Stage stage = (Stage) robot.lookup("#timeline-slider").query().getScene().getWindow();
        StepTicks ticks = robot.lookup(".step-ticks").queryAs(StepTicks.class);
        for (int width = 1240; width >= 1000; width -= 3) {
            int w = width;
            robot.interact(() -> stage.setWidth(w));
            WaitForAsyncUtils.waitForFxEvents();
            var labels = ticks.getChildrenUnmodifiable();
            javafx.scene.text.Text last = (javafx.scene.text.Text) labels.get(labels.size() - 1);
            assertEquals("\u22020", last.getText());
            assertTrue(last.isVisible(), "∂0 at window width " + w);
            double shownRight = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < labels.size(); i++) {
                var b = labels.get(i).getBoundsInParent();
                assertEquals(ticks.tickX(i), b.getCenterX(), 0.5, "label " + i + " on its tick, width " + w);
                if (labels.get(i).isVisible()) {
                    double em = ((javafx.scene.text.Text) labels.get(i)).getFont().getSize();
                    assertTrue(b.getMinX() - shownRight >= 0.4 * em - 0.01, "label " + i + " apart from the one before, width " + w);
                    shownRight = b.getMaxX();
                }
            }
        }
        robot.interact(() -> stage.setWidth(1240));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ticks.getChildrenUnmodifiable().stream().allMatch(javafx.scene.Node::isVisible),
                "all 20 labels again once the window is wide");
    }
}
