package org.normgraph.app.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.normgraph.app.family.WindowLookups.formula;
import static org.normgraph.app.family.WindowLookups.kind;
import static org.normgraph.app.family.WindowLookups.node;
import static org.normgraph.app.family.WindowLookups.shape;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.MainWindow;
import org.normgraph.app.graph.GraphNodeView;
import org.normgraph.app.model.InputLayout;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Node;
import org.normgraph.core.Tensor;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** N×C×H×W images chosen in the inputs, instance norm in the bar: the graph shows the core's shapes and numbers. */
@ExtendWith(ApplicationExtension.class)
class ImagesInTheWindowTest {

    private SessionModel model;

    @Start
    void start(Stage stage) {
        model = SessionModel.example(); // 4×3 features
        new MainWindow(model).show(stage, 1240, 780);
    }

    @Test
    void instance_norm_on_a_2x2x2x2_input_shows_each_nodes_shape_and_the_cores_numbers(FxRobot robot) {
        robot.interact(() -> kind(robot).setValue(NormKind.INSTANCE));
        assertEquals(NormSpec.batch(), model.getNormSpec(), "instance norm needs images");
        assertTrue(message(robot).contains("N\u00d7C\u00d7H\u00d7W"), message(robot));

        robot.interact(() -> layout(robot).setValue(true)); // 3 features → 3 channels of 1×1
        assertEquals(InputLayout.images(3, 1, 1), model.getInputLayout());
        twoImagesOf2x2x2(robot);
        assertEquals(InputLayout.images(2, 2, 2), model.getInputLayout());
        assertEquals(2, model.getInput().n());
        robot.interact(() -> model.last());
        robot.interact(() -> kind(robot).setValue(NormKind.INSTANCE));
        assertEquals(NormSpec.instance(), model.getNormSpec());
        assertFalse(robot.lookup("#norm-message").query().isVisible());

        assertEquals("N\u00d7C\u00d7H\u00d7W = 2\u00d72\u00d72\u00d72", shape(robot, "x"));
        assertEquals("N\u00d7C\u00d7H\u00d7W = 2\u00d72\u00d72\u00d72", shape(robot, "xhat"));
        assertEquals("N\u00d7C = 2\u00d72", shape(robot, "mu"));
        assertEquals("N\u00d7C = 2\u00d72", shape(robot, "ivar"));
        assertEquals("1\u00d7C = 1\u00d72", shape(robot, "gamma"));
        robot.interact(() -> model.setSelection(org.normgraph.app.model.Selection.node("sq")));
        assertEquals("2\u00d72\u00d72\u00d72  (N\u00d7C\u00d7H\u00d7W)",
                robot.lookup("#inspector-shape").queryAs(javafx.scene.control.Label.class).getText(),
                "the inspector names the shape as the graph does, not 2×8 (N×D)");
        assertTrue(formula(robot, "mu").contains("mean over H, W: one per image and channel"), formula(robot, "mu"));
        // instance norm has no groups: "copied to the 4 columns of its group" was group norm's words
        assertTrue(formula(robot, "bcast_mu").contains("copied to the H\u00b7W = 4 columns of its image\u2019s channel"),
                formula(robot, "bcast_mu"));
        assertTrue(formula(robot, "bcast_gamma").contains("N rows and the 4 columns (H\u00b7W) of its channel"),
                formula(robot, "bcast_gamma"));

        // the same numbers as the core's trace of the 4-D input
        var in = model.getInput();
        NormInput in4 = new NormInput(Tensor.of(new int[] {2, 2, 2, 2}, in.x().toArray()),
                Tensor.vector(in.gamma().get(0, 0), in.gamma().get(0, 4)),
                Tensor.vector(in.beta().get(0, 0), in.beta().get(0, 4)),
                Tensor.of(new int[] {2, 2, 2, 2}, in.dout().toArray()), in.eps());
        Trace core = BatchNormGraph.run(NormLayout.of(NormSpec.instance(), 2, 2, 2, 2), in4);
        for (Node n : model.getGraph().nodes()) {
            GraphNodeView v = node(robot, n.name());
            assertEquals(core.value(n.name()), v.getValue(), n.name());
            assertEquals(core.gradient(n.name()), v.getGradient(), "d" + n.name());
        }
    }

    @Test
    void grids_head_image_columns_by_c_h_w_and_a_row_longer_than_16_is_refused_keeping_the_layout(FxRobot robot) {
        robot.interact(() -> layout(robot).setValue(true));
        robot.interact(() -> {
            spinner(robot, "#editor-c").getValueFactory().setValue(2);
            spinner(robot, "#editor-h").getValueFactory().setValue(2);
        });
        assertEquals(InputLayout.images(2, 2, 1), model.getInputLayout());
        assertTrue(robot.lookup("#norm-note").queryAs(Label.class).getText().startsWith("Spatial batch norm"),
                "batch norm of images is per channel");
        var x = robot.lookup("#editor-x").queryAs(org.controlsfx.control.spreadsheet.SpreadsheetView.class);
        assertEquals(java.util.List.of("(0,0,0)", "(0,1,0)", "(1,0,0)", "(1,1,0)"), x.getGrid().getColumnHeaders());
        var gamma = robot.lookup("#editor-gamma").queryAs(org.controlsfx.control.spreadsheet.SpreadsheetView.class);
        assertEquals(2, gamma.getGrid().getColumnCount(), "gamma per channel");

        robot.interact(() -> spinner(robot, "#editor-w").getValueFactory().setValue(5)); // 2·2·5 = 20
        assertEquals(InputLayout.images(2, 2, 1), model.getInputLayout());
        assertEquals(1, spinner(robot, "#editor-w").getValue(), "the spinner shows the W that stays");
        String size = robot.lookup("#editor-size-message").queryAs(Label.class).getText();
        assertTrue(size.contains("C\u00b7H\u00b7W = 2\u00b72\u00b75 = 20"), size);
    }

    /** Back to features under instance norm was refused in the core's English: "norm: instance norm needs 4-D x …". */
    @Test
    void features_under_instance_norm_are_refused_in_the_windows_words(FxRobot robot) {
        robot.interact(() -> layout(robot).setValue(true));
        robot.interact(() -> kind(robot).setValue(NormKind.INSTANCE));
        assertEquals(NormSpec.instance(), model.getNormSpec());
        robot.interact(() -> layout(robot).setValue(false));
        assertTrue(model.getInputLayout().images(), "the layout stays");
        assertTrue(layout(robot).getValue(), "the choice shows the layout kept");
        String size = robot.lookup("#editor-size-message").queryAs(Label.class).getText();
        assertEquals(org.normgraph.app.Messages.get("editor.refused.input", org.normgraph.app.Messages.get("norm.refused.instance")),
                size);
    }

    @Test
    void randomize_on_images_shows_the_new_values_in_the_grids(FxRobot robot) {
        robot.interact(() -> layout(robot).setValue(true));
        twoImagesOf2x2x2(robot);
        robot.clickOn("#editor-randomize");
        WaitForAsyncUtils.waitForFxEvents();
        var x = robot.lookup("#editor-x").queryAs(org.controlsfx.control.spreadsheet.SpreadsheetView.class);
        var in = model.getInput();
        for (int col = 0; col < 8; col++) {
            assertEquals(org.normgraph.app.editor.NumberText.exact(in.x().get(1, col)),
                    x.getGrid().getRows().get(1).get(col).getItem(), "x[1][" + col + "]");
        }
        // what the grid draws, not only what it holds
        java.util.Set<String> drawn = new java.util.HashSet<>();
        robot.lookup("#editor-x .spreadsheet-cell").queryAll().forEach(n -> {
            if (n instanceof javafx.scene.control.Labeled l && l.getText() != null) {
                drawn.add(l.getText());
            }
        });
        assertTrue(drawn.contains(org.normgraph.app.editor.NumberText.exact(in.x().get(0, 0))), drawn.toString());
        assertTrue(drawn.contains(org.normgraph.app.editor.NumberText.exact(in.x().get(1, 0))), drawn.toString());
    }

    @Test
    void typing_into_an_image_grid_moves_on_with_enter_like_the_feature_grids(FxRobot robot) {
        robot.interact(() -> layout(robot).setValue(true));
        twoImagesOf2x2x2(robot);
        robot.clickOn(org.normgraph.app.editor.GridRobot.cell(robot, "x", 0, 1));
        org.normgraph.app.editor.GridRobot.typeText(robot, "10");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        org.normgraph.app.editor.GridRobot.typeText(robot, "20");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10.0, model.getInput().x().get(0, 1));
        assertEquals(20.0, model.getInput().x().get(1, 1), "Enter moved on to the next row");
    }

    /** N = 2, C = H = W = 2 through the spinners, as a learner sets them. */
    private static void twoImagesOf2x2x2(FxRobot robot) {
        robot.interact(() -> {
            for (String id : java.util.List.of("#editor-n", "#editor-c", "#editor-h", "#editor-w")) {
                spinner(robot, id).getValueFactory().setValue(2);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Boolean> layout(FxRobot robot) {
        return robot.lookup("#editor-layout").queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static Spinner<Integer> spinner(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Spinner.class);
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#norm-message").queryAs(Label.class).getText();
    }
}
