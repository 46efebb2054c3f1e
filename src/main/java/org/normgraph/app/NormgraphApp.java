package org.normgraph.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class NormgraphApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("normgraph");
        stage.setScene(new Scene(new Label("normgraph"), 1200, 800));
        stage.show();
    }

    public static void main(String[] args) {
        launch(NormgraphApp.class, args);
    }
}
