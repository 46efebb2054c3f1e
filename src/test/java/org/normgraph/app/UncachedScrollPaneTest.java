package org.normgraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The panes whose content changes while the user works draw their viewport directly. */
@ExtendWith(ApplicationExtension.class)
class UncachedScrollPaneTest {

    private ScrollPane plain;
    private ScrollPane uncached;

    @Start
    void start(Stage stage) { // made here, once the toolkit runs: as fields they failed when this class ran first
        plain = new ScrollPane(new Label("plain"));
        uncached = new UncachedScrollPane(new Label("uncached"));
        stage.setScene(new Scene(new javafx.scene.layout.VBox(plain, uncached), 300, 200));
        stage.show();
    }

    @Test
    void the_viewport_is_not_cached_as_a_bitmap_unlike_javafxs_own(FxRobot robot) {
        assertTrue(viewport(plain).isCache(), "JavaFX's skin caches the viewport (the reason for this class)");
        assertFalse(viewport(uncached).isCache());
        assertEquals("uncached", ((Label) uncached.getContent()).getText());
    }

    /** Tab went on into a grid below the visible part of the inputs pane: the user typed into a cell they could not see. */
    @Test
    void the_control_that_takes_the_focus_is_scrolled_into_view(FxRobot robot) {
        javafx.scene.layout.VBox fields = new javafx.scene.layout.VBox(20);
        for (int i = 0; i < 10; i++) {
            javafx.scene.control.TextField f = new javafx.scene.control.TextField("field " + i);
            f.setId("field-" + i);
            f.setPrefHeight(40);
            fields.getChildren().add(f);
        }
        UncachedScrollPane pane = new UncachedScrollPane(fields);
        robot.interact(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(pane, 300, 200));
            s.show();
        });
        for (int i : new int[] {7, 9, 2, 0}) {
            Node field = fields.getChildren().get(i);
            robot.interact(field::requestFocus);
            robot.interact(pane::layout);
            javafx.geometry.Bounds view = pane.localToScene(pane.getLayoutBounds());
            javafx.geometry.Bounds b = field.localToScene(field.getLayoutBounds());
            assertTrue(b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5,
                    "field " + i + " " + b + " in " + view);
        }
        robot.interact(() -> pane.getScene().getWindow().hide());
    }

    /** A refused cell's message under its grid ended below the view, cut mid-sentence. */
    @Test
    void a_message_below_the_view_is_scrolled_into_it_as_far_as_the_focused_field_stays(FxRobot robot) {
        javafx.scene.control.TextField field = new javafx.scene.control.TextField("cell");
        field.setPrefHeight(40);
        javafx.scene.layout.Region grid = new javafx.scene.layout.Region();
        grid.setPrefHeight(100);
        javafx.scene.layout.Region header = new javafx.scene.layout.Region();
        header.setPrefHeight(50);
        Label message = new Label("message");
        message.setPrefHeight(40);
        javafx.scene.layout.Region rest = new javafx.scene.layout.Region();
        rest.setPrefHeight(400);
        javafx.scene.layout.VBox content = new javafx.scene.layout.VBox(header, field, grid, message, rest); // message at 190–230
        UncachedScrollPane pane = new UncachedScrollPane(content);
        robot.interact(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(pane, 300, 200));
            s.show();
            field.requestFocus();
            pane.layout();
        });
        javafx.geometry.Bounds view = pane.localToScene(pane.getLayoutBounds());
        robot.interact(() -> {
            pane.reveal(message);
            pane.layout();
        });
        javafx.geometry.Bounds m = message.localToScene(message.getLayoutBounds());
        javafx.geometry.Bounds f = field.localToScene(field.getLayoutBounds());
        assertTrue(m.getMaxY() <= view.getMaxY() + 0.5, "the message in view: " + m + " in " + view);
        assertTrue(f.getMinY() >= view.getMinY() - 0.5, "the field too: " + f);

        robot.interact(() -> {
            grid.setPrefHeight(300); // now both cannot show: the field wins
            pane.setVvalue(0);
            pane.layout();
            pane.reveal(message);
            pane.layout();
        });
        f = field.localToScene(field.getLayoutBounds());
        assertEquals(view.getMinY(), f.getMinY(), 1.5, "scrolled only as far as the field's top (the pane's 1 px border above)");
        robot.interact(() -> pane.getScene().getWindow().hide());
    }

    private static Node viewport(ScrollPane p) {
        Set<Node> found = p.lookupAll("." + UncachedScrollPane.VIEWPORT);
        assertEquals(1, found.size(), "one viewport");
        return found.iterator().next();
    }
}
