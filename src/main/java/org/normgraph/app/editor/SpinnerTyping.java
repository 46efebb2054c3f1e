package org.normgraph.app.editor;

import javafx.scene.control.Spinner;

/**
 * What was typed into an editable spinner, for the message on what became of it. A spinner
 * commits its text itself when it loses the focus, before any listener added later runs, and
 * then shows the committed value: N = 100 left with Tab became 32 in silence. So the text is
 * also taken where the spinner reads it, in its converter ({@link #reading}).
 */
public final class SpinnerTyping {

    private final Spinner<?> spinner;
    /** The text the converter read last, or null once the user types again. */
    private String read;

    public SpinnerTyping(Spinner<?> spinner) {
        this.spinner = spinner;
        spinner.getEditor().textProperty().addListener((o, a, t) -> {
            if (spinner.isFocused()) {
                read = null; // typing: the field's text is what counts
            }
        });
    }

    /** Call from the converter's {@code fromString} with the text it reads. */
    public void reading(String text) {
        read = text;
    }

    /**
     * The text the user typed for this commit (call before committing): the field's text, or,
     * once the spinner has committed it on losing the focus, the text it read then.
     */
    public String typed() {
        String t = !spinner.isFocused() && read != null ? read : spinner.getEditor().getText();
        read = null;
        return t;
    }
}
