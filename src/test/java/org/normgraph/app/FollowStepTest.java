package org.normgraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.graph.GraphView;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.theme.TextSize;
import org.normgraph.app.theme.ViewSetting;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Follow step": at a large text size the fitted graph is too small to read (200 % on this
 * window fits it at about a fifth), so the graph can frame each step's nodes instead, at most
 * at 100 %. Fit (or Ctrl+0) shows the whole graph again; the choice is remembered.
 */
@ExtendWith(ApplicationExtension.class)
class FollowStepTest {

    private final InMemoryPreferences prefs = new InMemoryPreferences();
    private SessionModel model;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        TestStage.resize(stage, 1280, 800);
        model = SessionModel.example();
        window = new MainWindow(model, null, new ViewSetting(prefs));
        window.themes().setTextSize(TextSize.HUGE);
        window.show(stage, 1280, 800);
    }

    @AfterEach
    void normalSize(FxRobot robot) {
        robot.interact(() -> window.themes().setTextSize(TextSize.NORMAL));
        Messages.setLanguage(Language.ENGLISH);
    }

    private GraphView graph() {
        return window.graphView();
    }

    /** Where node {@code name} is drawn, in the graph view's own coordinates. */
    private Bounds inView(String name) {
        Node n = graph().nodeView(name);
        return graph().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
    }

    private void assertShownWhole(String name) {
        // framing again follows the layout pass a step or a new font causes: a pulse or two
        // later, and on a loaded machine (a full build) those come later than the events waited for
        try {
            WaitForAsyncUtils.waitFor(3, java.util.concurrent.TimeUnit.SECONDS, () -> isShownWhole(name));
        } catch (java.util.concurrent.TimeoutException e) {
            // the assertion below says where it is
        }
        assertTrue(isShownWhole(name), name + " inside the graph view: " + inView(name) + " in "
                + graph().getWidth() + "×" + graph().getHeight());
    }

    private boolean isShownWhole(String name) {
        Bounds b = inView(name);
        return b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= graph().getWidth()
                && b.getMaxY() <= graph().getHeight();
    }

    private void follow(FxRobot robot, boolean on) {
        robot.interact(() -> window.followStepProperty().set(on));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void seek(FxRobot robot, int position) {
        robot.interact(() -> model.seek(position));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A step that reaches from the top lane to the bottom one is framed with the window's
     * small margin: with a projected screen's 40 px the graph was a sixth smaller at 1366×768.
     */
    @Test
    void a_step_across_the_lanes_fills_the_view_up_to_a_small_margin(FxRobot robot) {
        robot.interact(() -> window.themes().setTextSize(TextSize.NORMAL));
        follow(robot, true);
        seek(robot, 12); // backward 7: dxmu1 reaches xmu (bottom lane), divar ivar (top) through bcast_ivar
        String[] nodes = {"xmu", "xhat", "bcast_ivar", "ivar"};
        double left = Double.MAX_VALUE, top = Double.MAX_VALUE, right = 0, bottom = 0;
        for (String n : nodes) {
            assertShownWhole(n);
            Bounds b = inView(n);
            left = Math.min(left, b.getMinX());
            top = Math.min(top, b.getMinY());
            right = Math.max(right, b.getMaxX());
            bottom = Math.max(bottom, b.getMaxY());
        }
        double across = left + graph().getWidth() - right;
        double down = top + graph().getHeight() - bottom;
        assertTrue(Math.min(across, down) < 2 * org.normgraph.app.present.StepFramer.MARGIN,
                "free room on the tighter side: " + across + " across, " + down + " down");
    }

    @Test
    void following_zooms_each_step_to_its_nodes_at_most_100_percent(FxRobot robot) {
        seek(robot, 3); // forward 3: sq
        double fitted = graph().getZoom();
        double sqFitted = inView("sq").getHeight();
        assertTrue(graph().isFitting());
        assertTrue(fitted < 0.35, "at 200 % the whole graph fits only small: " + fitted);

        follow(robot, true);
        assertFalse(graph().isFitting());
        assertTrue(graph().getZoom() > 2 * fitted, "zoomed in: " + fitted + " -> " + graph().getZoom());
        assertTrue(graph().getZoom() <= MainWindow.FOLLOW_MAX_ZOOM + 1e-9, "at most 100 %: " + graph().getZoom());
        assertTrue(inView("sq").getHeight() > 2 * sqFitted);
        assertShownWhole("sq");

        robot.push(KeyCode.RIGHT).push(KeyCode.RIGHT); // forward 5: sqrtvar, far to the right of sq
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, model.getPosition());
        assertShownWhole("sqrtvar");
        robot.push(KeyCode.END); // backward 0: dx from its three contributions
        WaitForAsyncUtils.waitForFxEvents();
        assertShownWhole("x");
    }

    @Test
    void a_new_shape_frames_again_and_a_zoom_by_hand_stays_until_the_next_step(FxRobot robot) {
        seek(robot, 3);
        follow(robot, true);
        double framed = graph().getZoom();
        double heightAt4 = inView("sq").getHeight();
        robot.interact(() -> model.commit(org.normgraph.app.editor.InputEdits.resize(model.getInput(), 12, 3)));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, model.getPosition(), "an edit keeps the step");
        assertShownWhole("sq"); // three times the rows: taller than the view at the old zoom
        assertTrue(graph().getZoom() < framed, "framed again for the taller nodes: " + framed + " -> " + graph().getZoom());
        assertTrue(inView("sq").getHeight() > heightAt4 * 0.9, "sq no smaller than with 4 rows");

        robot.interact(() -> graph().zoomIn());
        double byHand = graph().getZoom();
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(byHand, graph().getZoom(), 1e-12, "a zoom by hand is kept while the step stays");
        seek(robot, 4);
        assertShownWhole("var");
        assertTrue(graph().getZoom() <= MainWindow.FOLLOW_MAX_ZOOM + 1e-9);
    }

    @Test
    void fit_and_ctrl_0_stop_following_and_ctrl_2_toggles(FxRobot robot) {
        seek(robot, 3);
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT2).release(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.followStepProperty().get(), "Ctrl+2 turns following on");
        assertTrue(robot.lookup("#toolbar-follow").queryAs(javafx.scene.control.ToggleButton.class).isSelected(),
                "the toolbar shows it");
        double followed = graph().getZoom();

        robot.interact(() -> robot.lookup("#toolbar-fit").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.followStepProperty().get(), "Fit shows the whole graph");
        assertTrue(graph().isFitting());
        assertTrue(graph().getZoom() < followed);

        follow(robot, true);
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT0).release(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.followStepProperty().get(), "Ctrl+0 too");
        assertTrue(graph().isFitting());

        follow(robot, true);
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT2).release(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.followStepProperty().get(), "Ctrl+2 again turns it off");
        assertTrue(graph().isFitting(), "and the whole graph is shown again");
    }

    @Test
    void the_choice_is_remembered_and_survives_a_language_switch_and_presenting(FxRobot robot) {
        follow(robot, true);
        assertEquals("true", prefs.get(ViewSetting.FOLLOW_STEP_KEY, null));
        assertTrue(new ViewSetting(prefs).followStep());

        seek(robot, 3);
        robot.interact(() -> window.setLanguage(Language.JAPANESE));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(graph().isFitting(), "the rebuilt graph follows too");
        assertShownWhole("sq");
        assertTrue(graph().getZoom() <= MainWindow.FOLLOW_MAX_ZOOM + 1e-9);

        robot.interact(() -> window.presentation().enter());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.presentation().leave());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(graph().isFitting(), "after presenting the window follows again, not fitted");
        assertTrue(graph().getZoom() <= MainWindow.FOLLOW_MAX_ZOOM + 1e-9,
                "at the window's scale, not presentation's: " + graph().getZoom());
        assertShownWhole("sq");

        follow(robot, false);
        assertEquals("false", prefs.get(ViewSetting.FOLLOW_STEP_KEY, null));
        assertTrue(graph().isFitting());
    }

    @Test
    void a_window_opened_with_following_remembered_follows_from_the_start(FxRobot robot) {
        new ViewSetting(prefs).storeFollowStep(true);
        robot.interact(() -> {
            stage.hide();
            window = new MainWindow(model, null, new ViewSetting(prefs));
            window.themes().setTextSize(TextSize.HUGE);
            window.show(stage, 1280, 800);
        });
        seek(robot, 3);
        assertTrue(window.followStepProperty().get());
        assertFalse(graph().isFitting());
        assertShownWhole("sq");
    }
}
