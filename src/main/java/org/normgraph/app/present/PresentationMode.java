package org.normgraph.app.present;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.normgraph.app.graph.GraphView;
import org.normgraph.app.model.Mode;
import org.normgraph.app.model.Selection;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.theme.Theme;
import org.normgraph.app.theme.ThemeController;
import org.normgraph.app.timeline.StepKeys;

/**
 * Presentation mode for a lecture hall: full screen, the high-contrast theme with large type
 * and thick lines ({@value #STYLESHEET_FILE}), the toolbar, input editors and inspector hidden,
 * the current step's nodes zoomed and centred (following every step), and the step in words
 * with its explanation: in a column at the left on a wide screen, else at the bottom.
 *
 * <p>Keys (a scene filter that runs before the window's own keys): F5 enters, Esc leaves;
 * while presenting B (or the full stop, which clickers send) blanks the screen to black and
 * B or any step key shows it again (without stepping); N shows or hides the speaker notes
 * strip; P opens or closes the {@linkplain PresenterView presenter view}; Space steps on like a
 * clicker instead of playing. ←/→, PageUp/PageDown, Home/End step as everywhere.
 *
 * <p>With a second screen, the window goes full screen on it and the presenter view opens on
 * the main screen ({@link ScreenPlan}); leaving puts the window back where it was.
 *
 * <p>Entering sets the session's mode to {@link Mode#PRESENT}; leaving restores the mode
 * before, the panes, the theme and full screen, and hands the graph's zoom back to the
 * window. A session whose mode is set to present from elsewhere (an opened file) enters too.
 */
public final class PresentationMode {

    static final String STYLESHEET_FILE = "presentation.css";
    public static final String STYLESHEET = PresentationMode.class
            .getResource("/org/normgraph/app/present/" + STYLESHEET_FILE).toExternalForm();
    /** Style class on the window's root while presenting. */
    public static final String PRESENTING = "presenting";
    /**
     * A screen at least this much wider than tall gets the caption as a column beside the graph:
     * steps that reach from the graph's top lane to its bottom one (backward 9, 7, 4, 2) are framed
     * by their height, and below a caption their numbers were about 10 px tall on a 1080-line
     * screen; beside it, about 1.5 times that.
     */
    static final double SIDE_CAPTION_ASPECT = 1.5;
    /** The column's share of the screen's width. */
    public static final double SIDE_CAPTION_SHARE = 0.3;

    private final SessionModel model;
    private final BorderPane root;
    private final Supplier<GraphView> graph;
    private final ThemeController themes;
    private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper(this, "presenting");
    private final ReadOnlyBooleanWrapper blanked = new ReadOnlyBooleanWrapper(this, "blanked");
    private PresentationCaption caption;
    private Mode modeBefore = Mode.EXPLORE;
    private Selection selectionBefore;
    private Node top;
    private Node left;
    private Node right;
    private Node bottom;
    private boolean wasFullScreen;
    private Paint fillBefore;
    private boolean notesShown;
    /** Frames every step, and again when the graph is resized (the speaker notes strip shown or hidden). */
    private final StepFollower follower;
    private final Runnable restoreView;
    /** The zoom and pan of a graph zoomed by hand before presenting, or null (fitted). */
    private double[] viewBefore;
    /** Places the caption again when the screen changes shape (entering full screen). */
    private final javafx.beans.InvalidationListener onResize = o -> placeCaption();
    private final PresenterView presenterView;
    /** When presenting began ({@link System#nanoTime()}), for the presenter view's clock. */
    private long presentingSince;
    /** The window's place before it moved to the audience's screen, or null (it did not move). */
    private Rectangle2D placeBefore;
    private boolean wasMaximized;
    /** The menus' shortcuts (Ctrl+S, Ctrl+Q, F1 …), kept on the scene while the menu bar is out of it. */
    private final java.util.Map<KeyCombination, Runnable> menuKeys = new java.util.HashMap<>();

    /**
     * @param restoreView sets the graph's zoom and pan after leaving (the window fits the
     *                    graph, or follows the steps at its own scale); a graph zoomed by hand
     *                    before presenting gets that zoom and pan back unless it follows
     */
    public PresentationMode(SessionModel model, BorderPane root, Supplier<GraphView> graph, ThemeController themes,
            Runnable restoreView) {
        this.model = model;
        this.root = root;
        this.graph = graph;
        this.themes = themes;
        this.restoreView = restoreView;
        this.follower = new StepFollower(model, graph, StepFramer.MAX_ZOOM, StepFramer.MARGIN);
        this.presenterView = new PresenterView(model, this, themes, () -> presentingSince);
        model.modeProperty().addListener((o, a, m) -> {
            if (m == Mode.PRESENT && !isPresenting()) {
                modeBefore = a == null || a == Mode.PRESENT ? Mode.EXPLORE : a;
                enter();
            } else if (m != Mode.PRESENT && isPresenting()) {
                leave(false);
            }
        });
    }

    public ReadOnlyBooleanProperty presentingProperty() {
        return presenting.getReadOnlyProperty();
    }

    public boolean isPresenting() {
        return presenting.get();
    }

    public ReadOnlyBooleanProperty blankedProperty() {
        return blanked.getReadOnlyProperty();
    }

    public boolean isBlanked() {
        return blanked.get();
    }

    /** Whether the speaker notes strip is shown (N). */
    public boolean isNotesShown() {
        return notesShown;
    }

    /** Handles the presentation keys on {@code scene}; call before the window installs its own. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    /** Enters presentation mode (nothing if already presenting). */
    public void enter() {
        if (isPresenting()) {
            return;
        }
        if (model.getMode() != Mode.PRESENT) {
            modeBefore = model.getMode();
        }
        presenting.set(true);
        model.setMode(Mode.PRESENT);
        GraphView g = graph.get();
        viewBefore = g.isFitting() ? null : new double[] {g.getZoom(), g.getPanX(), g.getPanY()};
        // the window's pointer at one element means nothing to an audience (the inspector is hidden);
        // a click while presenting still points at one
        selectionBefore = model.getSelection();
        model.setSelection(null);
        top = root.getTop();
        left = root.getLeft();
        right = root.getRight();
        bottom = root.getBottom();
        caption = new PresentationCaption(model, root.heightProperty());
        caption.notesShownProperty().set(notesShown);
        caption.quizzingProperty().set(modeBefore == Mode.PREDICT);
        root.setTop(null);
        root.setLeft(null);
        root.setRight(null);
        root.setBottom(null);
        keepMenuKeys(top);
        placeCaption();
        root.widthProperty().addListener(onResize);
        root.heightProperty().addListener(onResize);
        root.getStyleClass().add(PRESENTING);
        themes.overrideProperty().set(Theme.HIGH_CONTRAST);
        presentingSince = System.nanoTime();
        ScreenPlan plan = null;
        Scene scene = root.getScene();
        if (scene != null) {
            scene.getStylesheets().remove(STYLESHEET);
            scene.getStylesheets().add(STYLESHEET);
            if (scene.getWindow() instanceof Stage stage) {
                wasFullScreen = stage.isFullScreen();
                plan = screenPlan(stage);
                if (plan.moves() && !wasFullScreen) {
                    moveTo(stage, plan.audience());
                }
                stage.setFullScreenExitHint("");
                stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc is ours
                stage.setFullScreen(true);
            }
        }
        root.applyCss();
        root.layout();
        follower.start();
        graph.get().requestFocus();
        if (plan != null && plan.presenter() != null) {
            presenterView.show(scene.getWindow(), plan.presenter());
        }
    }

    /**
     * Puts the shortcuts of the menus in {@code top} on the scene: the menu bar took them
     * along when it left (Ctrl+Q did nothing while presenting).
     */
    private void keepMenuKeys(Node top) {
        Scene scene = root.getScene();
        if (scene == null || top == null) {
            return;
        }
        for (Node bar : top.lookupAll(".menu-bar")) {
            for (javafx.scene.control.Menu menu : ((javafx.scene.control.MenuBar) bar).getMenus()) {
                keepMenuKeys(scene, menu.getItems());
            }
        }
    }

    private void keepMenuKeys(Scene scene, java.util.List<javafx.scene.control.MenuItem> items) {
        for (javafx.scene.control.MenuItem item : items) {
            if (item instanceof javafx.scene.control.Menu sub) {
                keepMenuKeys(scene, sub.getItems());
            } else if (item.getAccelerator() != null && !scene.getAccelerators().containsKey(item.getAccelerator())) {
                Runnable fire = () -> {
                    if (!item.isDisable()) {
                        item.fire();
                    }
                };
                menuKeys.put(item.getAccelerator(), fire);
                scene.getAccelerators().put(item.getAccelerator(), fire);
            }
        }
    }

    private void dropMenuKeys() {
        Scene scene = root.getScene();
        if (scene != null) {
            menuKeys.forEach((key, fire) -> scene.getAccelerators().remove(key, fire));
        }
        menuKeys.clear();
    }

    private static ScreenPlan screenPlan(Stage stage) {
        return ScreenPlan.of(screens(), Screen.getPrimary().getBounds(), placeOf(stage));
    }

    private static java.util.List<Rectangle2D> screens() {
        return Screen.getScreens().stream().map(Screen::getBounds).toList();
    }

    private static Rectangle2D placeOf(Stage stage) {
        return new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }

    /** Puts the window on {@code screen} (full screen fills the screen the window is on). */
    private void moveTo(Stage stage, Rectangle2D screen) {
        placeBefore = placeOf(stage);
        wasMaximized = stage.isMaximized();
        stage.setMaximized(false); // a maximized window keeps its place
        stage.setX(screen.getMinX() + Math.max(0, (screen.getWidth() - stage.getWidth()) / 2));
        stage.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - stage.getHeight()) / 2));
    }

    /** Back where the window was before {@link #moveTo}. */
    private void moveBack(Stage stage) {
        stage.setX(placeBefore.getMinX());
        stage.setY(placeBefore.getMinY());
        stage.setMaximized(wasMaximized);
        placeBefore = null;
    }

    /** Leaves presentation mode and restores the session's previous mode. */
    public void leave() {
        leave(true);
    }

    private void leave(boolean restoreMode) {
        if (!isPresenting()) {
            return;
        }
        unblank();
        presenterView.close();
        presenting.set(false);
        follower.stop();
        root.widthProperty().removeListener(onResize);
        root.heightProperty().removeListener(onResize);
        caption.dispose();
        caption = null;
        dropMenuKeys(); // before the menu bar is back with its own
        root.setTop(top);
        root.setLeft(left);
        root.setRight(right);
        root.setBottom(bottom);
        top = left = right = bottom = null;
        root.getStyleClass().remove(PRESENTING);
        themes.overrideProperty().set(null);
        Scene scene = root.getScene();
        if (scene != null) {
            scene.getStylesheets().remove(STYLESHEET);
            if (scene.getWindow() instanceof Stage stage && !wasFullScreen) {
                stage.setFullScreen(false);
                if (placeBefore != null) {
                    moveBack(stage);
                }
            }
        }
        if (restoreMode) {
            model.setMode(modeBefore);
        }
        if (model.getSelection() == null) {
            model.setSelection(selectionBefore); // unless one was clicked while presenting
        }
        selectionBefore = null;
        restoreView.run();
        if (viewBefore != null && graph.get().isFitting()) {
            graph.get().setViewport(viewBefore[0], viewBefore[1], viewBefore[2]); // zoomed by hand before: again
        }
        graph.get().requestFocus();
    }

    /** The caption beside the graph on a wide screen, else below it. */
    private void placeCaption() {
        boolean side = isSideCaption(root.getWidth(), root.getHeight());
        caption.setSide(side, Math.round(SIDE_CAPTION_SHARE * root.getWidth()));
        if (side ? root.getLeft() != caption : root.getBottom() != caption) {
            root.setLeft(null); // out of the one slot before into the other: a node has one place
            root.setBottom(null);
            if (side) {
                root.setLeft(caption);
            } else {
                root.setBottom(caption);
            }
        }
    }

    /** Whether a screen {@code width} × {@code height} gets the caption as a column. */
    static boolean isSideCaption(double width, double height) {
        return height > 0 && width >= SIDE_CAPTION_ASPECT * height;
    }

    /** Blanks the screen to black, or shows it again. */
    public void toggleBlank() {
        if (isBlanked()) {
            unblank();
        } else if (isPresenting()) {
            Scene scene = root.getScene();
            if (scene != null) {
                fillBefore = scene.getFill();
                scene.setFill(Color.BLACK);
            }
            root.setVisible(false);
            blanked.set(true);
        }
    }

    private void unblank() {
        if (!isBlanked()) {
            return;
        }
        root.setVisible(true);
        Scene scene = root.getScene();
        if (scene != null) {
            scene.setFill(fillBefore == null ? Color.WHITE : fillBefore);
        }
        blanked.set(false);
        graph.get().requestFocus();
    }

    /** Shows or hides the speaker notes strip. */
    public void toggleNotes() {
        notesShown = !notesShown;
        if (caption != null) {
            caption.notesShownProperty().set(notesShown);
        }
    }

    /** Opens the presenter view (on the window's screen: there is no other), or closes it. */
    public void togglePresenterView() {
        if (presenterView.isShowing()) {
            presenterView.close();
        } else if (isPresenting() && root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
            presenterView.show(stage, ScreenPlan.screenOf(screens(), Screen.getPrimary().getBounds(), placeOf(stage)));
        }
    }

    /** Whether the presenter view is open. */
    public boolean isPresenterViewShown() {
        return presenterView.isShowing();
    }

    private void keyPressed(KeyEvent e) {
        if (!isPresenting()) {
            if (e.getCode() == KeyCode.F5 && !e.isShortcutDown() && !e.isAltDown()) {
                enter();
                e.consume();
            }
            return;
        }
        if (presentingKey(e.getCode())) { // the window steps on ←/→, PageUp/PageDown, Home/End
            e.consume();
        }
    }

    /**
     * The presenter view's keys: presentation mode's, and the step keys the window has of its
     * own; not N, which would put the notes on the projector from a window that shows them.
     */
    void presenterKey(KeyEvent e) {
        if (!isPresenting() || e.isShortcutDown() || e.isAltDown() || e.isMetaDown() || e.getCode() == KeyCode.N) {
            return;
        }
        if (presentingKey(e.getCode()) || StepKeys.step(e.getCode(), model)) {
            e.consume();
        }
    }

    /** Presentation mode's own keys; false for keys it leaves to others. */
    private boolean presentingKey(KeyCode k) {
        if (isBlanked()) {
            if (k == KeyCode.P) {
                togglePresenterView(); // the presenter's own screen: the audience's stays black
            } else if (k == KeyCode.B || k == KeyCode.PERIOD || StepKeys.isStepKey(k) || k == KeyCode.SPACE
                    || k == KeyCode.ESCAPE) {
                unblank();
            }
            return true;
        }
        switch (k) {
            case ESCAPE -> leave();
            case B, PERIOD -> toggleBlank();
            case N -> toggleNotes();
            case P -> togglePresenterView();
            case SPACE -> model.next();
            case F5 -> follower.frameNow();
            default -> {
                return false;
            }
        }
        return true;
    }


    /** For tests: the presenter view. */
    PresenterView presenterView() {
        return presenterView;
    }

    /** For tests: whether the caption shows the speaker notes strip now. */
    boolean captionShowsNotes() {
        return caption != null && caption.notesLabel().isVisible();
    }
}
