package org.normgraph.app.present;

import javafx.collections.MapChangeListener;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Subscription;
import org.normgraph.app.Messages;
import org.normgraph.app.editor.FocusChain;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.timeline.TimelineBar;

/**
 * A collapsible "Speaker notes" field for the current step: shows the session's note at the
 * current position and writes every change through {@link SessionModel#setSpeakerNote}
 * (an emptied field removes the note). Follows the position and notes set from elsewhere
 * (an opened session). {@link #dispose()} takes it off the session.
 */
public final class SpeakerNotesEditor extends TitledPane {

    private final SessionModel model;
    private final TextArea area = new TextArea();
    private final Subscription subscription;
    private final MapChangeListener<Integer, String> onNotes = c -> {
        if (c.getKey() == currentPosition()) {
            load();
        }
    };
    private boolean loading;

    public SpeakerNotesEditor(SessionModel model) {
        this.model = model;
        setId("speaker-notes");
        getStyleClass().add("speaker-notes-pane");
        setExpanded(false);
        setAnimated(false);
        area.setId("speaker-notes-text");
        area.getStyleClass().add("speaker-notes-area");
        area.setWrapText(true);
        area.setPrefRowCount(3);
        area.setPromptText(Messages.get("notes.editor.prompt"));
        area.setAccessibleText(Messages.get("present.notes.title"));
        setContent(area);
        // Tab moves on, as everywhere else, instead of typing a tab into the notes (Ctrl+Tab too)
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isAltDown() && !e.isMetaDown()) {
                FocusChain.leave(area, !e.isShiftDown());
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && e.isShiftDown() && !e.isShortcutDown() && !e.isAltDown()) {
                area.replaceSelection("\n"); // a new line, as in most editors; the text area ignored Shift+Enter
                e.consume();
            }
        });
        setTooltip(new Tooltip(Messages.get("notes.editor.tip")));
        area.setTooltip(new Tooltip(Messages.get("notes.editor.tip")));
        area.textProperty().addListener((o, a, text) -> {
            if (!loading) {
                model.setSpeakerNote(currentPosition(), text);
            }
        });
        model.getSpeakerNotes().addListener(onNotes);
        subscription = model.stepProperty().subscribe(step -> {
            setText(Messages.get("notes.editor.title", TimelineBar.stepName(step)));
            load();
        });
    }

    /** The text area (for focus and tests). */
    public TextArea textArea() {
        return area;
    }

    /** The step's own position: the step changes before the session's position property does. */
    private int currentPosition() {
        return model.getStep().position();
    }

    private void load() {
        String note = model.getSpeakerNotes().getOrDefault(currentPosition(), "");
        if (!note.equals(area.getText())) {
            loading = true;
            try {
                area.setText(note);
            } finally {
                loading = false;
            }
        }
    }

    public void dispose() {
        subscription.unsubscribe();
        model.getSpeakerNotes().removeListener(onNotes);
    }
}
