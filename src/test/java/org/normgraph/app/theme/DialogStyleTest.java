package org.normgraph.app.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DialogStyleTest {

    private Stage stage;
    private final ThemeController themes = new ThemeController(null);

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(new StackPane(), 300, 200);
        themes.attach(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void a_dialog_takes_the_windows_theme_text_size_and_font(FxRobot robot) {
        robot.interact(() -> {
            themes.setTheme(Theme.DARK);
            themes.setTextSize(TextSize.HUGE);
            themes.fontFamilyProperty().set("Noto Sans CJK JP");
        });
        Alert[] alert = new Alert[1];
        robot.interact(() -> {
            alert[0] = new Alert(Alert.AlertType.ERROR, "x", ButtonType.OK);
            DialogStyle.follow(alert[0], stage);
        });
        List<String> sheets = alert[0].getDialogPane().getStylesheets();
        assertEquals(stage.getScene().getStylesheets(), sheets);
        assertTrue(sheets.contains(Theme.DARK.stylesheet()));
        assertTrue(sheets.contains(TextSize.HUGE.stylesheet()));
        assertTrue(sheets.contains(ScriptFont.stylesheet("Noto Sans CJK JP")));
        assertEquals(stage, alert[0].getOwner());
    }

    @Test
    void without_an_owner_the_dialog_keeps_the_defaults(FxRobot robot) {
        Alert[] alert = new Alert[1];
        robot.interact(() -> {
            alert[0] = new Alert(Alert.AlertType.ERROR, "x", ButtonType.OK);
            DialogStyle.follow(alert[0], null);
        });
        assertNull(alert[0].getOwner());
        assertTrue(alert[0].getDialogPane().getStylesheets().isEmpty());
    }
}
