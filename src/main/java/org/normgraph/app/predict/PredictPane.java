package org.normgraph.app.predict;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.normgraph.app.CjkWrap;
import org.normgraph.app.FocusTooltips;
import org.normgraph.app.Messages;
import org.normgraph.app.editor.NumberText;
import org.normgraph.app.inspector.ChainRuleExplainer;
import org.normgraph.app.model.Mode;
import org.normgraph.app.model.Selection;
import org.normgraph.app.model.SessionModel;

/**
 * The predict-then-reveal panel, shown while the session's mode is {@link Mode#PREDICT}:
 * the question before the next backward step (its element is selected, so the graph and the
 * inspector highlight it), an answer field (the app's number syntax), Check (Enter), Hint
 * (first the formula, then the upstream numbers), Reveal (skip), the running score, and the
 * outcome of the question about the step on show, with its worked chain-rule line from the trace.
 *
 * <p>Logic and score live in the toolkit-free {@link PredictSession}, which the window keeps
 * across rebuilds. {@link #handleKey} lets the window stop step keys at an open question.
 */
public final class PredictPane extends VBox {

    private final SessionModel model;
    private final PredictSession session;
    private final Label question = new Label();
    private final TextField answer = new TextField();
    private final Button check = new Button(Messages.get("predict.check"));
    private final Button hint = new Button(Messages.get("predict.hint"));
    private final Button reveal = new Button(Messages.get("predict.reveal"));
    private final Button again = new Button(Messages.get("predict.again"));
    private final Label score = new Label();
    private final Label hintText = new Label();
    private final Label result = new Label();
    private final Label line = new Label();
    private final Subscription subscription;
    private PredictSession.Question pending;
    private boolean refusalShown; // the result speaks of the typed text, not of the last outcome
    // the tallest the pane has been at its width on this question (computePrefHeight)
    private double tallest;
    private double tallestWidth = Double.NaN;

    public PredictPane(SessionModel model, PredictSession session) {
        this.model = model;
        this.session = session;
        setId("predict-pane");
        getStyleClass().add("predict-pane");
        question.setId("predict-question");
        question.getStyleClass().add("predict-question");
        question.setWrapText(true);
        CjkWrap.keepEndOf(question);
        answer.setId("predict-answer");
        answer.setPromptText(Messages.get("predict.answer.prompt"));
        answer.setTooltip(new Tooltip(Messages.get("predict.answer.tip")));
        FocusTooltips.placeBeside(answer);
        answer.setPrefColumnCount(12);
        answer.setOnAction(e -> check());
        answer.textProperty().addListener((o, a, t) -> {
            if (refusalShown) {
                showOutcome(); // the refusal quoted the old text
            }
        });
        // a presenter's clicker sends PageUp/PageDown: back a step, or hand in what is typed
        answer.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.PAGE_UP) {
                model.previous();
                e.consume();
            } else if (e.getCode() == KeyCode.PAGE_DOWN) {
                if (!answer.getText().isBlank()) {
                    check();
                }
                e.consume();
            }
        });
        tool(check, "predict-check", "predict.check");
        tool(hint, "predict-hint", "predict.hint");
        tool(reveal, "predict-reveal", "predict.reveal");
        check.setOnAction(e -> check());
        hint.setOnAction(e -> hint());
        reveal.setOnAction(e -> reveal());
        tool(again, "predict-again", "predict.again");
        again.setOnAction(e -> newRound());
        score.setId("predict-score");
        score.getStyleClass().add("predict-score");
        hintText.setId("predict-hint-text");
        hintText.getStyleClass().add("predict-hint");
        hintText.setWrapText(true);
        result.setId("predict-result");
        result.getStyleClass().add("predict-result");
        result.setWrapText(true);
        CjkWrap.keepEndOf(result);
        line.setId("predict-line");
        line.getStyleClass().add("predict-line");
        line.setWrapText(true);
        // an empty line takes no room: three blank lines cut a 768-line screen's graph by 70 px
        for (Label l : List.of(hintText, result, line)) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(6, answer, check, hint, reveal, spacer, score, again);
        row.setAlignment(Pos.CENTER_LEFT);
        // the lines that come and go above the buttons: the pane grows upwards (the bottom area is
        // anchored), so below them they moved Check, Hint and Reveal up under the pointer. The
        // outcome of the step just revealed comes first, then the next question: under it, "Not
        // quite: dgamma[2] = −0.253" read as the verdict on the new question about divar[1].
        getChildren().addAll(result, line, question, hintText, row);
        setAlignment(Pos.BOTTOM_LEFT); // the kept room goes above the lines: the buttons stay put
        visibleProperty().bind(model.modeProperty().isEqualTo(Mode.PREDICT));
        managedProperty().bind(visibleProperty());
        Subscription onPosition = model.positionProperty().subscribe(p -> {
            tallest = 0; // the next question: the graph is framed anew with the step anyway
            update(true);
        });
        Subscription onTrace = model.traceProperty().subscribe(t -> update(false));
        Subscription onMode = model.modeProperty().subscribe(m -> {
            tallest = 0; // a new start: as short as what it says
            update(true);
        });
        subscription = Subscription.combine(onPosition, onTrace, onMode);
    }

    /**
     * At least the tallest the pane has been at this width on the question open now: it grows
     * for a hint or a refusal and does not shrink back when the refusal goes, which made the
     * graph above it fit itself again, at another zoom. On the next step it takes the height
     * of what it then says: the graph is framed for that step then anyway, and room kept over
     * the whole walk stood empty above the lines.
     */
    @Override
    protected double computePrefHeight(double width) {
        if (getWidth() != tallestWidth) { // wider or narrower, the lines wrap anew
            tallestWidth = getWidth();
            tallest = 0;
        }
        // also when asked without a width (a parent's own size): else the bottom area would be
        // sized without the kept room, and the pane squeezed into it
        tallest = Math.max(tallest, super.computePrefHeight(width));
        return tallest;
    }

    private static void tool(Button b, String id, String key) {
        b.setId(id);
        b.setTooltip(new Tooltip(Messages.get(key + ".tip")));
        b.setAccessibleText(Messages.get(key));
    }

    /** The question open now, if any. */
    public Optional<PredictSession.Question> pending() {
        return Optional.ofNullable(pending);
    }

    public TextField answerField() {
        return answer;
    }

    /** Checks the typed answer: a refusal stays at the field; an answer is scored and the step revealed. */
    public void check() {
        if (pending == null) {
            return;
        }
        PredictSession.Checked c = session.check(pending, answer.getText());
        if (c.refused()) {
            setResult(c.refusal().message(), "wrong");
            refusalShown = true;
            line.setText("");
            answer.requestFocus();
            return;
        }
        answer.clear();
        model.next(); // reveals the step; update() then shows the outcome and the next question
        answer.requestFocus();
    }

    /** Reveals the step without an answer (not counted). */
    public void reveal() {
        if (pending == null) {
            return;
        }
        session.reveal(pending);
        answer.clear();
        model.next();
    }

    /** Forgets the answers and the score: every backward step is asked again (a new round, or a new document). */
    public void newRound() {
        session.reset();
        update(true);
    }

    /** One more hint: the formula without numbers, then with the upstream numbers. */
    public void hint() {
        if (pending == null) {
            return;
        }
        session.moreHint(pending.position());
        showHint();
    }

    /**
     * While predicting, a step key at an open question does not step but puts the focus
     * in the answer field. Returns whether the event was taken.
     */
    public boolean handleKey(KeyEvent e) {
        if (model.getMode() != Mode.PREDICT || pending == null || e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        if (focus instanceof TextInputControl) {
            return false;
        }
        KeyCode k = e.getCode();
        if (k == KeyCode.SPACE && (focus == check || focus == hint || focus == reveal)) {
            return false; // Space presses the focused Check, Hint or Reveal, as any button
        }
        if (k == KeyCode.RIGHT || k == KeyCode.PAGE_DOWN || k == KeyCode.KP_RIGHT || k == KeyCode.SPACE
                || k == KeyCode.END) {
            answer.requestFocus();
            e.consume();
            return true;
        }
        return false;
    }

    private void update(boolean positionChanged) {
        PredictSession.Question before = pending;
        boolean on = model.getMode() == Mode.PREDICT;
        pending = on ? session.pending(model.getTrace(), model.steps(), model.getPosition(), model.getNormLayout()).orElse(null) : null;
        if (pending != null) {
            if (model.isPlaying()) {
                model.setPlaying(false); // playback stops before a question
            }
            question.setText(Messages.get("predict.question",
                    Messages.get("predict.step.backward", pending.step()), pending.label()));
            if (positionChanged || before == null) {
                model.setSelection(Selection.element(pending.node(), pending.row(), pending.col()));
            }
        } else {
            boolean atEnd = model.getPosition() == model.getStepCount() - 1;
            if (!atEnd) {
                question.setText(Messages.get("predict.none.forward"));
            } else if (session.outcomes().isEmpty()) {
                // nothing asked in this round (e.g. opened at the end): say how to be asked
                question.setText(Messages.get("predict.none.end"));
            } else {
                question.setText(Messages.get("predict.none.done", session.correct(), session.attempted()));
            }
        }
        answer.setDisable(pending == null);
        check.setDisable(pending == null);
        hint.setDisable(pending == null);
        reveal.setDisable(pending == null);
        score.setText(Messages.get("predict.score", session.correct(), session.attempted()));
        again.setDisable(session.outcomes().isEmpty());
        showHint();
        showOutcome();
    }

    private void showHint() {
        int hintLevel = pending == null ? 0 : session.hints(pending.position());
        if (hintLevel == 0) {
            hintText.setText("");
            return;
        }
        String text = Messages.get("predict.hint.formula", pending.formulaHint());
        if (!pending.summandHint().isEmpty()) {
            text += "\n" + Messages.get("predict.hint.summand", pending.summandHint());
        }
        if (hintLevel >= 2) {
            List<ChainRuleExplainer.Term> up = pending.upstream();
            String numbers = up.stream().limit(8)
                    .map(t -> t.label() + " = " + NumberText.pretty(t.value(), NumberText.INSPECTOR_DIGITS))
                    .collect(Collectors.joining(", "));
            if (up.size() > 8) {
                numbers += ", \u2026";
            }
            if (!numbers.isEmpty()) {
                text += "\n" + Messages.get("predict.hint.upstream", numbers);
            }
        }
        hintText.setText(text);
    }

    /**
     * The outcome of the question whose step is the one on show (just revealed), with the
     * worked line of the trace's numbers; nothing when that step was not asked, e.g. after
     * moving on past a question with ▶ or the slider, so that no older outcome stays on show.
     */
    private void showOutcome() {
        Optional<PredictSession.Outcome> shown = session.outcome(model.getPosition());
        if (shown.isEmpty()) {
            setResult("", null);
            line.setText("");
            return;
        }
        PredictSession.Outcome o = shown.get();
        // the numbers of the current trace (an edit after answering changes them)
        PredictSession.Question q = PredictSession.question(model.getTrace(), model.steps().get(o.question().position()),
                model.getNormLayout());
        String value = q.line().resultText();
        String said = NumberText.pretty(o.answer(), NumberText.EDITOR_DIGITS);
        switch (o.verdict()) {
            case CORRECT -> setResult(Messages.get("predict.result.correct", q.label(), value, said), "correct");
            case WRONG -> setResult(Messages.get("predict.result.wrong", q.label(), value, said), "wrong");
            case REVEALED -> setResult(Messages.get("predict.result.revealed", q.label(), value), null);
        }
        line.setText(q.line().text());
    }

    private void setResult(String text, String kind) {
        refusalShown = false;
        // numbers whole when the sentence wraps; not in the monospaced hint and line, whose
        // font draws the invisible mark of NumberText.unbroken as a blank
        result.setText(NumberText.unbroken(text));
        result.getStyleClass().removeAll("correct", "wrong");
        if (kind != null) {
            result.getStyleClass().add(kind);
        }
    }

    public void dispose() {
        subscription.unsubscribe();
        visibleProperty().unbind();
        managedProperty().unbind();
    }
}
