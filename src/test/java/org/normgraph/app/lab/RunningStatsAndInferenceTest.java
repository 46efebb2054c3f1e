package org.normgraph.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.MainWindow;
import org.normgraph.app.Messages;
import org.normgraph.app.TestStage;
import org.normgraph.app.graph.EdgeView;
import org.normgraph.app.editor.InputEdits;
import org.normgraph.app.graph.GraphNodeView;
import org.normgraph.app.model.InputLayout;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNorm;
import org.normgraph.core.Edge;
import org.normgraph.core.InferenceGraph;
import org.normgraph.core.Matrix;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormSpec;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Running statistics plotted in the lab, then the main graph in inference mode. */
@ExtendWith(ApplicationExtension.class)
class RunningStatsAndInferenceTest {

    private static final PseudoClass HAS_GRADIENT = PseudoClass.getPseudoClass("has-gradient");
    private static final PseudoClass COMPUTED = PseudoClass.getPseudoClass("computed");

    private SessionModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        model = SessionModel.example();
        window = new MainWindow(model);
        // the stage is shared by the test classes: one with a narrow scene leaves it narrow
        TestStage.resize(stage, 1240, 780);
        window.show(stage, 1240, 780);
    }

    private void openRunningTab(FxRobot robot) {
        robot.interact(() -> {
            window.lab().shownProperty().set(true);
            TabPane p = window.lab().pane();
            p.getSelectionModel().select(p.getTabs().stream().filter(t -> "lab-tab-running".equals(t.getId()))
                    .findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
        waitIdle();
    }

    /** Runs off the FX thread: wait until the result is published. */
    private void waitIdle() {
        try {
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> !window.lab().running().isBusy());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the run did not finish", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void run(FxRobot robot) {
        robot.clickOn("#lab-run");
        waitIdle();
    }

    @SuppressWarnings("unchecked")
    private static LineChart<Number, Number> chart(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(LineChart.class);
    }

    @Test
    void the_plot_has_k_points_per_series_and_converges_to_the_population(FxRobot robot) {
        openRunningTab(robot);
        RunningStatsModel m = window.lab().running();
        robot.interact(() -> {
            m.conventionProperty().set(BatchNorm.RunningStats.CLASSIC);
            m.batchesProperty().set(120);
            m.rowsProperty().set(32);
        });
        run(robot);
        assertEquals(0.9, m.momentumProperty().get(), "the convention brings its momentum");
        var meanChart = chart(robot, "#lab-chart-mean");
        var varChart = chart(robot, "#lab-chart-var");
        XYChart.Series<Number, Number> running = meanChart.getData().get(0);
        assertEquals(120, running.getData().size());
        assertEquals(120, varChart.getData().get(0).getData().size());
        // the points are the layer's running statistics, batch by batch
        for (int k = 0; k < 120; k++) {
            assertEquals(m.getResult().means().get(k).get(0, 0), running.getData().get(k).getYValue().doubleValue());
            assertEquals(k + 1, running.getData().get(k).getXValue().intValue());
        }
        // converging: far from the population mean 2 at first (classic starts at 0), close at the end
        double first = running.getData().get(0).getYValue().doubleValue();
        double last = running.getData().get(119).getYValue().doubleValue();
        assertTrue(Math.abs(first - 2) > 1.5, "first " + first);
        assertTrue(Math.abs(last - 2) < 0.3, "last " + last);
        double lastVar = varChart.getData().get(0).getData().get(119).getYValue().doubleValue();
        double settles = varChart.getData().get(1).getData().get(0).getYValue().doubleValue();
        assertEquals(1.0 * 31 / 32, settles, 1e-12, "classic settles at (N − 1)/N of σ² = 1");
        assertEquals(settles, lastVar, 0.35);
    }

    @Test
    void a_bad_population_is_refused_at_the_field_and_the_last_plot_stays(FxRobot robot) {
        openRunningTab(robot);
        RunningStatsModel m = window.lab().running();
        var before = m.getResult();
        robot.interact(() -> m.meanProperty().set("1, abc, 2"));
        run(robot);
        assertEquals(before, m.getResult());
        Label error = robot.lookup(".lab-error").queryAs(Label.class);
        assertTrue(error.getText().contains("abc"), error.getText());
    }

    @Test
    void the_example_population_follows_d_and_typed_text_stays(FxRobot robot) {
        openRunningTab(robot);
        RunningStatsModel m = window.lab().running();
        assertEquals("2, -1, 0.5", m.meanProperty().get());
        robot.interact(() -> model.commit(InputEdits.resize(model.getInput(), 4, 8)));
        waitIdle();
        assertEquals("2, -1, 0.5, 2, -1, 0.5, 2, -1", m.meanProperty().get());
        assertEquals("1, 0.5, 2, 1, 0.5, 2, 1, 0.5", m.stdProperty().get());
        assertNull(m.errorProperty().get());
        assertEquals(8, m.getResult().populationMean().cols(), "the plot is run again for the new D");
        assertFalse(robot.lookup(".lab-error").queryAs(Label.class).isVisible());

        robot.interact(() -> m.stdProperty().set("1, 2, 3, 4, 5, 6, 7, 8"));
        robot.interact(() -> model.commit(InputEdits.resize(model.getInput(), 4, 3)));
        waitIdle();
        assertEquals("2, -1, 0.5", m.meanProperty().get());
        assertEquals("1, 2, 3, 4, 5, 6, 7, 8", m.stdProperty().get(), "typed text is the user's: it stays");
        Label error = robot.lookup(".lab-error").queryAs(Label.class);
        assertTrue(error.isVisible() && error.getText().contains("3 numbers"), error.getText());
        assertEquals(8, m.getResult().populationMean().cols(), "the last good plot stays");
    }

    @Test
    void inference_mode_shows_the_constants_and_no_gradient_flows_into_them(FxRobot robot) {
        openRunningTab(robot);
        run(robot);
        robot.clickOn("#lab-inference-on");
        assertTrue(model.isInference());
        assertTrue(InferenceGraph.isInference(model.getGraph()));
        // the graph view draws the inference graph: mu and var are given inputs, there is no sq
        assertTrue(robot.lookup("#node-sq").tryQuery().isEmpty(), "no sq in inference");
        GraphNodeView mu = robot.lookup("#node-mu").queryAs(GraphNodeView.class);
        assertTrue(mu.getStyleClass().contains("input"), mu.getStyleClass().toString());
        assertTrue(mu.getPseudoClassStates().contains(COMPUTED), "a constant is known at the start");
        RunningStatsModel m = window.lab().running();
        assertEquals(m.getResult().layer().runningMean(), mu.getValue());
        robot.interact(model::last);
        for (String c : InferenceGraph.constants(model.getGraph())) {
            GraphNodeView v = robot.lookup("#node-" + c).queryAs(GraphNodeView.class);
            assertFalse(v.getPseudoClassStates().contains(HAS_GRADIENT), c + " shows no gradient");
            assertNull(v.getGradient(), c);
        }
        for (Edge e : model.getGraph().edges()) {
            EdgeView ev = window.graphView().edgeView(e);
            boolean intoConstant = InferenceGraph.constants(model.getGraph()).contains(e.from());
            assertEquals(!intoConstant, ev.getPseudoClassStates().contains(EdgeView.HAS_GRADIENT), e.toString());
        }
        GraphNodeView x = robot.lookup("#node-x").queryAs(GraphNodeView.class);
        assertTrue(x.getPseudoClassStates().contains(HAS_GRADIENT));
        // one branch each: xmu's gradient is dxmu and what reaches x is dx (no dx1, dxmu1 in inference)
        assertEquals("dxmu", robot.lookup("#node-xmu").queryAs(GraphNodeView.class).gradientName());
        assertEquals("dx", window.graphView().edgeView(new Edge("x", "xmu", 0)).gradientName());
        assertEquals("dxmu", window.graphView().edgeView(new Edge("xmu", "xhat", 0)).gradientName());
        // dx = dout ⊙ gamma ⊙ ivar with the running variance, as the layer computes it
        Trace t = model.getTrace();
        BatchNorm.Gradients g = m.getResult().layer().inferBackward(model.getInput().x(), model.getInput().gamma(),
                model.getInput().dout());
        assertEquals(g.dx(), x.getGradient());
        assertEquals(t.gradient("x"), x.getGradient());
        assertTrue(window.root().lookup("#status-line") instanceof Label l && l.getText().contains("dx"));
        // the inspector names xmu's gradient dxmu and says a constant gets none
        robot.interact(() -> model.setSelection(org.normgraph.app.model.Selection.element("xmu", 1, 1)));
        assertTrue(labels(robot, "#inspector-gradient").contains("Gradient dxmu"), labels(robot, "#inspector-gradient").toString());
        robot.interact(() -> model.setSelection(org.normgraph.app.model.Selection.element("mu", 0, 1)));
        assertTrue(labels(robot, "#inspector-gradient").stream().anyMatch(s -> s.startsWith("A constant in inference")),
                labels(robot, "#inspector-gradient").toString());
        // and back: the training graph with sq and its two reductions
        robot.clickOn("#lab-inference-off");
        assertFalse(model.isInference());
        assertTrue(robot.lookup("#node-sq").tryQuery().isPresent());
        assertTrue(robot.lookup("#node-mu").queryAs(GraphNodeView.class).getStyleClass().contains("reduction"));
        assertEquals("dx1", robot.lookup("#node-xmu").queryAs(GraphNodeView.class).gradientName());
        assertEquals("dx1", window.graphView().edgeView(new Edge("x", "xmu", 0)).gradientName());
    }

    private static java.util.List<String> labels(FxRobot robot, String id) {
        return robot.lookup(id + " .label").queryAll().stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void a_new_d_leaves_inference_mode(FxRobot robot) {
        openRunningTab(robot);
        run(robot);
        robot.clickOn("#lab-inference-on");
        var in = model.getInput();
        Matrix x2 = Matrix.of(in.n(), 2, new double[in.n() * 2]);
        robot.interact(() -> model.commit(new org.normgraph.core.BatchNormInput(x2, Matrix.rowVector(1, 1),
                Matrix.rowVector(0, 0), Matrix.filled(in.n(), 2, 1), in.eps())));
        assertFalse(model.isInference());
        assertTrue(robot.lookup("#node-sq").tryQuery().isPresent());
    }

    /** On images the tab ran one statistic per (c,h,w) column, and "Use in inference mode" was refused in English. */
    @Test
    void images_get_one_running_statistic_per_channel_and_spatial_inference(FxRobot robot) {
        InputLayout images = InputLayout.images(2, 2, 1);
        robot.interact(() -> model.commit(InputEdits.relayout(model.getInput(),
                model.getInputLayout(), 4, images), images));
        openRunningTab(robot);
        RunningStatsModel m = window.lab().running();
        assertEquals("2, -1", m.meanProperty().get(), "one population mean per channel");
        run(robot);
        assertEquals(2, m.getResult().layer().runningMean().cols());
        assertEquals(List.of(0, 1), robot.lookup("#lab-feature").queryComboBox().getItems());
        assertTrue(labels(robot, "#lab-running").contains(Messages.get("lab.running.feature.images")));
        assertEquals(Messages.get("lab.running.chart.mean.images", 0), chart(robot, "#lab-chart-mean").getTitle());
        robot.clickOn("#lab-inference-on");
        assertTrue(model.isInference());
        assertTrue(InferenceGraph.isInference(model.getGraph()));
        assertEquals(m.getResult().layer().runningMean(), model.getTrace().value("mu"));
        assertTrue(robot.lookup("#node-sq").tryQuery().isEmpty(), "no sq in inference");
        for (String constant : List.of("#node-mu", "#node-var")) { // "!graph.input.var.images!" was drawn
            assertTrue(robot.lookup(constant + " .label").queryAll().stream()
                    .noneMatch(n -> ((Label) n).getText() != null && ((Label) n).getText().startsWith("!")), constant);
        }
        // back to features: the plot is per feature again, run anew for D = 4
        InputLayout features = InputLayout.features(4);
        robot.interact(() -> model.commit(InputEdits.relayout(model.getInput(),
                model.getInputLayout(), 4, features), features));
        waitIdle();
        assertEquals(4, m.getResult().layer().runningMean().cols());
        assertTrue(labels(robot, "#lab-running").contains(Messages.get("lab.running.feature")));
    }

    /**
     * From layer norm, "Use in inference mode" switched the kind to batch norm without a word, and
     * choosing layer norm in inference left it without one either (learner reviewer).
     */
    @Test
    void the_kind_inference_leaves_and_the_inference_a_kind_leaves_are_said(FxRobot robot) {
        robot.interact(() -> model.setNormSpec(NormSpec.layer()));
        openRunningTab(robot);
        run(robot);
        robot.clickOn("#lab-inference-on");
        assertEquals(NormSpec.batch(), model.getNormSpec());
        assertTrue(labels(robot, "#lab-running").contains(Messages.get("lab.running.mode.inference.kind",
                Messages.get("norm.kind.layer"))), labels(robot, "#lab-running").toString());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<NormKind> kind =
                    robot.lookup("#toolbar-norm").queryAs(ComboBox.class);
            kind.setValue(NormKind.LAYER);
        });
        assertFalse(model.isInference());
        assertEquals(Messages.get("norm.inference.left", Messages.get("norm.kind.layer")),
                robot.lookup("#norm-message").queryAs(Label.class).getText());
        assertTrue(labels(robot, "#lab-running").contains(Messages.get("lab.running.mode.training")));
        // back to inference from the Lab: the bar's "training again" would contradict it
        robot.clickOn("#lab-inference-on");
        assertTrue(model.isInference());
        assertFalse(robot.lookup("#norm-message").queryAs(Label.class).isVisible());
    }

    /** In inference the gradient check showed training's dx next to a graph of other numbers, without a word. */
    @Test
    void in_inference_the_checks_say_they_are_of_training(FxRobot robot) {
        openRunningTab(robot);
        run(robot);
        robot.clickOn("#lab-inference-on");
        WaitForAsyncUtils.waitForFxEvents();
        Label note = robot.lookup(".lab-inference-note").queryAs(Label.class); // the gradient check's, and the others
        assertTrue(note.isVisible(), "said while in inference");
        assertEquals(Messages.get("lab.inference.note"), note.getText());
        robot.clickOn("#lab-inference-off");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(note.isVisible(), "and gone in training");
    }
}
