package org.normgraph.app.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.MainWindow;
import org.normgraph.app.Messages;
import org.normgraph.app.editor.NumberText;
import org.normgraph.app.inspector.ChainRuleExplainer;
import org.normgraph.app.model.Mode;
import org.normgraph.app.model.Selection;
import org.normgraph.app.model.SessionModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Predict-then-reveal in the window: asked before each backward step, scored, revealed with the trace's numbers. */
@ExtendWith(ApplicationExtension.class)
class PredictModeTest {

    private SessionModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        model = SessionModel.example();
        window = new MainWindow(model);
        window.show(stage, 1240, 780);
    }

    private PredictSession.Question asked() {
        return PredictSession.question(model.getTrace(), model.steps().get(model.getPosition() + 1));
    }

    /**
     * The label's text as read. The result sentence keeps its numbers whole with invisible
     * no-break marks (NumberText.unbroken), taken off here; the monospaced hint and worked
     * line must have none, since their font draws them as a blank ("−0. 4025").
     */
    private String text(FxRobot robot, String id) {
        String text = robot.lookup(id).queryAs(Label.class).getText();
        if (id.equals("#predict-line") || id.equals("#predict-hint-text")) {
            assertEquals(-1, text.indexOf('\ufeff'), id + ": " + text);
        }
        return text.replace("\ufeff", "");
    }

    /** Three empty lines under a question kept 70 px of a 768-line screen from the graph. */
    @Test
    void lines_with_nothing_to_say_take_no_room_and_an_answer_gets_its_lines(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.interact(() -> model.seek(10));
        for (String id : new String[] {"#predict-hint-text", "#predict-result", "#predict-line"}) {
            assertFalse(robot.lookup(id).query().isManaged(), id + " is empty and takes no room");
        }
        robot.push(KeyCode.RIGHT);
        robot.write(Double.toString(asked().expected())).push(KeyCode.ENTER);
        assertTrue(robot.lookup("#predict-result").query().isManaged(), "the outcome is said");
        assertTrue(robot.lookup("#predict-line").query().isManaged(), "with its worked line");
    }

    /** A hint or an outcome appearing moved the buttons up by a line: the next click missed. */
    @Test
    void the_buttons_stay_where_they_are_when_a_hint_or_an_outcome_appears(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.interact(() -> model.seek(10));
        javafx.scene.Node hint = robot.lookup("#predict-hint").query();
        double before = hint.localToScreen(hint.getBoundsInLocal()).getMinY();
        robot.clickOn(hint);
        robot.clickOn(hint);
        assertFalse(text(robot, "#predict-hint-text").isBlank(), "two hints shown");
        assertEquals(before, hint.localToScreen(hint.getBoundsInLocal()).getMinY(), 2, "Hint stayed under the pointer (it moved a line, 22 px)");
        robot.clickOn("#predict-reveal");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.LEFT);
        robot.interact(() -> model.seek(10));
        assertEquals(before, hint.localToScreen(hint.getBoundsInLocal()).getMinY(), 2, "and after a reveal");
    }

    /**
     * The pane shrank when a refusal went, and the graph above it fitted itself again at
     * another zoom; on the next step it takes the height of what it says.
     */
    @Test
    void the_pane_keeps_its_height_on_a_question_and_fits_its_lines_on_the_next_step(FxRobot robot) {
        robot.interact(() -> {
            model.setMode(Mode.PREDICT);
            model.seek(9);
        });
        javafx.scene.layout.Region pane = window.predictPane();
        double question = pane.getHeight();
        robot.clickOn("#predict-hint");
        robot.clickOn("#predict-hint"); // three lines: dbeta's formula, how a term is made, dout's numbers
        robot.clickOn("#predict-answer").write("abc").push(KeyCode.ENTER); // and a refusal above them
        double tall = pane.getHeight();
        assertTrue(tall > question + 30, question + " → " + tall);
        double graph = window.graphView().getHeight();
        robot.push(KeyCode.BACK_SPACE);
        assertEquals("", text(robot, "#predict-result"), "the refusal went");
        assertEquals(tall, pane.getHeight(), 0.5, "the pane kept its height");
        assertEquals(graph, window.graphView().getHeight(), 0.5, "and the graph its size");
        javafx.scene.Node hint = robot.lookup("#predict-hint").query();
        assertEquals(pane.localToScreen(pane.getBoundsInLocal()).getMaxY(), hint.localToScreen(hint.getBoundsInLocal()).getMaxY(),
                12, "the buttons at the bottom, the room above the lines");
        robot.clickOn("#predict-reveal"); // the hints go; an outcome of two lines and the next question come
        assertEquals("", text(robot, "#predict-hint-text"));
        assertTrue(pane.getHeight() < tall - 10, "as tall as what it says on the next step: " + pane.getHeight());
    }

    /** After an answer the field kept the focus: a click on the graph, then ← or PageUp, did not step back. */
    @Test
    void after_an_answer_the_step_back_keys_step_back(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.interact(() -> model.seek(10));
        robot.push(KeyCode.RIGHT); // to the answer field
        robot.write(Double.toString(asked().expected())).push(KeyCode.ENTER);
        assertEquals(11, model.getPosition(), "revealed");
        robot.push(KeyCode.PAGE_UP); // a clicker's "previous", while the field has the focus
        assertEquals(10, model.getPosition());
        robot.clickOn(window.graphView(), javafx.scene.input.MouseButton.PRIMARY);
        robot.push(KeyCode.LEFT);
        assertEquals(9, model.getPosition());
    }

    /** Space on a focused Hint sent the focus back to the answer field and pressed nothing. */
    @Test
    void space_presses_the_focused_hint_button(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.interact(() -> model.seek(9));
        robot.interact(() -> robot.lookup("#predict-hint").query().requestFocus());
        robot.push(KeyCode.SPACE);
        assertFalse(text(robot, "#predict-hint-text").isBlank(), "the first hint is shown");
        assertTrue(robot.lookup("#predict-hint").query().isFocused());
        assertEquals(9, model.getPosition());
    }

    @Test
    void a_right_answer_scores_a_wrong_one_does_not_and_the_reveal_shows_the_worked_product(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(Mode.PREDICT, model.getMode());
        assertTrue(robot.lookup("#predict-pane").query().isVisible());
        robot.interact(() -> model.seek(9));

        PredictSession.Question q9 = asked();
        assertEquals("dbeta", q9.gradient().name());
        assertTrue(text(robot, "#predict-question").contains(q9.label()), text(robot, "#predict-question"));
        assertEquals(Selection.element(q9.node(), q9.row(), q9.col()), model.getSelection(), "the element is highlighted");

        robot.push(KeyCode.RIGHT); // not revealed before an answer: the field takes the keys
        assertEquals(9, model.getPosition());
        TextField answer = robot.lookup("#predict-answer").queryAs(TextField.class);
        assertSame(answer, answer.getScene().getFocusOwner());

        robot.write(Double.toString(q9.expected())).push(KeyCode.ENTER);
        assertEquals(10, model.getPosition(), "revealed");
        assertEquals(Messages.get("predict.score", 1, 1), text(robot, "#predict-score"));
        assertTrue(robot.lookup("#predict-result").query().getStyleClass().contains("correct"));
        // the worked product, every number from the trace
        ChainRuleExplainer.Line line = new ChainRuleExplainer(model.getTrace()).gradient("beta", 0, q9.col());
        assertEquals(line.text(), text(robot, "#predict-line"));
        for (int i = 0; i < model.getInput().n(); i++) {
            String rowNumber = NumberText.pretty(model.getTrace().gradient("bcast_beta").get(i, q9.col()),
                    NumberText.INSPECTOR_DIGITS);
            assertTrue(text(robot, "#predict-line").contains(rowNumber), rowNumber + " in " + text(robot, "#predict-line"));
        }

        PredictSession.Question q8 = asked();
        assertEquals("dgamma", q8.gradient().name());
        robot.write(Double.toString(q8.expected() + 1)).push(KeyCode.ENTER);
        assertEquals(11, model.getPosition());
        assertEquals(Messages.get("predict.score", 1, 2), text(robot, "#predict-score"));
        assertTrue(robot.lookup("#predict-result").query().getStyleClass().contains("wrong"));
        assertTrue(text(robot, "#predict-result").contains(q8.line().resultText()), "tells the right value");
    }

    /** The hints shown went with a language switch, which rebuilds the pane; the score and result stayed. */
    @Test
    void hints_stay_over_a_language_switch(FxRobot robot) {
        robot.interact(() -> {
            model.setMode(Mode.PREDICT);
            model.seek(9);
        });
        robot.clickOn("#predict-hint");
        robot.clickOn("#predict-hint");
        String shown = text(robot, "#predict-hint-text");
        // dbeta sums dbcast_beta, which backward 9 computes too: how a term is made, and the dout it copies
        assertTrue(shown.contains("dbcast_beta[0][") && shown.contains("= dout[0]["), shown);
        assertTrue(shown.lines().toList().get(2).startsWith(Messages.get("predict.hint.upstream", "dout[0][")), shown);
        robot.interact(() -> window.setLanguage(org.normgraph.app.Language.JAPANESE));
        try {
            assertEquals(3, text(robot, "#predict-hint-text").split("\n").length, text(robot, "#predict-hint-text"));
        } finally {
            robot.interact(() -> window.setLanguage(org.normgraph.app.Language.ENGLISH));
        }
        assertEquals(shown, text(robot, "#predict-hint-text"));
    }

    /** Under the next question, "Not quite: dgamma[2] = −0.253" read as the verdict on that question. */
    @Test
    void the_outcome_of_the_step_just_revealed_comes_before_the_next_question(FxRobot robot) {
        robot.interact(() -> {
            model.setMode(Mode.PREDICT);
            model.seek(9);
        });
        robot.clickOn("#predict-answer").write("12345").push(KeyCode.ENTER);
        assertEquals(10, model.getPosition());
        Label result = robot.lookup("#predict-result").queryAs(Label.class);
        Label line = robot.lookup("#predict-line").queryAs(Label.class);
        Label question = robot.lookup("#predict-question").queryAs(Label.class);
        assertTrue(result.getStyleClass().contains("wrong"), result.getText());
        assertEquals(Messages.get("predict.question", Messages.get("predict.step.backward", asked().step()), asked().label()),
                question.getText(), "the next question is open");
        assertTrue(result.getBoundsInParent().getMaxY() <= line.getBoundsInParent().getMinY()
                && line.getBoundsInParent().getMaxY() <= question.getBoundsInParent().getMinY(),
                "outcome, worked line, then the question: " + result.getBoundsInParent() + " " + line.getBoundsInParent()
                        + " " + question.getBoundsInParent());
    }

    /** Once every backward step was answered, nothing brought the questions back. */
    @Test
    void new_round_forgets_the_score_and_asks_again(FxRobot robot) {
        robot.interact(() -> {
            model.setMode(Mode.PREDICT);
            model.seek(9);
        });
        assertTrue(robot.lookup("#predict-again").query().isDisabled(), "nothing answered yet");
        PredictSession.Question q9 = asked();
        robot.clickOn("#predict-answer").write(Double.toString(q9.expected())).push(KeyCode.ENTER);
        assertEquals(10, model.getPosition());
        assertEquals(Messages.get("predict.score", 1, 1), text(robot, "#predict-score"));
        robot.interact(() -> model.seek(9));
        assertTrue(robot.lookup("#predict-answer").query().isDisabled(), "backward 9 was answered: not asked again");

        robot.clickOn("#predict-again");
        assertEquals(Messages.get("predict.score", 0, 0), text(robot, "#predict-score"));
        assertFalse(robot.lookup("#predict-answer").query().isDisabled(), "backward 9 is asked again");
        assertEquals("", text(robot, "#predict-result"));
        assertTrue(robot.lookup("#predict-again").query().isDisabled());
    }

    @Test
    void text_that_is_no_number_is_refused_at_the_field_and_hints_and_reveal_do_not_score(FxRobot robot) {
        robot.interact(() -> {
            model.setMode(Mode.PREDICT);
            model.seek(12);
        });
        PredictSession.Question q = asked();
        robot.clickOn("#predict-answer").write("abc").push(KeyCode.ENTER);
        assertEquals(12, model.getPosition(), "not revealed");
        assertTrue(text(robot, "#predict-result").contains("abc"), text(robot, "#predict-result"));
        assertEquals(Messages.get("predict.score", 0, 0), text(robot, "#predict-score"));
        robot.type(KeyCode.BACK_SPACE);
        assertEquals("", text(robot, "#predict-result"), "the refusal spoke of 'abc': it goes once the answer changes");

        robot.clickOn("#predict-hint");
        assertEquals(Messages.get("predict.hint.formula", q.formulaHint()), text(robot, "#predict-hint-text"));
        robot.clickOn("#predict-hint");
        ChainRuleExplainer.Term up = q.upstream().get(0);
        assertTrue(text(robot, "#predict-hint-text").contains(up.label() + " = "
                + NumberText.pretty(up.value(), NumberText.INSPECTOR_DIGITS)), text(robot, "#predict-hint-text"));

        robot.clickOn("#predict-reveal");
        assertEquals(13, model.getPosition());
        assertEquals(Messages.get("predict.score", 0, 0), text(robot, "#predict-score"));
        assertEquals(q.line().text(), text(robot, "#predict-line"));
    }

    /**
     * Opened at the end of the walk, the panel said "every backward step has been revealed,
     * score 0 / 0" with every button disabled, and not how to be asked.
     */
    @Test
    void at_the_end_of_the_walk_the_panel_says_to_go_back_to_the_start(FxRobot robot) {
        int end = model.getStepCount() - 1;
        robot.interact(() -> model.seek(end));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(Mode.PREDICT, model.getMode());
        assertEquals(Messages.get("predict.none.end"), text(robot, "#predict-question"));
        assertTrue(robot.lookup("#predict-again").query().isDisabled(), "nothing to forget: New round would do nothing");

        robot.push(KeyCode.HOME); // as the text says
        assertEquals(0, model.getPosition());
        assertEquals(Messages.get("predict.none.forward"), text(robot, "#predict-question"));

        // with answers in this round the end tells the score, and New round leads back to the same advice
        robot.interact(() -> model.seek(9));
        robot.clickOn("#predict-answer").write(Double.toString(asked().expected())).push(KeyCode.ENTER);
        robot.interact(() -> model.seek(end));
        assertEquals(Messages.get("predict.none.done", 1, 1), text(robot, "#predict-question"));
        robot.clickOn("#predict-again");
        assertEquals(Messages.get("predict.none.end"), text(robot, "#predict-question"));
    }

    /**
     * Moving on past an open question with the ▶ button or the slider left the outcome of the
     * question before it on show, under the new question.
     */
    @Test
    void skipping_a_question_by_the_next_button_or_the_slider_clears_the_old_outcome(FxRobot robot) {
        robot.interact(() -> {
            model.setMode(Mode.PREDICT);
            model.seek(12);
        });
        PredictSession.Question q = asked();
        robot.clickOn("#predict-reveal");
        assertEquals(13, model.getPosition());
        assertEquals(q.line().text(), text(robot, "#predict-line"), "the step just revealed");
        assertFalse(text(robot, "#predict-result").isEmpty());

        robot.clickOn("#timeline-next"); // past the open question, unanswered
        assertEquals(14, model.getPosition());
        assertFalse(robot.lookup("#predict-answer").query().isDisabled(), "the next question is open");
        assertEquals("", text(robot, "#predict-result"), "the outcome of backward " + q.step() + " is not this step's");
        assertEquals("", text(robot, "#predict-line"));
        assertEquals(Messages.get("predict.score", 0, 0), text(robot, "#predict-score"), "a skip is not scored");

        robot.interact(() -> model.seek(13)); // back to the step that was revealed: its outcome again
        assertEquals(q.line().text(), text(robot, "#predict-line"));

        javafx.scene.control.Slider slider = robot.lookup("#timeline-slider").queryAs(javafx.scene.control.Slider.class);
        robot.interact(() -> slider.setValue(16));
        assertEquals(16, model.getPosition());
        assertEquals("", text(robot, "#predict-result"));
        assertEquals("", text(robot, "#predict-line"));
    }

    @Test
    void outside_predict_mode_the_panel_is_hidden_and_keys_step(FxRobot robot) {
        assertFalse(robot.lookup("#predict-pane").query().isVisible());
        robot.interact(() -> model.seek(9));
        robot.push(KeyCode.RIGHT);
        assertEquals(10, model.getPosition());
        javafx.scene.control.ToggleButton predict = org.normgraph.app.ToolbarItems.item(
                window, "toolbar-predict", javafx.scene.control.ToggleButton.class);
        robot.interact(predict::fire);
        assertEquals(Mode.PREDICT, model.getMode());
        robot.interact(predict::fire);
        assertEquals(Mode.EXPLORE, model.getMode());
        robot.interact(() -> model.setMode(Mode.PREDICT)); // the toggle follows the mode
        assertTrue(predict.isSelected());
    }
}
