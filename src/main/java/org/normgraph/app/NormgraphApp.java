package org.normgraph.app;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.perf.PerfMonitor;
import org.normgraph.app.perf.StartupClock;

/**
 * The JavaFX application: one {@link MainWindow} on the ready example, in the language
 * {@link LanguageSetting#initial()} picks ({@code -Dnormgraph.lang}, else the remembered
 * choice, else the system locale if it is one of the four, else English).
 */
public final class NormgraphApp extends Application {

    private static final long LAUNCH_NANOS = System.nanoTime();

    @Override
    public void start(Stage stage) {
        StartupClock.mark("toolkit up");
        AppOptions options = AppOptions.parse(getParameters() == null ? java.util.List.of()
                : getParameters().getRaw());
        LanguageSetting language = LanguageSetting.user();
        Messages.setLanguage(language.initial());
        SessionModel model = SessionModel.example();
        StartupClock.mark("example computed");
        MainWindow window = new MainWindow(model, language, org.normgraph.app.theme.ViewSetting.user());
        org.normgraph.app.files.FileSession files = new org.normgraph.app.files.FileSession(window,
                new org.normgraph.app.files.FxFileDialogs(() -> stage), org.normgraph.app.files.RecentFiles.user(),
                new org.normgraph.app.files.Autosave(org.normgraph.app.files.AppHome.dir()));
        StartupClock.mark("window built");
        files.install();
        files.attach(stage);
        StartupClock.mark("files attached");
        PerfMonitor perf = options.perf() ? new PerfMonitor(options, LAUNCH_NANOS) : null;
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.max(MainWindow.MIN_WIDTH, Math.min(1600, screen.getWidth() * 0.95));
        double h = Math.max(MainWindow.MIN_HEIGHT, Math.min(1000, screen.getHeight() * 0.95));
        window.show(stage, w, h);
        StartupClock.mark("shown");
        java.nio.file.Path startedWith = options.session() == null ? null : java.nio.file.Path.of(options.session());
        javafx.application.Platform.runLater(() -> files.start(startedWith)); // after the first frame
        MemoryReturn.installInBackground(memory -> {
            if (perf != null) {
                PerfMonitor.log("memory: " + String.join(", ", memory));
            }
        });
        if (perf != null) {
            perf.attach(stage, window);
        }
    }

    public static void main(String[] args) {
        launch(NormgraphApp.class, args);
    }
}
