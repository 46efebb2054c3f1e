package org.normgraph.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.controlsfx.control.spreadsheet.SpreadsheetCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.model.Examples;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class InputsPaneTest {

    private final SimpleObjectProperty<BatchNormInput> input = new SimpleObjectProperty<>(Examples.classic());
    private final List<BatchNormInput> commits = new ArrayList<>();
    private InputsPane pane;

    @Start
    void start(Stage stage) {
        pane = new InputsPane(input, in -> {
            commits.add(in);
            input.set(in);
        });
        stage.setScene(new Scene(new StackPane(pane), 420, 780));
        stage.show();
    }

    @Test
    void typing_a_number_in_a_cell_of_x_commits_a_new_input_with_that_value(FxRobot robot) {
        robot.clickOn(GridRobot.cell(robot, "x", 2, 1));
        GridRobot.typeText(robot, "7.5");
        robot.type(KeyCode.ENTER);

        assertEquals(1, commits.size());
        assertEquals(Examples.classic().x().with(2, 1, 7.5), commits.get(0).x());
        assertEquals("7.5", cellText(robot, "x", 2, 1));
        MatrixSheet x = GridRobot.sheet(robot, "x");
        assertEquals(3, x.getSelectionModel().getFocusedCell().getRow(), "Enter moves down");
        assertEquals(null, x.getEditingCell(), "and does not open the next cell");

        GridRobot.typeText(robot, "-2");
        robot.type(KeyCode.TAB);
        assertEquals(-2.0, input.get().x().get(3, 1));
        assertEquals(2, x.getSelectionModel().getFocusedCell().getColumn(), "Tab moves right");
    }

    /** A grid reached by Tab had no cell to type into, and Tab never left it again. */
    @Test
    void tab_goes_into_a_grid_at_its_first_cell_through_its_cells_and_on_to_the_next_grid(FxRobot robot) {
        robot.interact(() -> robot.lookup("#editor-reset").query().requestFocus());
        robot.type(KeyCode.TAB);
        MatrixSheet x = GridRobot.sheet(robot, "x");
        MatrixSheet gamma = GridRobot.sheet(robot, "gamma");
        assertTrue(x.isFocusWithin(), "Tab from Reset reaches the x grid");
        assertEquals(0, x.getSelectionModel().getFocusedCell().getRow());
        assertEquals(0, x.getSelectionModel().getFocusedCell().getColumn());
        GridRobot.typeText(robot, "9");
        robot.type(KeyCode.ENTER);
        assertEquals(9.0, input.get().x().get(0, 0), "typed into x[0][0] without a click");

        robot.interact(() -> x.getSelectionModel().clearAndSelect(3, x.getColumns().get(2)));
        robot.type(KeyCode.TAB); // from the last cell
        assertTrue(gamma.isFocusWithin(), "on to the gamma grid");
        assertEquals(0, gamma.getSelectionModel().getFocusedCell().getColumn());
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT); // from gamma's first cell
        assertTrue(x.isFocusWithin(), "back to the x grid");
        assertEquals(3, x.getSelectionModel().getFocusedCell().getRow(), "coming back, at the last cell");
        assertEquals(2, x.getSelectionModel().getFocusedCell().getColumn());
        robot.press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL);
        assertTrue(gamma.isFocusWithin(), "Ctrl+Tab leaves from any cell");
        assertEquals(1, commits.size(), "moving about edits nothing");
        robot.interact(() -> robot.lookup("#editor-reset").query().requestFocus());
        robot.type(KeyCode.TAB);
        assertEquals(0, x.getSelectionModel().getFocusedCell().getRow(), "Tab comes in at the first cell again");
        assertEquals(0, x.getSelectionModel().getFocusedCell().getColumn());
    }

    @Test
    void delete_sets_the_selected_cell_to_zero(FxRobot robot) {
        robot.clickOn(GridRobot.cell(robot, "dout", 1, 1));
        robot.type(KeyCode.DELETE);
        assertEquals(0.0, input.get().dout().get(1, 1));
        assertEquals(1, commits.size());
        assertEquals("dout[1][1] is now 0 (Delete). Ctrl+Z brings the value back.", pane.getFeedback().text());
        assertFalse(pane.getFeedback().error());
    }

    /** A Mac keyboard's delete key sends BackSpace: on a selected cell it did nothing. */
    @Test
    void backspace_on_a_selected_cell_sets_it_to_zero_as_delete_does(FxRobot robot) {
        robot.clickOn(GridRobot.cell(robot, "dout", 1, 1));
        robot.type(KeyCode.BACK_SPACE);
        assertEquals(0.0, input.get().dout().get(1, 1));
        assertEquals(1, commits.size());
    }

    @Test
    void typing_abc_keeps_the_old_value_and_says_which_cell(FxRobot robot) {
        robot.clickOn(GridRobot.cell(robot, "x", 2, 1));
        GridRobot.typeText(robot, "abc");
        robot.type(KeyCode.ENTER);

        assertTrue(commits.isEmpty(), "nothing committed");
        assertEquals(Examples.classic(), input.get());
        assertEquals("0", cellText(robot, "x", 2, 1));
        Label msg = robot.lookup("#editor-x-message").queryAs(Label.class);
        assertTrue(msg.isVisible());
        assertEquals("x[2][1]: 'abc' is not a number. Kept 0.", msg.getText());
        assertTrue(GridRobot.sheet(robot, "x").isMarked(2, 1), "the refused cell is marked");
        WaitForAsyncUtils.waitForFxEvents();
        var focused = GridRobot.sheet(robot, "x").getSelectionModel().getFocusedCell();
        assertEquals(List.of(2, 1), List.of(focused.getRow(), focused.getColumn()), "Enter stays on the refused cell");
        GridRobot.typeText(robot, "9");
        robot.type(KeyCode.ENTER);
        assertEquals(9.0, input.get().x().get(2, 1), "typed again into the same cell");
    }

    /**
     * Typed keys come before idle work: a key already waiting when a cell is refused must act on
     * the refused cell, not on the one the grid moved on to. Done in one FX task, so that the
     * idle return has not run yet.
     */
    @Test
    void a_key_right_after_a_refusal_acts_on_the_refused_cell(FxRobot robot) {
        robot.clickOn(GridRobot.cell(robot, "x", 2, 1));
        MatrixSheet x = GridRobot.sheet(robot, "x");
        List<Integer> at = new ArrayList<>();
        robot.interact(() -> {
            x.getSelectionModel().clearAndSelect(3, x.getColumns().get(1)); // where Enter moved on to
            x.returnToRefused(2, 1);
            javafx.event.Event.fireEvent(x, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                    "", "", KeyCode.SHIFT, true, false, false, false));
            var f = x.getSelectionModel().getFocusedCell();
            at.addAll(List.of(f.getRow(), f.getColumn()));
        });
        assertEquals(List.of(2, 1), at);
    }

    /**
     * Under load the grid's own move on came after the return (a learner's screen): the refused
     * cell is held until the next key or click, and the number typed next goes into it.
     */
    @Test
    void a_move_of_the_grids_own_after_the_return_goes_back_to_the_refused_cell(FxRobot robot) {
        robot.clickOn(GridRobot.cell(robot, "x", 2, 1));
        MatrixSheet x = GridRobot.sheet(robot, "x");
        robot.interact(() -> x.returnToRefused(2, 1));
        robot.interact(() -> x.getSelectionModel().clearAndSelect(3, x.getColumns().get(1))); // the late move
        WaitForAsyncUtils.waitForFxEvents();
        var f = x.getSelectionModel().getFocusedCell();
        assertEquals(List.of(2, 1), List.of(f.getRow(), f.getColumn()));
        GridRobot.typeText(robot, "9");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(9.0, input.get().x().get(2, 1));
        f = x.getSelectionModel().getFocusedCell();
        assertEquals(List.of(3, 1), List.of(f.getRow(), f.getColumn()), "after a key the grid moves on as usual");
    }

    @Test
    void a_larger_text_size_grows_the_grid_and_keeps_its_numbers_and_refusal_marks(FxRobot robot) {
        robot.clickOn(GridRobot.cell(robot, "x", 2, 1));
        GridRobot.typeText(robot, "abc");
        robot.type(KeyCode.ENTER);
        MatrixSheet x = GridRobot.sheet(robot, "x");
        double width = x.getWidth();
        robot.interact(() -> pane.setStyle("-fx-font-size: 26px")); // what the 200 % text size sets
        assertEquals(2.0, x.scale(), 1e-9);
        assertTrue(x.getWidth() > 1.8 * width, width + " → " + x.getWidth());
        assertEquals("3", cellText(robot, "x", 1, 0));
        assertTrue(x.isMarked(2, 1), "the refused cell is still marked");
        assertEquals("x[2][1]: 'abc' is not a number. Kept 0.", x.cell(2, 1).getTooltip().orElseThrow());
    }

    @Test
    void column_numbers_grow_with_the_text_as_far_as_the_header_row_holds_them(FxRobot robot) {
        double[] sizes = new double[3];
        String[] styles = {"-fx-font-size: 13px", "-fx-font-size: 16.25px", "-fx-font-size: 26px"};
        for (int i = 0; i < styles.length; i++) {
            String style = styles[i];
            robot.interact(() -> pane.setStyle(style));
            robot.interact(() -> { }); // the header row's size is set in a layout pass: CSS follows
            Label number = robot.from(GridRobot.sheet(robot, "x")).lookup(".column-header .label").queryAs(Label.class);
            Region header = (Region) number.getParent();
            sizes[i] = number.getFont().getSize();
            Text line = new Text(number.getText());
            line.setFont(number.getFont());
            assertTrue(line.getLayoutBounds().getHeight() <= header.getHeight(),
                    style + ": a " + line.getLayoutBounds().getHeight() + " px line in a " + header.getHeight() + " px header");
        }
        assertEquals(13, sizes[0], 1e-9);
        assertEquals(16.25, sizes[1], 1e-9, "at 125 % like the cells and row numbers (13 px before)");
        assertTrue(sizes[2] > sizes[1], "larger again at 200 %, as far as it fits: " + sizes[2]);
    }

    @Test
    void changing_n_keeps_the_existing_values(FxRobot robot) {
        @SuppressWarnings("unchecked")
        Spinner<Integer> n = robot.lookup("#editor-n").queryAs(Spinner.class);
        robot.interact(() -> n.increment());

        BatchNormInput grown = input.get();
        assertEquals(5, grown.n());
        assertEquals(3, grown.d());
        BatchNormInput classic = Examples.classic();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(classic.x().get(i, j), grown.x().get(i, j));
                assertEquals(classic.dout().get(i, j), grown.dout().get(i, j));
            }
        }
        assertEquals(Matrix.rowVector(0, 0, 0), Matrix.rowVector(grown.x().row(4)));
        assertEquals(classic.gamma(), grown.gamma());
        assertEquals(5, GridRobot.sheet(robot, "x").getGrid().getRowCount(), "the grid grew too");
        assertEquals("0", cellText(robot, "x", 4, 0));

        // typed: a number beyond 32 is clamped; text that is no number reverts; both are said
        Label sizeMessage = robot.lookup("#editor-size-message").queryAs(Label.class);
        robot.clickOn(n.getEditor());
        robot.interact(() -> n.getEditor().selectAll());
        robot.write("abc").type(KeyCode.ENTER);
        assertEquals(5, n.getValue());
        assertEquals("5", n.getEditor().getText());
        assertEquals("N: 'abc' is not a whole number. Kept 5.", sizeMessage.getText());
        assertTrue(sizeMessage.isVisible());
        robot.interact(() -> n.getEditor().selectAll());
        robot.write("40").type(KeyCode.ENTER);
        assertEquals(32, input.get().n());
        assertEquals(classic.x().get(3, 2), input.get().x().get(3, 2));
        assertEquals("N is 1 to 32: 40 became 32.", sizeMessage.getText(), "said after the resize cleared the old message");
        robot.interact(() -> n.getEditor().selectAll());
        robot.write("0").type(KeyCode.ENTER);
        assertEquals(1, input.get().n());
        assertEquals("N is 1 to 32: 0 became 1.", sizeMessage.getText());
        robot.interact(() -> n.getEditor().selectAll());
        robot.write("99999999999").type(KeyCode.ENTER);
        assertEquals(32, input.get().n(), "beyond int is still a number");
        robot.interact(() -> n.getEditor().selectAll());
        robot.write("6").type(KeyCode.ENTER);
        assertEquals(6, input.get().n());
        assertFalse(sizeMessage.isVisible(), "a size taken as typed leaves no message");
        // leaving with Tab says it as Enter does: it was clamped in silence
        robot.interact(() -> n.getEditor().selectAll());
        robot.write("100").type(KeyCode.TAB);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(32, input.get().n());
        assertEquals("32", n.getEditor().getText());
        assertEquals("N is 1 to 32: 100 became 32.", sizeMessage.getText());
        assertTrue(sizeMessage.isVisible());
    }

    /** N 4 → 1 → 4 filled rows 1–3 with zeros: the learner's rows were gone (only Undo brought them back). */
    @Test
    void what_a_smaller_size_cut_comes_back_when_it_grows_until_the_input_is_replaced(FxRobot robot) {
        BatchNormInput classic = Examples.classic();
        robot.interact(() -> pane.resize(1, 3));
        robot.interact(() -> pane.editCell(InputField.X, 0, 0, "9"));
        robot.interact(() -> pane.resize(4, 3));
        BatchNormInput back = input.get();
        assertEquals(9, back.x().get(0, 0), "the edit made in between stays");
        for (int i = 1; i < 4; i++) {
            assertEquals(Matrix.rowVector(classic.x().row(i)), Matrix.rowVector(back.x().row(i)), "x row " + i);
            assertEquals(Matrix.rowVector(classic.dout().row(i)), Matrix.rowVector(back.dout().row(i)), "dout row " + i);
        }
        robot.interact(() -> pane.resize(4, 1));
        robot.interact(() -> pane.resize(2, 1));
        robot.interact(() -> pane.resize(5, 3));
        BatchNormInput wide = input.get();
        assertEquals(classic.gamma(), wide.gamma());
        assertEquals(classic.beta(), wide.beta());
        assertEquals(classic.x().get(3, 2), wide.x().get(3, 2), "kept through two cuts");
        assertEquals(Matrix.rowVector(0, 0, 0), Matrix.rowVector(wide.x().row(4)), "a row never seen is new");

        // replaced from elsewhere (an undo, an opened file): what was cut is forgotten
        robot.interact(() -> pane.resize(1, 3));
        robot.interact(() -> input.set(input.get().withX(Matrix.of(1, 3, 5, 5, 5))));
        robot.interact(() -> pane.resize(4, 3));
        assertEquals(Matrix.rowVector(0, 0, 0), Matrix.rowVector(input.get().x().row(1)));
        // and by Randomize, whose values the old rows do not belong to
        robot.interact(() -> pane.resize(1, 3));
        robot.interact(() -> pane.randomize());
        robot.interact(() -> pane.resize(2, 3));
        assertEquals(Matrix.rowVector(0, 0, 0), Matrix.rowVector(input.get().x().row(1)));
    }

    /** After N 4 → 2, Randomize changed the graph but the x and dout grids kept their old numbers. */
    @Test
    void after_a_smaller_n_randomize_shows_its_values_in_every_grid(FxRobot robot) {
        robot.interact(() -> pane.resize(2, 3));
        for (long seed : new long[] {43, 44}) {
            robot.interact(() -> {
                pane.setSeed(seed);
                pane.randomize();
            });
            BatchNormInput now = input.get();
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(NumberText.cell(now.x().get(i, j)), cellText(robot, "x", i, j), "x[" + i + "][" + j + "]");
                    assertEquals(NumberText.cell(now.dout().get(i, j)), cellText(robot, "dout", i, j),
                            "dout[" + i + "][" + j + "]");
                    // and on screen: the grid's cell views, not only its model
                    assertEquals(NumberText.cell(now.x().get(i, j)), shownText(robot, "x", i, j), "x[" + i + "][" + j + "] shown");
                }
            }
        }
    }

    @Test
    void a_typed_size_is_a_whole_number_clamped_to_its_range() {
        assertEquals(4, InputsPane.wholeNumberIn(" 4 ", 1, 32));
        assertEquals(1, InputsPane.wholeNumberIn("-7", 1, 32));
        assertEquals(32, InputsPane.wholeNumberIn("+123456789012345678901234567890", 1, 32));
        assertEquals(12, InputsPane.wholeNumberIn("\uff11\uff12", 1, 32), "full-width, as a CJK input method types it");
        for (String notWhole : new String[] {"", "4.0", "1e2", "abc", "--1", null}) {
            assertEquals(null, InputsPane.wholeNumberIn(notWhole, 1, 32), notWhole);
        }
    }

    @Test
    void a_size_refused_with_its_own_message_keeps_that_message(FxRobot robot) {
        // C·H·W above 16 is refused by the resize itself: the spinner keeps the old size, and
        // the typed-size note must not claim the typed 20 "became" anything
        robot.interact(() -> pane.sizeTyped("C", "20", 1, 1, 16));
        assertEquals(null, pane.getFeedback());
        robot.interact(() -> pane.sizeTyped("C", "20", 16, 1, 16));
        assertEquals("C is 1 to 16: 20 became 16.", pane.getFeedback().text());
    }

    @Test
    void pasting_a_two_by_two_block_at_the_selected_cell_changes_those_four_cells(FxRobot robot) {
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString("9\t8\n7\t6\n");
            Clipboard.getSystemClipboard().setContent(c);
        });
        robot.clickOn(GridRobot.cell(robot, "x", 1, 1));
        robot.push(KeyCode.CONTROL, KeyCode.V);

        assertEquals(1, commits.size());
        Matrix x = input.get().x();
        assertEquals(List.of(9.0, 8.0, 7.0, 6.0), List.of(x.get(1, 1), x.get(1, 2), x.get(2, 1), x.get(2, 2)));
        assertEquals(Examples.classic().x().get(0, 0), x.get(0, 0));
        assertEquals("6", cellText(robot, "x", 2, 2));
        assertEquals("Pasted a 2\u00d72 block at x[1][1].", robot.lookup("#editor-x-message").queryAs(Label.class).getText());
    }

    @Test
    void a_pasted_block_that_does_not_fit_is_refused_whole(FxRobot robot) {
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString("1\t2\t3\n4\t5\t6\n");
            Clipboard.getSystemClipboard().setContent(c);
        });
        robot.clickOn(GridRobot.cell(robot, "dout", 3, 1));
        robot.push(KeyCode.CONTROL, KeyCode.V);

        assertTrue(commits.isEmpty());
        Label msg = robot.lookup("#editor-dout-message").queryAs(Label.class);
        assertTrue(msg.getText().startsWith("Paste refused, nothing changed: a 2\u00d73 block placed at dout[3][1]"),
                msg.getText());
    }

    /**
     * Ctrl+V inside an open cell editor with a block on the clipboard put the whole block into
     * that one cell's text, and Enter then refused it as "not a number": the block goes into
     * the grid instead, as the grid's own paste does.
     */
    @Test
    void pasting_a_block_while_a_cell_is_being_edited_pastes_the_block_at_that_cell(FxRobot robot) {
        putOnClipboard(robot, "1\t2\n3\t4");
        MatrixSheet x = GridRobot.sheet(robot, "x");
        robot.doubleClickOn(GridRobot.cell(robot, "x", 1, 1));
        assertNotNull(x.getEditingCell(), "the cell is being edited");
        robot.push(KeyCode.CONTROL, KeyCode.V);

        assertEquals(null, x.getEditingCell(), "the edit was cancelled");
        assertEquals(1, commits.size());
        Matrix m = input.get().x();
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0), List.of(m.get(1, 1), m.get(1, 2), m.get(2, 1), m.get(2, 2)));
        assertEquals(Examples.classic().x().get(0, 0), m.get(0, 0));
        assertEquals("4", cellText(robot, "x", 2, 2));
        assertFalse(x.isMarked(1, 1), "no refusal mark");
        assertEquals("Pasted a 2\u00d72 block at x[1][1].", robot.lookup("#editor-x-message").queryAs(Label.class).getText());

        // typing opens the editor too; Shift+Insert is a paste as well, and a bad block is refused as from the grid
        putOnClipboard(robot, "1\t2\t3\n4\t5\t6\n");
        robot.clickOn(GridRobot.cell(robot, "dout", 3, 1));
        GridRobot.typeText(robot, "5");
        assertNotNull(GridRobot.sheet(robot, "dout").getEditingCell(), "typing opened the editor");
        robot.press(KeyCode.SHIFT).type(KeyCode.INSERT).release(KeyCode.SHIFT);

        assertEquals(null, GridRobot.sheet(robot, "dout").getEditingCell());
        assertEquals(1, commits.size(), "nothing more changed");
        Label msg = robot.lookup("#editor-dout-message").queryAs(Label.class);
        assertTrue(msg.getText().startsWith("Paste refused, nothing changed: a 2\u00d73 block placed at dout[3][1]"),
                msg.getText());
    }

    @Test
    void pasting_a_single_number_while_a_cell_is_being_edited_goes_into_its_text(FxRobot robot) {
        putOnClipboard(robot, "2.5");
        MatrixSheet x = GridRobot.sheet(robot, "x");
        robot.doubleClickOn(GridRobot.cell(robot, "x", 1, 1));
        robot.push(KeyCode.CONTROL, KeyCode.V);

        assertNotNull(x.getEditingCell(), "still editing");
        TextField editor = robot.lookup(".number-editor").queryAs(TextField.class);
        assertEquals("2.5", editor.getText(), "the number replaced the selected text");
        assertTrue(commits.isEmpty());
        robot.type(KeyCode.ENTER);
        assertEquals(2.5, input.get().x().get(1, 1));
    }

    private static void putOnClipboard(FxRobot robot, String text) {
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
        });
    }

    @Test
    void eps_of_zero_is_refused_at_the_eps_field(FxRobot robot) {
        TextField eps = robot.lookup("#editor-eps").queryAs(TextField.class);
        robot.clickOn(eps);
        robot.interact(eps::selectAll);
        robot.write("0").type(KeyCode.ENTER);

        assertTrue(commits.isEmpty());
        assertEquals("1e-5", eps.getText(), "the old eps stays");
        Label msg = robot.lookup("#editor-eps-message").queryAs(Label.class);
        // 1e-5 with the invisible mark that keeps a wrapping line from breaking it after 1e-
        assertEquals(NumberText.unbroken("eps must be greater than 0, e.g. 1e-5, not '0'. Kept 1e-5."), msg.getText());
        assertTrue(msg.getText().contains("1e-\ufeff5"), msg.getText());

        robot.interact(eps::selectAll);
        robot.write("0.001").type(KeyCode.ENTER);
        assertEquals(0.001, input.get().eps());
        assertFalse(msg.isVisible(), "the message goes once an edit is accepted");
    }

    @Test
    void randomize_uses_the_seed_and_reset_brings_back_the_example(FxRobot robot) {
        TextField seed = robot.lookup("#editor-seed").queryAs(TextField.class);
        robot.interact(() -> seed.setText("7"));
        robot.clickOn("#editor-randomize");
        assertEquals(InputEdits.randomize(Examples.classic(), 7), input.get());
        assertEquals(7, pane.getSeed());
        robot.clickOn("#editor-nextseed");
        assertEquals("8", seed.getText());
        assertEquals(InputEdits.randomize(Examples.classic(), 8), input.get());
        robot.clickOn("#editor-reset");
        assertEquals(Examples.classic(), input.get());
    }

    /** 99999999999999999999 was refused as "not a whole number", which it is. */
    @Test
    void a_seed_too_large_is_refused_for_its_size(FxRobot robot) {
        TextField seed = robot.lookup("#editor-seed").queryAs(TextField.class);
        Label msg = robot.lookup("#editor-seed-message").queryAs(Label.class);
        robot.interact(() -> seed.setText("99999999999999999999"));
        robot.clickOn("#editor-randomize");
        assertEquals(Examples.classic(), input.get(), "nothing randomized");
        assertTrue(msg.getText().contains("is too large: a seed lies between"), msg.getText());
        robot.interact(() -> seed.setText("7x"));
        robot.clickOn("#editor-randomize");
        assertTrue(msg.getText().contains("'7x' is not a whole number"), msg.getText());
    }

    /** A refused seed typed and entered stayed in the field (N, D and eps go back to the kept value and say it). */
    @Test
    void a_refused_seed_entered_gives_way_to_the_kept_one(FxRobot robot) {
        TextField seed = robot.lookup("#editor-seed").queryAs(TextField.class);
        Label msg = robot.lookup("#editor-seed-message").queryAs(Label.class);
        robot.clickOn(seed);
        robot.interact(seed::selectAll);
        robot.write("1.5").type(KeyCode.ENTER);
        assertEquals("seed: '1.5' is not a whole number. Kept 42.", msg.getText());
        assertEquals("42", seed.getText());
        assertEquals(42, pane.getSeed());
    }

    @Test
    void an_input_changed_elsewhere_shows_in_the_grids(FxRobot robot) {
        BatchNormInput other = InputEdits.resize(Examples.classic(), 2, 2).withGamma(Matrix.rowVector(3, -1.25));
        robot.interact(() -> input.set(other));
        assertEquals("3", cellText(robot, "gamma", 0, 0));
        assertEquals("-1.25", cellText(robot, "gamma", 0, 1));
        assertEquals(2, GridRobot.sheet(robot, "x").getGrid().getColumnCount());
        @SuppressWarnings("unchecked")
        Spinner<Integer> d = robot.lookup("#editor-d").queryAs(Spinner.class);
        assertEquals(2, d.getValue());
        assertTrue(commits.isEmpty(), "showing an outside change commits nothing");
    }

    @Test
    void large_offsets_show_every_digit_in_columns_wide_enough_and_still_aligned(FxRobot robot) {
        MatrixSheet x = GridRobot.sheet(robot, "x");
        MatrixSheet gamma = GridRobot.sheet(robot, "gamma");
        double normal = x.getColumns().get(0).getWidth();
        assertEquals(MatrixSheet.COLUMN_WIDTH, normal, 1e-9, "ordinary numbers: the normal width");
        Matrix offsets = Matrix.of(4, 2,
                100000000.1, 1, 100000000.2, 2, 100000000.3, 3, 100000000.4, 4);
        BatchNormInput in = InputEdits.resize(Examples.classic(), 4, 2).withX(offsets);
        robot.interact(() -> input.set(in));

        assertEquals("100000000.1", displayed(robot, "x", 0, 0), "not 1e8 in every cell");
        assertEquals("100000000.4", displayed(robot, "x", 3, 0));
        double wide = x.getColumns().get(0).getWidth();
        assertTrue(wide > normal, "the column grew: " + wide);
        assertEquals(wide, gamma.getColumns().get(1).getWidth(), 1e-9, "gamma's columns stay under x's");

        robot.interact(() -> input.set(Examples.classic()));
        assertEquals(normal, x.getColumns().get(0).getWidth(), 1e-9, "and back when the long numbers go");
    }

    /** The text the on-screen cell draws, "…" and all, once it is laid out. */
    private static String displayed(FxRobot robot, String field, int row, int col) {
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = GridRobot.cell(robot, field, row, col);
        Text text = robot.from(cell).lookup(".text").queryAs(Text.class);
        return text.getText();
    }

    @Test
    void with_no_input_yet_the_editors_wait_and_do_not_fail(FxRobot robot) {
        robot.interact(() -> input.set(null));
        assertTrue(robot.lookup(".hint").queryAs(Label.class).isVisible());
        assertFalse(shown(GridRobot.sheet(robot, "x")));
        robot.interact(() -> pane.randomize());
        assertTrue(commits.isEmpty());
        robot.interact(() -> input.set(Examples.classic()));
        assertTrue(shown(GridRobot.sheet(robot, "x")));
    }

    /** Whether the node and all its ancestors are visible. */
    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ helpers

    /** What the on-screen cell view of {@code field[row][col]} displays. */
    private static String shownText(FxRobot robot, String field, int row, int col) {
        WaitForAsyncUtils.waitForFxEvents();
        return ((javafx.scene.control.Labeled) GridRobot.cell(robot, field, row, col)).getText();
    }

    private static String cellText(FxRobot robot, String field, int row, int col) {
        WaitForAsyncUtils.waitForFxEvents();
        return GridRobot.sheet(robot, field).cell(row, col).getText();
    }

    /** Types like a user: key presses (which start the cell editor), not just characters. */
    @Test
    void in_a_short_pane_the_controls_scroll_with_the_grids_and_every_one_can_be_reached(FxRobot robot) {
        InputsPaneSkin skin = (InputsPaneSkin) pane.getSkin();
        assertFalse(skin.controlsScroll(), "780 px: the controls stay above the grids");
        javafx.scene.control.ScrollPane scroll = robot.lookup(".inputs-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        try {
            robot.interact(() -> pane.setMaxHeight(150));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(skin.controlsScroll(), "150 px: the controls scroll with the grids");
            assertTrue(scroll.getHeight() > 120, "the scroll has the pane's height: " + scroll.getHeight());
            javafx.geometry.Bounds top = pane.localToScene(pane.getBoundsInLocal());
            Node n = robot.lookup("#editor-n").query();
            javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
            assertTrue(b.getMinY() >= top.getMinY(), "N is in the pane, not cut above it: " + b + " in " + top);
            robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
            WaitForAsyncUtils.waitForFxEvents();
            Node dout = robot.lookup("#editor-dout-title").query();
            javafx.geometry.Bounds d = dout.localToScene(dout.getBoundsInLocal());
            assertTrue(scroll.getVmax() > scroll.getVmin() && d.getMaxY() <= top.getMaxY(),
                "the last grid, dout's, is scrolled to: " + d + " in " + top);
        } finally {
            robot.interact(() -> pane.setMaxHeight(Region.USE_COMPUTED_SIZE));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(skin.controlsScroll(), "tall again: pinned again");
    }

    /** With D = 16 at 200 %, eps and Next seed stood past the pane's right edge, wrapped to the grids' width. */
    @Test
    void scrolled_with_wide_grids_the_controls_wrap_to_what_is_visible(FxRobot robot) {
        InputsPaneSkin skin = (InputsPaneSkin) pane.getSkin();
        javafx.scene.control.ScrollPane scroll = robot.lookup(".inputs-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        try {
            robot.interact(() -> {
                pane.setStyle("-fx-font-size: 26px"); // what the 200 % text size sets
                pane.resize(4, 16);
                pane.setMaxHeight(300);
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(skin.controlsScroll());
            assertTrue(GridRobot.sheet(robot, "x").getWidth() > scroll.getWidth(), "the grids are wider than the pane");
            double right = scroll.localToScene(scroll.getViewportBounds()).getMaxX();
            for (String id : new String[] {"#editor-eps", "#editor-nextseed", "#editor-reset"}) {
                Node n = robot.lookup(id).query();
                double end = n.localToScene(n.getBoundsInLocal()).getMaxX();
                assertTrue(end <= right + 0.5, id + " ends at " + end + ", the visible pane at " + right);
            }
        } finally {
            robot.interact(() -> {
                pane.setMaxHeight(Region.USE_COMPUTED_SIZE);
                pane.setStyle("");
            });
        }
    }

    /** At D = 4 in a 270-px pane, Tab into column 3 typed into a cell out of sight. */
    @Test
    void tab_into_a_column_the_pane_cuts_off_scrolls_it_into_view(FxRobot robot) {
        javafx.scene.control.ScrollPane scroll = robot.lookup(".inputs-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        try {
            robot.interact(() -> {
                pane.resize(4, 8);
                pane.setMaxWidth(270);
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(GridRobot.sheet(robot, "x").getWidth() > scroll.getWidth(), "the grids are wider than the pane");
            robot.clickOn(GridRobot.cell(robot, "x", 1, 0));
            for (int i = 0; i < 7; i++) {
                robot.type(KeyCode.TAB);
            }
            WaitForAsyncUtils.waitForFxEvents();
            Node cell = GridRobot.cell(robot, "x", 1, 7);
            javafx.geometry.Bounds shown = scroll.localToScene(scroll.getViewportBounds());
            javafx.geometry.Bounds b = cell.localToScene(cell.getBoundsInLocal());
            assertTrue(b.getMinX() >= shown.getMinX() - 0.5 && b.getMaxX() <= shown.getMaxX() + 0.5,
                    "x[1][7] at " + b.getMinX() + "–" + b.getMaxX() + ", the visible pane " + shown.getMinX() + "–" + shown.getMaxX());
            robot.type(KeyCode.TAB); // on to x[2][0]: back to the left
            WaitForAsyncUtils.waitForFxEvents();
            Node first = GridRobot.cell(robot, "x", 2, 0);
            assertTrue(first.localToScene(first.getBoundsInLocal()).getMinX() >= scroll.localToScene(scroll.getViewportBounds()).getMinX() - 0.5);
        } finally {
            robot.interact(() -> pane.setMaxWidth(Region.USE_COMPUTED_SIZE));
        }
    }
}
