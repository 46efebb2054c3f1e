package org.normgraph.app.present;

import java.util.Locale;
import java.util.Objects;
import javafx.scene.control.Label;

/**
 * A label's wrapped text in the largest of a few type sizes at which it fits a height: a
 * clicker cannot scroll, and "…" hides the end of what the presenter wrote.
 */
final class FittedType {

    private final Label label;
    private final double[] sizesEm;
    // what the last fit was for: measuring sets the style, so fitting again to the same text and
    // space would restyle the label and ask for another layout pass, every pulse
    private String fittedText;
    private double fittedWidth;
    private double fittedHeight;

    /** @param sizesEm the type sizes to try, largest first */
    FittedType(Label label, double... sizesEm) {
        this.label = label;
        this.sizesEm = sizesEm.clone();
    }

    /**
     * Sets the font size to the first size at which the text, wrapped at {@code width}, is at
     * most {@code height} tall; the last if none fits.
     */
    void fit(double width, double height) {
        if (width <= 0 || height <= 0 || Objects.equals(label.getText(), fittedText)
                && width == fittedWidth && height == fittedHeight) {
            return;
        }
        fittedText = label.getText();
        fittedWidth = width;
        fittedHeight = height;
        for (double em : sizesEm) {
            String style = String.format(Locale.ROOT, "-fx-font-size: %.2fem;", em);
            if (!style.equals(label.getStyle())) {
                label.setStyle(style);
                label.applyCss();
            }
            if (label.prefHeight(width) <= height) {
                return;
            }
        }
    }

    /** Back to the stylesheet's size. */
    void reset() {
        label.setStyle("");
        fittedText = null;
    }
}
