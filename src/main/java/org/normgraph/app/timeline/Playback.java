package org.normgraph.app.timeline;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.normgraph.app.model.SessionModel;

/**
 * The clock behind play/pause: while the session is {@code playing} it advances one step
 * every {@link #BASE_INTERVAL_MILLIS} / speed milliseconds and stops at the end. Pressing
 * play at the end starts again from the beginning.
 */
public final class Playback {

    public static final double BASE_INTERVAL_MILLIS = 1400;

    private final SessionModel model;
    private Timeline clock;

    public Playback(SessionModel model) {
        this.model = model;
        model.playingProperty().addListener((o, was, now) -> {
            if (now) {
                if (model.atEndProperty().get()) {
                    model.first();
                }
                start();
            } else {
                stop();
            }
        });
        model.speedProperty().addListener((o, a, b) -> {
            if (model.isPlaying()) {
                start();
            }
        });
    }

    /** Flips between playing and paused. */
    public void toggle() {
        model.setPlaying(!model.isPlaying());
    }

    private void start() {
        stop();
        double interval = BASE_INTERVAL_MILLIS / Math.max(0.1, model.getSpeed());
        clock = new Timeline(new KeyFrame(Duration.millis(interval), e -> tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
    }

    private void tick() {
        if (!model.next() || model.atEndProperty().get()) {
            model.setPlaying(false);
        }
    }

    private void stop() {
        if (clock != null) {
            clock.stop();
            clock = null;
        }
    }
}
