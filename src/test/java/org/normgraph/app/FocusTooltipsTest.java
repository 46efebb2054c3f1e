package org.normgraph.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.model.SessionModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A control reached by Tab shows its tooltip, as one under the mouse does; one focused by code does not. */
@ExtendWith(ApplicationExtension.class)
class FocusTooltipsTest {

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(SessionModel.example());
        window.show(stage, 1240, 780);
    }

    @Test
    void tab_shows_the_tooltip_of_the_control_it_reaches_and_hides_it_when_it_moves_on(FxRobot robot) {
        robot.interact(() -> window.graphView().requestFocus());
        robot.type(KeyCode.TAB);
        Tooltip first = tooltipOfFocus();
        assertNotNull(first, "Tab from the graph reaches a control with a tooltip: " + focus());
        assertTrue(waitUntil(first::isShowing), "shown after Tab: " + first.getText());

        robot.type(KeyCode.TAB);
        Tooltip second = tooltipOfFocus();
        assertNotNull(second, "the next control has a tooltip too: " + focus());
        assertNotSame(first, second);
        assertFalse(first.isShowing(), "the first goes when the focus moves on");
        assertTrue(waitUntil(second::isShowing), "and the second comes: " + second.getText());
    }

    @Test
    void focus_set_by_code_shows_no_tooltip(FxRobot robot) {
        robot.interact(() -> robot.lookup("#timeline-next").query().requestFocus());
        Tooltip tip = tooltipOfFocus();
        assertNotNull(tip);
        WaitForAsyncUtils.sleep(1200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(tip.isShowing());
    }

    /** Below Predict's answer field, the tooltip covered the step's sentence while the learner typed. */
    @Test
    void the_answer_fields_tooltip_stands_beside_it_covering_neither_question_nor_sentence(FxRobot robot) {
        SessionModel model = window.model();
        robot.interact(() -> {
            model.setMode(org.normgraph.app.model.Mode.PREDICT);
            model.seek(9); // before backward step 9: a question
        });
        robot.interact(() -> robot.lookup("#predict-check").query().requestFocus());
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        Node answer = robot.lookup("#predict-answer").query();
        assertTrue(answer.isFocused(), "Shift+Tab from Check reaches the answer: " + focus());
        Tooltip tip = tooltipOfFocus();
        assertTrue(waitUntil(tip::isShowing), "shown after Tab: " + tip.getText());
        javafx.geometry.Bounds field = answer.localToScreen(answer.getBoundsInLocal());
        Node box = tip.getSkin().getNode(); // the tooltip as seen, without its window's room for the shadow
        javafx.geometry.Bounds shown = box.localToScreen(box.getLayoutBounds());
        assertTrue(tip.getAnchorX() >= field.getMaxX(), tip.getAnchorX() + " vs " + field);
        for (String id : java.util.List.of("#predict-question", "#status-line")) {
            Node label = robot.lookup(id).query();
            assertFalse(shown.intersects(label.localToScreen(label.getBoundsInLocal())), id + " is covered: " + shown);
        }
    }

    private Node focus() {
        return window.graphView().getScene().getFocusOwner();
    }

    private Tooltip tooltipOfFocus() {
        for (Node n = focus(); n != null; n = n.getParent()) {
            if (n instanceof Control c) {
                return c.getTooltip();
            }
        }
        return null;
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 40 && !condition.getAsBoolean(); i++) {
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        return condition.getAsBoolean();
    }
}
