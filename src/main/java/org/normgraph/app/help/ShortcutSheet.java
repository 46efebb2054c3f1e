package org.normgraph.app.help;

import java.util.List;
import java.util.regex.Matcher;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import org.normgraph.app.CjkWrap;
import org.normgraph.app.Messages;

/**
 * Every key the window answers to, grouped as a lecturer or learner looks for them. Key names
 * are the ones printed on keyboards (the same in every language); what they do comes from the
 * messages bundle ({@code help.action.<id>}). Mouse gestures are whole sentences there
 * ({@code help.mouse.<id>}).
 *
 * <p>The keys themselves are handled where they act (MainWindow, GraphView, PresentationMode,
 * LectureToolbar, the File menu, the input grids); this is their one user-facing list, kept
 * next to the tests that press each of them.
 */
public final class ShortcutSheet {

    /** One line: the keys, and the id of what they do. */
    record Row(String keys, String action) {
    }

    /** A titled group of lines ({@code help.group.<id>}). */
    record Group(String id, List<Row> rows) {
    }

    static final List<Group> GROUPS = List.of(
            new Group("step", List.of(
                    new Row("\u2192   PageDown", "next"),
                    new Row("\u2190   PageUp", "previous"),
                    new Row("Home   End", "first-last"),
                    new Row("Space", "play"))),
            new Group("graph", List.of(
                    new Row("\u2191   \u2193", "select-node"),
                    new Row("Enter", "pick-element"),
                    new Row("Shift + \u2190 \u2192 \u2191 \u2193", "move-element"),
                    new Row("Esc", "deselect"),
                    new Row("Shift + PageUp   Shift + PageDown", "scroll-inspector"),
                    new Row("Ctrl + plus", "zoom-in"),
                    new Row("Ctrl + minus", "zoom-out"),
                    new Row("Ctrl + 0", "fit"),
                    new Row("Ctrl + 1", "actual-size"),
                    new Row("Ctrl + 2", "follow"),
                    new Row("Ctrl + L", "lab"))),
            new Group("edit", List.of(
                    new Row("Tab   Enter", "next-cell"),
                    new Row("Ctrl + Tab", "leave-grid"),
                    new Row("Ctrl + C   Ctrl + V", "copy-paste"),
                    new Row("Delete", "clear"),
                    new Row("Ctrl + Z", "undo"),
                    new Row("Ctrl + Y   Ctrl + Shift + Z", "redo"))),
            new Group("lecture", List.of(
                    new Row("F5", "present"),
                    new Row("Esc", "leave"),
                    new Row("B   .", "blank"),
                    new Row("N", "notes"),
                    new Row("P", "presenter"),
                    new Row("Ctrl + Shift + P", "predict"),
                    new Row("Ctrl + Shift + T", "theme"),
                    new Row("Ctrl + Alt + plus", "text-larger"),
                    new Row("Ctrl + Alt + minus", "text-smaller"))),
            new Group("files", List.of(
                    new Row("Ctrl + N", "new"),
                    new Row("Ctrl + O", "open"),
                    new Row("Ctrl + S", "save"),
                    new Row("Ctrl + Shift + S", "save-as"),
                    new Row("Ctrl + E", "export"),
                    new Row("Ctrl + Q", "quit"),
                    new Row("F10   Alt", "menus"),
                    new Row("F1", "help"))));

    static final List<String> MOUSE = List.of("select", "pan", "zoom", "element");

    private ShortcutSheet() {
    }

    /** The sheet as two columns of groups, in the current language. */
    public static Node view() {
        GridPane left = column();
        GridPane right = column();
        for (int i = 0; i < GROUPS.size(); i++) {
            Group g = GROUPS.get(i);
            GridPane column = i < 3 ? left : right;
            column.add(title(g.id()), 0, column.getRowCount(), 2, 1);
            for (Row r : g.rows()) {
                Label k = new Label(keysShown(r.keys()));
                k.getStyleClass().add("shortcut-keys");
                column.addRow(column.getRowCount(), k, action(Messages.get("help.action." + r.action())));
            }
        }
        right.add(title("mouse"), 0, right.getRowCount(), 2, 1);
        for (String id : MOUSE) {
            right.add(action(Messages.get("help.mouse." + id)), 0, right.getRowCount(), 2, 1);
        }
        HBox columns = new HBox(36, left, right);
        columns.setId("shortcut-sheet");
        columns.getStyleClass().add("shortcut-sheet");
        return columns;
    }

    /** Key names as the window's language writes them: "Ctrl + Alt + plus" reads "Ctrl + Alt + 加号" in Chinese. */
    static String keysShown(String keys) {
        return keys.replaceAll("\\bplus\\b", Matcher.quoteReplacement(Messages.get("help.key.plus")))
                .replaceAll("\\bminus\\b", Matcher.quoteReplacement(Messages.get("help.key.minus")));
    }

    /** Keys right-aligned in the first column of the whole column of groups, so they line up. */
    private static GridPane column() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setHalignment(HPos.RIGHT);
        keys.setMinWidth(Region.USE_PREF_SIZE); // keys are never cut ("Ctrl + Alt + mi…"); the actions wrap
        grid.getColumnConstraints().add(keys);
        return grid;
    }

    private static Label action(String text) {
        Label a = new Label(text);
        GridPane.setHalignment(a, HPos.LEFT);
        a.setWrapText(true);
        CjkWrap.keepEndOf(a);
        a.getStyleClass().add("shortcut-action");
        return a;
    }

    private static Label title(String group) {
        Label t = new Label(Messages.get("help.group." + group));
        GridPane.setHalignment(t, HPos.LEFT);
        t.getStyleClass().add("shortcut-group");
        return t;
    }
}
