package org.normgraph.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.editor.NumberText;
import org.normgraph.app.model.Examples;
import org.normgraph.app.model.Selection;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Matrix;
import org.normgraph.core.Trace;
import org.normgraph.timeline.Timeline;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class InspectorPaneTest {

    private static final int END = 19;

    private final Trace trace = BatchNormGraph.run(Examples.classic());
    private final SimpleObjectProperty<Trace> traceProperty = new SimpleObjectProperty<>(trace);
    private final SimpleObjectProperty<Selection> selection = new SimpleObjectProperty<>();
    private final SimpleIntegerProperty position = new SimpleIntegerProperty(END);
    private InspectorPane pane;

    @Start
    void start(Stage stage) {
        pane = new InspectorPane(traceProperty, selection, position);
        stage.setScene(new Scene(new StackPane(pane), 440, 780));
        stage.show();
    }

    @Test
    void with_nothing_selected_it_says_how_to_select(FxRobot robot) {
        Label hint = robot.lookup("#inspector-hint").queryAs(Label.class);
        assertTrue(hint.getText().startsWith("Select a node in the graph"), hint.getText());
        robot.interact(() -> {
            traceProperty.set(null);
            selection.set(Selection.node("xhat"));
        });
        assertEquals("Nothing to inspect yet: no inputs have been run.", text(robot, "#inspector-hint"));
    }

    @Test
    void a_node_shows_its_name_kind_shape_and_core_op(FxRobot robot) {
        robot.interact(() -> selection.set(Selection.node("xhat")));
        assertEquals("xhat", text(robot, "#inspector-title"));
        assertEquals("elementwise", text(robot, "#inspector-kind"));
        assertEquals("4\u00d73  (N\u00d7D)", text(robot, "#inspector-shape"));
        // a no-break space: "(⊙)" alone on the next line said nothing
        assertEquals("element-wise product: core op Multiply\u00a0(\u2299)", text(robot, "#inspector-op"));
        robot.interact(() -> selection.set(Selection.node("xmu")));
        assertEquals("fan-out \u00d72", text(robot, "#inspector-fanout"));
        robot.interact(() -> selection.set(Selection.node("bcast_gamma")));
        assertEquals("broadcast", text(robot, "#inspector-kind"));
        assertTrue(text(robot, "#inspector-op").startsWith("copy (broadcast): core op BlockBroadcast"),
                text(robot, "#inspector-op"));
    }

    /** The inspector showed only the class name (Multiply, BlockMean) in every language. */
    @Test
    void every_op_of_every_kind_has_a_name_in_words_before_its_class() {
        for (var spec : java.util.List.of(org.normgraph.core.family.NormSpec.batch(), org.normgraph.core.family.NormSpec.layer(),
                org.normgraph.core.family.NormSpec.group(2), org.normgraph.core.family.NormSpec.instance())) {
            var layout = org.normgraph.core.family.NormLayout.of(spec, 2, 2, 2, 2);
            for (var node : org.normgraph.core.BatchNormGraph.build(layout, 1e-5).nodes()) {
                if (node.op() != null) {
                    String type = node.op().getClass().getSimpleName();
                    assertTrue(InspectorPaneSkin.opText(node.op()).contains(": core op " + type), spec + " " + node.name());
                    // the symbol stays whole: "BlockMean (Σ/" | "(D/G))" in a narrow pane
                    assertTrue(InspectorPaneSkin.opText(node.op()).contains(
                            org.normgraph.app.editor.NumberText.unbrokenWords(node.op().symbol())), node.op().symbol());
                }
            }
        }
    }

    @Test
    void an_edit_while_a_node_is_inspected_writes_the_new_numbers_into_the_same_labels(FxRobot robot) {
        robot.interact(() -> selection.set(Selection.element("bcast_gamma", 2, 1)));
        MatrixTable values = robot.lookup("#inspector-value .matrix-table").queryAs(MatrixTable.class);
        Label kept = values.cell(0, 0);
        Node chainLine = robot.lookup("#chain-gradient").query();
        var edited = Examples.classic().withX(Examples.classic().x().with(2, 1, 7.5));
        Trace after = BatchNormGraph.run(edited);
        robot.interact(() -> traceProperty.set(after));
        // the same table and labels (no 512 new labels per edit at 32×16), the new numbers in them
        assertEquals(values, robot.lookup("#inspector-value .matrix-table").queryAs(MatrixTable.class));
        assertEquals(kept, values.cell(0, 0));
        assertEquals(ChainRuleExplainer.num(after.value("bcast_gamma").get(0, 0)), kept.getText());
        assertTrue(values.cell(2, 1).getStyleClass().contains("selected"));
        assertEquals("dbcast_gamma[2][1] = dgammax[2][1] \u00b7 xhat[2][1] = " + num(after.gradient("gammax").get(2, 1))
                + " \u00b7 " + paren(after.value("xhat").get(2, 1)) + " = " + num(after.gradient("bcast_gamma").get(2, 1)),
                text(robot, "#chain-gradient"), "the chain rule with the new trace's numbers");
        assertEquals(chainLine, robot.lookup("#chain-gradient").query(), "the same chain-rule labels");
        // a new shape builds the tables again
        Trace small = BatchNormGraph.run(org.normgraph.app.editor.InputEdits.resize(Examples.classic(), 3, 3));
        robot.interact(() -> traceProperty.set(small));
        assertNotEquals(values, robot.lookup("#inspector-value .matrix-table").queryAs(MatrixTable.class));
    }

    @Test
    void numbers_that_four_digits_would_write_alike_get_the_digits_that_tell_them_apart(FxRobot robot) {
        var x = org.normgraph.core.Matrix.of(4, 3,
                100000000.1, 2, 0, 100000000.2, 4, -1, 100000000.3, 0, 2, 100000000.4, 2, 3);
        robot.interact(() -> traceProperty.set(BatchNormGraph.run(Examples.classic().withX(x))));
        robot.interact(() -> selection.set(Selection.node("x")));
        MatrixTable values = robot.lookup("#inspector-value .matrix-table").queryAs(MatrixTable.class);
        assertEquals("100000000.1", values.cell(0, 0).getText(), "not 1e8 in every row");
        assertEquals("100000000.4", values.cell(3, 0).getText());
        assertEquals("4", values.cell(1, 1).getText(), "the other columns' small numbers stay short");
        robot.interact(() -> selection.set(Selection.node("mu")));
        MatrixTable mu = robot.lookup("#inspector-value .matrix-table").queryAs(MatrixTable.class);
        assertEquals("100000000.25", mu.cell(0, 0).getText(), "one row, no spread: whole all the same");
        robot.interact(() -> selection.set(Selection.node("x")));
        values = robot.lookup("#inspector-value .matrix-table").queryAs(MatrixTable.class);
        robot.interact(() -> traceProperty.set(BatchNormGraph.run(Examples.classic())));
        assertEquals("1", values.cell(0, 0).getText(), "and the same labels go back to four digits");
    }

    @Test
    void a_longer_number_widens_its_column_and_the_table_stays_aligned(FxRobot robot) {
        robot.interact(() -> selection.set(Selection.node("xmu")));
        MatrixTable values = robot.lookup("#inspector-value .matrix-table").queryAs(MatrixTable.class);
        double narrow = values.cell(0, 1).getWidth();
        Trace wide = BatchNormGraph.run(Examples.classic().withX(Examples.classic().x().with(2, 1, -1234567.25)));
        robot.interact(() -> traceProperty.set(wide));
        assertEquals(values, robot.lookup("#inspector-value .matrix-table").queryAs(MatrixTable.class));
        assertTrue(values.cell(2, 1).getText().length() > 6, values.cell(2, 1).getText());
        assertTrue(values.cell(0, 1).getWidth() > narrow, "column 1 grew from " + narrow);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                Label c = values.cell(i, j);
                assertTrue(c.getWidth() >= c.prefWidth(-1) - 0.5, "cell " + i + "," + j + " shows its whole number");
                assertEquals(values.cell(0, j).getLayoutX(), c.getLayoutX(), "column " + j + " is one column");
                assertEquals(values.cell(i, 0).getLayoutY(), c.getLayoutY(), "row " + i + " is one row");
            }
        }
        assertTrue(values.cell(0, 2).getLayoutX() >= values.cell(0, 1).getLayoutX() + values.cell(0, 1).getWidth());
        // the pointer over a cell colours its border and changes no size
        double w = values.cell(1, 1).getWidth();
        robot.moveTo(values.cell(1, 1));
        robot.interact(() -> { });
        assertEquals(w, values.cell(1, 1).getWidth());
        assertEquals(values.cell(0, 2).getLayoutX(), values.cell(1, 2).getLayoutX());
    }

    @Test
    void an_element_of_a_broadcast_node_shows_the_chain_rule_with_the_traces_numbers(FxRobot robot) {
        robot.interact(() -> selection.set(Selection.element("bcast_gamma", 2, 1)));
        double dgammax = trace.gradient("gammax").get(2, 1);
        double xhat = trace.value("xhat").get(2, 1);
        double result = trace.gradient("bcast_gamma").get(2, 1);
        assertEquals("dbcast_gamma[2][1] = dgammax[2][1] \u00b7 xhat[2][1] = " + num(dgammax) + " \u00b7 ("
                + num(xhat) + ") = " + num(result), text(robot, "#chain-gradient"));

        // and its source row: the backward of a broadcast sums the N rows
        robot.interact(() -> selection.set(Selection.element("gamma", 0, 1)));
        Matrix up = trace.gradient("bcast_gamma");
        String sum = num(up.get(0, 1)) + " + " + paren(up.get(1, 1)) + " + " + paren(up.get(2, 1)) + " + " + paren(up.get(3, 1));
        assertEquals("dgamma[1] = \u03a3_i dbcast_gamma[i][1] = " + sum + " = " + num(trace.gradient("gamma").get(0, 1)),
                text(robot, "#chain-gradient"));
    }

    @Test
    void an_element_of_the_fan_out_node_xmu_shows_both_branches_and_their_sum(FxRobot robot) {
        robot.interact(() -> selection.set(Selection.element("xmu", 2, 1)));
        double b1 = trace.contribution("xmu", "xhat").get(2, 1);
        double b2 = trace.contribution("xmu", "sq").get(2, 1);
        double sum = trace.gradient("xmu").get(2, 1);
        assertEquals("dx1[2][1] = dxmu1[2][1] + dxmu2[2][1] = " + num(b1) + " + " + paren(b2) + " = " + num(sum),
                text(robot, "#chain-gradient"));
        assertTrue(text(robot, "#chain-branch-dxmu1").startsWith("dxmu1[2][1] = dxhat[2][1] \u00b7 ivar[1] = "));
        assertTrue(text(robot, "#chain-branch-dxmu1").endsWith(" = " + num(b1)));
        assertTrue(text(robot, "#chain-branch-dxmu2").startsWith("dxmu2[2][1] = 2 \u00b7 xmu[2][1] \u00b7 dsq[2][1] = "));
        assertTrue(text(robot, "#chain-branch-dxmu2").endsWith(" = " + num(b2)));
        assertTrue(robot.lookup("#inspector-branch-dxmu1").tryQuery().isPresent());
        assertTrue(robot.lookup("#inspector-branch-dxmu2").tryQuery().isPresent());
    }

    @Test
    void a_gradient_stays_hidden_until_the_timeline_reveals_it(FxRobot robot) {
        Timeline t = new Timeline(trace.graph());
        int dxmu1 = Timeline.backwardPosition(7);
        robot.interact(() -> {
            position.set(dxmu1 - 1);
            selection.set(Selection.element("xmu", 0, 0));
        });
        assertTrue(text(robot, "#chain-gradient").startsWith("Appears at backward step\u00A02"));
        assertTrue(text(robot, "#chain-branch-dxmu1").startsWith("Appears at backward step\u00A07"));
        robot.interact(() -> position.set(dxmu1));
        t.seek(dxmu1);
        assertTrue(t.contributionShown(trace.graph().consumers("xmu").stream().filter(e -> e.to().equals("xhat")).findFirst().orElseThrow()));
        assertTrue(text(robot, "#chain-branch-dxmu1").startsWith("dxmu1[0][0] = "));
        assertTrue(text(robot, "#chain-gradient").startsWith("Appears at"), "the sum comes later");
        robot.interact(() -> position.set(0));
        assertTrue(text(robot, "#chain-value").startsWith("Appears at forward step\u00A02"));
    }

    @Test
    void a_long_chain_rule_line_wraps_indented_under_its_first_line(FxRobot robot) {
        // dmu sums 32 rows: its numbers line wraps in a narrow pane and must stay indented
        Trace tall = BatchNormGraph.run(org.normgraph.app.editor.InputEdits.resize(Examples.classic(), 32, 3));
        robot.interact(() -> {
            traceProperty.set(tall);
            selection.set(Selection.element("mu", 0, 1));
        });
        Parent lines = robot.lookup("#chain-gradient").queryAs(Parent.class);
        var labels = lines.getChildrenUnmodifiable().stream().map(c -> (Label) c).toList();
        assertEquals(4, labels.size(), "target, = names, = numbers, = result");
        Label first = labels.get(0);
        Label numbers = labels.get(2);
        assertTrue(numbers.getText().startsWith("= "), numbers.getText());
        assertTrue(numbers.getHeight() > 2.5 * first.getFont().getSize(), "wrapped: " + numbers.getHeight());
        double indent = numbers.getInsets().getLeft();
        assertTrue(indent > 2 * first.getFont().getSize(), "every wrapped row starts " + indent + " px in");
        assertEquals(first.getBoundsInParent().getMinX(), numbers.getBoundsInParent().getMinX(), 0.5,
                "the indent is the label's padding, which its wrapped rows keep");
    }

    /** At 1366 × 768 "dxmu1[0][0] = dxhat[0][0] ·" wrapped "ivar[0]" back to the left edge, under the target. */
    @Test
    void the_names_follow_the_target_when_they_fit_and_else_start_an_indented_line(FxRobot robot) {
        robot.interact(() -> selection.set(Selection.element("xmu", 0, 0)));
        Parent lines = robot.lookup("#chain-branch-dxmu1").queryAs(Parent.class);
        var labels = lines.getChildrenUnmodifiable().stream().map(c -> (Label) c).toList();
        Label target = labels.get(0);
        Label names = labels.get(1);
        Label numbers = labels.get(2);
        assertEquals("dxmu1[0][0]", target.getText());
        assertEquals("= dxhat[0][0] \u00b7 ivar[0]", names.getText());
        assertEquals(target.getBoundsInParent().getMinY(), names.getBoundsInParent().getMinY(), 0.5, "one line at 440 px");
        assertTrue(names.getBoundsInParent().getMinX() > target.getBoundsInParent().getMaxX(), "after the target");

        InspectorPane pane = robot.lookup(".inspector").queryAs(InspectorPane.class);
        robot.interact(() -> pane.setMaxWidth(250)); // the window stays: the next test class shares it
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(names.getBoundsInParent().getMinY() >= target.getBoundsInParent().getMaxY() - 0.5,
                "the names on a line of their own: " + names.getBoundsInParent() + " under " + target.getBoundsInParent());
        assertEquals(numbers.getBoundsInParent().getMinX() + numbers.snappedLeftInset(), names.getBoundsInParent().getMinX(), 0.5,
                "indented as far as the numbers below them");
        assertEquals(names.prefHeight(names.getWidth()), names.getHeight(), 0.5, "not cut");
        robot.interact(() -> pane.setMaxWidth(Double.MAX_VALUE));
    }

    @Test
    void another_node_starts_at_its_name_and_a_new_element_shows_its_chain_rule(FxRobot robot) {
        ScrollPane scroll = robot.lookup(".inspector-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> selection.set(Selection.node("x")));
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        robot.interact(() -> selection.set(Selection.node("xmu")));
        assertEquals(scroll.getVmin(), scroll.getVvalue(), 1e-9, "xmu from its name");

        InspectorPane pane = robot.lookup(".inspector").queryAs(InspectorPane.class);
        robot.interact(() -> pane.setMaxHeight(300)); // shorter than x's chain rule at Backward 0; the window stays
        robot.interact(() -> selection.set(Selection.element("x", 3, 2)));
        WaitForAsyncUtils.waitForFxEvents();
        Node chain = robot.lookup("#inspector-chain").query();
        javafx.geometry.Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        javafx.geometry.Bounds rule = chain.localToScene(chain.getLayoutBounds());
        assertTrue(rule.getMinY() < view.getMaxY() - 40 && rule.getMaxY() > view.getMinY(),
                "x[3][2]'s chain rule in view: " + rule + " in " + view);
        // at Backward 0 its gradient line dx[3][2] is what was computed: shown whole, with its heading
        Node gradient = chain.lookup("#chain-gradient").getParent();
        javafx.geometry.Bounds line = gradient.localToScene(gradient.getLayoutBounds());
        assertTrue(line.getMinY() >= view.getMinY() - 0.5 && line.getMaxY() <= view.getMaxY() + 0.5,
                "dx[3][2]'s line in view: " + line + " in " + view);
        robot.interact(() -> position.set(END - 1)); // a step, same selection
        assertTrue(scroll.getVvalue() > 0.5, "stepping does not go back to the top: " + scroll.getVvalue());
        robot.interact(() -> position.set(END));
        robot.interact(() -> pane.setMaxHeight(Double.MAX_VALUE));
    }

    /** x[0][0]'s branches read 0.1252 and −0.02236 above a sum of 0.12522 + (−0.022361) = 0.1029. */
    @Test
    void the_branches_show_the_digits_their_sum_adds(FxRobot robot) {
        robot.interact(() -> selection.set(Selection.element("x", 0, 0)));
        String sum = text(robot, "#chain-gradient");
        String[] parts = sum.split(" = ");
        assertEquals(4, parts.length, sum);
        String[] summands = parts[2].split(" \\+ ");
        assertEquals(2, summands.length, sum);
        assertTrue(text(robot, "#chain-branch-dx1").endsWith(" = " + summands[0]), text(robot, "#chain-branch-dx1") + " / " + sum);
        assertTrue(text(robot, "#chain-branch-dx2").endsWith(" = " + summands[1].replaceAll("^\\((.*)\\)$", "$1")),
                text(robot, "#chain-branch-dx2") + " / " + sum);
    }

    @Test
    void steps_that_reveal_nothing_of_the_selected_node_keep_its_tables(FxRobot robot) {
        int dxmu1 = Timeline.backwardPosition(7);
        robot.interact(() -> {
            position.set(dxmu1);
            selection.set(Selection.element("xmu", 0, 0));
        });
        MatrixTable values = robot.lookup("#inspector-value .matrix-table").queryAs(MatrixTable.class);
        Node branch = robot.lookup("#chain-branch-dxmu1").query();
        // the next steps reveal other nodes' gradients; xmu's sum comes at backward step 2
        robot.interact(() -> position.set(dxmu1 + 1));
        assertEquals(values, robot.lookup("#inspector-value .matrix-table").queryAs(MatrixTable.class));
        assertEquals(branch, robot.lookup("#chain-branch-dxmu1").query());
        assertTrue(text(robot, "#chain-gradient").startsWith("Appears at"));
        robot.interact(() -> position.set(Timeline.backwardPosition(2)));
        assertTrue(text(robot, "#chain-gradient").startsWith("dx1[0][0] = dxmu1[0][0] + dxmu2[0][0] = "),
                text(robot, "#chain-gradient"));
        assertEquals(3, robot.lookup("#inspector-gradient .matrix-table").queryAll().size(), "both branches and their sum");
    }

    @Test
    void clicking_a_number_selects_that_element_and_clicking_again_the_whole_node(FxRobot robot) {
        robot.interact(() -> selection.set(Selection.node("xhat")));
        Node cell = robot.from(robot.lookup("#inspector-value").queryAs(Node.class))
                .lookup(".matrix-cell").nth(5).query(); // row 1, column 2
        robot.clickOn(cell);
        assertEquals(Selection.element("xhat", 1, 2), selection.get());
        assertTrue(text(robot, "#chain-gradient").startsWith("dxhat[1][2] = "));
        Node again = robot.from(robot.lookup("#inspector-value").queryAs(Node.class))
                .lookup(".selected").query();
        robot.clickOn(again);
        assertEquals(Selection.node("xhat"), selection.get());
    }

    @Test
    void formulas_are_typeset_into_non_empty_images_headless(FxRobot robot) {
        for (String node : Set.of("xhat", "sqrtvar", "bcast_gamma", "x")) {
            robot.interact(() -> selection.set(Selection.node(node)));
            for (String id : new String[] {"#inspector-forward-tex", "#inspector-local-tex"}) {
                ImageView view = robot.lookup(id).queryAs(ImageView.class);
                Image img = view.getImage();
                assertTrue(img.getWidth() > 20 && img.getHeight() > 10, node + id);
                assertTrue(hasInk(img), node + id + " is blank");
                assertTrue(view.getBoundsInParent().getWidth() > 10, node + id + " is laid out");
            }
        }
    }

    @Test
    void formulas_grow_with_the_text_size(FxRobot robot) {
        robot.interact(() -> selection.set(Selection.node("sqrtvar")));
        InspectorPane pane = robot.lookup(".inspector").queryAs(InspectorPane.class);
        robot.interact(() -> pane.setStyle("-fx-font-size: 13px"));
        double normal = robot.lookup("#inspector-forward-tex").queryAs(ImageView.class).getImage().getHeight();
        robot.interact(() -> pane.setStyle("-fx-font-size: 26px")); // what the 200 % text size sets
        double large = robot.lookup("#inspector-forward-tex").queryAs(ImageView.class).getImage().getHeight();
        // the formula doubles; the image's fixed 2 px insets (at twice the pixels) do not
        double insets = 4 * TexRenderer.SCALE;
        assertEquals(2, (large - insets) / (normal - insets), 0.05, normal + " → " + large + " px");
    }

    @Test
    void a_new_trace_with_fewer_rows_drops_an_element_that_no_longer_exists(FxRobot robot) {
        robot.interact(() -> selection.set(Selection.element("x", 3, 2)));
        Trace small = BatchNormGraph.run(org.normgraph.app.editor.InputEdits.resize(Examples.classic(), 2, 2));
        robot.interact(() -> traceProperty.set(small));
        assertTrue(text(robot, "#inspector-hint").contains("x has no element [3][2]"));
        assertFalse(robot.lookup("#inspector-chain").tryQuery().isPresent());
        robot.interact(() -> selection.set(Selection.node("nope")));
        assertEquals("There is no node named 'nope' in this graph.", text(robot, "#inspector-hint"));
    }

    // ------------------------------------------------------------------ helpers

    private static String text(FxRobot robot, String id) {
        // a chain-rule line is one label per " = " part, to fit a narrow pane; read them as one line
        Node n = robot.lookup(id).query();
        return n instanceof Label l ? l.getText()
                : String.join(" ", ((Parent) n).getChildrenUnmodifiable().stream().map(c -> ((Label) c).getText()).toList());
    }

    private static String num(double v) {
        return NumberText.pretty(v, NumberText.INSPECTOR_DIGITS);
    }

    private static String paren(double v) {
        return v < 0 ? "(" + num(v) + ")" : num(v);
    }

    private static boolean hasInk(Image img) {
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                if ((r.getArgb(x, y) >>> 24) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void the_chain_rule_title_indexes_the_element_as_its_formulas_do(FxRobot robot) {
        robot.interact(() -> selection.set(Selection.element("gamma", 0, 1)));
        assertEquals("Chain rule for gamma[1]", robot.lookup("#inspector-chain .section-title").queryAs(Label.class).getText());
        robot.interact(() -> {
            traceProperty.set(BatchNormGraph.run(org.normgraph.core.family.NormSpec.layer(), Examples.classic()));
            selection.set(Selection.element("sqrtvar", 2, 0)); // layer norm: one per row, N×1
        });
        assertEquals("Chain rule for sqrtvar[2]", robot.lookup("#inspector-chain .section-title").queryAs(Label.class).getText());
        assertTrue(text(robot, "#chain-value").startsWith("sqrtvar[2] = "), text(robot, "#chain-value"));
    }

    /**
     * Group norm with G = C and instance norm on the same 2×2×2×2 images have the same shapes:
     * the inspector kept group norm's shape letters and operation after the switch.
     */
    @Test
    void a_new_kind_with_the_same_shapes_rewrites_the_node_s_facts(FxRobot robot) {
        int[] shape = {2, 2, 2, 2};
        var in = new org.normgraph.core.family.NormInput(
                org.normgraph.core.Tensor.of(shape, 1, 2, 3, 6, 0, 0, 4, 8, 5, 1, 2, 0, 7, 7, 7, 7),
                org.normgraph.core.Tensor.vector(1.5, 0.5), org.normgraph.core.Tensor.vector(0.25, -1),
                org.normgraph.core.Tensor.of(shape, 0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.2, -0.1, 0.3, 0.1, -0.2, 0.5, 0.4, -0.3, 0.1, 0.2),
                1e-5);
        var layout = new org.normgraph.core.family.NormLayout[] {org.normgraph.core.family.NormLayout.of(
                org.normgraph.core.family.NormSpec.group(2), shape)};
        robot.interact(() -> {
            pane.setLayoutSource(() -> layout[0]);
            traceProperty.set(BatchNormGraph.run(layout[0], in));
            selection.set(Selection.node("var"));
        });
        assertTrue(text(robot, "#inspector-shape").contains("N\u00d7G"), text(robot, "#inspector-shape"));
        robot.interact(() -> {
            layout[0] = org.normgraph.core.family.NormLayout.of(org.normgraph.core.family.NormSpec.instance(), shape);
            traceProperty.set(BatchNormGraph.run(layout[0], in));
        });
        assertTrue(text(robot, "#inspector-shape").contains("N\u00d7C"), text(robot, "#inspector-shape"));
    }
}
