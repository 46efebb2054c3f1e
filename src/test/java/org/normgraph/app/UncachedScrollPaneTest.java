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

    private final ScrollPane plain = new ScrollPane(new Label("plain"));
    private final ScrollPane uncached = new UncachedScrollPane(new Label("uncached"));

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new javafx.scene.layout.VBox(plain, uncached), 300, 200));
        stage.show();
    }

    @Test
    void the_viewport_is_not_cached_as_a_bitmap_unlike_javafxs_own(FxRobot robot) {
        assertTrue(viewport(plain).isCache(), "JavaFX's skin caches the viewport (the reason for this class)");
        assertFalse(viewport(uncached).isCache());
        assertEquals("uncached", ((Label) uncached.getContent()).getText());
    }

    private static Node viewport(ScrollPane p) {
        Set<Node> found = p.lookupAll("." + UncachedScrollPane.VIEWPORT);
        assertEquals(1, found.size(), "one viewport");
        return found.iterator().next();
    }
}
