package org.normgraph.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.Scene;
import javafx.stage.Popup;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The notice after an export: in the window's corner, in its theme, gone after a click. */
@ExtendWith(ApplicationExtension.class)
class NoticeTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(new StackPane(), 800, 500);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void a_notice_shows_its_text_inside_the_windows_bottom_right_corner(FxRobot robot) {
        AtomicReference<Popup> popup = new AtomicReference<>();
        robot.interact(() -> popup.set(Notice.show(stage, "Exported to /tmp/a.png.")));
        Popup p = popup.get();
        assertTrue(p.isShowing());
        Label label = (Label) p.getContent().get(0);
        assertEquals("Exported to /tmp/a.png.", label.getText());
        assertTrue(p.getX() > stage.getX() + stage.getWidth() / 2, "right half: " + p.getX());
        assertTrue(p.getY() > stage.getY() + stage.getHeight() / 2, "bottom half: " + p.getY());
        assertTrue(p.getX() + p.getWidth() <= stage.getX() + stage.getWidth(), "inside the window");
        assertTrue(p.getY() + p.getHeight() <= stage.getY() + stage.getHeight(), "inside the window");
        // styled by the window's stylesheet: a coloured box, not a bare transparent label
        assertNotEquals(null, label.getBackground());
        assertNotEquals(Color.TRANSPARENT, label.getBackground().getFills().get(0).getFill());
        robot.clickOn(label);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(p.isShowing(), "a click closes it");
    }

    @Test
    void a_notice_takes_no_focus_from_the_window(FxRobot robot) {
        AtomicReference<Popup> popup = new AtomicReference<>();
        robot.interact(() -> popup.set(Notice.show(stage, "x")));
        assertTrue(stage.isFocused(), "the window keeps the keys");
        robot.interact(() -> popup.get().hide());
    }

    @Test
    void without_a_shown_window_nothing_shows(FxRobot robot) {
        AtomicReference<Popup> popup = new AtomicReference<>();
        robot.interact(() -> popup.set(Notice.show(null, "x")));
        assertFalse(popup.get().isShowing());
    }
}
