import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor under the app's startup figure: a bare JavaFX window with one label, started the
 * same way (classpath, the jar's JavaFX), timed like {@code --perf}'s "after the app class
 * loaded" figure: from {@code main} to the second pulse after showing. (Not from JVM start:
 * the source launcher compiles this file first.)
 * Run: {@code java -cp target/normgraph.jar bench/FirstFrameFloor.java}
 */
public class FirstFrameFloor extends Application {

    private static long mainNanos;

    @Override
    public void start(Stage stage) {
        stage.setTitle("first-frame-floor");
        stage.setScene(new Scene(new Label("first frame"), 800, 600));
        stage.show();
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    System.out.printf("bare JavaFX window: first frame %.0f ms after main()%n",
                            (System.nanoTime() - mainNanos) / 1e6);
                    Platform.exit();
                }
            }
        }.start();
    }

    public static void main(String[] args) {
        mainNanos = System.nanoTime();
        launch(FirstFrameFloor.class, args); // by class: the source launcher's loader is not the context's
    }
}
