package org.normgraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.explain.StepExplanations;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.theme.TextSize;
import org.normgraph.app.theme.Theme;
import org.normgraph.app.theme.ViewSetting;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Themes, text size, focus ring and the step explanation in the whole window (headless). */
@ExtendWith(ApplicationExtension.class)
class ThemeWindowTest {

    private final InMemoryPreferences prefs = new InMemoryPreferences();
    private SessionModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Messages.setLanguage(Language.ENGLISH);
        model = SessionModel.example();
        window = new MainWindow(model, null, new ViewSetting(prefs));
        window.show(stage, 1280, 800); // the whole Monocle screen: full screen keeps the size
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    /** A colour's luminance; a gradient's, its stops' mean (modena draws the slider with gradients). */
    private static double luminance(javafx.scene.paint.Paint p) {
        if (p instanceof javafx.scene.paint.LinearGradient g) {
            return g.getStops().stream().mapToDouble(stop -> luminance(stop.getColor())).average().orElse(0);
        }
        return luminance((Color) p);
    }

    private double graphBackground() {
        return luminance((Color) window.graphView().getBackground().getFills().get(0).getFill());
    }

    private void chord(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, key).release(key, KeyCode.SHIFT, KeyCode.CONTROL);
    }

    private void textSizeChord(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, KeyCode.ALT, key).release(key, KeyCode.ALT, KeyCode.CONTROL);
    }

    /** JavaFX's combo boxes keep the width of their widest list: after 150 % and back the language box stayed wider. */
    @Test
    void combo_boxes_shrink_back_with_the_text(FxRobot robot) {
        for (String id : new String[] {"#toolbar-language", "#timeline-speed"}) {
            Region box = robot.lookup(id).queryAs(Region.class);
            double before = box.getWidth();
            robot.interact(() -> window.themes().setTextSize(TextSize.LARGER));
            assertTrue(box.getWidth() > before, id + ": " + before + " → " + box.getWidth());
            robot.interact(() -> window.themes().setTextSize(TextSize.NORMAL));
            assertEquals(before, box.getWidth(), 0.5, id);
        }
    }

    /** Ctrl + plus typed as Ctrl+Shift+= (US keyboards) changed the text size instead of zooming. */
    @Test
    void ctrl_plus_zooms_the_graph_however_the_keyboard_types_plus(FxRobot robot) {
        double zoom = window.graphView().getZoom();
        chord(robot, KeyCode.EQUALS); // Ctrl+Shift+=
        assertEquals(TextSize.NORMAL, window.themes().getTextSize());
        assertTrue(window.graphView().getZoom() > zoom, zoom + " → " + window.graphView().getZoom());
    }

    @Test
    void ctrl_shift_t_goes_dark_then_high_contrast_and_the_choice_is_remembered(FxRobot robot) {
        assertTrue(graphBackground() > 0.9, "light");
        chord(robot, KeyCode.T);
        assertEquals(Theme.DARK, window.themes().getTheme());
        assertTrue(window.root().getStyleClass().contains("theme-dark"));
        assertTrue(window.root().getScene().getStylesheets().contains(Theme.DARK.stylesheet()));
        assertTrue(graphBackground() < 0.15, "the graph is dark too: " + graphBackground());
        Label status = robot.lookup("#status-line").queryAs(Label.class);
        assertTrue(luminance((Color) status.getTextFill()) > 0.8, "light text on dark");
        assertEquals("dark", prefs.get(ViewSetting.THEME_KEY, null));

        chord(robot, KeyCode.T);
        assertEquals(Theme.HIGH_CONTRAST, window.themes().getTheme());
        assertEquals(0.0, graphBackground(), 1e-9);
        assertTrue(window.root().getScene().getStylesheets().stream().noneMatch(s -> s.equals(Theme.DARK.stylesheet())));
        chord(robot, KeyCode.T);
        assertEquals(Theme.LIGHT, window.themes().getTheme());
        assertTrue(graphBackground() > 0.9);
    }

    /** In high contrast the slider's track and thumb were dark grey on black, a selected toggle a plain label. */
    @Test
    void in_high_contrast_the_slider_and_a_selected_toggle_stand_out_from_the_black(FxRobot robot) {
        robot.interact(() -> window.themes().setTheme(Theme.HIGH_CONTRAST));
        try {
            for (String part : new String[] {".slider .track", ".slider .thumb"}) {
                javafx.scene.layout.Region r = robot.lookup(part).queryAs(javafx.scene.layout.Region.class);
                var fills = r.getBackground().getFills();
                assertTrue(luminance(fills.get(fills.size() - 1).getFill()) > 0.5, part + " " + fills);
            }
            javafx.scene.control.ToggleButton inputs = robot.lookup("#toolbar-inputs")
                    .queryAs(javafx.scene.control.ToggleButton.class);
            assertTrue(inputs.isSelected());
            Color frame = (Color) inputs.getBackground().getFills().get(inputs.isFocused() ? 1 : 0).getFill();
            assertTrue(frame.getRed() > 0.9 && frame.getGreen() > 0.7 && frame.getBlue() < 0.2, "yellow frame: " + frame);
        } finally {
            robot.interact(() -> window.themes().setTheme(Theme.LIGHT));
        }
    }

    @Test
    void the_view_menu_switches_theme_and_text_size(FxRobot robot) {
        // the items' actions (opening the popup menus is not reliable on the headless Monocle screen)
        var view = org.normgraph.app.ToolbarItems.item(window, "toolbar-view",
                javafx.scene.control.MenuButton.class);
        assertTrue(view.getTooltip().getText().contains("Ctrl+Shift+T"), "the shortcut is in the tooltip");
        robot.interact(() -> item(view, "menu-theme-dark").fire());
        assertEquals(Theme.DARK, window.themes().getTheme());
        robot.interact(() -> item(view, "menu-textsize-150").fire());
        assertEquals(TextSize.LARGER, window.themes().getTextSize());
        robot.interact(() -> item(view, "menu-present").fire());
        assertTrue(window.presentation().isPresenting());
        robot.push(KeyCode.ESCAPE);
        assertEquals(Theme.DARK, window.themes().getEffective(), "the chosen theme is back after presenting");
    }

    private static javafx.scene.control.MenuItem item(javafx.scene.control.MenuButton view, String id) {
        for (var top : view.getItems()) {
            if (id.equals(top.getId())) {
                return top;
            }
            if (top instanceof javafx.scene.control.Menu m) {
                for (var i : m.getItems()) {
                    if (id.equals(i.getId())) {
                        return i;
                    }
                }
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    @Test
    void text_size_scales_the_window_and_the_graph_labels(FxRobot robot) {
        Label name = robot.lookup("#node-xhat .node-name").queryAs(Label.class);
        Label status = robot.lookup("#status-line").queryAs(Label.class);
        double nameBefore = name.getFont().getSize();
        double statusBefore = status.getFont().getSize();
        textSizeChord(robot, KeyCode.EQUALS);
        assertEquals(TextSize.LARGE, window.themes().getTextSize());
        assertEquals(1.25, name.getFont().getSize() / nameBefore, 0.02);
        assertEquals(1.25, status.getFont().getSize() / statusBefore, 0.02);
        assertEquals("125", prefs.get(ViewSetting.TEXT_SIZE_KEY, null));
        textSizeChord(robot, KeyCode.EQUALS);
        // Ctrl+Alt+plus typed as on a US keyboard: Shift+=
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.SHIFT, KeyCode.EQUALS)
                .release(KeyCode.EQUALS, KeyCode.SHIFT, KeyCode.ALT, KeyCode.CONTROL);
        assertEquals(2.0, name.getFont().getSize() / nameBefore, 0.02);
        textSizeChord(robot, KeyCode.MINUS);
        assertEquals(TextSize.LARGER, window.themes().getTextSize());
        robot.interact(() -> window.themes().setTextSize(TextSize.NORMAL));
        assertEquals(nameBefore, name.getFont().getSize(), 0.01);
    }

    /** At 200 % in a 960×640 window the timeline's buttons were blank and the notes below the edge. */
    @Test
    void the_smallest_window_grows_with_the_text_up_to_the_screen(FxRobot robot) {
        Stage stage = (Stage) window.root().getScene().getWindow();
        assertEquals(MainWindow.MIN_WIDTH, stage.getMinWidth());
        robot.interact(() -> {
            stage.setWidth(MainWindow.MIN_WIDTH);
            stage.setHeight(MainWindow.MIN_HEIGHT);
            window.themes().setTextSize(TextSize.LARGER);
        });
        assertEquals(1.3 * MainWindow.MIN_WIDTH, stage.getMinWidth(), 1e-9, "150 %");
        assertEquals(stage.getMinWidth(), stage.getWidth(), 1e-9, "the window grew to it");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds(); // 1280×800 on Monocle
        assertEquals(Math.min(screen.getHeight(), 1.3 * MainWindow.MIN_HEIGHT), stage.getHeight(), 1e-9);
        robot.interact(() -> stage.setX(screen.getMaxX() - stage.getWidth())); // at the screen's right edge
        robot.interact(() -> window.themes().setTextSize(TextSize.HUGE));
        assertEquals(Math.min(screen.getWidth(), 1.6 * MainWindow.MIN_WIDTH), stage.getMinWidth(), 1e-9,
                "200 %, at most the screen");
        assertTrue(stage.getX() + stage.getWidth() <= screen.getMaxX() + 1e-9,
                "the grown window stays on the screen: x " + stage.getX() + ", width " + stage.getWidth());
        robot.interact(() -> window.themes().setTextSize(TextSize.NORMAL));
        assertEquals(MainWindow.MIN_WIDTH, stage.getMinWidth());
    }

    /** Text fields read Ctrl+Alt as AltGr: Ctrl+Alt+plus put a + into the eps being edited. */
    @Test
    void the_text_size_keys_type_nothing_into_the_field_being_edited(FxRobot robot) {
        robot.clickOn("#editor-eps");
        TextField eps = robot.lookup("#editor-eps").queryAs(TextField.class);
        String before = eps.getText();
        textSizeChord(robot, KeyCode.EQUALS);
        textSizeChord(robot, KeyCode.MINUS);
        textSizeChord(robot, KeyCode.EQUALS);
        assertEquals(TextSize.LARGE, window.themes().getTextSize());
        assertEquals(before, eps.getText());
        robot.type(KeyCode.DIGIT7); // the field still types
        assertTrue(eps.getText().contains("7"), eps.getText());
        robot.interact(() -> window.themes().setTextSize(TextSize.NORMAL));
    }

    /** A number being typed into a cell stayed on screen, uncommitted, when the text size changed. */
    @Test
    void a_number_being_typed_in_a_cell_counts_when_the_text_size_changes(FxRobot robot) {
        robot.clickOn(org.normgraph.app.editor.GridRobot.cell(robot, "x", 0, 1));
        org.normgraph.app.editor.GridRobot.typeText(robot, "7");
        textSizeChord(robot, KeyCode.EQUALS);
        assertEquals(TextSize.LARGE, window.themes().getTextSize());
        assertEquals(7.0, model.getInput().x().get(0, 1), "committed, as when focus leaves the cell");
        assertTrue(model.canUndo());
        robot.interact(() -> window.themes().setTextSize(TextSize.NORMAL));
    }

    /** In Traditional Chinese at 200 % the layout choice ran past the pane's edge, its arrow hidden. */
    @Test
    void at_200_percent_in_traditional_chinese_the_layout_choice_stays_inside_the_inputs_pane(FxRobot robot) {
        robot.interact(() -> {
            window.setLanguage(Language.TRADITIONAL_CHINESE);
            window.themes().setTextSize(TextSize.HUGE);
        });
        try {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            Node layout = robot.lookup("#editor-layout").query();
            javafx.scene.control.ScrollPane pane = (javafx.scene.control.ScrollPane) robot.lookup("#inputs-pane .scroll-pane").query();
            double right = layout.localToScene(layout.getBoundsInLocal()).getMaxX();
            double paneRight = pane.localToScene(pane.getLayoutBounds()).getMaxX();
            assertTrue(right <= paneRight, "layout choice ends at " + right + ", the pane at " + paneRight);
        } finally {
            robot.interact(() -> {
                window.themes().setTextSize(TextSize.NORMAL);
                window.setLanguage(Language.ENGLISH);
            });
        }
    }

    @Test
    void back_at_100_percent_the_inputs_controls_take_their_100_percent_widths_again(FxRobot robot) {
        javafx.scene.control.ComboBox<?> layout = robot.lookup("#editor-layout").queryAs(javafx.scene.control.ComboBox.class);
        double before = layout.getWidth();
        robot.interact(() -> window.themes().setTextSize(TextSize.LARGER));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.5 * before, layout.getWidth(), 2);
        robot.interact(() -> window.themes().setTextSize(TextSize.NORMAL));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, layout.getWidth(), 1, "a ComboBox measured from its list kept its 150 % width");
        javafx.scene.Node next = robot.lookup("#editor-nextseed").query();
        javafx.scene.Node pane = robot.lookup(".inputs-editor").query();
        assertTrue(pane.localToScene(pane.getBoundsInLocal()).getMaxX() >= next.localToScene(next.getBoundsInLocal()).getMaxX(),
                "Next seed wraps inside the pane, not cut at its edge");
    }

    @Test
    void at_the_largest_text_size_numbers_grids_and_controls_stay_whole(FxRobot robot) {
        Region x = robot.lookup("#editor-x").queryAs(Region.class);
        double rowBefore = rowHeight(x);
        Text tick = robot.lookup(".timeline-bar .step-tick").queryAs(Text.class);
        double ticksBefore = tick.getFont().getSize();
        var values = robot.lookup("#node-x .value-matrix").queryAs(org.normgraph.app.graph.MatrixView.class);
        double cellBefore = values.cellHeight();
        // one size after another, as Ctrl+Alt+plus goes: the toolbar overflows at the first
        // larger size already, and must sort its items out again at each later one
        robot.interact(() -> window.themes().setTextSize(TextSize.LARGE));
        robot.interact(() -> window.themes().setTextSize(TextSize.LARGER));
        robot.interact(() -> window.themes().setTextSize(TextSize.HUGE));
        assertEquals(2, tick.getFont().getSize() / ticksBefore, 0.02, "the timeline's step numbers grow too");
        // graph: number cells grow with their font, so no number is cut and rows do not overlap
        assertTrue(values.cellHeight() > 1.7 * cellBefore, cellBefore + " → " + values.cellHeight());
        for (var view : robot.lookup(".value-matrix").queryAllAs(org.normgraph.app.graph.MatrixView.class)) {
            var m = view.getMatrix();
            for (int i = 0; m != null && view.isNumbers() && i < m.rows(); i++) {
                for (int j = 0; j < m.cols(); j++) {
                    assertEquals(org.normgraph.app.graph.Numbers.format(m.get(i, j)), view.cellText(i, j), "cut short");
                }
            }
        }
        // input grids: rows twice as high, every cell of x in view without scroll bars
        assertEquals(2, rowHeight(x) / rowBefore, 0.01);
        for (var bar : x.lookupAll(".scroll-bar")) {
            assertFalse(bar.isVisible(), "a scroll bar in x's grid");
        }
        // side pane: content wider than the pane is cut on the right, never on the left
        Node inputs = robot.lookup("#inputs-pane").queryAs(Region.class).getChildrenUnmodifiable().get(0);
        assertTrue(inputs.getBoundsInParent().getMinX() >= 0, "inputs start at " + inputs.getBoundsInParent());
        for (String pane : new String[] {"#inputs-pane", "#inspector-pane"}) {
            Region side = robot.lookup(pane).queryAs(Region.class);
            assertTrue(side.getClip() != null && side.getClip().getLayoutBounds().getWidth() == side.getWidth(),
                    pane + " is cut at its edge, not drawn over the graph");
        }
        // graph: Fit still shows all of it
        var graph = (org.normgraph.app.graph.GraphView) window.graphView();
        assertTrue(graph.isFitting());
        assertTrue(graph.getWidth() >= 0.4 * window.root().getWidth() - 1, "the panes leave the graph room");
        assertTrue(graph.layoutResult().width() * graph.getZoom() <= graph.getWidth() + 1,
                graph.layoutResult().width() + " × " + graph.getZoom() + " in " + graph.getWidth());
        // toolbar: what does not fit goes to the overflow menu whole, nothing shows "…"
        // (one lookup per class: a lookup does not take a selector list)
        var items = new java.util.ArrayList<>(robot.lookup("#toolbar .button").queryAllAs(Labeled.class));
        items.addAll(robot.lookup("#toolbar .toggle-button").queryAllAs(Labeled.class));
        assertTrue(items.size() >= 5, "the toolbar's buttons: " + items.size());
        for (Labeled item : items) {
            if (item.isVisible() && item.getScene() != null) {
                assertTrue(item.getWidth() >= item.prefWidth(-1) - 0.5,
                        () -> "squeezed: " + item.getId() + " " + item.getWidth() + " < " + item.prefWidth(-1));
                if (item.lookup(".text") != null) {
                    assertWhole(item);
                }
            }
        }
        // the normalization's note wraps instead of ending in "…"
        assertWhole(robot.lookup("#norm-note").queryAs(Labeled.class));
    }

    private static double rowHeight(Region sheet) {
        return sheet.lookupAll(".table-row-cell").stream().mapToDouble(r -> r.getLayoutBounds().getHeight())
                .max().orElseThrow();
    }

    private static void assertWhole(Labeled l) {
        assertEquals(l.getText(), ((Text) l.lookup(".text")).getText(), "cut short: " + l.getId() + " " + l.getProperties());
    }

    @Test
    void the_graph_shows_a_visible_focus_ring(FxRobot robot) {
        Region graph = window.graphView();
        robot.interact(graph::requestFocus);
        assertTrue(graph.isFocused());
        var stroke = graph.getBorder().getStrokes().get(0);
        assertTrue(stroke.getWidths().getTop() >= 2, "ring width " + stroke.getWidths().getTop());
        assertTrue(((Color) stroke.getTopStroke()).getOpacity() > 0.9);
    }

    @Test
    void every_step_shows_its_explanation_in_the_language_of_the_window(FxRobot robot) {
        Label explanation = robot.lookup("#step-explanation").queryAs(Label.class);
        for (int p = 0; p < model.getStepCount(); p++) {
            int at = p;
            robot.interact(() -> model.seek(at));
            assertEquals(Messages.get(StepExplanations.key(model.getStep())), explanation.getText(), "position " + p);
        }
        try {
            robot.interact(() -> window.setLanguage(Language.JAPANESE));
            Label ja = robot.lookup("#step-explanation").queryAs(Label.class);
            // shown with its last characters glued, so that no line holds one alone
            assertEquals(CjkWrap.keepEnd(Messages.load(Language.JAPANESE.locale()).getString("explain.backward.0")),
                    ja.getText());
        } finally {
            Messages.setLanguage(Language.ENGLISH);
        }
    }

    @Test
    void a_new_window_starts_with_the_remembered_theme_and_size(FxRobot robot) {
        new ViewSetting(prefs).storeTheme(Theme.DARK);
        new ViewSetting(prefs).storeTextSize(TextSize.LARGER);
        MainWindow[] again = new MainWindow[1];
        robot.interact(() -> {
            again[0] = new MainWindow(SessionModel.example(), null, new ViewSetting(prefs));
            again[0].createScene(800, 600);
        });
        assertEquals(Theme.DARK, again[0].themes().getEffective());
        assertTrue(again[0].root().getScene().getStylesheets().contains(TextSize.LARGER.stylesheet()));
    }
}
