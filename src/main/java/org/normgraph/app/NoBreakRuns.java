package org.normgraph.app;

import java.util.Objects;
import javafx.scene.control.Labeled;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Lets a formula glued with no-break spaces ({@code dsqrtvar = −divar / sqrtvar²}, kept on one
 * line in the window) break at those spaces when it is wider than its label: JavaFX breaks a
 * run it may not break at spaces inside a word instead, and a 330-pixel caption column read
 * "sqrtv / ar²". Where the run fits, the glue stays. The no-break spaces that {@link CjkWrap}
 * puts between the last characters of a CJK sentence (next to its U+FEFF glue) are kept.
 */
public final class NoBreakRuns {

    private static final char NO_BREAK_SPACE = '\u00a0';
    private static Text measure; // made on first use: a Text needs the toolkit

    private NoBreakRuns() {
    }

    /**
     * Keeps {@code label}'s text breakable at its no-break spaces wherever a glued run is wider
     * than the label, as its text, width and font change; the text set from outside is kept
     * as it was given and shown again where it fits.
     */
    public static <T extends Labeled> T relaxIn(T label) {
        var state = new Object() {
            String given = label.getText();
            String shown = given;
            boolean adjusting;

            void show() {
                double wrap = label.getWidth() - label.getInsets().getLeft() - label.getInsets().getRight();
                shown = wrap > 0 ? relax(given, wrap, label.getFont()) : given;
                if (!Objects.equals(shown, label.getText()) && !label.textProperty().isBound()) {
                    adjusting = true;
                    label.setText(shown);
                    adjusting = false;
                }
            }
        };
        // the label's text, not the listener's argument: another listener (CjkWrap's) may have
        // set it again in the meantime, and the argument is then out of date
        label.textProperty().addListener(o -> {
            if (!state.adjusting && !Objects.equals(label.getText(), state.shown)) {
                state.given = label.getText();
                state.show();
            }
        });
        label.widthProperty().addListener(o -> state.show());
        label.fontProperty().addListener(o -> state.show());
        return label;
    }

    /**
     * {@code text} with the no-break spaces of every run wider than {@code width} in
     * {@code font} made ordinary spaces. A run is what JavaFX keeps on one line: the characters
     * between two white spaces (a no-break space is none), and it may break at a Chinese or
     * Japanese character (it broke "bcast(b / eta)", not before the bracket).
     */
    public static String relax(String text, double width, Font font) {
        if (text == null || text.indexOf(NO_BREAK_SPACE) < 0) {
            return text;
        }
        StringBuilder sb = null;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean ends = i == text.length() || Character.isWhitespace(text.charAt(i)) || CjkWrap.isCjk(text.charAt(i));
            if (!ends) {
                continue;
            }
            String run = text.substring(start, i);
            if (run.indexOf(NO_BREAK_SPACE) >= 0 && widthOf(run, font) > width) {
                sb = sb == null ? new StringBuilder(text) : sb;
                for (int j = start; j < i; j++) {
                    if (text.charAt(j) == NO_BREAK_SPACE && !nextToGlue(text, j)) {
                        sb.setCharAt(j, ' ');
                    }
                }
            }
            start = i + 1;
        }
        return sb == null ? text : sb.toString();
    }

    private static boolean nextToGlue(String text, int i) {
        return i > 0 && text.charAt(i - 1) == CjkWrap.GLUE || i + 1 < text.length() && text.charAt(i + 1) == CjkWrap.GLUE;
    }

    private static double widthOf(String run, Font font) {
        if (measure == null) {
            measure = new Text();
        }
        measure.setFont(font);
        measure.setText(run);
        return measure.getLayoutBounds().getWidth();
    }
}
