package org.normgraph.app.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.normgraph.app.Language;
import org.normgraph.app.Messages;
import org.normgraph.app.model.SessionModel;
import org.normgraph.io.Session;
import org.normgraph.io.SessionRenderer;

/**
 * The CLI's {@code export} renderer (found through {@link java.util.ServiceLoader}): starts
 * the JavaFX toolkit without a display (Monocle's headless glass, software rendering) unless
 * it already runs, and draws the steps with {@link StepSlides}, i.e. with the app's views.
 */
public final class HeadlessStepRenderer implements SessionRenderer {

    private static final long TIMEOUT_MINUTES = 5;
    /** Held so that its level stays set (loggers are weakly referenced). */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    @Override
    public List<String> languages() {
        return java.util.Arrays.stream(Language.values()).map(Language::tag).toList();
    }

    @Override
    public Slides writeSteps(Session session, Path dir, String language) throws IOException {
        Language lang = Language.ofTag(language)
                .orElseThrow(() -> new IllegalArgumentException("unknown language '" + language + "'"));
        startToolkit();
        CompletableFuture<Slides> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            Language before = Messages.language(); // a running app or test keeps its language
            try {
                Messages.setLanguage(lang);
                SessionModel model = new SessionModel(session.input());
                SessionCodec.restore(session, model, null);
                model.setSelection(null); // slides show the walk, not a selection
                StepSlides.Written written = StepSlides.write(model, dir);
                result.complete(new Slides(written.slides(), written.notes(), model.getNonFinite()));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            } finally {
                Messages.setLanguage(before);
            }
        });
        try {
            return result.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IOException("drawing the steps took longer than " + TIMEOUT_MINUTES + " minutes", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("drawing the steps failed: " + e.getCause(), e.getCause());
        }
    }

    /** Headless platform properties are read once, when the toolkit starts: set them first. */
    private static synchronized void startToolkit() throws IOException {
        try {
            Platform.runLater(() -> { });
            return; // already running (e.g. inside the app or a test JVM)
        } catch (IllegalStateException notStarted) {
            // start it below
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        // "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" is
        // true of every jar launch and harmless; a command line tool should not print it
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException already) {
            started.complete(null);
        }
        Platform.setImplicitExit(false);
        try {
            started.get(1, TimeUnit.MINUTES);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IOException("the headless graphics toolkit did not start: " + e, e);
        }
    }
}
