package org.normgraph.app.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.MainWindow;
import org.normgraph.app.model.SessionModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Writing speaker notes in the window: per step, through the session model. */
@ExtendWith(ApplicationExtension.class)
class SpeakerNotesEditorTest {

    private SessionModel model;

    @Start
    void start(Stage stage) {
        model = SessionModel.example();
        new MainWindow(model).show(stage, 1240, 780);
    }

    @Test
    void typing_a_note_stores_it_for_the_current_step_only(FxRobot robot) {
        TitledPane pane = robot.lookup("#speaker-notes").queryAs(TitledPane.class);
        assertFalse(pane.isExpanded());
        robot.clickOn(pane.lookup(".title"));
        assertTrue(pane.isExpanded());
        TextArea area = robot.lookup("#speaker-notes-text").queryAs(TextArea.class);
        robot.clickOn(area).write("Start with the shapes");
        assertEquals("Start with the shapes", model.getSpeakerNotes().get(0));
        assertEquals(0, model.getPosition(), "typing does not step");

        robot.interact(model::next);
        assertEquals("", area.getText());
        robot.interact(() -> model.setSpeakerNote(1, "mu is one row")); // e.g. from an opened session
        assertEquals("mu is one row", area.getText());
        robot.interact(model::previous);
        assertEquals("Start with the shapes", area.getText());

        robot.interact(area::clear);
        assertFalse(model.getSpeakerNotes().containsKey(0), "an emptied note is removed");
        assertEquals("mu is one row", model.getSpeakerNotes().get(1));
    }

    /** Shift+Enter, a new line in most editors, did nothing: the lines of a note ran together. */
    @Test
    void shift_enter_starts_a_new_line_as_enter_does(FxRobot robot) {
        TextArea area = openNotes(robot);
        robot.clickOn(area).write("Answer 1xD.");
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        robot.write("Point at column 0.");
        assertEquals("Answer 1xD.\nPoint at column 0.", model.getSpeakerNotes().get(0));
    }

    /** Opens the collapsed notes pane; its text area. */
    private static TextArea openNotes(FxRobot robot) {
        robot.clickOn(robot.lookup("#speaker-notes").queryAs(TitledPane.class).lookup(".title"));
        return robot.lookup("#speaker-notes-text").queryAs(TextArea.class);
    }

    /** Tab in the notes moved nowhere and typed invisible tabs into the note. */
    @Test
    void tab_leaves_the_notes_without_typing_into_them(FxRobot robot) {
        TextArea area = openNotes(robot);
        robot.clickOn(area).write("x is used twice");
        robot.type(KeyCode.TAB);
        assertEquals("x is used twice", model.getSpeakerNotes().get(0));
        assertFalse(area.isFocused(), "Tab moved on");
        robot.interact(area::requestFocus);
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertFalse(area.isFocused(), "Shift+Tab moved back");
        assertEquals("x is used twice", area.getText());
    }
}
