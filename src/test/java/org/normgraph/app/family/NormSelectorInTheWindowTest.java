package org.normgraph.app.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.normgraph.app.family.WindowLookups.formula;
import static org.normgraph.app.family.WindowLookups.kind;
import static org.normgraph.app.family.WindowLookups.node;
import static org.normgraph.app.family.WindowLookups.shape;

import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.MainWindow;
import org.normgraph.app.editor.InputEdits;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Matrix;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormSpec;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The toolbar's kind of normalization, in the whole window: the graph redraws what the core runs. */
@ExtendWith(ApplicationExtension.class)
class NormSelectorInTheWindowTest {

    private SessionModel model;

    @Start
    void start(Stage stage) {
        model = SessionModel.example(); // 4×3
        new MainWindow(model).show(stage, 1240, 780);
    }

    @Test
    void choosing_layer_norm_in_the_list_redraws_mu_as_n_by_1_with_the_cores_numbers(FxRobot robot) {
        robot.interact(() -> model.seek(1));
        robot.clickOn("#toolbar-norm");
        robot.type(KeyCode.DOWN, KeyCode.ENTER); // batch → layer
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NormSpec.layer(), model.getNormSpec());
        assertEquals(1, model.getPosition(), "the step is kept");
        assertEquals(org.normgraph.app.Messages.get("chain.note.mean.forward.row", "3"),
                robot.lookup("#step-explanation").queryAs(Label.class).getText(), "the paragraph follows the kind at once");
        assertEquals("N\u00d71 = 4\u00d71", shape(robot, "mu"));
        assertTrue(formula(robot, "mu").contains("mean over the features"), formula(robot, "mu"));
        assertTrue(formula(robot, "mu").contains("(1/D)"), formula(robot, "mu"));
        assertEquals("1\u00d7D = 1\u00d73", shape(robot, "gamma"), "gamma stays per feature");
        Trace core = BatchNormGraph.run(NormSpec.layer(), model.getInput());
        Matrix shown = node(robot, "mu").getValue();
        assertEquals(core.value("mu"), shown);
        assertEquals(4, shown.rows());
        assertEquals((1 + 2 + 0) / 3.0, shown.get(0, 0), 1e-15, "row 0 of x is (1, 2, 0)");
        robot.interact(() -> model.seek(2));
        assertTrue(formula(robot, "bcast_mu").contains("copied to the D columns of its row"), formula(robot, "bcast_mu"));
        assertTrue(robot.lookup("#norm-note").queryAs(Label.class).getText().startsWith("Used in transformers"),
                "the note on where it is used");
    }

    /** Shown while the box had the keyboard focus, the tooltip kept the kind before ↓. */
    @Test
    void a_tooltip_on_screen_follows_the_kind(FxRobot robot) {
        javafx.scene.control.Tooltip before = kind(robot).getTooltip();
        robot.interact(() -> model.setNormSpec(NormSpec.layer()));
        assertTrue(before == kind(robot).getTooltip(), "the same tooltip, so that one on screen changes");
        assertTrue(before.getText().contains(org.normgraph.app.Messages.get("norm.note.layer")), before.getText());
    }

    @Test
    void the_status_line_follows_the_kind_at_once_at_the_same_step(FxRobot robot) {
        robot.interact(() -> model.seek(12)); // backward 7: divar sums over the kind's axes
        String batchLine = robot.lookup("#status-line").queryAs(Label.class).getText();
        robot.interact(() -> model.setNormSpec(NormSpec.layer()));
        String layerLine = robot.lookup("#status-line").queryAs(Label.class).getText();
        assertEquals(FamilyStatus.text(model), layerLine);
        assertTrue(layerLine.contains("\u03a3_cols"), layerLine);
        robot.interact(() -> model.setNormSpec(NormSpec.batch()));
        assertEquals(batchLine, robot.lookup("#status-line").queryAs(Label.class).getText());
    }

    @Test
    void group_norm_with_g_2_has_n_by_g_statistics_and_batch_restores_the_batch_graph(FxRobot robot) {
        robot.interact(() -> model.commit(InputEdits.resize(model.getInput(), 4, 4)));
        robot.interact(() -> model.seek(4));
        robot.interact(() -> kind(robot).setValue(NormKind.GROUP)); // G spinner starts at 2
        assertEquals(NormSpec.group(2), model.getNormSpec());
        assertTrue(robot.lookup("#toolbar-groups").query().isVisible());
        assertEquals("N\u00d7G = 4\u00d72", shape(robot, "var"));
        assertTrue(formula(robot, "var").contains("each group of 2 features"), formula(robot, "var"));
        assertEquals(BatchNormGraph.run(NormSpec.group(2), model.getInput()).value("var"), node(robot, "var").getValue());

        robot.interact(() -> kind(robot).setValue(NormKind.BATCH));
        assertEquals(NormSpec.batch(), model.getNormSpec());
        assertFalse(robot.lookup("#toolbar-groups").query().isVisible());
        assertEquals("1\u00d7D = 1\u00d74", shape(robot, "var"));
        assertEquals(BatchNormGraph.run(model.getInput()).value("var"), node(robot, "var").getValue());
        assertTrue(formula(robot, "var").contains("mean over the rows"));
        assertTrue(robot.lookup("#norm-note").queryAs(Label.class).getText().startsWith("Used in CNNs"));
    }

    /**
     * Choosing group norm on the 4×3 example took G = 1 and said "G = 2 does not divide D = 3"
     * of a G the learner never typed; a G asked for that does not divide is still said.
     */
    @Test
    void group_norm_on_d_3_takes_the_nearest_g_that_divides_and_says_so_only_of_a_g_asked_for(FxRobot robot) {
        robot.interact(() -> model.seek(1));
        robot.interact(() -> kind(robot).setValue(NormKind.GROUP)); // the spinner holds G = 2, D = 3
        assertEquals(NormSpec.group(1), model.getNormSpec(), "1 and 3 are as near to 2: 3 would normalize each feature alone, to 0");
        Label message = robot.lookup("#norm-message").queryAs(Label.class);
        assertFalse(message.isVisible(), message.getText());
        assertTrue(robot.lookup("#norm-note").query().isVisible(), "the kind's note");
        @SuppressWarnings("unchecked")
        Spinner<Integer> g = robot.lookup("#toolbar-groups").queryAs(Spinner.class);
        assertEquals(1, g.getValue());
        assertEquals(BatchNormGraph.run(NormSpec.group(1), model.getInput()).value("mu"), node(robot, "mu").getValue());

        robot.interact(() -> g.getValueFactory().setValue(2)); // asked for
        assertEquals(NormSpec.group(1), model.getNormSpec());
        assertTrue(message.isVisible());
        assertEquals("G = 2 does not divide D = 3: each group needs whole features. Took G = 1, the nearest that does.",
                message.getText());
        assertFalse(message.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("refused")),
                "not a refusal: the choice was taken");
        assertTrue(g.getWidth() >= g.prefWidth(-1) - 0.5, "the message gives way, not G's field: " + g.getWidth());
        assertFalse(robot.lookup("#norm-note").query().isVisible(), "the message takes the note's place");

        // a new D: the message spoke of the old one
        robot.interact(() -> model.commit(InputEdits.resize(model.getInput(), 4, 12)));
        assertEquals(NormSpec.group(1), model.getNormSpec());
        assertFalse(message.isVisible(), "a new D clears the message about D = 3");
        assertTrue(robot.lookup("#norm-note").query().isVisible(), "and the note is back");
    }

    /** 'abc' stayed in G's field while the graph kept G = 3, and -2 became 1, both without a word. */
    @Test
    void a_typed_g_that_is_no_whole_number_or_out_of_range_is_said_so_and_the_field_shows_the_g_in_force(FxRobot robot) {
        robot.interact(() -> kind(robot).setValue(NormKind.GROUP));
        @SuppressWarnings("unchecked")
        Spinner<Integer> g = robot.lookup("#toolbar-groups").queryAs(Spinner.class);
        Label message = robot.lookup("#norm-message").queryAs(Label.class);
        robot.interact(() -> g.getValueFactory().setValue(3));
        assertEquals(NormSpec.group(3), model.getNormSpec());

        typeInto(robot, g, "abc", KeyCode.ENTER);
        assertEquals(NormSpec.group(3), model.getNormSpec());
        assertEquals("3", g.getEditor().getText());
        assertEquals("G: 'abc' is not a whole number. Kept 3.", message.getText());
        assertTrue(message.isVisible());

        typeInto(robot, g, "-2", KeyCode.TAB); // left with Tab: the spinner commits before we hear of it
        assertEquals(NormSpec.group(1), model.getNormSpec());
        assertEquals("1", g.getEditor().getText());
        assertEquals("G is 1 to 16: -2 became 1.", message.getText());

        typeInto(robot, g, "99", KeyCode.ENTER);
        assertEquals(NormSpec.group(3), model.getNormSpec());
        assertEquals("G = 99 does not divide D = 3: each group needs whole features. Took G = 3, the nearest that does.",
                message.getText());
    }

    private static void typeInto(FxRobot robot, Spinner<Integer> g, String text, KeyCode leave) {
        robot.clickOn(g.getEditor());
        robot.interact(() -> g.getEditor().selectAll());
        robot.write(text).type(leave);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** The D field kept a refused 4, and a later message called it the kept value. */
    @Test
    void a_d_that_g_does_not_divide_is_refused_and_the_field_shows_the_d_in_force(FxRobot robot) {
        robot.interact(() -> model.setNormSpec(NormSpec.group(3))); // D = 3
        @SuppressWarnings("unchecked")
        Spinner<Integer> d = robot.lookup("#editor-d").queryAs(Spinner.class);
        robot.doubleClickOn(d.getEditor());
        robot.interact(() -> d.getEditor().setText("4"));
        robot.type(KeyCode.ENTER);
        assertEquals(3, model.getInput().d());
        assertEquals(3, d.getValue());
        assertEquals("3", d.getEditor().getText(), "the field shows the D in force");
        Label message = robot.lookup("#editor-size-message").queryAs(Label.class);
        assertEquals("Not applied: group norm with G = 3 needs D to be a multiple of 3, and D = 4 is not. Choose G first,"
                + " or another D.", message.getText(), "in the window's words, not the core's");
        robot.interact(() -> d.getEditor().setText("x"));
        robot.type(KeyCode.ENTER);
        assertTrue(message.getText().endsWith("Kept 3."), message.getText());
        robot.interact(() -> model.commit(model.getInput(), org.normgraph.app.model.InputLayout.images(3, 1, 1)));
        assertFalse(message.isVisible() && !message.getText().isEmpty(), "x laid out anew: the message about D is stale");
    }

    /** The red refusal of instance norm stayed after an undo. */
    @Test
    void a_refusal_goes_when_the_input_changes(FxRobot robot) {
        robot.interact(() -> model.commit(model.getInput().withEps(1e-3)));
        robot.interact(() -> kind(robot).setValue(NormKind.INSTANCE)); // N×D features: refused
        Label message = robot.lookup("#norm-message").queryAs(Label.class);
        assertTrue(message.isVisible());
        robot.interact(() -> model.undo());
        assertFalse(message.isVisible());
    }

    @Test
    void the_g_arrows_step_through_the_divisors_of_d(FxRobot robot) {
        robot.interact(() -> model.commit(InputEdits.resize(model.getInput(), 4, 12)));
        robot.interact(() -> kind(robot).setValue(NormKind.GROUP));
        assertEquals(NormSpec.group(2), model.getNormSpec());
        @SuppressWarnings("unchecked")
        Spinner<Integer> g = robot.lookup("#toolbar-groups").queryAs(Spinner.class);
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            robot.interact(() -> g.increment());
            seen.add(model.getNormSpec().groups());
        }
        assertEquals(java.util.List.of(3, 4, 6, 12, 12), seen, "every press is taken; 12 is the last");
        robot.interact(() -> g.decrement(2));
        assertEquals(NormSpec.group(4), model.getNormSpec());
        assertFalse(robot.lookup("#norm-message").query().isVisible());

        robot.interact(() -> {
            g.getEditor().setText("5");
            g.commitValue();
        });
        assertEquals(NormSpec.group(6), model.getNormSpec(), "4 and 6 are as near to 5: the larger");
        assertTrue(robot.lookup("#norm-message").queryAs(Label.class).getText().contains("Took G = 6"));
        robot.interact(() -> kind(robot).setValue(NormKind.LAYER));
        assertFalse(robot.lookup("#norm-message").query().isVisible(), "a choice that works clears the message");
    }

    /**
     * A kind chosen by mistake could not be taken back: Ctrl+Z undid the edit before it. Each ↓
     * in the open list shows a kind; together they are one step for undo.
     */
    @Test
    void a_kind_chosen_in_the_box_is_undone_by_ctrl_z_and_redone_by_ctrl_y(FxRobot robot) {
        robot.interact(() -> model.commit(model.getInput(), org.normgraph.app.model.InputLayout.images(3, 1, 1)));
        robot.interact(() -> model.seek(12));
        robot.clickOn("#toolbar-norm");
        robot.type(KeyCode.DOWN, KeyCode.DOWN, KeyCode.DOWN, KeyCode.ENTER); // batch → layer → group → instance
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NormSpec.instance(), model.getNormSpec());
        assertTrue(model.canUndo());
        robot.clickOn("#graph-view");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NormSpec.batch(), model.getNormSpec());
        assertEquals(NormKind.BATCH, kind(robot).getValue(), "the box shows the kind undo brought back");
        assertEquals(org.normgraph.app.model.InputLayout.images(3, 1, 1), model.getInputLayout(), "one undo, one change");
        assertEquals(BatchNormGraph.run(model.getInput()).value("var"), node(robot, "var").getValue());
        assertEquals(12, model.getPosition());
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NormSpec.instance(), model.getNormSpec());
        assertEquals(NormKind.INSTANCE, kind(robot).getValue());
        assertFalse(robot.lookup("#norm-message").query().isVisible(), "nothing was refused or set aside");

        robot.clickOn("#toolbar-norm");
        robot.type(KeyCode.UP, KeyCode.DOWN, KeyCode.ENTER); // group, then instance again
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NormSpec.instance(), model.getNormSpec());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NormSpec.batch(), model.getNormSpec(), "back where the list began leaves no step");
    }

    /** Reset to example under instance norm was refused: "instance norm needs 4-D x". */
    @Test
    void reset_to_example_under_instance_norm_goes_back_to_batch_norm_and_says_so(FxRobot robot) {
        robot.interact(() -> {
            model.commit(InputEdits.randomize(2, org.normgraph.app.model.InputLayout.images(2, 2, 2), 1e-5, 3),
                    org.normgraph.app.model.InputLayout.images(2, 2, 2));
            model.setNormSpec(NormSpec.instance());
        });
        robot.clickOn("#editor-reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(org.normgraph.app.model.Examples.classic(), model.getInput());
        assertEquals(NormSpec.batch(), model.getNormSpec());
        assertTrue(robot.lookup("#norm-message").queryAs(Label.class).getText().startsWith("Instance norm cannot normalize x"),
                robot.lookup("#norm-message").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#editor-size-message").query().isVisible(), "nothing refused at the button");
        robot.interact(() -> model.undo());
        assertEquals(NormSpec.instance(), model.getNormSpec(), "undo brings the images back under instance norm");
        assertFalse(robot.lookup("#norm-message").query().isVisible(), "and nothing is set aside any more");
    }
}
