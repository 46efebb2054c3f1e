package org.normgraph.app.timeline;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.normgraph.app.Messages;
import org.normgraph.app.model.SessionModel;
import org.normgraph.timeline.Phase;
import org.normgraph.timeline.Step;

/**
 * The stepping controls: first, previous, play/pause, next, last; a slider over the whole
 * walk (start, forward 1…9, backward 9…0); the speed; and the position in words.
 * Ids: {@code timeline-first}, {@code -previous}, {@code -play}, {@code -next},
 * {@code -last}, {@code -slider}, {@code -speed}, {@code -position}.
 */
public final class TimelineBar extends HBox {

    /** Speed factors offered. */
    public static final List<Double> SPEEDS = List.of(0.5, 1.0, 2.0, 4.0);

    private final SessionModel model;
    private final Button play;
    private final Slider slider = new Slider();
    private final Label position = new Label();
    private boolean syncing;
    private final Subscription modelSubscription;

    public TimelineBar(SessionModel model, Playback playback) {
        this.model = model;
        setId("timeline-bar");
        getStyleClass().add("timeline-bar");
        setAlignment(Pos.CENTER_LEFT);

        Button first = button("timeline-first", "timeline.first", model::first);
        Button previous = button("timeline-previous", "timeline.previous", model::previous);
        play = button("timeline-play", "timeline.play", playback::toggle);
        Button next = button("timeline-next", "timeline.next", model::next);
        Button last = button("timeline-last", "timeline.last", model::last);
        next.getStyleClass().add("step-next");
        play.getStyleClass().add("play");
        first.disableProperty().bind(model.atStartProperty());
        previous.disableProperty().bind(model.atStartProperty());
        next.disableProperty().bind(model.atEndProperty());
        last.disableProperty().bind(model.atEndProperty());
        Subscription onPlaying = model.playingProperty().subscribe((a, b) -> updatePlay());
        updatePlay();

        slider.setId("timeline-slider");
        slider.setMin(0);
        slider.setMax(model.getStepCount() - 1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(false); // StepTicks writes them
        slider.setBlockIncrement(1);
        slider.setTooltip(new Tooltip(Messages.get("timeline.slider.tip")));
        slider.setValue(model.getPosition());
        slider.setMaxWidth(Double.MAX_VALUE);
        slider.setMinWidth(260);
        StepTicks ticks = new StepTicks(slider, model.steps().stream().map(TimelineBar::tick).toList());
        VBox track = new VBox(slider, ticks);
        HBox.setHgrow(track, Priority.ALWAYS);
        slider.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                int target = (int) Math.round(b.doubleValue());
                if (target != model.getPosition()) {
                    model.seek(target);
                }
            }
        });

        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("timeline-speed");
        speed.getItems().setAll(SPEEDS);
        speed.setValue(model.getSpeed());
        StringConverter<Double> speedText = new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : Messages.get("timeline.speed.value", format(v));
            }

            @Override
            public Double fromString(String s) {
                return 1.0;
            }
        };
        speed.setConverter(speedText);
        speed.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? "" : speedText.toString(v));
            }
        });
        speed.setTooltip(new Tooltip(Messages.get("timeline.speed.tip")));
        speed.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.setSpeed(b);
            }
        });
        Subscription onSpeed = model.speedProperty().subscribe((a, b) -> speed.setValue(b.doubleValue()));
        Label speedLabel = new Label(Messages.get("timeline.speed"));
        speedLabel.setLabelFor(speed);

        position.setId("timeline-position");
        position.getStyleClass().add("timeline-position");
        position.setMinWidth(150);

        Subscription onPosition = model.positionProperty().subscribe((a, b) -> sync());
        modelSubscription = Subscription.combine(onPlaying, onSpeed, onPosition);
        sync();
        getChildren().addAll(first, previous, play, next, last, position, track, speedLabel, speed);
    }

    /** Stops following the session (for a bar that is replaced, e.g. after a language switch). */
    public void dispose() {
        modelSubscription.unsubscribe();
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(Messages.get(key + ".glyph"));
        b.setId(id);
        b.getStyleClass().add("timeline-button");
        b.setTooltip(new Tooltip(Messages.get(key + ".tip")));
        b.setAccessibleText(Messages.get(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void updatePlay() {
        boolean playing = model.isPlaying();
        String key = playing ? "timeline.pause" : "timeline.play";
        play.setText(Messages.get(key + ".glyph"));
        play.getTooltip().setText(Messages.get(key + ".tip"));
        play.setAccessibleText(Messages.get(key));
    }

    private void sync() {
        syncing = true;
        slider.setValue(model.getPosition());
        syncing = false;
        position.setText(positionText(model.getStep(), model.getStepCount()));
    }

    /** "Forward 3 · 3/19", from the bundle. */
    public static String positionText(Step s, int count) {
        return Messages.get("timeline.position", stepName(s), Integer.toString(s.position()),
                Integer.toString(count - 1));
    }

    /** "Start", "Forward 3", "Backward 7". */
    public static String stepName(Step s) {
        return switch (s.phase()) {
            case START -> Messages.get("timeline.position.start");
            case FORWARD -> Messages.get("timeline.position.forward", Integer.toString(s.number()));
            case BACKWARD -> Messages.get("timeline.position.backward", Integer.toString(s.number()));
        };
    }

    /** A step's label on the timeline: 0, 1…9, ∂9…∂0. */
    private static String tick(Step s) {
        return s.phase() == Phase.START ? Messages.get("timeline.tick.start")
                : s.phase() == Phase.FORWARD ? Messages.get("timeline.tick.forward", Integer.toString(s.number()))
                : Messages.get("timeline.tick.backward", Integer.toString(s.number()));
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Double.toString(v);
    }

    public Slider slider() {
        return slider;
    }
}
