package org.normgraph.app.present;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.collections.MapChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Subscription;
import org.normgraph.app.CjkWrap;
import org.normgraph.app.Messages;
import org.normgraph.app.explain.StepExplanationView;
import org.normgraph.app.family.FamilyStatus;
import org.normgraph.app.family.StatusLineView;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.theme.ThemeController;
import org.normgraph.app.timeline.TimelineBar;
import org.normgraph.timeline.Step;

/**
 * The presenter view: a second window, for the presenter's eyes only, with the step the
 * audience sees (in words), the speaker note for it in large type, the next step, the time
 * since presenting began and buttons to step, blank the screen and end. With a second screen
 * it opens by itself on the main one while the audience's view fills the other
 * ({@link ScreenPlan}); P opens or closes it on one screen (to rehearse).
 *
 * <p>Its keys are presentation mode's ({@link PresentationMode#presenterKey}), so a clicker
 * steps whichever of the two windows has the focus.
 */
final class PresenterView {

    static final String STYLESHEET = PresenterView.class
            .getResource("/org/normgraph/app/present/presenter-view.css").toExternalForm();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    /** The note's type sizes, largest first (presenter-view.css has the largest). */
    static final double[] NOTE_SIZES_EM = {2.2, 1.9, 1.6, 1.35, 1.15};
    /** The view's base font is 13 px in a 1024×576 view, growing with the view's width and height alike. */
    static final double WIDTH_PER_BASE_FONT = 79;
    static final double HEIGHT_PER_BASE_FONT = 44;
    static final double MIN_BASE_FONT = 13;

    private final SessionModel model;
    private final PresentationMode mode;
    private final ThemeController themes;
    /** When presenting began ({@link System#nanoTime()}): the talk's clock. */
    private final LongSupplier since;
    private Stage stage;
    private Content content;

    PresenterView(SessionModel model, PresentationMode mode, ThemeController themes, LongSupplier since) {
        this.model = model;
        this.mode = mode;
        this.themes = themes;
        this.since = since;
    }

    boolean isShowing() {
        return stage != null && stage.isShowing();
    }

    /** Opens the view on {@code screen}, over {@code owner} (the window the audience sees). */
    void show(Window owner, Rectangle2D screen) {
        if (isShowing()) {
            return;
        }
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            Scene scene = new Scene(new Region());
            scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (content != null && content.scrollNote(e.getCode())) {
                    e.consume();
                } else {
                    mode.presenterKey(e);
                }
            });
            themes.attach(scene);
            scene.getStylesheets().add(STYLESHEET);
            stage.setScene(scene);
            stage.setOnHidden(e -> disposeContent()); // its close button too: presenting goes on
        }
        stage.setTitle(Messages.get("present.view.title")); // in the language of now
        content = new Content();
        stage.getScene().setRoot(content.root);
        // most of the screen, on it: a laptop's screen is the presenter's
        double w = Math.round(screen.getWidth() * 0.8);
        double h = Math.round(screen.getHeight() * 0.8);
        stage.setWidth(w);
        stage.setHeight(h);
        // type sized to the window, not to the window's text size: at 200 % a 1024×576 view
        // cut its step to "Backward ...", its clock away and its buttons off the bottom
        content.root.styleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", baseFont(stage.getWidth(), stage.getHeight())),
                stage.widthProperty(), stage.heightProperty()));
        stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
        stage.show();
    }

    /** The base font of a view {@code w} × {@code h}: as large as both its width and its height allow. */
    static double baseFont(double w, double h) {
        return Math.max(MIN_BASE_FONT, Math.min(w / WIDTH_PER_BASE_FONT, h / HEIGHT_PER_BASE_FONT));
    }

    void close() {
        if (stage != null) {
            stage.hide();
        }
    }

    private void disposeContent() {
        if (content != null) {
            content.dispose();
            content = null;
        }
    }

    /** The window (for tests). */
    Stage stage() {
        return stage;
    }

    /** One showing's controls, following the session until the view closes. */
    private final class Content {
        final BorderPane root = new BorderPane();
        final Label step = new Label();
        final Label time = new Label();
        final Label blanked = new Label(Messages.get("present.view.blanked"));
        final StatusLineView status = new StatusLineView(model, false);
        final StepExplanationView explanation = new StepExplanationView(model);
        final Label note = new Label();
        final FittedType noteSize = new FittedType(note, NOTE_SIZES_EM);
        final ScrollPane noteScroll = new ScrollPane(note);
        final Label upcoming = new Label();
        final Button previous = button("present-view-previous", "present.view.previous", model::previous);
        final Button next = button("present-view-next", "present.view.next.step", model::next);
        final Button blank = button("present-view-blank", "present.view.blank", mode::toggleBlank);
        final Button end = button("present-view-end", "present.view.end", mode::leave);
        final Timeline ticks = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> showTime()));
        final MapChangeListener<Integer, String> onNotes = c -> showStep();
        // later: the viewport changes in the middle of a layout pass
        final ChangeListener<Bounds> onViewport = (o, a, b) -> Platform.runLater(this::fitNote);
        final Subscription subscription;

        Content() {
            root.setId("presenter-view");
            root.getStyleClass().add("presenter-view");
            step.setId("present-view-step");
            step.getStyleClass().add("presenter-step");
            time.setId("present-view-time");
            time.getStyleClass().add("presenter-time");
            blanked.setId("present-view-blanked");
            blanked.getStyleClass().add("presenter-blanked");
            status.setId("present-view-status");
            explanation.setId("present-view-explanation");
            note.setId("present-view-note");
            note.getStyleClass().add("presenter-note");
            note.setWrapText(true);
            CjkWrap.keepEndOf(note);
            upcoming.setId("present-view-upcoming");
            upcoming.getStyleClass().add("presenter-upcoming");
            upcoming.setWrapText(true);
            CjkWrap.keepEndOf(upcoming);
            explanation.setWrapText(true);
            status.setWrapText(true);
            // the note takes what is left, not these lines (a long note cut them to one)
            explanation.setMinHeight(Region.USE_PREF_SIZE);
            status.setMinHeight(Region.USE_PREF_SIZE);
            upcoming.setMinHeight(Region.USE_PREF_SIZE);

            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox top = new HBox(16, step, gap, blanked, time);
            top.getStyleClass().add("presenter-top");

            noteScroll.setFitToWidth(true);
            noteScroll.getStyleClass().add("presenter-note-scroll");
            noteScroll.setFocusTraversable(false);
            VBox.setVgrow(noteScroll, Priority.ALWAYS);
            VBox middle = new VBox(6, heading("present.view.now"), status, explanation,
                    heading("present.view.notes"), noteScroll, heading("present.view.next"), upcoming);
            middle.getStyleClass().add("presenter-middle");

            Label hint = new Label(Messages.get("present.view.hint"));
            hint.getStyleClass().add("presenter-hint");
            hint.setWrapText(true);
            CjkWrap.keepEndOf(hint);
            HBox.setHgrow(hint, Priority.ALWAYS);
            HBox bottom = new HBox(10, previous, next, blank, end, hint);
            bottom.getStyleClass().add("presenter-bottom");

            root.setTop(top);
            root.setCenter(middle);
            root.setBottom(bottom);

            blanked.visibleProperty().bind(mode.blankedProperty());
            noteScroll.viewportBoundsProperty().addListener(onViewport);
            model.getSpeakerNotes().addListener(onNotes);
            subscription = Subscription.combine(
                    model.stepProperty().subscribe(s -> showStep()),
                    mode.blankedProperty().subscribe(b -> blank.setText(
                            Messages.get(b ? "present.view.show" : "present.view.blank"))));
            ticks.setCycleCount(Animation.INDEFINITE);
            ticks.play();
            showTime();
        }

        /**
         * The note's type as large as fits the space without scrolling, down to a size still
         * read at a glance: a clicker cannot scroll.
         */
        private void fitNote() {
            Bounds viewport = noteScroll.getViewportBounds();
            noteSize.fit(viewport.getWidth(), viewport.getHeight());
        }

        /** ↑/↓ scroll a note too long even at the smallest size; false for other keys. */
        boolean scrollNote(KeyCode k) {
            if (k != KeyCode.UP && k != KeyCode.DOWN) {
                return false;
            }
            double page = noteScroll.getViewportBounds().getHeight();
            double overflow = note.getHeight() - page;
            if (overflow > 0) {
                double by = 0.5 * page / overflow; // half a screen
                noteScroll.setVvalue(Math.max(0, Math.min(1, noteScroll.getVvalue() + (k == KeyCode.DOWN ? by : -by))));
            }
            return true;
        }

        private void showStep() {
            Step now = model.getStep();
            int at = now.position(); // the step is set before the position
            List<Step> steps = model.steps();
            step.setText(TimelineBar.positionText(now, steps.size()));
            PresentationCaption.showNote(note, model.getSpeakerNotes().get(at));
            noteScroll.setVvalue(0);
            fitNote();
            upcoming.setText(at + 1 < steps.size() ? FamilyStatus.text(model, steps.get(at + 1))
                    : Messages.get("present.view.next.none"));
            previous.setDisable(at == 0);
            next.setDisable(at + 1 >= steps.size());
        }

        private void showTime() {
            time.setText(Messages.get("present.view.time", elapsed(System.nanoTime() - since.getAsLong()),
                    LocalTime.now().format(CLOCK)));
        }

        void dispose() {
            ticks.stop();
            subscription.unsubscribe();
            noteScroll.viewportBoundsProperty().removeListener(onViewport);
            model.getSpeakerNotes().removeListener(onNotes);
            status.dispose();
            explanation.dispose();
            blanked.visibleProperty().unbind();
            root.styleProperty().unbind();
        }
    }

    /** "4:05", "1:02:09": minutes and seconds, hours once there are any. */
    static String elapsed(long nanos) {
        Duration d = Duration.ofNanos(Math.max(0, nanos));
        long h = d.toHours();
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    private static Label heading(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("presenter-heading");
        return l;
    }

    private static Button button(String id, String key, Runnable action) {
        Button b = new Button(Messages.get(key));
        b.setId(id);
        // keys step, blank and stop; a focused button would take Enter, and the focus moved on
        // to the next one (Blank) when Next became disabled at the last step
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
