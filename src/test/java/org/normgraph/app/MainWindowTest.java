package org.normgraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.graph.GraphNodeSkin;
import org.normgraph.app.graph.MatrixCells;
import org.normgraph.app.graph.GraphNodeView;
import org.normgraph.app.graph.MatrixView;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.model.Selection;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.normgraph.core.family.NormSpec;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window with the graph and the timeline, driven like a user would (headless, Monocle). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final PseudoClass COMPUTED = PseudoClass.getPseudoClass("computed");
    private static final PseudoClass HAS_GRADIENT = PseudoClass.getPseudoClass("has-gradient");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private SessionModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        model = SessionModel.example();
        window = new MainWindow(model);
        window.show(stage, 1240, 780); // fits Monocle's 1280×800 headless screen
    }

    @Test
    void nine_clicks_on_next_compute_out(FxRobot robot) {
        assertFalse(state(robot, "#node-out", COMPUTED));
        for (int i = 0; i < 9; i++) {
            robot.clickOn("#timeline-next");
        }
        assertEquals(9, model.getPosition());
        assertTrue(state(robot, "#node-out", COMPUTED));
        assertTrue(state(robot, "#node-out", CURRENT));
    }

    @Test
    void previous_hides_out_again(FxRobot robot) {
        robot.interact(() -> model.seek(9));
        assertTrue(state(robot, "#node-out", COMPUTED));
        robot.clickOn("#timeline-previous");
        assertEquals(8, model.getPosition());
        assertFalse(state(robot, "#node-out", COMPUTED));
        assertTrue(state(robot, "#node-gammax", COMPUTED));
    }

    @Test
    void stepping_back_hides_gradient_of_ivar(FxRobot robot) {
        robot.interact(() -> model.seek(12)); // backward 7: divar
        assertTrue(state(robot, "#node-ivar", HAS_GRADIENT));
        assertNotNull(node(robot, "#node-ivar").getGradient());
        robot.interact(model::previous);
        assertFalse(state(robot, "#node-ivar", HAS_GRADIENT));
        assertNull(node(robot, "#node-ivar").getGradient());
    }

    @Test
    void the_graph_has_the_keyboard_focus_at_start() {
        assertTrue(window.graphView().isFocused());
    }

    @Test
    void arrow_page_home_and_end_keys_on_the_scene_step(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        assertEquals(1, model.getPosition());
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(3, model.getPosition());
        robot.type(KeyCode.LEFT);
        assertEquals(2, model.getPosition());
        robot.type(KeyCode.PAGE_UP);
        assertEquals(1, model.getPosition());
        robot.type(KeyCode.END);
        assertEquals(19, model.getPosition());
        robot.type(KeyCode.HOME);
        assertEquals(0, model.getPosition());
    }

    @Test
    void stepping_never_moves_the_graph_or_the_status_lines(FxRobot robot) {
        assertStepsKeepTheLayout(robot);
        // another walk, whose status lines are the kind's own formulas
        robot.interact(() -> model.setNormSpec(NormSpec.layer()));
        assertStepsKeepTheLayout(robot);
    }

    /** Bounds in the scene of the graph, the status line and the explanation at every step. */
    private void assertStepsKeepTheLayout(FxRobot robot) {
        robot.interact(() -> model.seek(0));
        WaitForAsyncUtils.waitForFxEvents();
        String first = layoutNow(robot);
        Set<String> explanationLines = new HashSet<>();
        for (int p = 1; p < model.getStepCount(); p++) {
            int at = p;
            robot.interact(() -> model.seek(at));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(first, layoutNow(robot), "at step " + p);
            explanationLines.add(robot.lookup("#step-explanation").queryAs(Label.class).getText());
        }
        assertTrue(explanationLines.size() > 10, "the explanations differ from step to step");
    }

    private String layoutNow(FxRobot robot) {
        return Stream.of("#graph-view", "#status-line", "#step-explanation")
                .map(id -> {
                    Node n = robot.lookup(id).query();
                    return id + " " + n.localToScene(n.getLayoutBounds());
                })
                .collect(Collectors.joining("\n"));
    }

    @Test
    void space_starts_and_stops_playback(FxRobot robot) {
        robot.type(KeyCode.SPACE);
        assertTrue(model.isPlaying());
        robot.type(KeyCode.SPACE);
        assertFalse(model.isPlaying());
    }

    @Test
    void the_status_line_says_the_step_in_words(FxRobot robot) {
        robot.interact(() -> model.seek(12));
        Label status = robot.lookup("#status-line").queryAs(Label.class);
        assertEquals(Messages.get("step.backward.7"), status.getText());
        assertTrue(status.getText().contains("dxmu1\u00A0=\u00A0dxhat\u00A0⊙\u00A0ivar"), "one unbreakable formula");
        Label pos = robot.lookup("#timeline-position").queryAs(Label.class);
        assertTrue(pos.getText().contains("7"), pos.getText());
    }

    @Test
    void every_drawn_node_is_a_node_of_the_core_graph_and_vice_versa(FxRobot robot) {
        Set<String> drawn = robot.lookup(".graph-node").queryAll().stream().map(Node::getId)
                .collect(Collectors.toSet());
        Set<String> core = model.getGraph().nodes().stream().map(n -> "node-" + n.name())
                .collect(Collectors.toSet());
        assertEquals(core, drawn);
        assertEquals(16, drawn.size());
        for (var n : model.getGraph().nodes()) {
            GraphNodeView v = node(robot, "#node-" + n.name());
            assertTrue(v.getStyleClass().contains(n.kind().styleClass()), n.name());
            assertEquals(model.getGraph().isFanOut(n.name()), v.getStyleClass().contains("fanout"), n.name());
        }
    }

    @Test
    void the_numbers_drawn_are_the_traces(FxRobot robot) {
        robot.interact(model::last);
        for (var n : model.getGraph().nodes()) {
            GraphNodeSkin skin = skin(robot, n.name());
            assertShows(skin.valueView(), model.getTrace().value(n.name()), n.name());
            assertShows(skin.gradientView(), model.getTrace().gradient(n.name()), "d" + n.name());
        }
        GraphNodeSkin xmu = skin(robot, "xmu");
        assertShows(xmu.branchViews().get(0), model.getTrace().contribution("xmu", "xhat"), "dxmu1");
        assertShows(xmu.branchViews().get(1), model.getTrace().contribution("xmu", "sq"), "dxmu2");
        GraphNodeSkin x = skin(robot, "x");
        assertShows(x.branchViews().get(0), model.getTrace().contribution("x", "xmu"), "dx1");
        assertShows(x.branchViews().get(1), model.getTrace().contribution("x", "mu"), "dx2");
    }

    @Test
    void committing_a_new_input_updates_the_value_view_and_keeps_the_step(FxRobot robot) {
        robot.interact(() -> model.seek(7));
        GraphNodeSkin xhat = skin(robot, "xhat");
        javafx.scene.canvas.Canvas before = xhat.valueView().numberCanvas();
        BatchNormInput in = model.getInput();
        robot.interact(() -> model.commit(in.withX(in.x().with(0, 0, 10))));
        assertEquals(7, model.getPosition());
        assertEquals("10", skin(robot, "x").valueView().cellText(0, 0));
        assertShows(skin(robot, "xhat").valueView(), model.getTrace().value("xhat"), "xhat");
        assertTrue(before == skin(robot, "xhat").valueView().numberCanvas(), "updated in place, not rebuilt");
        assertTrue(state(robot, "#node-xhat", COMPUTED));
    }

    @Test
    void a_new_shape_switches_large_values_to_a_heat_map(FxRobot robot) {
        double[][] rows = new double[8][6];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 6; j++) {
                rows[i][j] = i * j - 3;
            }
        }
        Matrix x = Matrix.fromRows(rows);
        robot.interact(() -> model.commit(new BatchNormInput(x, Matrix.filled(1, 6, 1),
                Matrix.filled(1, 6, 0), x, 1e-5)));
        robot.interact(model::last);
        assertFalse(skin(robot, "xhat").valueView().isNumbers());
        assertEquals(x.shape(), skin(robot, "xhat").valueView().getMatrixShape());
        assertFalse(skin(robot, "gamma").valueView().isNumbers(), "6 columns: a heat map too");
        assertEquals(model.getTrace().value("xhat"), skin(robot, "xhat").valueView().getMatrix());
    }

    @Test
    void undo_restores_the_previous_input(FxRobot robot) {
        BatchNormInput in = model.getInput();
        robot.interact(() -> model.commit(in.withX(in.x().with(0, 0, 10))));
        assertEquals("10", skin(robot, "x").valueView().cellText(0, 0));
        robot.clickOn("#toolbar-undo");
        assertEquals(in, model.getInput());
        assertEquals("1", skin(robot, "x").valueView().cellText(0, 0));
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        assertEquals("10", skin(robot, "x").valueView().cellText(0, 0));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(in, model.getInput());
    }

    /** A one-line field's own undo would only bring back typed text; there Ctrl+Z undoes the edit, as in the grids. */
    @Test
    void ctrl_z_in_the_n_field_and_the_eps_field_undoes_the_last_edit(FxRobot robot) {
        BatchNormInput in = model.getInput();
        robot.clickOn("#editor-n .text-field").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("6").type(KeyCode.ENTER);
        assertEquals(6, model.getInput().n());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(in, model.getInput(), "undone from the N field");
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        assertEquals(6, model.getInput().n(), "redone from the N field");
        robot.clickOn("#editor-eps");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(in, model.getInput(), "undone from the eps field");
    }

    /** Typing not yet entered goes first: only the next Ctrl+Z undoes an edit made elsewhere. */
    @Test
    void ctrl_z_in_a_field_first_drops_what_was_typed_there(FxRobot robot) {
        BatchNormInput in = model.getInput();
        robot.interact(() -> model.commit(in.withX(in.x().with(0, 0, 9))));
        robot.clickOn("#editor-n .text-field").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("7");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals("4", robot.lookup("#editor-n .text-field").queryAs(javafx.scene.control.TextField.class).getText());
        assertEquals(9.0, model.getInput().x().get(0, 0), "the edit elsewhere stays");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(in, model.getInput(), "the next Ctrl+Z undoes it");
    }

    /** The inspector is no Tab stop; Shift + PageDown / PageUp scroll it from the graph, and do not step. */
    @Test
    void shift_page_down_scrolls_the_inspector_without_stepping(FxRobot robot) {
        robot.interact(() -> {
            model.seek(model.getStepCount() - 1);
            model.setSelection(Selection.node("x"));
        });
        int position = model.getPosition();
        javafx.scene.control.ScrollPane scroll = robot.lookup(".inspector-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        assertEquals(0, scroll.getVvalue());
        robot.press(KeyCode.SHIFT).type(KeyCode.PAGE_DOWN).release(KeyCode.SHIFT);
        assertTrue(scroll.getVvalue() > 0, "scrolled down");
        assertEquals(position, model.getPosition(), "no step");
        robot.press(KeyCode.SHIFT).type(KeyCode.PAGE_UP).release(KeyCode.SHIFT);
        assertEquals(0, scroll.getVvalue(), 1e-9);
    }

    /**
     * A click on a number in the inspector left the focus nowhere (the table clicked was built
     * anew), so the next Space went to the first control, the Inputs toggle, and hid the inputs.
     */
    @Test
    void a_click_on_an_inspector_number_keeps_the_keys_in_the_graph(FxRobot robot) {
        robot.interact(() -> model.seek(model.getStepCount() - 1));
        robot.clickOn(robot.lookup("#node-xmu .node-name").queryAs(Node.class));
        Node cell = robot.lookup("#inspector-value .matrix-table").queryAs(Parent.class).lookupAll(".matrix-cell")
                .stream().filter(n -> n.isVisible() && n instanceof javafx.scene.control.Label l && !l.getText().isEmpty())
                .findFirst().orElseThrow();
        robot.clickOn(cell);
        assertTrue(model.getSelection().hasElement(), "an element selected: " + model.getSelection());
        Node focus = window.graphView().getScene().getFocusOwner();
        assertTrue(window.graphView().isFocused(), "focus: " + focus);
        boolean inputsShown = window.root().getLeft() != null;
        int position = model.getPosition();
        robot.type(KeyCode.LEFT);
        assertEquals(position - 1, model.getPosition(), "the arrow keys step");
        assertEquals(inputsShown, window.root().getLeft() != null, "the inputs stay");
    }

    /** At 150 % text Predict sits in the toolbar's overflow menu, which stayed open over the window once pressed. */
    @Test
    void a_button_used_in_the_toolbar_overflow_menu_closes_it(FxRobot robot) {
        robot.interact(() -> window.themes().setTextSize(org.normgraph.app.theme.TextSize.LARGER));
        WaitForAsyncUtils.waitForFxEvents();
        Node overflow = robot.lookup(".tool-bar-overflow-button").query();
        assertTrue(overflow.isVisible(), "the toolbar overflows at 150 % text");
        robot.clickOn(overflow);
        assertTrue(overflowMenuShowing(), "the overflow menu opened");
        javafx.scene.control.ToggleButton predict = ToolbarItems.item(window, "toolbar-predict", javafx.scene.control.ToggleButton.class);
        assertTrue(predict.getScene().getWindow() instanceof javafx.scene.control.ContextMenu, "Predict is in the menu");
        robot.clickOn(predict);
        assertEquals(org.normgraph.app.model.Mode.PREDICT, model.getMode());
        assertFalse(overflowMenuShowing(), "the menu closed once Predict was pressed");
        robot.interact(() -> {
            model.setMode(org.normgraph.app.model.Mode.EXPLORE);
            window.themes().setTextSize(org.normgraph.app.theme.TextSize.NORMAL);
        });
    }

    private static boolean overflowMenuShowing() {
        return javafx.stage.Window.getWindows().stream().anyMatch(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing());
    }

    @Test
    void space_on_the_speaker_notes_title_opens_them_and_does_not_play(FxRobot robot) {
        TitledPane notes = robot.lookup("#speaker-notes").queryAs(TitledPane.class);
        robot.interact(notes::requestFocus);
        assertFalse(notes.isExpanded());
        robot.type(KeyCode.SPACE);
        assertTrue(notes.isExpanded(), "Space opens the notes");
        assertFalse(model.isPlaying(), "and does not start playback");
    }

    /** The arrow keys and the clicker step again after a click on a node, even from the speaker notes' text. */
    @Test
    void a_click_on_a_node_takes_the_keys_from_the_speaker_notes(FxRobot robot) {
        TitledPane notes = robot.lookup("#speaker-notes").queryAs(TitledPane.class);
        robot.interact(() -> notes.setExpanded(true));
        robot.clickOn("#speaker-notes-text").write("say this");
        robot.clickOn(robot.lookup("#node-sq .node-name").queryAs(Node.class));
        assertTrue(window.graphView().isFocused(), "focus: " + window.graphView().getScene().getFocusOwner());
        robot.type(KeyCode.RIGHT);
        assertEquals(1, model.getPosition());
        assertEquals("say this", model.getSpeakerNotes().get(0));
    }

    @Test
    void clicking_a_node_selects_it_and_clicking_a_cell_selects_the_element(FxRobot robot) {
        robot.interact(() -> model.seek(7));
        robot.clickOn(robot.lookup("#node-xhat .node-name").queryAs(Node.class));
        assertEquals(Selection.node("xhat"), model.getSelection());
        assertTrue(node(robot, "#node-xhat").isSelected());
        robot.clickOn(MatrixCells.onScreen(skin(robot, "xhat").valueView(), 2, 1));
        assertEquals(Selection.element("xhat", 2, 1), model.getSelection());
        robot.clickOn(robot.lookup("#node-mu .node-name").queryAs(Node.class));
        assertEquals(Selection.node("mu"), model.getSelection());
        assertFalse(node(robot, "#node-xhat").isSelected());
    }

    @Test
    void the_title_starts_with_normgraph(FxRobot robot) {
        Stage stage = (Stage) window.root().getScene().getWindow();
        assertTrue(stage.getTitle().startsWith("normgraph"));
    }

    private static boolean state(FxRobot robot, String query, PseudoClass pc) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).query().getPseudoClassStates().contains(pc);
    }

    private static GraphNodeView node(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).queryAs(GraphNodeView.class);
    }

    private static GraphNodeSkin skin(FxRobot robot, String name) {
        return (GraphNodeSkin) node(robot, "#node-" + name).getSkin();
    }

    private static void assertShows(MatrixView view, Matrix m, String what) {
        MatrixCells.assertShows(view, m, what);
    }

    /**
     * Tab goes as the window reads: from the inputs' last grid to the graph, and from the graph
     * on to the timeline, also after a language switch (which used to send it to the toolbar).
     */
    @Test
    void tab_goes_from_the_inputs_to_the_graph_and_on_to_the_timeline(FxRobot robot) {
        for (Language language : List.of(Language.ENGLISH, Language.SIMPLIFIED_CHINESE)) {
            robot.interact(() -> window.setLanguage(language));
            robot.interact(() -> robot.lookup("#editor-dout").query().requestFocus());
            robot.press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL); // leaves the grid
            assertTrue(window.graphView().isFocused(), language + ": " + window.graphView().getScene().getFocusOwner());
            robot.type(KeyCode.TAB);
            javafx.scene.Node next = window.graphView().getScene().getFocusOwner();
            assertTrue(isInside(next, window.timelineBar()), language + ": after the graph " + next);
        }
        robot.interact(() -> window.setLanguage(Language.ENGLISH));
    }

    private static boolean isInside(javafx.scene.Node n, javafx.scene.Node area) {
        for (javafx.scene.Node x = n; x != null; x = x.getParent()) {
            if (x == area) {
                return true;
            }
        }
        return false;
    }

    /** Tab from the last input cell, or Shift+Tab from the graph, stopped at the inspector: no ring, no keys. */
    @Test
    void the_inspector_is_no_tab_stop(FxRobot robot) {
        robot.interact(() -> window.graphView().requestFocus());
        robot.press(javafx.scene.input.KeyCode.SHIFT).type(javafx.scene.input.KeyCode.TAB)
                .release(javafx.scene.input.KeyCode.SHIFT);
        javafx.scene.Node before = window.graphView().getScene().getFocusOwner();
        assertFalse(before instanceof org.normgraph.app.inspector.InspectorPane, "focus: " + before);
        assertFalse(before == window.graphView(), "focus moved: " + before);
        assertFalse(robot.lookup(".inspector").query().isFocusTraversable(), "Tab passes the inspector by");
    }
}
