package org.normgraph.app.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.MainWindow;
import org.normgraph.app.Messages;
import org.normgraph.app.family.FamilyStatus;
import org.normgraph.app.model.SessionModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The presenter view on the one headless screen: P opens it while presenting; it shows the
 * step, its note and the next step, and its keys and buttons drive the presentation.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterViewTest {

    private static final String NOTE = "Ask the room: why does divar sum over the rows?";

    private SessionModel model;
    private MainWindow window;
    private PresentationMode presentation;

    @Start
    void start(Stage stage) {
        model = SessionModel.example();
        window = new MainWindow(model);
        window.show(stage, 1280, 800);
        presentation = window.presentation();
    }

    private PresenterView view() {
        return presentation.presenterView();
    }

    private String text(String id) {
        return ((Label) node(id)).getText();
    }

    private Node node(String id) {
        return view().stage().getScene().lookup("#" + id);
    }

    /** Presents from {@code position} with the presenter view open and holding the keys. */
    private void presentWithView(FxRobot robot, int position) {
        robot.interact(() -> model.seek(position));
        robot.push(KeyCode.F5);
        robot.push(KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(presentation.isPresenterViewShown(), "P opened the presenter view");
        robot.interact(() -> view().stage().requestFocus());
    }

    /** At 200 % text a 1024×576 view cut its step to "Backward ...", its clock away and its buttons off the bottom. */
    @Test
    void the_view_sizes_its_type_to_itself_not_to_the_windows_text_size(FxRobot robot) {
        robot.interact(() -> window.themes().setTextSize(org.normgraph.app.theme.TextSize.HUGE));
        try {
            presentWithView(robot, 16); // backward 3
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.Scene scene = view().stage().getScene();
            double base = PresenterView.baseFont(view().stage().getWidth(), view().stage().getHeight());
            Label upcoming = (Label) node("present-view-upcoming");
            assertEquals(base, ((javafx.scene.text.Font) upcoming.getFont()).getSize() / 1.2, 0.2, "1.2 em of the view's own base");
            for (String id : new String[] {"present-view-step", "present-view-time"}) {
                Label l = (Label) node(id);
                assertTrue(l.getWidth() >= l.prefWidth(-1) - 1, id + " whole: " + l.getWidth() + " of " + l.prefWidth(-1));
            }
            for (String id : new String[] {"present-view-previous", "present-view-next", "present-view-blank", "present-view-end"}) {
                javafx.geometry.Bounds b = node(id).localToScene(node(id).getBoundsInLocal());
                assertTrue(b.getMaxY() <= scene.getHeight() && b.getMaxX() <= scene.getWidth(), id + " inside the view: " + b);
            }
        } finally {
            robot.push(KeyCode.ESCAPE);
            robot.interact(() -> window.themes().setTextSize(org.normgraph.app.theme.TextSize.NORMAL));
        }
    }

    @Test
    void shows_the_step_its_note_and_the_next_step_while_the_audience_sees_no_note(FxRobot robot) {
        robot.interact(() -> model.setSpeakerNote(12, NOTE));
        presentWithView(robot, 12); // backward 7

        assertEquals(Messages.get("timeline.position", Messages.get("timeline.position.backward", 7), 12, 19),
                text("present-view-step"));
        assertEquals(NOTE, text("present-view-note"));
        assertEquals(FamilyStatus.text(model, model.steps().get(13)), text("present-view-upcoming"));
        assertEquals(FamilyStatus.text(model), text("present-view-status"));
        assertFalse(presentation.captionShowsNotes(), "the projected caption keeps the note to itself");
        assertTrue(text("present-view-time").startsWith("0:0"), "the talk's clock: " + text("present-view-time"));

        robot.interact(() -> model.setSpeakerNote(12, NOTE + " (edited)"));
        assertEquals(NOTE + " (edited)", text("present-view-note"), "a changed note shows at once");
    }

    @Test
    void its_keys_step_blank_and_end_the_presentation(FxRobot robot) {
        robot.interact(() -> model.setSpeakerNote(12, NOTE));
        presentWithView(robot, 12);

        robot.push(KeyCode.RIGHT);
        assertEquals(13, model.getPosition());
        assertEquals(Messages.get("present.notes.none"), text("present-view-note"));
        robot.push(KeyCode.PAGE_UP);
        assertEquals(12, model.getPosition());
        assertEquals(NOTE, text("present-view-note"));

        robot.push(KeyCode.B);
        assertTrue(presentation.isBlanked());
        assertTrue(node("present-view-blanked").isVisible(), "the presenter sees that the screen is black");
        robot.push(KeyCode.RIGHT); // shows the screen again without stepping, as in the window
        assertFalse(presentation.isBlanked());
        assertEquals(12, model.getPosition());
        assertFalse(node("present-view-blanked").isVisible());

        robot.push(KeyCode.END);
        assertEquals(model.getStepCount() - 1, model.getPosition());
        assertEquals(Messages.get("present.view.next.none"), text("present-view-upcoming"));
        assertTrue(((Button) node("present-view-next")).isDisabled());

        robot.push(KeyCode.ESCAPE);
        assertFalse(presentation.isPresenting(), "Esc in the presenter view ends the presentation");
        assertFalse(presentation.isPresenterViewShown(), "and closes the view");
    }

    @Test
    void its_buttons_step_and_blank_and_closing_it_keeps_presenting(FxRobot robot) {
        presentWithView(robot, 0);
        assertTrue(((Button) node("present-view-previous")).isDisabled(), "nothing before the start");

        robot.clickOn("#present-view-next");
        robot.clickOn("#present-view-next");
        assertEquals(2, model.getPosition());
        robot.clickOn("#present-view-previous");
        assertEquals(1, model.getPosition());
        robot.clickOn("#present-view-blank");
        assertTrue(presentation.isBlanked());
        assertEquals(Messages.get("present.view.show"), ((Button) node("present-view-blank")).getText());
        robot.clickOn("#present-view-blank");
        assertFalse(presentation.isBlanked());

        robot.push(KeyCode.P);
        assertFalse(presentation.isPresenterViewShown(), "P closes it");
        assertTrue(presentation.isPresenting(), "and the presentation goes on");
        robot.interact(() -> presentation.togglePresenterView());
        assertTrue(presentation.isPresenterViewShown(), "opens again");
        robot.clickOn("#present-view-end");
        assertFalse(presentation.isPresenting());
        assertFalse(presentation.isPresenterViewShown());
    }

    @Test
    void a_closed_view_stops_following_the_session(FxRobot robot) {
        presentWithView(robot, 3);
        Label step = (Label) node("present-view-step");
        robot.push(KeyCode.ESCAPE);
        String shown = step.getText();
        robot.interact(() -> model.seek(7));
        assertEquals(shown, step.getText(), "the closed view's labels are off the session");
    }

    @Test
    void p_works_while_the_screen_is_black_and_n_keeps_the_note_off_the_projector(FxRobot robot) {
        robot.interact(() -> model.seek(12));
        robot.push(KeyCode.F5);
        robot.push(KeyCode.B);
        robot.push(KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(presentation.isPresenterViewShown(), "P opened the view with the screen black");
        assertTrue(presentation.isBlanked(), "and the audience's screen stayed black");
        robot.interact(() -> view().stage().requestFocus());
        robot.push(KeyCode.P);
        assertFalse(presentation.isPresenterViewShown(), "P closes it, still black");
        assertTrue(presentation.isBlanked());

        robot.push(KeyCode.B);
        robot.push(KeyCode.P);
        robot.interact(() -> view().stage().requestFocus());
        robot.push(KeyCode.N);
        assertFalse(presentation.captionShowsNotes(), "N in the presenter view does not project the note");
    }

    @Test
    void a_long_note_gets_smaller_type_until_it_fits_and_the_step_lines_keep_their_height(FxRobot robot) {
        String longNote = java.util.stream.IntStream.rangeClosed(1, 9)
                .mapToObj(i -> "Line " + i + ": point at the row sums of dxhat times xmu, then at the 1/N of the mean.")
                .collect(java.util.stream.Collectors.joining("\n"));
        robot.interact(() -> {
            model.setSpeakerNote(12, longNote);
            model.setSpeakerNote(13, "Short.");
        });
        presentWithView(robot, 12);
        robot.interact(() -> view().stage().setHeight(600));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        Label note = (Label) node("present-view-note");
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) note.getParent().getParent().getParent();
        double longSize = note.getFont().getSize();
        assertTrue(note.getHeight() <= scroll.getViewportBounds().getHeight() + 1,
                "the whole note in view: " + note.getHeight() + " in " + scroll.getViewportBounds());
        Label status = (Label) node("present-view-status");
        assertEquals(status.prefHeight(status.getWidth()), status.getHeight(), 1, "the step's line is not cut");

        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(note.getFont().getSize() > longSize, "a short note is large again: " + note.getFont().getSize()
                + " after " + longSize);
    }

    @Test
    void the_buttons_take_no_focus_so_enter_at_the_last_step_blanks_nothing(FxRobot robot) {
        presentWithView(robot, model.getStepCount() - 2);
        robot.clickOn("#present-view-next");
        assertEquals(model.getStepCount() - 1, model.getPosition());
        assertTrue(((Button) node("present-view-next")).isDisabled());
        robot.push(KeyCode.ENTER);
        assertFalse(presentation.isBlanked(), "Enter fired no button");
        assertFalse(((Button) node("present-view-blank")).isFocused());
    }

    @Test
    void elapsed_time_reads_as_minutes_and_seconds_then_hours() {
        assertEquals("0:00", PresenterView.elapsed(0));
        assertEquals("0:00", PresenterView.elapsed(-5));
        assertEquals("0:59", PresenterView.elapsed(59_999_000_000L));
        assertEquals("4:05", PresenterView.elapsed(245_000_000_000L));
        assertEquals("59:59", PresenterView.elapsed(3_599_000_000_000L));
        assertEquals("1:02:09", PresenterView.elapsed(3_729_000_000_000L));
    }
}
