package org.normgraph.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.app.MainWindow;
import org.normgraph.app.Messages;
import org.normgraph.app.TestStage;
import org.normgraph.app.editor.InputEdits;
import org.normgraph.app.editor.NumberText;
import org.normgraph.app.graph.GraphNodeView;
import org.normgraph.app.model.InputLayout;
import org.normgraph.app.model.Selection;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.GradientCheck;
import org.normgraph.core.Matrix;
import org.normgraph.core.family.NormSpec;
import org.normgraph.core.lab.Pitfall;
import org.normgraph.core.lab.VarianceAccuracy;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The verification lab in the full window, driven like a user would (headless, Monocle). */
@ExtendWith(ApplicationExtension.class)
class LabPanelTest {

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

    private void openLab(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.lab().shownProperty().get(), "Ctrl+L opens the lab");
        waitForResults();
    }

    private void waitForResults() {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                LabModel m = window.lab().model();
                return m.getResults() != null && !m.isBusy();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("lab results did not arrive", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void selectTab(FxRobot robot, String id) {
        robot.interact(() -> {
            TabPane p = window.lab().pane();
            p.getSelectionModel().select(p.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow());
        });
    }

    private static boolean has(FxRobot robot, String query, PseudoClass pc) {
        Node n = robot.lookup(query).query();
        return n.getPseudoClassStates().contains(pc);
    }

    @Test
    void shift_page_down_scrolls_the_lab_from_within_it(FxRobot robot) {
        openLab(robot);
        robot.interact(() -> robot.lookup("#lab-pane").query().requestFocus());
        javafx.scene.control.TabPane lab = robot.lookup("#lab-pane").queryAs(javafx.scene.control.TabPane.class);
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) lab.getSelectionModel().getSelectedItem().getContent();
        assertEquals(0, scroll.getVvalue());
        assertTrue(scroll.getContent().getLayoutBounds().getHeight() > scroll.getViewportBounds().getHeight(),
                "the page is taller than the Lab here");
        int position = model.getPosition();
        robot.press(KeyCode.SHIFT).type(KeyCode.PAGE_DOWN).release(KeyCode.SHIFT);
        assertTrue(scroll.getVvalue() > 0, "scrolled");
        assertEquals(position, model.getPosition(), "no step");
    }

    @Test
    void closing_the_lab_with_the_focus_inside_gives_the_keys_back_to_the_graph(FxRobot robot) {
        openLab(robot);
        robot.interact(() -> robot.lookup("#lab-pane").query().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.lab().shownProperty().get());
        assertTrue(window.graphView().isFocused(), "focus: " + window.graphView().getScene().getFocusOwner());
        robot.type(KeyCode.RIGHT);
        assertEquals(1, model.getPosition(), "the arrow keys step again");
    }

    @Test
    void the_gradient_check_passes_on_the_example_and_marks_the_worst_element(FxRobot robot) {
        openLab(robot);
        LabResults r = window.lab().model().getResults();
        assertEquals(model.getInput(), r.input());
        Label summary = robot.lookup("#lab-check .lab-summary").queryAs(Label.class);
        assertTrue(summary.getStyleClass().contains("pass"), summary.getText());
        assertEquals(3, robot.lookup("#lab-check-table .lab-verdict.pass").queryAll().size());
        // the numbers are the core's
        var core = GradientCheck.check(model.getInput());
        assertTrue(robot.lookup("#lab-check-table .lab-number").queryAll().stream()
                .map(n -> ((Label) n).getText()).anyMatch(t -> t.equals(LabFormat.sci(core.get(0).numeric().relativeError()))));
        assertTrue(robot.lookup(".lab-number").queryAll().stream().noneMatch(n -> ((Label) n).getText().indexOf('\ufeff') >= 0),
                "no no-break marks in monospaced numbers: their font draws them as a blank");
        LabResults.Site worst = r.worstSite();
        assertTrue(has(robot, "#node-" + worst.node(), GraphHighlighter.WORST), "worst node marked: " + worst);
        long marked = robot.lookup(".graph-node").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(GraphHighlighter.WORST)).count();
        assertEquals(1, marked);
        robot.clickOn("#lab-show-worst");
        assertEquals(Selection.element(worst.node(), worst.row(), worst.col()), model.getSelection());
        // closing the lab takes the mark away
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(has(robot, "#node-" + worst.node(), GraphHighlighter.WORST));
        assertTrue(robot.lookup("#lab-pane").tryQuery().isEmpty() || !robot.lookup("#lab-pane").query().isVisible()
                || robot.lookup("#lab-pane").query().getScene() == null);
    }

    @Test
    void at_150_percent_text_the_lab_grows_and_its_tables_keep_whole_words(FxRobot robot) {
        openLab(robot);
        Label summary = robot.lookup("#lab-check .lab-summary").queryAs(Label.class);
        double before = summary.getFont().getSize();
        robot.interact(() -> window.themes().setTextSize(org.normgraph.app.theme.TextSize.LARGER));
        WaitForAsyncUtils.waitForFxEvents(); // the window grows for the text too: let its layout settle
        summary = robot.lookup("#lab-check .lab-summary").queryAs(Label.class);
        assertEquals(1.5, summary.getFont().getSize() / before, 0.02, "the lab follows the text size");
        // looked up on the FX thread: a lookup from the test thread raced the lab's relayout
        robot.interact(() -> {
            for (var n : robot.lookup("#lab-check-table .label").queryAll()) {
                Label l = (Label) n;
                var drawn = (javafx.scene.text.Text) l.lookup(".text");
                // one line, all of it: "Tolerance" is not broken into "Toleranc" and "e"
                assertEquals(l.getText(), drawn.getText(), "cut: " + l.getText());
                assertTrue(l.getHeight() < 2 * l.getFont().getSize(), "wrapped: " + l.getText() + " " + l.getHeight());
            }
        });
        // the sentences wrap at the visible width, not at the (wider) table's: nothing runs on behind the scroll bar
        javafx.scene.Parent p = summary.getParent();
        while (!(p instanceof javafx.scene.control.ScrollPane)) {
            p = p.getParent();
        }
        double visible = ((javafx.scene.control.ScrollPane) p).getViewportBounds().getWidth();
        double table = robot.lookup("#lab-check-table").queryAs(javafx.scene.layout.Region.class).getWidth();
        assertTrue(table > visible, "a table wider than the pane: " + table + " > " + visible);
        for (String sentence : new String[] {"#lab-check .lab-summary", "#lab-check .lab-worst-text"}) {
            Label l = robot.lookup(sentence).queryAs(Label.class);
            assertTrue(l.getWidth() <= visible, sentence + ": " + l.getWidth() + " in " + visible);
        }
        robot.interact(() -> window.themes().setTextSize(org.normgraph.app.theme.TextSize.NORMAL));
    }

    /** Failed before the check allowed for rounding: dx against the simplified formula, 2.3e-9 > 1e-9. */
    @Test
    void the_large_offsets_example_passes_and_says_which_tolerance_was_widened(FxRobot robot) throws Exception {
        var example = org.normgraph.app.files.ExampleSessions.load("large-offsets").input();
        robot.interact(() -> model.commit(example));
        openLab(robot);
        Label summary = robot.lookup("#lab-check .lab-summary").queryAs(Label.class);
        assertTrue(summary.getStyleClass().contains("pass"), summary.getText());
        GradientCheck.Result dx = window.lab().model().getResults().check().get(0);
        assertTrue(dx.widened(), dx.toString());
        assertTrue(robot.lookup("#lab-check-table .lab-number").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals(LabFormat.sci(dx.simplifiedDecidingTolerance()))));
        String note = robot.lookup("#lab-check .lab-tolerance-note").queryAs(Label.class).getText();
        assertTrue(note.startsWith(NumberText.unbroken("Rounding limits this input: x lies up to 4.47e+08 times its spread")),
                "4.47e+08 never wraps between 4.47 and e+08: " + note);
    }

    /**
     * Finite differences that resolve no digit of dx: the headline said all three gradients passed
     * "by central differences" (robustness reviewer's 1e150 / 1e-300 input with eps 5e-324).
     */
    @Test
    void a_pass_that_finite_differences_cannot_see_is_not_said_to_be_theirs(FxRobot robot) {
        BatchNormInput in = model.getInput();
        Matrix x = Matrix.fromRows(new double[][] {{1e150, 1e-300, 5}, {2e150, 2e-300, 5}, {-1e150, -1e-300, 5},
                {3e150, 3e-300, 5}});
        robot.interact(() -> model.commit(new BatchNormInput(x, in.gamma(), in.beta(), in.dout(), 5e-324)));
        openLab(robot);
        LabResults r = window.lab().model().getResults();
        assertTrue(r.checkPassed());
        assertTrue(r.check().get(0).numericUnresolved(), r.check().get(0).toString());
        String summary = robot.lookup("#lab-check .lab-summary").queryAs(Label.class).getText();
        assertEquals(Messages.get("lab.check.summary.pass.unresolved", "4×3", "dx"), summary);
    }

    /** On images the lab spoke of a 2×8 input and gave batch norm of features' simplified formula. */
    @Test
    void on_images_the_lab_names_the_images_shape_and_their_simplified_formula(FxRobot robot) {
        InputLayout images = InputLayout.images(2, 2, 1);
        robot.interact(() -> model.commit(InputEdits.relayout(model.getInput(), model.getInputLayout(), 4, images), images));
        openLab(robot);
        String summary = robot.lookup("#lab-check .lab-summary").queryAs(Label.class).getText();
        assertEquals(Messages.get("lab.check.summary.pass", "4×2×2×1"), summary);
        selectTab(robot, "lab-tab-simplified");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#lab-simplified .lab-explain").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals(Messages.get("lab.simplified.explain.images", "\u03a3_{n,h,w}"))));
        // instance norm's gamma is constant within S: the family's "it changes within S" was wrong there
        robot.interact(() -> model.setNormSpec(NormSpec.instance()));
        waitForResults();
        assertTrue(robot.lookup("#lab-simplified .lab-explain").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals(Messages.get("lab.simplified.explain.instance", ""))));
    }

    /** The Pitfalls tab showed ∞ errors on a constant column with no word on where they come from. */
    @Test
    void std_plus_eps_on_a_constant_column_explains_its_infinite_errors(FxRobot robot) {
        var in = model.getInput();
        var x = in.x();
        for (int i = 0; i < x.rows(); i++) {
            x = x.with(i, 2, 5);
        }
        var constant = in.withX(x);
        robot.interact(() -> model.commit(constant));
        openLab(robot);
        selectTab(robot, "lab-tab-pitfalls");
        @SuppressWarnings("unchecked")
        ComboBox<Pitfall> box = robot.lookup("#lab-pitfall").queryAs(ComboBox.class);
        robot.interact(() -> box.setValue(Pitfall.STD_PLUS_EPS));
        waitForResults();
        Label note = robot.lookup("#lab-pitfall-result .lab-nonfinite").queryAs(Label.class);
        assertTrue(note.getText().startsWith("A column of x is constant here"), note.getText());
    }

    @Test
    void an_edit_recomputes_the_check_for_the_new_input(FxRobot robot) {
        openLab(robot);
        var in = model.getInput();
        robot.interact(() -> model.commit(in.withX(in.x().with(0, 0, 3.5))));
        waitForResults();
        assertEquals(3.5, window.lab().model().getResults().input().x().get(0, 0));
    }

    @ParameterizedTest
    @CsvSource({"STD_PLUS_EPS, sqrtvar, sqrtvar, sqrtvar", "DIVIDE_BY_IVAR, xhat, xhat, xhat",
            "MEAN_FOR_DBETA, beta, dbeta, beta", "FORGET_DX2, mu, dx2, x", "FORGET_DXMU2, sq, dxmu2, xmu",
            "ASSIGN_AT_FAN_OUT, xmu, dx1, x"})
    void a_pitfall_fails_the_check_and_marks_the_first_differing_node(Pitfall pitfall, String node, String name,
                                                                      String owner, FxRobot robot) {
        openLab(robot);
        selectTab(robot, "lab-tab-pitfalls");
        @SuppressWarnings("unchecked")
        ComboBox<Pitfall> box = robot.lookup("#lab-pitfall").queryAs(ComboBox.class);
        robot.interact(() -> box.setValue(pitfall));
        waitForResults();
        assertEquals(pitfall, window.lab().model().getResults().pitfall().pitfall());
        assertFalse(robot.lookup("#lab-pitfall-table .lab-verdict.fail").queryAll().isEmpty(), "the check fails");
        String summary = robot.lookup("#lab-pitfall-result .lab-summary").queryAs(Label.class).getText();
        // eps moved out of the root changes dx by ~eps/var: under finite differences' tolerance
        assertTrue(summary.startsWith(pitfall == Pitfall.STD_PLUS_EPS ? "Finite differences do not catch it"
                : "The gradient check catches it"), summary);
        Label first = robot.lookup("#lab-first-difference").queryAs(Label.class);
        assertTrue(first.getText().contains(name + "["), first.getText());
        // named as the inspector names it: dbeta[0], not dbeta[0][0], at the node it belongs to
        assertTrue(first.getText().contains("(node " + owner + ")"), first.getText());
        if (owner.equals("sqrtvar") || owner.equals("beta")) { // 1×D in batch norm
            assertFalse(first.getText().contains(name + "[0]["), first.getText());
        }
        assertTrue(has(robot, "#node-" + node, GraphHighlighter.FIRST_DIFFERENCE), node + " marked");
        long marked = robot.lookup(".graph-node").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(GraphHighlighter.FIRST_DIFFERENCE)).count();
        assertEquals(1, marked);
        // the text, the mark and "Show" agree on one element: the first that differs (dbeta[0] for dbeta as a mean)
        LabResults r = window.lab().model().getResults();
        LabResults.Site site = r.firstDifferenceSite().orElseThrow();
        assertTrue(first.getText().contains(r.firstDifferenceText(r.pitfall().firstDifference().orElseThrow()).element()
                + " "), first.getText());
        if (pitfall == Pitfall.MEAN_FOR_DBETA) {
            assertTrue(first.getText().contains("dbeta[0] "), first.getText());
        }
        robot.clickOn("#lab-show-first");
        assertNotNull(model.getSelection());
        assertEquals(site.row(), model.getSelection().row());
        assertEquals(site.col(), model.getSelection().col());
    }

    @Test
    void numerics_shows_the_one_pass_error_at_a_large_offset(FxRobot robot) {
        openLab(robot);
        selectTab(robot, "lab-tab-numerics");
        VarianceAccuracy v = VarianceAccuracy.of(VarianceAccuracy.offsetSample(1e8, Numerics.NOISE, Numerics.SAMPLES,
                Numerics.SEED));
        assertTrue(v.onePassRelativeError() > 1e-2, "the demo shows cancellation: " + v);
        Label onePass = robot.lookup("#lab-one-pass-error").queryAs(Label.class);
        assertEquals(LabFormat.sci(v.onePassRelativeError()), onePass.getText());
        @SuppressWarnings("unchecked")
        ComboBox<Double> offset = robot.lookup("#lab-offset").queryAs(ComboBox.class);
        robot.interact(() -> offset.setValue(0.0));
        VarianceAccuracy small = VarianceAccuracy.of(VarianceAccuracy.offsetSample(0, Numerics.NOISE, Numerics.SAMPLES,
                Numerics.SEED));
        assertEquals(LabFormat.sci(small.onePassRelativeError()),
                robot.lookup("#lab-one-pass-error").queryAs(Label.class).getText());
        assertEquals(Numerics.EPS.length, robot.lookup("#lab-eps-table").queryAs(javafx.scene.layout.GridPane.class)
                .getChildren().size() / 5 - 1);
    }

    @Test
    void arrow_keys_in_the_lab_do_not_step_the_timeline(FxRobot robot) {
        openLab(robot);
        selectTab(robot, "lab-tab-pitfalls");
        robot.clickOn("#lab-pitfall");
        robot.type(KeyCode.ESCAPE);
        int before = model.getPosition();
        robot.type(KeyCode.RIGHT);
        assertEquals(before, model.getPosition());
    }

    @Test
    void a_language_switch_keeps_the_lab_open_on_its_tab_with_its_marks(FxRobot robot) {
        openLab(robot);
        selectTab(robot, "lab-tab-pitfalls");
        try {
            robot.interact(() -> window.setLanguage(org.normgraph.app.Language.JAPANESE));
            assertTrue(window.lab().shownProperty().get());
            TabPane p = window.lab().pane();
            assertEquals("lab-tab-pitfalls", p.getSelectionModel().getSelectedItem().getId());
            assertEquals("よくある誤り", p.getSelectionModel().getSelectedItem().getText());
            assertTrue(has(robot, "#node-sqrtvar", GraphHighlighter.FIRST_DIFFERENCE), "the new graph view is marked");
        } finally {
            robot.interact(() -> window.setLanguage(org.normgraph.app.Language.ENGLISH));
        }
    }

    static GraphNodeView nodeView(FxRobot robot, String name) {
        return robot.lookup("#node-" + name).queryAs(GraphNodeView.class);
    }
}
