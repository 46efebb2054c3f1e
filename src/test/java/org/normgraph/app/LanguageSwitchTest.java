package org.normgraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.editor.InputField;
import org.normgraph.app.editor.InputsPane;
import org.normgraph.app.editor.NumberText;
import org.normgraph.app.graph.GraphView;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.model.Selection;
import org.normgraph.app.theme.ScriptFont;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormSpec;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import javafx.scene.input.KeyCode;
import org.testfx.util.WaitForAsyncUtils;

/** The toolbar's language box: the window shows the bundle's text and the session goes on. */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {

    private static final PseudoClass COMPUTED = PseudoClass.getPseudoClass("computed");
    private static final ResourceBundle JA = Messages.load(Locale.JAPANESE);
    private static final ResourceBundle EN = Messages.load(Locale.ROOT);

    private final InMemoryPreferences prefs = new InMemoryPreferences();
    private SessionModel model;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Messages.setLanguage(Language.ENGLISH);
        model = SessionModel.example();
        window = new MainWindow(model, new LanguageSetting(prefs));
        window.show(stage, 1240, 780);
    }

    @AfterEach
    void english_again() {
        Messages.setLanguage(Language.ENGLISH);
    }

    @Test
    void switching_to_japanese_and_back_changes_the_text_and_keeps_the_session(FxRobot robot) {
        BatchNormInput edited = model.getInput().withEps(1e-10); // tiny eps: a note
        robot.interact(() -> {
            model.commit(edited);
            model.seek(12);
            model.setSelection(Selection.element("xhat", 1, 2));
        });
        robot.interact(() -> robot.lookup("#inputs-pane .inputs-editor").queryAs(InputsPane.class).setSeed(7));
        robot.clickOn("#toolbar-inspector"); // hide the inspector
        WaitForAsyncUtils.waitForFxEvents();
        GraphView oldGraph = window.graphView();
        assertEquals(EN.getString("step.backward.7"), status(robot));

        choose(robot, "日本語");

        assertEquals(Language.JAPANESE, Messages.language());
        assertEquals(CjkWrap.keepEnd(JA.getString("step.backward.7")), status(robot), "the status line in Japanese");
        assertEquals(JA.getString("app.undo.tip"), robot.lookup("#toolbar-undo").queryAs(Button.class)
                .getTooltip().getText());
        assertEquals(JA.getString("app.undo.glyph"), robot.lookup("#toolbar-undo").queryAs(Button.class).getText());
        assertEquals(JA.getString("timeline.next.tip"), robot.lookup("#timeline-next").queryAs(Button.class)
                .getTooltip().getText());
        assertEquals(JA.getString("app.window.title"), stage.getTitle());
        assertEquals(CjkWrap.keepEnd(new MessageFormat(JA.getString("note.tiny-eps"), Locale.JAPANESE).format(new Object[] {"1e-10"})),
                robot.lookup("#notes .note").queryAs(Label.class).getText());
        ComboBox<?> box = robot.lookup("#toolbar-language").queryAs(ComboBox.class);
        assertEquals("日本語", ((ListCell<?>) ((ComboBoxListViewSkin<?>) box.getSkin()).getDisplayNode()).getText(),
                "the box shows the language chosen");

        assertEquals(12, model.getPosition(), "the step stays");
        assertEquals(edited, model.getInput(), "the input stays");
        assertEquals(Selection.element("xhat", 1, 2), model.getSelection(), "the selection stays");
        assertTrue(model.canUndo(), "the undo history stays");
        assertEquals(7, robot.lookup("#inputs-pane .inputs-editor").queryAs(InputsPane.class).getSeed());
        assertFalse(robot.lookup("#toolbar-inspector").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup("#inspector-pane").tryQuery().isEmpty(), "the hidden inspector stays hidden");
        assertEquals("ja", prefs.get(LanguageSetting.KEY, null), "remembered");
        assertTrue(window.graphView().isFocused(), "the keys step again");

        GraphView newGraph = window.graphView();
        assertNotSame(oldGraph, newGraph);
        robot.interact(model::first);
        assertEquals(CjkWrap.keepEnd(JA.getString("step.start") + JA.getString("step.start.keys")), status(robot));
        assertFalse(newGraph.nodeView("out").getPseudoClassStates().contains(COMPUTED));
        assertTrue(oldGraph.nodeView("out").getPseudoClassStates().contains(COMPUTED),
                "the replaced graph no longer follows the model");

        choose(robot, "English");

        assertEquals(EN.getString("step.start") + " " + EN.getString("step.start.keys"), status(robot));
        assertEquals(EN.getString("app.undo.tip"), robot.lookup("#toolbar-undo").queryAs(Button.class)
                .getTooltip().getText());
        assertEquals(EN.getString("app.window.title"), stage.getTitle());
        assertEquals("en", prefs.get(LanguageSetting.KEY, null));
        robot.interact(model::undo);
        assertEquals(1e-5, model.getInput().eps(), "undo still works after two switches");
    }

    /** Each arrow in the open list switched the language, and the rebuilt window took the next arrows into the graph. */
    @Test
    void a_refused_cell_keeps_its_message_over_a_switch_said_in_the_new_language(FxRobot robot) {
        robot.interact(() -> robot.lookup("#inputs-pane .inputs-editor").queryAs(InputsPane.class)
                .editCell(InputField.X, 1, 1, "abc"));
        Label before = robot.lookup("#editor-x-message").queryAs(Label.class);
        assertTrue(before.isVisible() && before.getText().contains("'abc' is not a number"), before.getText());

        select(robot, Language.JAPANESE);

        Label after = robot.lookup("#editor-x-message").queryAs(Label.class);
        assertNotSame(before, after, "the window was rebuilt");
        String refused = MessageFormat.format(JA.getString("editor.refused.nan"), "x[1][1]", "abc");
        String expected = MessageFormat.format(JA.getString("editor.refused.kept"), refused,
                NumberText.cell(model.getInput().x().get(1, 1)));
        assertTrue(after.isVisible(), "the message is still shown");
        assertEquals(CjkWrap.keepEnd(NumberText.unbroken(expected)), after.getText());
    }

    @Test
    void open_speaker_notes_stay_open_over_a_switch(FxRobot robot) {
        robot.interact(() -> robot.lookup("#speaker-notes").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true));
        select(robot, Language.JAPANESE);
        assertTrue(robot.lookup("#speaker-notes").queryAs(javafx.scene.control.TitledPane.class).isExpanded());
    }

    @Test
    void a_group_refusal_from_the_window_is_said_again_in_the_new_language(FxRobot robot) {
        robot.interact(() -> model.setNormSpec(new NormSpec(NormKind.GROUP, 3)));
        robot.interact(() -> robot.lookup("#inputs-pane .inputs-editor").queryAs(InputsPane.class).resize(4, 4));
        Label message = robot.lookup("#editor-size-message").queryAs(Label.class);
        assertEquals(refused(EN, "3", "4"), message.getText());

        select(robot, Language.JAPANESE);

        assertEquals(refused(JA, "3", "4"), robot.lookup("#editor-size-message").queryAs(Label.class).getText());
    }

    /** D = 4 refused under group norm with G = 3 was still said under batch norm, where D = 4 is fine. */
    @Test
    void a_group_refusal_goes_when_the_kind_changes(FxRobot robot) {
        robot.interact(() -> model.setNormSpec(new NormSpec(NormKind.GROUP, 3)));
        robot.interact(() -> robot.lookup("#inputs-pane .inputs-editor").queryAs(InputsPane.class).resize(4, 4));
        assertEquals(refused(EN, "3", "4"), robot.lookup("#editor-size-message").queryAs(Label.class).getText());
        robot.interact(() -> model.setNormSpec(NormSpec.batch()));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(robot.lookup("#inputs-pane .inputs-editor").queryAs(InputsPane.class).getFeedback());
        assertTrue(robot.lookup("#editor-size-message").tryQuery().map(n -> !n.isVisible()).orElse(true), "no message shown");
    }

    @Test
    void arrows_in_the_open_list_only_move_to_a_language_and_closing_the_list_takes_it(FxRobot robot) {
        robot.clickOn("#toolbar-language");
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Language.ENGLISH, Messages.language(), "still choosing");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Language.JAPANESE, Messages.language(), "English → 简体中文 → 繁體中文 → 日本語");
        select(robot, Language.ENGLISH);
    }

    @Test
    void the_box_offers_each_language_by_its_own_name_and_playback_survives_a_switch(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Language> box = robot.lookup("#toolbar-language").queryAs(ComboBox.class);
        assertEquals(java.util.List.of("English", "简体中文", "繁體中文", "日本語"),
                box.getItems().stream().map(box.getConverter()::toString).toList());
        robot.interact(() -> model.setPlaying(true));
        select(robot, Language.TRADITIONAL_CHINESE);
        assertTrue(model.isPlaying(), "still playing");
        assertEquals(Messages.load(Locale.TRADITIONAL_CHINESE).getString("timeline.pause.glyph"),
                robot.lookup("#timeline-play").queryAs(Button.class).getText());
        robot.interact(() -> model.setPlaying(false));
        select(robot, Language.SIMPLIFIED_CHINESE);
        assertEquals(CjkWrap.keepEnd(org.normgraph.app.family.FamilyStatus.withKeys(model, model.getStep())), status(robot));
        assertTrue(status(robot).startsWith(Messages.load(Locale.SIMPLIFIED_CHINESE).getString(model.getStatusKey())), status(robot));
        assertEquals("zh-CN", prefs.get(LanguageSetting.KEY, null));
    }

    @Test
    void in_japanese_the_window_uses_a_font_with_bold_kana_and_kanji_and_english_the_default(FxRobot robot) {
        String family = ScriptFont.family(Language.JAPANESE).orElse(null);
        assumeTrue(family != null, "no Japanese font installed");
        Label status = robot.lookup("#status-line").queryAs(Label.class);
        assertEquals("System", status.getFont().getFamily());
        robot.interact(() -> model.setSelection(Selection.node("xhat")));
        select(robot, Language.JAPANESE);
        assertEquals(family, robot.lookup("#status-line").queryAs(Label.class).getFont().getFamily());
        // the inspector's section titles are bold: in the family's bold face (the default font's
        // fallback for kanji has none)
        Label title = robot.lookup("#inspector-pane .section-title").queryAs(Label.class);
        assertEquals(family, title.getFont().getFamily());
        assertTrue(title.getFont().getStyle().toLowerCase(Locale.ROOT).contains("bold"), title.getFont().getStyle());
        select(robot, Language.ENGLISH);
        assertEquals("System", robot.lookup("#status-line").queryAs(Label.class).getFont().getFamily());
    }

    /** Chooses in the box without the mouse (the first test clicks). */
    @SuppressWarnings("unchecked")
    private static void select(FxRobot robot, Language l) {
        robot.interact(() -> robot.lookup("#toolbar-language").queryAs(ComboBox.class).setValue(l));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void choose(FxRobot robot, String name) {
        robot.clickOn("#toolbar-language");
        robot.clickOn(name);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** "Not applied: " and the window's group refusal, as the size message shows them. */
    private static String refused(ResourceBundle bundle, String groups, String d) {
        return CjkWrap.keepEnd(NumberText.unbroken(MessageFormat.format(bundle.getString("editor.refused.input"),
                MessageFormat.format(bundle.getString("norm.refused.groups"), groups, d))));
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#status-line").queryAs(Label.class).getText();
    }
}
