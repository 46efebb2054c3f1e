package org.normgraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.editor.GridRobot;
import org.normgraph.app.graph.GraphNodeSkin;
import org.normgraph.app.graph.GraphNodeView;
import org.normgraph.app.graph.Numbers;
import org.normgraph.app.model.Examples;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNormInput;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window: a cell typed in the input grid reaches the core and every view. */
@ExtendWith(ApplicationExtension.class)
class EditingInTheWindowTest {

    private SessionModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        model = SessionModel.example();
        window = new MainWindow(model);
        window.show(stage, 1240, 780);
    }

    @Test
    void typing_in_the_x_grid_updates_the_graph_from_the_core_and_keeps_the_step(FxRobot robot) {
        robot.interact(() -> model.seek(12));
        robot.clickOn(GridRobot.cell(robot, "x", 0, 0));
        GridRobot.typeText(robot, "10");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(10.0, model.getInput().x().get(0, 0));
        assertEquals(12, model.getPosition(), "the step stays");
        assertEquals("10", skin(robot, "x").valueView().cellText(0, 0));
        double xhat = model.getTrace().value("xhat").get(0, 0);
        assertEquals(Numbers.format(xhat), skin(robot, "xhat").valueView().cellText(0, 0),
                "xhat shows the core's new value");
        assertEquals(model.getTrace().gradient("xhat"), skin(robot, "xhat").gradientView().getMatrix());
    }

    /**
     * With a node selected in the graph, a refused cell let Enter move the grid on: the next
     * number typed replaced the valid one below it.
     */
    @Test
    void with_a_node_selected_a_refused_cell_keeps_the_grids_selection(FxRobot robot) {
        robot.interact(() -> {
            window.followStepProperty().set(true);
            model.seek(13);
            model.setSelection(org.normgraph.app.model.Selection.node("sqrtvar"));
        });
        robot.clickOn(GridRobot.cell(robot, "x", 1, 1));
        GridRobot.typeText(robot, "xyz");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        GridRobot.typeText(robot, "9");
        robot.type(KeyCode.ENTER);
        assertEquals(9.0, model.getInput().x().get(1, 1), "typed again into the refused cell");
        assertEquals(0.0, model.getInput().x().get(2, 1), "the cell below keeps its number");
    }

    /** A lecturer's clicker sends PageDown and PageUp: after an edit in a grid they did nothing. */
    @Test
    void page_down_and_up_step_with_the_focus_in_a_grid_but_not_while_a_cell_is_typed_in(FxRobot robot) {
        robot.clickOn(GridRobot.cell(robot, "x", 0, 0));
        robot.type(KeyCode.PAGE_DOWN).type(KeyCode.PAGE_DOWN);
        assertEquals(2, model.getPosition());
        robot.type(KeyCode.PAGE_UP);
        assertEquals(1, model.getPosition());
        GridRobot.typeText(robot, "5"); // the cell's editor is open: its keys are its own
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(1, model.getPosition());
        robot.type(KeyCode.ESCAPE);
    }

    /** After Ctrl+A, typing overwrote x[0][0] instead of the clicked cell. */
    @Test
    void select_all_keeps_the_clicked_cell_as_the_one_typing_edits(FxRobot robot) {
        robot.clickOn(GridRobot.cell(robot, "x", 1, 1));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        GridRobot.typeText(robot, "7");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7.0, model.getInput().x().get(1, 1));
        assertEquals(1.0, model.getInput().x().get(0, 0), "x[0][0] is untouched");
    }

    @Test
    void a_cell_that_is_not_a_number_keeps_the_graph_as_it_was(FxRobot robot) {
        BatchNormInput before = model.getInput();
        robot.clickOn(GridRobot.cell(robot, "x", 1, 2));
        GridRobot.typeText(robot, "abc");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(before, model.getInput());
        assertTrue(robot.lookup("#editor-x-message").queryAs(Label.class).getText().contains("x[1][2]"));
        assertEquals(Numbers.format(Examples.classic().x().get(1, 2)),
                skin(robot, "x").valueView().cellText(1, 2));
    }

    @Test
    void undo_after_a_grid_edit_restores_the_grid_and_the_graph(FxRobot robot) {
        robot.clickOn(GridRobot.cell(robot, "gamma", 0, 1));
        GridRobot.typeText(robot, "3");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3.0, model.getInput().gamma().get(0, 1));

        robot.clickOn("#toolbar-undo");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Examples.classic(), model.getInput());
        assertEquals(Numbers.format(0.5), skin(robot, "gamma").valueView().cellText(0, 1));
    }

    private static GraphNodeSkin skin(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        return (GraphNodeSkin) robot.lookup("#node-" + name).queryAs(GraphNodeView.class).getSkin();
    }

    @Test
    void a_refused_eps_says_why_in_full_in_the_narrow_inputs_pane(FxRobot robot) {
        TextField eps = robot.lookup("#editor-eps").queryAs(TextField.class);
        robot.clickOn(eps);
        robot.interact(eps::selectAll);
        robot.write("0").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        // the pane is shorter than the controls and all four grids: the message still wraps
        // to its full height instead of ending in "…"
        Label msg = robot.lookup("#editor-eps-message").queryAs(Label.class);
        assertEquals(msg.getText(), ((Text) msg.lookup(".text")).getText());
    }
}
