package org.normgraph.app.present;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.normgraph.app.CjkWrap;
import org.normgraph.app.Messages;
import org.normgraph.app.editor.NumberText;
import org.normgraph.app.explain.StepExplanationView;
import org.normgraph.app.family.StatusLineView;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.predict.PredictSession;
import org.normgraph.timeline.Phase;
import org.normgraph.timeline.Step;

/**
 * The caption while presenting: the step in words and its explanation, the room's question
 * and answer when presenting from Predict mode, the speaker notes strip (shown while
 * {@link #notesShownProperty()} is true) and a one-line key reminder. Below
 * the graph, or as a column beside it on a wide screen ({@link #setSide}). Its type follows the
 * screen's height, not the window's text size: at 200 % text the caption's em sizes took over
 * half the screen and left the graph a thumbnail.
 */
final class PresentationCaption extends VBox {

    /** The caption's base font is the screen height divided by this (13 px on a 1000 px screen). */
    static final double SCREEN_HEIGHT_PER_BASE_FONT = 77;
    private static final double SMALLEST_BASE_FONT = 11;
    private static final javafx.css.PseudoClass SIDE = javafx.css.PseudoClass.getPseudoClass("side");
    /** The projected note's type sizes in a column, largest first (presentation.css has the largest). */
    static final double[] NOTE_SIZES_EM = {1.45, 1.3, 1.15, 1.0};

    private final SessionModel model;
    // the window's own views, restyled: as tall as their longest text of the walk, so the zoomed
    // graph above keeps its size while stepping
    private final StatusLineView status;
    private final StepExplanationView explanation;
    // presenting from Predict: the answer of the step on show, and the question before the next
    private final Label answer = new Label();
    private final Label ask = new Label();
    private final BooleanProperty quizzing = new SimpleBooleanProperty(this, "quizzing");
    private final Label notes = new Label();
    private final FittedType noteSize = new FittedType(notes, NOTE_SIZES_EM);
    private final Label keys = new Label();
    private final BooleanProperty notesShown = new SimpleBooleanProperty(this, "notesShown");
    private final BooleanProperty hasNote = new SimpleBooleanProperty(this, "hasNote");
    private final MapChangeListener<Integer, String> onNotes = c -> showNote();
    private final Subscription subscription;
    private boolean side;

    /** @param screenHeight the height of the presenting window, which sets the caption's type size */
    PresentationCaption(SessionModel model, ReadOnlyDoubleProperty screenHeight) {
        this.model = model;
        styleProperty().bind(screenHeight.map(h -> String.format(Locale.ROOT, "-fx-font-size: %.1fpx;",
                Math.max(SMALLEST_BASE_FONT, h.doubleValue() / SCREEN_HEIGHT_PER_BASE_FONT))));
        status = new StatusLineView(model, false);
        explanation = new StepExplanationView(model);
        setId("presentation-caption");
        getStyleClass().add("presentation-caption");
        status.setId("presentation-status");
        status.getStyleClass().setAll("label", "presentation-status");
        explanation.setId("presentation-explanation");
        explanation.getStyleClass().setAll("label", "presentation-explanation");
        notes.setId("presentation-notes");
        notes.getStyleClass().add("speaker-notes-strip");
        keys.getStyleClass().add("presentation-keys");
        keys.setText(Messages.get("present.hint"));
        keys.setWrapText(true); // in a column: two lines, not "…"
        keys.setMinHeight(Region.USE_PREF_SIZE); // a long note gets smaller type instead
        CjkWrap.keepEndOf(keys);
        notes.setWrapText(true);
        CjkWrap.keepEndOf(notes);
        notes.setMaxWidth(Double.MAX_VALUE);
        // the audience never reads "No speaker note for this step." (the presenter view says it)
        notes.visibleProperty().bind(notesShown.and(hasNote));
        notes.managedProperty().bind(notes.visibleProperty());
        // a long note is cut before the audience's lines are: at 1280×720 the explanation ended in "…"
        status.setMinHeight(Region.USE_PREF_SIZE);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        answer.setId("presentation-answer");
        ask.setId("presentation-ask");
        for (Label l : List.of(answer, ask)) {
            l.getStyleClass().add("presentation-quiz");
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            CjkWrap.keepEndOf(l);
            l.visibleProperty().bind(quizzing.and(l.textProperty().isNotEmpty()));
            l.managedProperty().bind(l.visibleProperty());
        }
        ask.getStyleClass().add("presentation-ask");
        Region rest = new Region(); // in a column, the key reminder at its foot
        VBox.setVgrow(rest, Priority.ALWAYS);
        getChildren().addAll(status, explanation, answer, ask, notes, rest, keys);
        model.getSpeakerNotes().addListener(onNotes);
        subscription = Subscription.combine(model.stepProperty().subscribe(s -> showNote()),
                model.traceProperty().subscribe(t -> showQuiz()), model.positionProperty().subscribe(p -> showQuiz()),
                quizzing.subscribe(q -> showQuiz()));
    }

    /**
     * Whether the room is asked before each backward step, as Predict asks one learner (presenting
     * from Predict mode): the clicker cannot type an answer, so the question stands on the step
     * before, and the next click reveals the step with the answer's worked line.
     */
    BooleanProperty quizzingProperty() {
        return quizzing;
    }

    private void showQuiz() {
        List<Step> steps = model.steps();
        int p = model.getPosition();
        boolean revealed = quizzing.get() && steps.get(p).phase() == Phase.BACKWARD;
        boolean asking = quizzing.get() && p + 1 < steps.size()
                && steps.get(p + 1).phase() == Phase.BACKWARD;
        // the worked line and the element's name break only at their spaces: "−0." | "18974", "dgamma" | "[2]"
        answer.setText(revealed ? Messages.get("present.quiz.answer",
                NumberText.unbrokenWords(question(steps.get(p)).line().text())) : "");
        if (asking) {
            PredictSession.Question next = question(steps.get(p + 1));
            ask.setText(Messages.get("present.quiz.ask", Messages.get("predict.step.backward", next.step()),
                    NumberText.unbrokenWords(next.label())));
        } else {
            ask.setText("");
        }
    }

    /** Predict's question before a backward step, with the current trace's numbers. */
    private PredictSession.Question question(Step step) {
        return PredictSession.question(model.getTrace(), step, model.getNormLayout());
    }

    /**
     * As a column of {@code width} beside the graph ({@code side}), or across the screen below it.
     */
    void setSide(boolean side, double width) {
        this.side = side;
        pseudoClassStateChanged(SIDE, side);
        setPrefWidth(side ? width : Region.USE_COMPUTED_SIZE);
        setMaxWidth(side ? width : Double.MAX_VALUE);
        setMinWidth(side ? width : Region.USE_COMPUTED_SIZE);
    }

    /**
     * In a column the caption is as tall as the screen, so a long note gets smaller type until
     * it fits under the step's lines; below the graph the caption grows with the note instead.
     */
    @Override
    protected void layoutChildren() {
        if (!side) {
            noteSize.reset();
        } else if (notes.isVisible()) {
            double width = getWidth() - snappedLeftInset() - snappedRightInset();
            double others = status.prefHeight(width) + explanation.prefHeight(width) + keys.prefHeight(width)
                    + (answer.isManaged() ? answer.prefHeight(width) : 0) + (ask.isManaged() ? ask.prefHeight(width) : 0)
                    + getSpacing() * (getChildren().size() - 1);
            noteSize.fit(width, getHeight() - snappedTopInset() - snappedBottomInset() - others);
        }
        super.layoutChildren();
    }

    BooleanProperty notesShownProperty() {
        return notesShown;
    }

    Label notesLabel() {
        return notes;
    }

    private void showNote() {
        String note = model.getSpeakerNotes().get(model.getStep().position()); // the step is set before the position
        hasNote.set(note != null);
        showNote(notes, note);
    }

    /** {@code note} in {@code label}, or "No speaker note for this step." styled as {@code :empty}. */
    static void showNote(Label label, String note) {
        label.setText(note == null ? Messages.get("present.notes.none") : note);
        label.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("empty"), note == null);
    }

    void dispose() {
        styleProperty().unbind();
        subscription.unsubscribe();
        status.dispose();
        explanation.dispose();
        model.getSpeakerNotes().removeListener(onNotes);
    }
}
