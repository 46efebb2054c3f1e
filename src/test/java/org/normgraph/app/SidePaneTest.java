package org.normgraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.editor.InputsPane;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.theme.TextSize;
import org.normgraph.app.theme.ViewSetting;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The side panes' inner edges: dragged wider or narrower, reset by a double click, remembered. */
@ExtendWith(ApplicationExtension.class)
class SidePaneTest {

    private static final double WINDOW_WIDTH = 1280;
    private final InMemoryPreferences prefs = new InMemoryPreferences();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Messages.setLanguage(Language.ENGLISH);
        window = new MainWindow(SessionModel.example(), null, new ViewSetting(prefs));
        TestStage.resize(stage, WINDOW_WIDTH, 800); // the stage an earlier class showed keeps its size
        window.show(stage, WINDOW_WIDTH, 800);
    }

    /** The window's width: the figures below are shares of it. */
    private double width() {
        return window.root().getWidth();
    }

    private Region pane(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Region.class);
    }

    private Node edge(FxRobot robot, String id) {
        return robot.lookup(id + " > .side-pane-edge").query();
    }

    private void dragEdge(FxRobot robot, String id, double dx) {
        robot.drag(edge(robot, id), MouseButton.PRIMARY).moveBy(dx / 2, 0).moveBy(dx / 2, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    @Test
    void dragging_the_inputs_edge_widens_the_pane_until_six_columns_of_x_fit(FxRobot robot) {
        robot.interact(() -> robot.lookup("#inputs-pane .inputs-editor").queryAs(InputsPane.class).resize(4, 6));
        Region inputs = pane(robot, "#inputs-pane");
        double cap = SidePane.DEFAULT_MAX_SHARE * width();
        assertEquals(cap, inputs.getWidth(), 1, "the default width grows towards x's, up to its share");
        Node x = robot.lookup("#editor-x").query();
        assertTrue(inScene(x).getMaxX() > inScene(inputs).getMaxX(), "six columns do not fit the default width");

        dragEdge(robot, "#inputs-pane", 100);

        assertEquals(cap + 100, inputs.getWidth(), 2, "the pane follows the mouse");
        assertTrue(inScene(x).getMaxX() <= inScene(inputs).getMaxX(), "x ends at " + inScene(x).getMaxX()
                + ", the pane at " + inScene(inputs).getMaxX());
        assertEquals((cap + 100) / width(), new ViewSetting(prefs).paneShare(ViewSetting.INPUTS_SHARE_KEY).orElseThrow(),
                0.002, "remembered as a share of the window");
    }

    /** At D = 4 the x grid had a scroll bar in a pane of the default width, which did not grow with D. */
    @Test
    void the_default_width_grows_with_d_until_x_fits(FxRobot robot) {
        InputsPane editor = robot.lookup("#inputs-pane .inputs-editor").queryAs(InputsPane.class);
        Region inputs = pane(robot, "#inputs-pane");
        Node x = robot.lookup("#editor-x").query();
        assertEquals(270, inputs.getWidth(), 1, "D = 3 fits the default width at 100 % text");
        robot.interact(() -> editor.resize(4, 4));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(inputs.getWidth() > 270, "grown: " + inputs.getWidth());
        assertTrue(inScene(x).getMaxX() <= inScene(inputs).getMaxX(), "x ends at " + inScene(x).getMaxX()
                + ", the pane at " + inScene(inputs).getMaxX());
        robot.interact(() -> editor.resize(4, 3));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(270, inputs.getWidth(), 1, "and back with D = 3");
        assertTrue(new ViewSetting(prefs).paneShare(ViewSetting.INPUTS_SHARE_KEY).isEmpty(), "nothing chosen");
    }

    @Test
    void a_double_click_on_the_edge_gives_back_the_default_width(FxRobot robot) {
        Region inspector = pane(robot, "#inspector-pane");
        assertEquals(330, inspector.getWidth(), 1);
        dragEdge(robot, "#inspector-pane", -100); // its inner edge is its left one
        assertEquals(430, inspector.getWidth(), 2);
        robot.doubleClickOn(edge(robot, "#inspector-pane"), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(330, inspector.getWidth(), 1);
        assertTrue(new ViewSetting(prefs).paneShare(ViewSetting.INSPECTOR_SHARE_KEY).isEmpty(), "the default is remembered");
        robot.interact(() -> window.themes().setTextSize(TextSize.LARGER));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Math.min(1.5 * 330, SidePane.DEFAULT_MAX_SHARE * width()), inspector.getWidth(), 1,
                "the default width grows with the text, up to its share");
        robot.interact(() -> window.themes().setTextSize(TextSize.NORMAL));
    }

    @Test
    void a_drag_leaves_the_graph_its_share_and_the_pane_its_minimum(FxRobot robot) {
        Region inputs = pane(robot, "#inputs-pane");
        Region inspector = pane(robot, "#inspector-pane");
        dragEdge(robot, "#inputs-pane", 900);
        double limit = Math.min(SidePane.MAX_SHARE * width(),
                (1 - SidePane.GRAPH_MIN_SHARE) * width() - inspector.getWidth());
        assertEquals(limit, inputs.getWidth(), 1);
        assertTrue(window.graphView().getLayoutBounds().getWidth() >= SidePane.GRAPH_MIN_SHARE * width() - 1);
        dragEdge(robot, "#inputs-pane", -900);
        assertEquals(200, inputs.getWidth(), 1, "the pane's minimum width");
    }

    /** In em, a pane dragged to 440 px at 100 % text took half of a 1366-pixel window at 200 %. */
    @Test
    void a_dragged_width_keeps_its_share_at_any_text_size_and_comes_back_in_a_new_window(FxRobot robot) {
        Region inputs = pane(robot, "#inputs-pane");
        dragEdge(robot, "#inputs-pane", 60);
        assertEquals(330, inputs.getWidth(), 2);
        double share = 330 / width();
        robot.interact(() -> window.themes().setTextSize(TextSize.HUGE));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(share * width(), inputs.getWidth(), 2, "the share the user chose");
        robot.interact(() -> window.themes().setTextSize(TextSize.NORMAL));

        MainWindow[] again = new MainWindow[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            again[0] = new MainWindow(SessionModel.example(), null, new ViewSetting(prefs));
            again[0].show(stage, 1000, 700); // inside the 1280×800 Monocle screen: a larger window overflows its framebuffer
        });
        try {
            WaitForAsyncUtils.waitForFxEvents();
            Region reopened = (Region) again[0].root().lookup("#inputs-pane");
            assertFalse(reopened == inputs);
            assertEquals(share * again[0].root().getWidth(), reopened.getWidth(), 2,
                    "the remembered share, of the new window's width");
        } finally {
            robot.interact(() -> again[0].root().getScene().getWindow().hide());
        }
    }
}
