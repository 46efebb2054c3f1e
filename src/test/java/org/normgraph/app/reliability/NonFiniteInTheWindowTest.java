package org.normgraph.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.Language;
import org.normgraph.app.MainWindow;
import org.normgraph.app.editor.InputField;
import org.normgraph.app.editor.InputsPane;
import org.normgraph.app.graph.GraphNodeView;
import org.normgraph.app.model.Examples;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.normgraph.timeline.Timeline;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Numbers that stop being finite inside the graph: the node where it first happens is marked
 * {@code :non-finite} once the walk reaches it, the nodes computed from it are marked
 * {@code :after-non-finite}, and a note names the node. Denormal inputs are ordinary numbers.
 */
@ExtendWith(ApplicationExtension.class)
class NonFiniteInTheWindowTest {

    private static final PseudoClass NON_FINITE = PseudoClass.getPseudoClass("non-finite");
    private static final PseudoClass AFTER = PseudoClass.getPseudoClass("after-non-finite");

    private SessionModel model;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = SessionModel.example();
        window = new MainWindow(model);
        window.show(stage, 1240, 780);
    }

    @Test
    void x_of_1e200_overflows_in_sq_which_is_marked_and_explained(FxRobot robot) throws Exception {
        BatchNormInput in = Examples.classic();
        robot.interact(() -> model.commit(in.withX(in.x().with(0, 0, 1e200))));
        robot.interact(() -> model.seek(1)); // mu: finite, nothing marked yet
        assertEquals(Set.of(), marked(robot, NON_FINITE));
        robot.interact(() -> model.seek(3)); // sq = xmu²: ∞
        assertEquals(Set.of("sq"), marked(robot, NON_FINITE));
        robot.interact(() -> model.seek(9));
        assertEquals(Set.of("sq"), marked(robot, NON_FINITE), "only where it starts");
        assertEquals(Set.of("var", "sqrtvar", "ivar", "bcast_ivar", "xhat", "gammax", "out"), marked(robot, AFTER),
                "everything computed from sq");
        assertTrue(noteText(robot).contains("sq"), noteText(robot));
        assertTrue(noteText(robot).contains("not a finite number"), noteText(robot));
        snapshot(robot, "non-finite-sq");
    }

    /** A learner types 1e200 into a cell: taken, and told so beside the grid, not only in the notes below. */
    @Test
    void a_typed_value_that_overflows_is_taken_and_said_beside_its_grid(FxRobot robot) {
        InputsPane pane = robot.lookup("#inputs-pane .inputs-editor").queryAs(InputsPane.class);
        robot.interact(() -> pane.editCell(InputField.X, 3, 2, "1e200"));
        assertEquals(1e200, model.getInput().x().get(3, 2));
        Label message = robot.lookup("#editor-x-message").queryAs(Label.class);
        assertTrue(message.isVisible());
        assertTrue(message.getText().startsWith("Taken, but with it sq is no longer a finite number"), message.getText());
        robot.interact(() -> pane.editCell(InputField.X, 3, 2, "3"));
        assertFalse(robot.lookup("#editor-x-message").queryAs(Label.class).isVisible(), "gone with a value that fits");
    }

    /** Found by the stress test: the mark followed the position but not an edit or an undo. */
    @Test
    void the_mark_follows_an_edit_and_its_undo_at_the_same_position(FxRobot robot) {
        robot.interact(() -> model.seek(9));
        BatchNormInput in = model.getInput();
        robot.interact(() -> model.commit(in.withX(in.x().with(0, 0, 1e200))));
        assertEquals(Set.of("sq"), marked(robot, NON_FINITE));
        robot.interact(model::undo);
        assertEquals(Set.of(), marked(robot, NON_FINITE));
        assertEquals(Set.of(), marked(robot, AFTER));
    }

    @Test
    void a_gradient_that_overflows_is_marked_where_it_starts_and_back_to_the_inputs_it_reaches(FxRobot robot)
            throws Exception {
        BatchNormInput in = new BatchNormInput(Matrix.of(2, 2, 1, 2, 1.001, 5), Matrix.rowVector(1e300, 1),
                Matrix.rowVector(0, 0), Matrix.of(2, 2, 1e300, 0, 0, 1), 1e-5);
        robot.interact(() -> model.commit(in));
        robot.interact(() -> model.seek(10)); // backward 9: dgammax, dbeta are finite
        assertEquals(Set.of(), marked(robot, NON_FINITE));
        robot.interact(() -> model.seek(11)); // backward 8: dxhat = dgammax · gamma = 1e300 · 1e300
        assertEquals(Set.of("xhat"), marked(robot, NON_FINITE));
        robot.interact(() -> model.last());
        assertEquals(Set.of("xhat"), marked(robot, NON_FINITE));
        Set<String> after = marked(robot, AFTER);
        assertTrue(after.containsAll(List.of("xmu", "ivar", "sqrtvar", "var", "sq", "mu", "x")), after.toString());
        assertFalse(after.contains("gamma") || after.contains("beta") || after.contains("gammax"),
                "dgamma, dbeta and dgammax are not computed from dxhat: " + after);
        assertTrue(noteText(robot).contains("backward step\u00A08 makes the gradient dxhat (at xhat)"), noteText(robot));
        snapshot(robot, "non-finite-dxhat");
    }

    /**
     * dout = 1e308 down a column: dbeta = Σ_rows dout overflows at backward step 9, a step
     * before dxhat = dout · gamma (gamma = 2) does: beta is marked, not xhat, and the note says
     * so in each language.
     */
    @Test
    void dout_of_1e308_is_marked_at_dbeta_in_step_9_and_explained_in_every_language(FxRobot robot) {
        BatchNormInput in = Examples.classic();
        Matrix dout = in.dout();
        for (int i = 0; i < in.n(); i++) {
            dout = dout.with(i, 0, 1e308);
        }
        BatchNormInput big = in.withDout(dout).withGamma(Matrix.rowVector(2, 1, 1));
        robot.interact(() -> model.commit(big));
        robot.interact(() -> model.seek(Timeline.backwardPosition(9)));
        assertEquals(Set.of("beta"), marked(robot, NON_FINITE));
        robot.interact(() -> model.seek(Timeline.backwardPosition(8)));
        assertEquals(Set.of("beta"), marked(robot, NON_FINITE), "dxhat overflows too, but a step later");
        Map<Language, String> expected = Map.of(Language.ENGLISH, "backward step\u00A09 makes the gradient dbeta (at beta)",
                Language.SIMPLIFIED_CHINESE, "反向第\u00A09\u00A0步使梯度 dbeta（在 beta）",
                Language.TRADITIONAL_CHINESE, "反向第\u00A09\u00A0步使梯度 dbeta（在 beta）",
                Language.JAPANESE, "逆伝播のステップ\u00A09 で勾配 dbeta（beta の位置）");
        try {
            for (Language l : Language.values()) {
                robot.interact(() -> window.setLanguage(l));
                String notes = noteText(robot);
                assertTrue(notes.contains(expected.get(l)) && notes.contains("\u221e"), l + ": " + notes);
            }
        } finally {
            robot.interact(() -> window.setLanguage(Language.ENGLISH));
        }
    }

    /**
     * A constant column with eps = 1e-300 (ivar = 1e150) and dout = 1e200 there: backward step 7
     * sends dxmu1 = dxhat · ivar = ∞ back along xhat → xmu. The branch is marked (its chip and
     * xmu) at step 7, long before xmu's summed gradient dx1 at step 2.
     */
    @Test
    void tiny_eps_on_a_constant_column_marks_the_branch_dxmu1_at_step_7(FxRobot robot) throws Exception {
        BatchNormInput in = Examples.classic();
        double[][] x = in.x().toRows();
        for (double[] row : x) {
            row[1] = 2.5;
        }
        BatchNormInput tiny = in.withX(Matrix.fromRows(x)).withEps(1e-300).withDout(in.dout().with(0, 1, 1e200));
        robot.interact(() -> model.commit(tiny));
        robot.interact(() -> model.seek(Timeline.backwardPosition(8)));
        assertEquals(Set.of(), marked(robot, NON_FINITE));
        assertFalse(chip(robot, "xmu", "xhat").getPseudoClassStates().contains(NON_FINITE));
        robot.interact(() -> model.seek(Timeline.backwardPosition(7)));
        assertEquals(Set.of("xmu"), marked(robot, NON_FINITE));
        assertTrue(chip(robot, "xmu", "xhat").getPseudoClassStates().contains(NON_FINITE), "the branch's chip");
        assertFalse(chip(robot, "bcast_ivar", "xhat").getPseudoClassStates().contains(NON_FINITE));
        assertEquals(Set.of(), marked(robot, AFTER), "nothing computed from it yet");
        robot.interact(() -> model.last());
        assertEquals(Set.of("x", "mu", "bcast_mu"), marked(robot, AFTER));
        assertTrue(noteText(robot).contains("backward step\u00A07 makes the gradient dxmu1 (at xmu)"), noteText(robot));
        snapshot(robot, "non-finite-dxmu1");
    }

    @Test
    void tiny_eps_with_a_constant_column_gives_huge_but_finite_gradients_and_notes_say_why(FxRobot robot)
            throws Exception {
        BatchNormInput in = Examples.classic();
        double[][] x = in.x().toRows();
        for (double[] row : x) {
            row[1] = 2.5; // column 1 constant: var = 0, so ivar = 1/√eps
        }
        robot.interact(() -> model.commit(in.withX(Matrix.fromRows(x)).withEps(1e-310)));
        robot.interact(() -> model.last());
        assertEquals(null, model.getNonFinite(), "dx = γ·ivar·(dout − mean dout) ≈ 1e155 is large, not broken");
        assertTrue(Math.abs(model.getTrace().gradient("x").get(0, 1)) > 1e150);
        assertEquals(Set.of(), marked(robot, NON_FINITE));
        assertEquals(Set.of(), marked(robot, AFTER));
        String notes = noteText(robot);
        assertTrue(notes.contains("Column 1 of x is constant") && notes.contains("eps = 1e-310 is tiny"), notes);
        snapshot(robot, "tiny-eps-constant-column");
    }

    @Test
    void denormal_inputs_are_ordinary_numbers(FxRobot robot) {
        BatchNormInput in = Examples.classic();
        robot.interact(() -> model.commit(in.withX(in.x().with(1, 1, 1e-310)).withEps(1e-310)));
        robot.interact(() -> model.last());
        assertEquals(null, model.getNonFinite());
        assertEquals(Set.of(), marked(robot, NON_FINITE));
        assertEquals(Set.of(), marked(robot, AFTER));
    }

    // both look on the FX thread: a lookup from the test thread raced a rebuild after a language switch
    private static Set<String> marked(FxRobot robot, PseudoClass pc) {
        Set<String> names = new TreeSet<>();
        robot.interact(() -> {
            for (Node n : robot.lookup(".graph-node").queryAll()) {
                if (n.getPseudoClassStates().contains(pc)) {
                    names.add(((GraphNodeView) n).getName());
                }
            }
        });
        return names;
    }

    private static Node chip(FxRobot robot, String from, String to) {
        return robot.lookup("#chip-" + from + "-" + to).query();
    }

    private static String noteText(FxRobot robot) {
        StringBuilder sb = new StringBuilder();
        robot.interact(() -> {
            for (Node n : robot.lookup("#notes .label").queryAll()) {
                sb.append(((Label) n).getText()).append('\n');
            }
        });
        return sb.toString();
    }

    /** For looking at: target/reliability/NAME.png. */
    private void snapshot(FxRobot robot, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "reliability"));
        robot.interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png",
                        dir.resolve(name + ".png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
