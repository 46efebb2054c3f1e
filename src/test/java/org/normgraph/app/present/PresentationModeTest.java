package org.normgraph.app.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.MainWindow;
import org.normgraph.app.Messages;
import org.normgraph.app.editor.NumberText;
import org.normgraph.app.explain.StepExplanations;
import org.normgraph.app.family.FamilyStatus;
import org.normgraph.app.graph.GraphView;
import org.normgraph.app.model.Mode;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.theme.Theme;
import org.normgraph.core.family.NormSpec;
import org.normgraph.timeline.Step;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presentation mode in the whole window, driven by keys like a presenter's clicker (headless). */
@ExtendWith(ApplicationExtension.class)
class PresentationModeTest {

    private SessionModel model;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = SessionModel.example();
        window = new MainWindow(model);
        window.show(stage, 1280, 800); // the whole Monocle screen: full screen keeps the size
    }

    private Bounds onScreen(String node) {
        Node n = window.graphView().nodeView(node);
        return n.localToScene(n.getBoundsInLocal());
    }

    private static boolean inScene(Node n, Stage stage) {
        return n.getScene() == stage.getScene();
    }

    @Test
    void f5_enters_and_esc_leaves_restoring_the_window(FxRobot robot) {
        PresentationMode p = window.presentation();
        Node inputs = window.root().getLeft();
        Node inspector = window.root().getRight();
        Node toolbar = window.root().getTop();
        robot.interact(() -> model.seek(12)); // backward 7: ivar, bcast_ivar, xhat
        double before = onScreen("xhat").getHeight();

        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(p.isPresenting());
        assertEquals(Mode.PRESENT, model.getMode());
        assertTrue(stage.isFullScreen());
        assertFalse(inScene(inputs, stage), "inputs hidden");
        assertFalse(inScene(inspector, stage), "inspector hidden");
        assertNull(window.root().getTop(), "toolbar hidden");
        assertTrue(window.root().getStyleClass().contains(PresentationMode.PRESENTING));
        assertEquals(Theme.HIGH_CONTRAST, window.themes().getEffective());
        assertTrue(stage.getScene().getStylesheets().contains(PresentationMode.STYLESHEET));
        double big = onScreen("xhat").getHeight();
        assertTrue(big > 1.5 * before, "the step's nodes zoomed: " + before + " -> " + big);
        Bounds shown = window.graphView().localToScene(window.graphView().getBoundsInLocal());
        assertTrue(shown.contains(onScreen("xmu")), "xmu, where dxmu1 arrives, in view: " + onScreen("xmu") + " in " + shown);

        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(13, model.getPosition());
        GraphView g = window.graphView();
        Bounds view = g.localToScene(g.getBoundsInLocal());
        Bounds node = onScreen("sqrtvar");
        assertTrue(view.contains(node), "backward 6's node sqrtvar is in view: " + node + " in " + view);
        assertTrue(node.getHeight() > 1.5 * before, "and large: " + node.getHeight());

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(p.isPresenting());
        assertEquals(Mode.EXPLORE, model.getMode());
        assertFalse(stage.isFullScreen());
        assertSame(inputs, window.root().getLeft());
        assertSame(inspector, window.root().getRight());
        assertSame(toolbar, window.root().getTop());
        assertTrue(inScene(inputs, stage));
        assertFalse(window.root().getStyleClass().contains(PresentationMode.PRESENTING));
        assertEquals(Theme.LIGHT, window.themes().getEffective());
        assertFalse(stage.getScene().getStylesheets().contains(PresentationMode.STYLESHEET));
        assertEquals(13, model.getPosition(), "the step stays");
    }

    /** Presenting with the Lab open kept the Lab on the lower half of the screen, the graph above it small (learner reviewer). */
    @Test
    void presenting_hides_the_lab_and_leaving_brings_it_back(FxRobot robot) {
        robot.interact(() -> window.lab().shownProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.lab().shownProperty().get());
        assertTrue(robot.lookup("#lab-split").tryQuery().map(n -> !inScene(n, stage)).orElse(true), "no Lab on the screen");
        assertEquals(window.root().getHeight(), window.graphView().getHeight() + captionBelow(), 2,
                "the graph takes the screen's height beside the caption");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.lab().shownProperty().get(), "the Lab is back as it was");
    }

    /** The height of what presentation mode sets below the graph: nothing on a wide screen, the caption on a tall one. */
    private double captionBelow() {
        Node bottom = window.root().getBottom();
        return bottom == null ? 0 : bottom.getLayoutBounds().getHeight();
    }

    /** A graph zoomed by hand was fitted after presenting; the window's areas came back out of Tab order. */
    @Test
    void leaving_gives_back_a_zoom_set_by_hand_and_the_tab_order(FxRobot robot) {
        robot.interact(() -> window.graphView().setViewport(1.0, -120, -40));
        robot.push(KeyCode.F5);
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        GraphView g = window.graphView();
        assertFalse(g.isFitting());
        assertEquals(1.0, g.getZoom(), 1e-9);
        assertEquals(-120, g.getPanX(), 1e-9);
        assertEquals(-40, g.getPanY(), 1e-9);
        var root = window.root();
        var order = java.util.List.of(root.getTop(), root.getLeft(), root.getCenter(), root.getRight(), root.getBottom());
        assertEquals(order, root.getChildren().stream().filter(order::contains).toList(), "reading order");
    }

    @Test
    void at_150_percent_text_the_last_step_is_framed_above_its_taller_caption(FxRobot robot) {
        robot.interact(() -> window.themes().setTextSize(org.normgraph.app.theme.TextSize.LARGER));
        robot.push(KeyCode.F5);
        robot.push(KeyCode.END); // backward 0: dx, whose explanation is the longest caption
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        GraphView g = window.graphView();
        Bounds view = g.localToScene(g.getBoundsInLocal());
        Bounds x = onScreen("x");
        assertTrue(view.contains(x), "x (with dx) in view: " + x + " in " + view);
        robot.push(KeyCode.ESCAPE);
        robot.interact(() -> window.themes().setTextSize(org.normgraph.app.theme.TextSize.NORMAL));
    }

    /** At 200 % the caption's em sizes doubled: it took over half the screen (Backward 2 in Chinese). */
    @Test
    void at_200_percent_text_the_caption_keeps_the_size_it_has_at_100_percent(FxRobot robot) {
        robot.push(KeyCode.F5);
        robot.push(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        double normal = robot.lookup("#presentation-explanation").queryAs(Label.class).getHeight();
        robot.push(KeyCode.ESCAPE);
        robot.interact(() -> window.themes().setTextSize(org.normgraph.app.theme.TextSize.HUGE));
        robot.push(KeyCode.F5);
        robot.push(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        Label explained = robot.lookup("#presentation-explanation").queryAs(Label.class);
        assertEquals(normal, explained.getHeight(), 1, "the explanation's height at 100 % and at 200 % text");
        Bounds caption = robot.lookup("#presentation-caption").query().getLayoutBounds();
        Bounds screen = stage.getScene().getRoot().getLayoutBounds();
        assertTrue(caption.getWidth() <= 0.31 * screen.getWidth() || caption.getHeight() < 0.3 * screen.getHeight(),
                caption + " of " + screen);
        robot.push(KeyCode.ESCAPE);
        robot.interact(() -> window.themes().setTextSize(org.normgraph.app.theme.TextSize.NORMAL));
    }

    @Test
    void the_speaker_notes_strip_frames_the_step_again_above_it(FxRobot robot) {
        robot.push(KeyCode.F5);
        robot.interact(() -> model.seek(17)); // backward 2: x and xmu, at the bottom of the graph
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.N); // the caption grows by the notes strip
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        GraphView g = window.graphView();
        Bounds view = g.localToScene(g.getBoundsInLocal());
        for (String name : new String[] {"x", "xmu"}) {
            Bounds node = onScreen(name);
            assertTrue(view.contains(node), name + " in view above the notes: " + node + " in " + view);
        }
        robot.push(KeyCode.N);
        robot.push(KeyCode.ESCAPE);
    }

    /** In a column at 1280 × 800 a note of ten sentences ended in "…", and so did the key reminder. */
    @Test
    void a_long_projected_note_gets_smaller_type_until_it_fits_the_column(FxRobot robot) {
        String longNote = java.util.stream.IntStream.rangeClosed(1, 10)
                .mapToObj(i -> "Point " + i + ": ask the room why the rows of dxmu1 and dxmu2 are added at xmu.")
                .collect(java.util.stream.Collectors.joining(" "));
        robot.interact(() -> {
            model.setSpeakerNote(2, longNote);
            model.setSpeakerNote(3, "Short.");
            model.seek(2);
        });
        robot.push(KeyCode.F5);
        robot.push(KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(robot.lookup("#presentation-caption").query(), window.root().getLeft(), "a column at 1280 x 800");
        Label notes = robot.lookup("#presentation-notes").queryAs(Label.class);
        Label keys = robot.lookup(".presentation-keys").queryAs(Label.class);
        double longSize = notes.getFont().getSize();
        assertEquals(notes.prefHeight(notes.getWidth()), notes.getHeight(), 1, "the whole note shows");
        assertEquals(keys.prefHeight(keys.getWidth()), keys.getHeight(), 1, "the key reminder is not cut");

        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(notes.getFont().getSize() > longSize, "a short note is large again: " + notes.getFont().getSize()
                + " after " + longSize);

        // a note too long even in the smallest type is cut, not the audience's lines (the
        // explanation ended in "…" at 1280×720)
        robot.interact(() -> model.setSpeakerNote(3, longNote + " " + longNote + " " + longNote));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#presentation-status", "#presentation-explanation"}) {
            Label l = robot.lookup(id).queryAs(Label.class);
            assertEquals(l.prefHeight(l.getWidth()), l.getHeight(), 1, id + " is whole");
        }
        assertTrue(notes.getHeight() < notes.prefHeight(notes.getWidth()) - 20, "the note is what is cut");
        robot.push(KeyCode.N);
        robot.push(KeyCode.ESCAPE);
    }

    /**
     * "dsqrtvar = −divar / sqrtvar²", glued by no-break spaces to stay on one line, was wider
     * than the caption column: JavaFX broke it inside "sqrtvar" ("sqrtv / ar²").
     */
    @Test
    void no_name_in_the_caption_is_broken_across_lines(FxRobot robot) {
        robot.push(KeyCode.F5);
        java.util.regex.Pattern word = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_\u00b2]+");
        for (int p = 1; p < model.steps().size(); p++) {
            robot.push(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitForFxEvents();
            for (String id : new String[] {"#presentation-status", "#presentation-explanation"}) {
                javafx.scene.text.Text text = (javafx.scene.text.Text) robot.lookup(id).query().lookup(".text");
                String shown = text.getText();
                java.util.regex.Matcher m = word.matcher(shown);
                while (m.find()) {
                    assertEquals(1, linesSpanned(text, m.start(), m.end()), "'" + m.group() + "' at " + p + ": " + shown);
                }
            }
        }
        robot.push(KeyCode.ESCAPE);
    }

    /**
     * The readable zoom is a share of the screen's height: at the 1.8 of a 1080-line screen a
     * smaller one showed forward 3's sq with the empty right half of xmu, its numbers off screen.
     */
    @Test
    void a_forward_step_on_a_smaller_screen_shows_more_of_what_it_reads(FxRobot robot) {
        robot.interact(() -> model.seek(2));
        robot.push(KeyCode.F5);
        robot.push(KeyCode.RIGHT); // forward 3: sq, reading xmu
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        org.normgraph.app.graph.GraphView graph = window.graphView();
        double lines = graph.getScene().getHeight();
        double readable = StepFramer.READABLE_ZOOM * lines / 1080;
        assertTrue(graph.getZoom() <= readable + 1e-9 && graph.getZoom() >= StepFramer.WHOLE_CONTEXT_SHARE * readable,
                "on " + lines + " lines: " + graph.getZoom());
        Node xmu = graph.nodeView("xmu");
        Bounds b = graph.sceneToLocal(xmu.localToScene(xmu.getBoundsInLocal()));
        double shown = Math.min(b.getMaxX(), graph.getWidth()) - Math.max(b.getMinX(), 0);
        assertTrue(shown > 0.6 * b.getWidth(), "xmu shown " + shown + " of " + b.getWidth() + " px");
        robot.push(KeyCode.ESCAPE);
    }

    /** How many lines the characters from {@code start} to {@code end} of a wrapped text are drawn on. */
    private static long linesSpanned(javafx.scene.text.Text text, int start, int end) {
        return java.util.Arrays.stream(text.rangeShape(start, end)).filter(e -> e instanceof javafx.scene.shape.MoveTo).count();
    }

    @Test
    void clicker_keys_step_and_b_blanks_until_b_or_a_step_key(FxRobot robot) {
        robot.push(KeyCode.F5);
        robot.push(KeyCode.PAGE_DOWN);
        robot.push(KeyCode.SPACE);
        robot.push(KeyCode.RIGHT);
        assertEquals(3, model.getPosition());
        robot.push(KeyCode.PAGE_UP);
        robot.push(KeyCode.LEFT);
        assertEquals(1, model.getPosition());

        robot.push(KeyCode.B);
        PresentationMode p = window.presentation();
        assertTrue(p.isBlanked());
        assertFalse(window.root().isVisible());
        assertEquals(Color.BLACK, stage.getScene().getFill());
        robot.push(KeyCode.RIGHT);
        assertFalse(p.isBlanked(), "a step key shows the screen again");
        assertTrue(window.root().isVisible());
        assertEquals(1, model.getPosition(), "without stepping");

        robot.push(KeyCode.B);
        assertTrue(p.isBlanked());
        robot.push(KeyCode.B);
        assertFalse(p.isBlanked());
        assertTrue(p.isPresenting());
        robot.push(KeyCode.ESCAPE);
        assertFalse(p.isPresenting());
    }

    @Test
    void n_shows_the_speaker_note_of_the_current_step_and_the_caption_explains_it(FxRobot robot) {
        robot.interact(() -> model.setSpeakerNote(0, "Ask the room: why does mu have one row?"));
        javafx.scene.control.Button present = org.normgraph.app.ToolbarItems.item(window, "toolbar-present", javafx.scene.control.Button.class);
        assertTrue(present.getTooltip().getText().contains("F5"));
        robot.interact(present::fire);
        PresentationMode p = window.presentation();
        assertTrue(p.isPresenting());
        assertFalse(p.captionShowsNotes());
        robot.push(KeyCode.N);
        assertTrue(p.captionShowsNotes());
        Label notes = robot.lookup("#presentation-notes").queryAs(Label.class);
        assertEquals("Ask the room: why does mu have one row?", notes.getText());
        Label explanation = robot.lookup("#presentation-explanation").queryAs(Label.class);
        assertEquals(StepExplanations.text(model, model.getStep()), explanation.getText());

        robot.push(KeyCode.RIGHT);
        assertTrue(p.isNotesShown(), "still on for the next note");
        assertFalse(notes.isVisible(), "the audience read 'No speaker note for this step.'");
        assertEquals(StepExplanations.text(model, model.getStep()), explanation.getText());
        assertEquals(Messages.get("step.forward.1"),
                robot.lookup("#presentation-status").queryAs(Label.class).getText());
        robot.push(KeyCode.N);
        assertFalse(p.isNotesShown());
        robot.push(KeyCode.ESCAPE);
    }

    /** Below the graph, backward 9's numbers were about 10 px tall on a 1080-line screen: the height framed it. */
    @Test
    void a_wide_screen_has_the_caption_beside_the_graph_and_a_tall_one_below_it(FxRobot robot) {
        assertTrue(PresentationMode.isSideCaption(1920, 1080));
        assertTrue(PresentationMode.isSideCaption(1600, 1000));
        assertFalse(PresentationMode.isSideCaption(1024, 768), "4:3");
        assertFalse(PresentationMode.isSideCaption(1280, 1024), "5:4");
        robot.interact(() -> model.seek(10)); // backward 9: beta, bcast_beta and out, top lane to bottom
        double below = presentedZoom(robot, 1000, 800); // within the headless screen (1280 × 800)
        double beside = presentedZoom(robot, 1280, 720);
        // per line of the screen: the type a room sees is the zoom relative to the screen's height
        assertTrue(beside / 720 > 1.3 * below / 800, "backward 9 at zoom " + beside + " beside the caption on 720 lines, "
                + below + " below it on 800");
    }

    /** The graph's zoom while presenting on a screen of {@code w} × {@code h}, and where the caption went. */
    private double presentedZoom(FxRobot robot, double w, double h) {
        robot.interact(() -> {
            stage.setFullScreen(false);
            stage.setWidth(w);
            stage.setHeight(h);
        });
        robot.interact(() -> window.presentation().enter());
        robot.interact(() -> stage.setFullScreen(false)); // the screen's size stands in for a projector's
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.F5); // frame again at this size
        WaitForAsyncUtils.waitForFxEvents();
        Node caption = robot.lookup("#presentation-caption").query();
        boolean side = PresentationMode.isSideCaption(window.root().getWidth(), window.root().getHeight());
        assertSame(caption, side ? window.root().getLeft() : window.root().getBottom(), w + " x " + h);
        double zoom = window.graphView().getZoom();
        robot.interact(() -> window.presentation().leave());
        return zoom;
    }

    @Test
    void stepping_while_presenting_keeps_the_caption_height(FxRobot robot) {
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        Node caption = robot.lookup("#presentation-caption").query();
        double height = caption.getLayoutBounds().getHeight();
        for (int p = 1; p < model.getStepCount(); p++) {
            robot.push(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(height, caption.getLayoutBounds().getHeight(), "at step " + p);
        }
        robot.push(KeyCode.ESCAPE);
    }

    @Test
    void the_caption_states_another_norms_step_in_its_own_formulas(FxRobot robot) {
        robot.interact(() -> {
            model.setNormSpec(NormSpec.layer());
            model.seek(1);
        });
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        String shown = robot.lookup("#presentation-status").queryAs(Label.class).getText();
        assertEquals(FamilyStatus.text(model), shown);
        assertFalse(shown.equals(Messages.get("step.forward.1")), "not batch norm's sentence about rows: " + shown);
        robot.push(KeyCode.ESCAPE);
    }

    /** The window's selected element stayed outlined on the projected graph, whose inspector is hidden. */
    @Test
    void presenting_shows_no_selection_and_leaving_gives_it_back(FxRobot robot) {
        org.normgraph.app.model.Selection chosen = org.normgraph.app.model.Selection.element("xhat", 1, 1);
        robot.interact(() -> model.setSelection(chosen));
        robot.push(KeyCode.F5);
        assertNull(model.getSelection());
        robot.push(KeyCode.ESCAPE);
        assertEquals(chosen, model.getSelection());
    }

    @Test
    void leaving_restores_the_mode_before_and_a_session_set_to_present_enters(FxRobot robot) {
        robot.interact(() -> model.setMode(Mode.PREDICT));
        robot.push(KeyCode.F5);
        assertEquals(Mode.PRESENT, model.getMode());
        robot.push(KeyCode.ESCAPE);
        assertEquals(Mode.PREDICT, model.getMode());

        robot.interact(() -> model.setMode(Mode.PRESENT)); // e.g. an opened session file
        assertTrue(window.presentation().isPresenting());
        robot.interact(() -> model.setMode(Mode.EXPLORE));
        assertFalse(window.presentation().isPresenting());
        assertNotNull(window.root().getLeft());
    }

    /**
     * Presenting from Predict, PageDown revealed each backward step without a word: the room is
     * asked on the step before, and the click that reveals the step shows the answer's line.
     */
    @Test
    void presenting_from_predict_asks_the_room_before_each_backward_step_and_answers_on_the_next_click(FxRobot robot) {
        robot.interact(() -> {
            model.setMode(Mode.PREDICT);
            model.seek(9);
        });
        robot.push(KeyCode.F5);
        javafx.scene.control.Label answer = robot.lookup("#presentation-answer").queryAs(javafx.scene.control.Label.class);
        javafx.scene.control.Label ask = robot.lookup("#presentation-ask").queryAs(javafx.scene.control.Label.class);
        var q9 = org.normgraph.app.predict.PredictSession.question(model.getTrace(), model.steps().get(10));
        assertTrue(ask.isVisible());
        assertFalse(answer.isVisible(), "nothing revealed yet");
        assertEquals(org.normgraph.app.Messages.get("present.quiz.ask",
                org.normgraph.app.Messages.get("predict.step.backward", 9), NumberText.unbrokenWords(q9.label())), ask.getText());
        robot.push(KeyCode.PAGE_DOWN);
        assertEquals(10, model.getPosition(), "the clicker reveals backward 9");
        var q8 = org.normgraph.app.predict.PredictSession.question(model.getTrace(), model.steps().get(11));
        // the worked line and the name break only at their spaces: "−0." | "18974" on the projector
        assertEquals(org.normgraph.app.Messages.get("present.quiz.answer", NumberText.unbrokenWords(q9.line().text())),
                answer.getText());
        assertTrue(answer.getText().contains(q9.line().resultText()), "the answer's number: " + answer.getText());
        assertEquals(org.normgraph.app.Messages.get("present.quiz.ask",
                org.normgraph.app.Messages.get("predict.step.backward", 8), NumberText.unbrokenWords(q8.label())), ask.getText());
        robot.push(KeyCode.END);
        assertEquals(org.normgraph.app.Messages.get("present.quiz.answer", NumberText.unbrokenWords(
                org.normgraph.app.predict.PredictSession.question(model.getTrace(), model.steps().get(19)).line().text())),
                answer.getText());
        assertFalse(ask.isVisible(), "at the end no question follows");
        robot.push(KeyCode.ESCAPE);
        assertEquals(Mode.PREDICT, model.getMode());

        robot.interact(() -> model.setMode(Mode.EXPLORE));
        robot.interact(() -> model.seek(9));
        robot.push(KeyCode.F5);
        assertFalse(robot.lookup("#presentation-ask").query().isVisible(), "presenting from Explore asks nothing");
        robot.push(KeyCode.ESCAPE);
    }
}
