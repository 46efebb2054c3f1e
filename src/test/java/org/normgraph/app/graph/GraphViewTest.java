package org.normgraph.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.MainWindow;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.model.Selection;
import org.normgraph.core.Edge;
import org.normgraph.core.Matrix;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The graph view inside the window: edges and their contributions, zoom, pan, keys. */
@ExtendWith(ApplicationExtension.class)
class GraphViewTest {

    private SessionModel model;
    private GraphView graph;

    @Start
    void start(Stage stage) {
        model = SessionModel.example();
        MainWindow window = new MainWindow(model);
        graph = window.graphView();
        window.show(stage, 1240, 780);
    }

    @Test
    void every_edge_is_drawn_and_shows_its_contribution_only_once_the_walk_computes_it(FxRobot robot) {
        assertEquals(model.getGraph().edges().size(), robot.lookup(".graph-edge").queryAll().size());
        robot.interact(() -> model.seek(9));
        for (EdgeView ev : graph.edgeViews().values()) {
            assertFalse(ev.chip().isVisible(), ev.getId());
        }
        robot.interact(model::last);
        for (Edge e : model.getGraph().edges()) {
            EdgeView ev = graph.edgeView(e);
            assertTrue(ev.chip().isVisible(), ev.getId());
            assertNotNullChip(ev, model.getTrace().contribution(e));
        }
    }

    @Test
    void at_a_large_text_size_no_edge_chip_covers_a_node(FxRobot robot) {
        robot.interact(() -> {
            graph.setStyle("-fx-font-size: 18px"); // the graph's text at 150 %
            model.last();
        });
        WaitForAsyncUtils.waitForFxEvents();
        var boxes = graph.layoutResult().boxes();
        for (EdgeView ev : graph.edgeViews().values()) {
            Bounds chip = ev.chip().getBoundsInParent();
            for (var b : boxes.entrySet()) {
                var box = b.getValue();
                boolean overlaps = chip.getMinX() < box.right() && box.x() < chip.getMaxX()
                        && chip.getMinY() < box.bottom() && box.y() < chip.getMaxY();
                assertFalse(overlaps, ev.gradientName() + "'s chip " + chip + " covers " + b.getKey());
            }
        }
    }

    @Test
    void the_branches_of_x_and_xmu_carry_their_design_names(FxRobot robot) {
        var g = model.getGraph();
        assertEquals("dxmu1", graph.edgeView(new Edge("xmu", "xhat", 0)).gradientName());
        assertEquals("dxmu2", graph.edgeView(new Edge("xmu", "sq", 0)).gradientName());
        assertEquals("dx1", graph.edgeView(new Edge("x", "xmu", 0)).gradientName());
        assertEquals("dx2", graph.edgeView(new Edge("x", "mu", 0)).gradientName());
        assertEquals("dgammax", graph.edgeView(new Edge("gammax", "out", 0)).gradientName());
        robot.interact(() -> model.seek(12)); // backward 7: only dxmu1 so far
        var branches = graph.nodeView("xmu").getBranches();
        assertEquals("dxmu1", branches.get(0).name());
        assertEquals(model.getTrace().contribution("xmu", "xhat"), branches.get(0).matrix());
        assertNull(branches.get(1).matrix());
        assertNull(graph.nodeView("xmu").getGradient(), "the sum comes at backward 2");
        assertTrue(graph.nodeView("xmu").hasGradient());
        robot.interact(() -> model.seek(17)); // backward 2: both, and their sum
        assertEquals(model.getTrace().gradient("xmu"), graph.nodeView("xmu").getGradient());
        assertEquals(g.consumers("xmu").size(), graph.nodeView("xmu").getBranches().size());
    }

    @Test
    void zoom_buttons_keys_and_ctrl_wheel_change_the_zoom_and_fit_brings_it_back(FxRobot robot) {
        double fit = graph.getZoom();
        robot.clickOn("#toolbar-zoom-in");
        assertEquals(fit * 1.2, graph.getZoom(), 1e-9);
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        assertEquals(fit, graph.getZoom(), 1e-9);
        robot.interact(() -> Event.fireEvent(graph, new ScrollEvent(ScrollEvent.SCROLL, 300, 200, 300, 200,
                false, true, false, false, false, false, 0, 200, 0, 200, ScrollEvent.HorizontalTextScrollUnits.NONE,
                0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        assertTrue(graph.getZoom() > fit * 1.2, "ctrl+wheel up zooms in");
        robot.clickOn("#toolbar-fit");
        assertEquals(fit, graph.getZoom(), 1e-9);
        robot.clickOn("#toolbar-actual");
        assertEquals(1.0, graph.getZoom(), 1e-9);
        assertTrue(graph.isFocused(), "after a click on the toolbar the graph has the keys again");
    }

    @Test
    void dragging_the_background_pans(FxRobot robot) {
        Bounds b = graph.localToScreen(graph.getBoundsInLocal());
        Bounds xBefore = graph.nodeView("x").localToScreen(graph.nodeView("x").getBoundsInLocal());
        robot.drag(b.getMinX() + 6, b.getMinY() + 6).dropTo(robot.point(b.getMinX() + 86, b.getMinY() + 46));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds xAfter = graph.nodeView("x").localToScreen(graph.nodeView("x").getBoundsInLocal());
        assertEquals(80, xAfter.getMinX() - xBefore.getMinX(), 1.5);
        assertEquals(40, xAfter.getMinY() - xBefore.getMinY(), 1.5);
        assertNull(model.getSelection(), "a drag is not a click");
    }

    @Test
    void up_and_down_walk_the_selection_through_the_nodes_and_escape_clears_it(FxRobot robot) {
        robot.type(KeyCode.DOWN);
        assertEquals(Selection.node("x"), model.getSelection());
        robot.type(KeyCode.DOWN);
        assertEquals(Selection.node("gamma"), model.getSelection());
        robot.type(KeyCode.UP);
        robot.type(KeyCode.UP);
        assertEquals(Selection.node("out"), model.getSelection());
        assertTrue(graph.nodeView("out").isSelected());
        robot.type(KeyCode.ESCAPE);
        assertNull(model.getSelection());
    }

    /** The chain rule of one element without a mouse: Enter picks a number, Shift + arrows move, Esc steps back. */
    @Test
    void enter_picks_a_number_of_the_node_shift_arrows_move_and_escape_goes_back(FxRobot robot) {
        robot.type(KeyCode.DOWN); // x, 4×3
        robot.type(KeyCode.ENTER);
        assertEquals(Selection.element("x", 0, 0), model.getSelection());
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).type(KeyCode.RIGHT).type(KeyCode.RIGHT).type(KeyCode.DOWN)
                .release(KeyCode.SHIFT);
        assertEquals(Selection.element("x", 1, 2), model.getSelection(), "stops at the last column");
        assertEquals(0, model.getPosition(), "Shift + arrows do not step");
        robot.press(KeyCode.SHIFT).type(KeyCode.UP).type(KeyCode.UP).type(KeyCode.LEFT).release(KeyCode.SHIFT);
        assertEquals(Selection.element("x", 0, 1), model.getSelection());
        robot.type(KeyCode.ESCAPE);
        assertEquals(Selection.node("x"), model.getSelection(), "from the number back to its node");
        robot.type(KeyCode.ESCAPE);
        assertNull(model.getSelection());
    }

    @Test
    void a_node_chosen_with_the_keys_is_brought_into_view(FxRobot robot) {
        robot.interact(() -> graph.setViewport(1.5, 0, 0)); // zoomed in on the left: out is far off to the right
        robot.type(KeyCode.UP); // out
        WaitForAsyncUtils.waitForFxEvents();
        Bounds view = graph.localToScreen(graph.getBoundsInLocal());
        Bounds out = graph.nodeView("out").localToScreen(graph.nodeView("out").getBoundsInLocal());
        assertTrue(view.contains(out), "out " + out + " inside " + view);
    }

    @Test
    void a_selection_from_elsewhere_marks_the_node_and_its_cell(FxRobot robot) {
        robot.interact(() -> model.setSelection(Selection.element("x", 2, 1)));
        assertTrue(graph.nodeView("x").isSelected());
        GraphNodeSkin skin = (GraphNodeSkin) graph.nodeView("x").getSkin();
        assertTrue(skin.valueView().isSelectedCell(2, 1));
        assertFalse(skin.valueView().isSelectedCell(1, 2));
    }

    @Test
    void numbers_are_drawn_at_the_zoom_and_at_a_snapshots_resolution_while_it_is_taken(FxRobot robot) {
        robot.interact(() -> model.seek(9));
        MatrixView xhat = ((GraphNodeSkin) graph.nodeView("xhat").getSkin()).valueView();
        MatrixView dx1 = ((GraphNodeSkin) graph.nodeView("x").getSkin()).branchViews().get(0);
        robot.interact(() -> graph.setViewport(1.5, 0, 0));
        double screen = graph.getScene().getWindow().getRenderScaleX();
        assertEquals(1.5 * screen, xhat.pixelScaleProperty().get(), 1e-12);
        assertEquals(1.5 * screen, dx1.pixelScaleProperty().get(), 1e-12, "a fan-out branch too");
        assertEquals(Math.ceil(3 * xhat.cellWidth() * 1.5 * screen), xhat.numberCanvas().getWidth());
        double[] during = new double[1];
        robot.interact(() -> during[0] = graph.renderedAt(4, () -> xhat.pixelScaleProperty().get()));
        assertEquals(1.5 * 4, during[0], 1e-12, "a snapshot at 4 device pixels per pixel");
        assertEquals(1.5 * screen, xhat.pixelScaleProperty().get(), 1e-12, "the screen's again afterwards");
    }

    @Test
    void a_matrix_keeps_its_size_from_no_numbers_to_numbers_and_back(FxRobot robot) {
        MatrixView xhat = ((GraphNodeSkin) graph.nodeView("xhat").getSkin()).valueView();
        robot.interact(() -> model.seek(0));
        assertEquals("", xhat.cellText(0, 0), "no number before xhat is computed");
        assertNull(xhat.cellFill(0, 0));
        double emptyWidth = xhat.prefWidth(-1);
        double emptyHeight = xhat.prefHeight(-1);
        robot.interact(() -> model.seek(9));
        assertEquals(Numbers.format(model.getTrace().value("xhat").get(0, 0)), xhat.cellText(0, 0));
        assertEquals(emptyWidth, xhat.prefWidth(-1));
        assertEquals(emptyHeight, xhat.prefHeight(-1));
        robot.interact(() -> model.seek(0));
        assertEquals("", xhat.cellText(0, 0), "stepping back blanks the numbers");
    }

    @Test
    void the_first_non_finite_node_is_marked_once_it_is_shown(FxRobot robot) {
        var in = model.getInput();
        robot.interact(() -> model.commit(in.withX(in.x().with(0, 0, 1e200))));
        assertFalse(graph.nodeView("sq").isNonFinite(), "not computed yet at the start");
        robot.interact(() -> model.seek(3));
        assertTrue(graph.nodeView("sq").isNonFinite());
        assertFalse(graph.nodeView("xmu").isNonFinite());
    }

    @Test
    void the_layout_keeps_nodes_apart_and_in_step_order(FxRobot robot) {
        var r = graph.layoutResult();
        assertNotEquals(null, r);
        assertTrue(r.boxes().get("mu").x() < r.boxes().get("var").x());
        assertTrue(r.boxes().get("var").x() < r.boxes().get("out").x());
        assertEquals(r.boxes().get("gamma").cx(), r.boxes().get("bcast_gamma").cx(), 0.5);
        assertEquals(r.boxes().get("bcast_gamma").cx(), r.boxes().get("gammax").cx(), 0.5);
    }

    @Test
    void a_step_restyles_the_box_of_a_node_it_changes_not_the_labels_inside(FxRobot robot) {
        robot.interact(() -> model.seek(4));
        javafx.scene.Node sqrtvar = robot.lookup("#node-sqrtvar").query();
        Map<Label, Font> before = new HashMap<>();
        for (String label : List.of(".node-name", ".op-symbol", ".formula", ".shape")) {
            Label l = (Label) sqrtvar.lookup(label);
            before.put(l, l.getFont());
        }
        javafx.scene.Node box = sqrtvar.lookup(".node-box");
        double pendingOpacity = box.getOpacity();
        robot.interact(() -> model.seek(5)); // sqrtvar is computed, and the current step
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(box.getPseudoClassStates().contains(GraphNodeView.CURRENT), "the box shows the node's state");
        assertTrue(sqrtvar.getPseudoClassStates().contains(GraphNodeView.CURRENT), "the node keeps its state");
        assertTrue(box.getOpacity() > pendingOpacity, "no longer faded: " + pendingOpacity + " -> " + box.getOpacity());
        assertEquals(box.getOpacity(), sqrtvar.lookup(".node-content").getOpacity(), "the content fades with its box");
        assertEquals(Color.web("#c99a06"), borderColour(box), "the current step's gold outline");
        robot.interact(() -> model.seek(6)); // and no longer the current step
        WaitForAsyncUtils.waitForFxEvents();
        // a new font object, even an equal one, would draw the label's bitmap cache again
        before.forEach((l, f) -> assertSame(f, l.getFont(), l.getStyleClass().toString()));
        assertEquals(Color.web("#8d8d8d"), borderColour(box));
        robot.interact(() -> model.setSelection(Selection.node("sqrtvar")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Color.web("#fffbe6"), ((javafx.scene.layout.Region) box).getBackground().getFills().get(0).getFill(),
                "the selected node's box");
    }

    private static Color borderColour(javafx.scene.Node box) {
        return (Color) ((javafx.scene.layout.Region) box).getBorder().getStrokes().get(0).getTopStroke();
    }

    @Test
    void the_current_nodes_glow_is_a_cached_layer_behind_its_box_not_an_effect_of_the_box(FxRobot robot) {
        robot.interact(() -> model.seek(4)); // forward 4: var is current
        javafx.scene.Node node = robot.lookup("#node-var").query();
        javafx.scene.Node halo = node.lookup(".node-halo");
        javafx.scene.Node box = node.lookup(".node-box");
        assertTrue(halo.getEffect() instanceof javafx.scene.effect.DropShadow, "the glow");
        assertTrue(halo.isVisible());
        assertTrue(halo.isCache(), "drawn from a bitmap while the numbers in the box change");
        assertNull(box.getEffect(), "new numbers in the box do not recompute a blur");
        assertEquals(box.getLayoutBounds(), halo.getLayoutBounds(), "the glow has the box's outline");
        assertEquals(box.getLayoutX(), halo.getLayoutX());
        assertEquals(box.getLayoutY(), halo.getLayoutY());
        assertTrue(box.getParent().getChildrenUnmodifiable().indexOf(halo)
                < box.getParent().getChildrenUnmodifiable().indexOf(box), "behind the box");
        robot.interact(() -> model.seek(5));
        assertNull(halo.getEffect(), "no glow once var is no longer the current step");
        assertFalse(halo.isVisible(), "an empty layer is not drawn");
    }

    private static void assertNotNullChip(EdgeView ev, Matrix expected) {
        var m = ((javafx.scene.layout.HBox) ev.chip()).getChildren().stream()
                .filter(n -> n instanceof MatrixView).map(n -> ((MatrixView) n).getMatrix()).findFirst().orElse(null);
        assertEquals(expected, m, ev.getId());
    }

    /** A session file's pan of 1e300 (zoom 20 clamped to 4) opened an empty view with nothing to drag back. */
    @Test
    void no_pan_takes_the_whole_drawing_out_of_view(FxRobot robot) {
        GraphView g = graph;
        for (double[] pan : new double[][] {{1e300, 1e300}, {-1e300, -1e300}, {1e6, -1e6}}) {
            robot.interact(() -> g.setViewport(20, pan[0], pan[1]));
            assertEquals(GraphView.MAX_ZOOM, g.getZoom());
            javafx.geometry.Bounds drawn = g.nodeView("xhat").getParent().localToScene(
                    g.nodeView("xhat").getParent().getLayoutBounds());
            javafx.geometry.Bounds view = g.localToScene(g.getLayoutBounds());
            assertTrue(drawn.intersects(view), "some of the drawing stays in view: " + drawn + " / " + view);
            assertTrue(g.getPanX() <= g.getWidth() && g.getPanY() <= g.getHeight(), g.getPanX() + ", " + g.getPanY());
        }
        robot.interact(() -> g.setViewport(1.7, 33, -20));
        assertEquals(33, g.getPanX(), 1e-9, "a pan inside the drawing is kept as given");
        assertEquals(-20, g.getPanY(), 1e-9);
        robot.interact(g::fit);
    }
}
