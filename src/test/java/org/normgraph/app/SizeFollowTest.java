package org.normgraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.editor.InputsPane;
import org.normgraph.app.model.Examples;
import org.normgraph.core.BatchNormInput;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A size that follows layout state is applied only when its number changes, so that an idle
 * window does not lay itself out again on every pulse.
 */
@ExtendWith(ApplicationExtension.class)
class SizeFollowTest {

    private final SimpleObjectProperty<BatchNormInput> input = new SimpleObjectProperty<>(Examples.classic());
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(new StackPane(new InputsPane(input, input::set)), 420, 780);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void applies_the_first_value_and_then_only_changed_values() {
        SimpleDoubleProperty source = new SimpleDoubleProperty(100);
        List<Double> applied = new ArrayList<>();
        Region owner = new Region();
        SizeFollow.follow(owner, source, () -> Math.max(120, source.get() - 16), applied::add);
        source.set(110); // still 120
        source.set(200);
        source.set(200.0);
        source.set(300);
        assertEquals(List.of(120.0, 184.0, 284.0), applied);
    }

    @Test
    void an_idle_input_editor_is_not_laid_out_again_on_every_pulse(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Parent scroll = (Parent) robot.lookup(".inputs-scroll").query();
        List<Boolean> dirty = new ArrayList<>();
        Runnable probe = () -> dirty.add(scroll.isNeedsLayout());
        robot.interact(() -> scene.addPreLayoutPulseListener(probe));
        for (int i = 0; i < 5; i++) {
            robot.interact(Platform::requestNextPulse);
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.interact(() -> scene.removePreLayoutPulseListener(probe));
        assertFalse(dirty.isEmpty(), "no pulse ran");
        assertFalse(dirty.contains(true), "the inputs' scroll pane asked for a layout while idle: " + dirty);
    }
}
