package org.normgraph.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
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
 * them, also after they had the focus and got keys. (A view that got a key used to stay
 * reachable here: not through the app but through TestFX's record of every event that passed
 * its stage, which keeps each event's target; {@link TestFxEventRecord} forgets it before the
 * check.)
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
                replaced.add(new WeakReference<>(Objects.requireNonNull(window.root().lookup(".inputs-editor"))));
                replaced.add(new WeakReference<>(Objects.requireNonNull(window.root().lookup(".inspector"))));
                window.setLanguage(l);
            });
        }
        robot.interact(TestFxEventRecord::forget);
        for (int i = 0; i < 5 && replaced.stream().anyMatch(w -> w.get() != null); i++) {
            robot.interact(() -> { });
            System.gc();
            Thread.sleep(100);
        }
        return replaced.stream().filter(w -> w.get() != null).count();
    }
}
