package org.normgraph.app;

import javafx.stage.Stage;

/**
 * The one stage TestFX shares between test classes, given the size a test needs.
 *
 * <p>Monocle's headless painter keeps the pixel buffer of the size its window was shown at;
 * a shown stage that grows overflows it on every frame (BufferOverflowException from
 * {@code UploadingPainter} on the render thread, logged, not failed). A class after one with a
 * narrow scene (the editor and inspector tests) therefore sizes the stage while it is hidden:
 * showing it again makes a window, and a buffer, of the new size.
 */
public final class TestStage {

    private TestStage() {
    }

    /** Hides {@code stage} and sizes it; the caller shows it again (e.g. {@link MainWindow#show}). */
    public static void resize(Stage stage, double width, double height) {
        stage.hide();
        stage.setWidth(width);
        stage.setHeight(height);
    }
}
