package org.normgraph.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.Language;
import org.normgraph.app.MainWindow;
import org.normgraph.app.Messages;
import org.normgraph.app.model.SessionModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The views a language switch replaces must be garbage: nothing may keep listening through
 * them. A graph view that never got a key is released; one that got a single key press while
 * it had the focus stays reachable after the switch, one more per switch (a leak of a whole
 * graph view per switch). Disabled until the holder is found: {@code focus moved away before
 * the switch} does not release it, and neither the model subscriptions nor the window's key
 * handlers refer to the old view.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchReleasesViewsTest {

    private SessionModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        model = SessionModel.example();
        window = new MainWindow(model);
        window.show(stage, 1240, 780);
    }

    @AfterEach
    void english_again(FxRobot robot) {
        robot.interact(() -> Messages.setLanguage(Language.ENGLISH));
    }

    @Test
    void a_view_that_never_had_a_key_is_released(FxRobot robot) throws Exception {
        assertEquals(0, aliveAfterSwitches(robot, false));
    }

    @Disabled("leak found by the reliability work: a graph view that received a key stays reachable after a"
            + " language switch; holder not found yet")
    @Test
    void a_view_that_had_keys_is_released_too(FxRobot robot) throws Exception {
        assertEquals(0, aliveAfterSwitches(robot, true));
    }

    private long aliveAfterSwitches(FxRobot robot, boolean typeKeys) throws Exception {
        List<WeakReference<Object>> replaced = new ArrayList<>();
        for (Language l : new Language[] {Language.JAPANESE, Language.ENGLISH, Language.TRADITIONAL_CHINESE}) {
            if (typeKeys) {
                robot.interact(() -> window.graphView().requestFocus());
                robot.type(KeyCode.A);
            }
            robot.interact(() -> {
                replaced.add(new WeakReference<>(window.graphView()));
                replaced.add(new WeakReference<>(window.timelineBar()));
                window.setLanguage(l);
            });
        }
        for (int i = 0; i < 5 && replaced.stream().anyMatch(w -> w.get() != null); i++) {
            robot.interact(() -> { });
            System.gc();
            Thread.sleep(100);
        }
        return replaced.stream().filter(w -> w.get() != null).count();
    }
}
