package org.normgraph.app.editor;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.spreadsheet.SpreadsheetCell;
import org.testfx.api.FxRobot;

/** Finds and types into the input grids the way a user does; shared by the TestFX tests. */
public final class GridRobot {

    private GridRobot() {
    }

    public static MatrixSheet sheet(FxRobot robot, String field) {
        return robot.lookup("#editor-" + field).queryAs(MatrixSheet.class);
    }

    /** The on-screen cell of {@code field[row][col]}. */
    public static Node cell(FxRobot robot, String field, int row, int col) {
        MatrixSheet sheet = sheet(robot, field);
        Node found = robot.from(sheet).lookup(".spreadsheet-cell").match(n -> n instanceof TableCell<?, ?> tc
                && tc.getItem() instanceof SpreadsheetCell sc && sc.getRow() == row && sc.getColumn() == col
                && n.isVisible() && n.getScene() != null).query();
        assertNotNull(found, field + "[" + row + "][" + col + "]");
        return found;
    }

    /** Types {@code text} key by key (digits, letters, '.' and '-'). */
    public static void typeText(FxRobot robot, String text) {
        for (char ch : text.toCharArray()) {
            KeyCode k = switch (ch) {
                case '.' -> KeyCode.PERIOD;
                case '-' -> KeyCode.MINUS;
                default -> Character.isDigit(ch) ? KeyCode.valueOf("DIGIT" + ch)
                        : KeyCode.valueOf(String.valueOf(Character.toUpperCase(ch)));
            };
            robot.type(k);
        }
    }
}
