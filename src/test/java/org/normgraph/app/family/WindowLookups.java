package org.normgraph.app.family;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.normgraph.app.graph.GraphNodeView;
import org.normgraph.core.family.NormKind;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests read off the window: the kind box and a graph node's view, shape and formula. */
final class WindowLookups {

    private WindowLookups() {
    }

    @SuppressWarnings("unchecked")
    static ComboBox<NormKind> kind(FxRobot robot) {
        return robot.lookup("#toolbar-norm").queryAs(ComboBox.class);
    }

    static GraphNodeView node(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#node-" + name).queryAs(GraphNodeView.class);
    }

    static String shape(FxRobot robot, String name) {
        node(robot, name);
        return robot.lookup("#node-" + name + " .shape").queryAs(Label.class).getText();
    }

    static String formula(FxRobot robot, String name) {
        node(robot, name);
        return robot.lookup("#node-" + name + " .formula").queryAs(Label.class).getText();
    }
}
