package org.normgraph.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.Messages;
import org.normgraph.app.explain.StepExplanations;
import org.normgraph.app.graph.GraphView;
import org.normgraph.app.model.SessionModel;
import org.normgraph.timeline.Step;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A slide frames its step's nodes, as presentation mode does, under the step's title and explanation. */
@ExtendWith(ApplicationExtension.class)
class StepSlidesTest {

    @Start
    void start(Stage stage) {
        // the slides build their own off-screen scene; the toolkit only has to run
    }

    /** A node or number selected in the window was drawn selected on every slide of File ▸ Export. */
    @Test
    void a_slide_shows_no_selection(FxRobot robot) {
        SessionModel model = SessionModel.example();
        model.setSelection(org.normgraph.app.model.Selection.element("sq", 1, 1));
        onSlide(robot, model, slide -> {
            slide.show(model.steps().get(12));
            slide.graph().nodeViews().forEach((name, view) -> assertFalse(view.isSelected(), name + " drawn selected"));
        });
    }

    /** Forward 2's slide showed x cut at the caption's edge, its words broken, at the readable zoom. */
    @Test
    void forward_2s_slide_shows_the_x_it_reads_whole(FxRobot robot) {
        SessionModel model = SessionModel.example();
        onSlide(robot, model, slide -> {
            slide.show(model.steps().get(2));
            GraphView graph = slide.graph();
            Bounds view = graph.localToScene(graph.getLayoutBounds());
            for (String name : List.of("x", "bcast_mu", "xmu")) { // mu, above bcast_mu, does not fit too
                Node node = graph.nodeView(name);
                Bounds b = node.localToScene(node.getBoundsInLocal());
                assertTrue(view.contains(b), name + " " + b + " in " + view + " at zoom " + graph.getZoom());
            }
            // bcast_mu and xmu stacked fit at 1.46; x beside them costs a little of that
            assertTrue(graph.getZoom() >= 0.7 * org.normgraph.app.present.StepFramer.READABLE_ZOOM, "zoom " + graph.getZoom());
        });
    }

    /** The start slide said "Press → to run the forward pass" to a room that cannot; the window's line still says it. */
    @Test
    void the_start_slide_states_the_inputs_without_the_key(FxRobot robot) {
        SessionModel model = SessionModel.example();
        onSlide(robot, model, slide -> {
            slide.show(model.steps().get(0));
            String title = ((Label) slide.root().lookup(".slide-title")).getText().replace('\u00a0', ' ');
            assertEquals(Messages.get("step.start").replace('\u00a0', ' '), title);
            assertFalse(title.contains("\u2192"), title);
        });
        assertEquals(Messages.get("step.start") + " " + Messages.get("step.start.keys"),
                org.normgraph.app.family.FamilyStatus.withKeys(model, model.steps().get(0)));
    }

    /** Framed with its inputs, forward 1 drew its numbers 8 px tall: a forward slide keeps them readable, its own nodes whole. */
    @Test
    void a_forward_slide_keeps_its_numbers_readable(FxRobot robot) {
        SessionModel model = SessionModel.example();
        onSlide(robot, model, slide -> {
            for (int p = 1; p <= 9; p++) {
                Step step = model.steps().get(p);
                slide.show(step);
                GraphView graph = slide.graph();
                // a step computing one node can show it at the readable zoom (two stacked ones may not
                // fit), or at a little less that shows what it reads whole
                assertTrue(step.values().size() > 1 || graph.getZoom() >= org.normgraph.app.present.StepFramer.READABLE_ZOOM
                                * org.normgraph.app.present.StepFramer.WHOLE_CONTEXT_SHARE - 1e-9,
                        step.messageKey() + " at zoom " + graph.getZoom());
                Bounds view = graph.localToScene(graph.getLayoutBounds());
                for (String name : step.values()) {
                    Node node = graph.nodeView(name);
                    Bounds b = node.localToScene(node.getBoundsInLocal());
                    assertTrue(view.contains(b), step.messageKey() + ": " + name + " " + b + " in " + view);
                }
            }
        });
    }

    /** The slides showed the whole graph at every step: digits about 10 px tall on a 1920×1080 slide. */
    @Test
    void a_slide_zooms_to_the_steps_nodes_and_explains_the_step(FxRobot robot) {
        SessionModel model = SessionModel.example();
        Step backward5 = model.steps().get(14);
        onSlide(robot, model, slide -> {
            slide.show(backward5);
            GraphView graph = slide.graph();
            double framed = graph.getZoom();
            Bounds view = graph.localToScene(graph.getLayoutBounds());
            for (String name : backward5.gradients()) {
                Node node = graph.nodeView(name);
                Bounds b = node.localToScene(node.getBoundsInLocal());
                assertTrue(view.contains(b), name + " " + b + " in " + view);
            }
            graph.fit();
            StepSlides.settle(slide.root());
            assertTrue(framed > 1.5 * graph.getZoom(), "zoomed to the step: " + framed + " against " + graph.getZoom());
            // its formula is wider than the column: it may break at its no-break spaces (NoBreakRuns)
            assertEquals(Messages.get(backward5.messageKey()).replace('\u00a0', ' '),
                    ((Label) slide.root().lookup(".slide-title")).getText().replace('\u00a0', ' '));
            Label explanation = (Label) slide.root().lookup(".slide-explanation");
            assertEquals(StepExplanations.text(model, backward5), explanation.getText());
            // read from the back of a lecture hall: the explanation at 20 px (1.9 % of the
            // slide's height) was too small; a slide's body text is usually 2.5 % or more
            double share = explanation.getFont().getSize() / StepSlides.HEIGHT;
            assertTrue(share >= 0.025, "explanation type " + explanation.getFont().getSize() + " px");
            // in a column beside the graph, which has the slide's whole height and most of its width
            Bounds text = explanation.localToScene(explanation.getBoundsInLocal());
            assertTrue(text.getMaxX() <= view.getMinX() && text.getMaxY() < StepSlides.HEIGHT,
                    "the explanation fits in its column, left of the graph: " + text + ", graph " + view);
            assertEquals(StepSlides.HEIGHT, view.getHeight(), 1, "the graph has the slide's height");
            assertTrue(view.getWidth() >= 0.65 * StepSlides.WIDTH, "and most of its width: " + view);
            model.setNormSpec(org.normgraph.core.family.NormSpec.layer());
            Step backward4 = model.steps().get(15);
            slide.show(backward4);
            assertEquals("Backward\u00a04: dsq = (1/D) · 1 ⊙ dvar", ((Label) slide.root().lookup(".slide-title")).getText(),
                    "the kind's own formulas, as the status line has them");
        });
    }

    /** Shows {@code model} on a slide for {@code use}, on the toolkit's thread, and disposes of it. */
    private static void onSlide(FxRobot robot, SessionModel model, java.util.function.Consumer<StepSlides.Slide> use) {
        robot.interact(() -> {
            StepSlides.Slide slide = new StepSlides.Slide(model);
            try {
                use.accept(slide);
            } finally {
                slide.dispose();
            }
        });
    }
}
