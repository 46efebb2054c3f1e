package org.normgraph.app;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.normgraph.app.graph.GraphView;
import org.normgraph.app.graph.Palette;
import org.normgraph.app.model.Note;
import org.normgraph.app.editor.BundleText;
import org.normgraph.app.editor.EditRefusedException;
import org.normgraph.app.editor.FocusChain;
import org.normgraph.app.editor.InputsPane;
import org.normgraph.app.inspector.InspectorPane;
import org.normgraph.app.lab.LabDock;
import org.normgraph.app.model.InputLayout;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.timeline.Playback;
import org.normgraph.app.timeline.StepKeys;
import org.normgraph.app.timeline.TimelineBar;
import org.normgraph.app.explain.StepExplanationView;
import org.normgraph.app.family.StatusLineView;
import org.normgraph.app.predict.PredictPane;
import org.normgraph.app.predict.PredictSession;
import org.normgraph.app.present.LectureToolbar;
import org.normgraph.app.present.PresentationMode;
import org.normgraph.app.present.SpeakerNotesEditor;
import org.normgraph.app.present.StepFollower;
import org.normgraph.app.theme.ScriptFont;
import org.normgraph.app.theme.ThemeController;
import org.normgraph.app.theme.TextSize;
import org.normgraph.app.theme.ViewSetting;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.InvalidInputException;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormSpec;

/**
 * The main window's content: a toolbar (zoom, fit, undo/redo, panes) on top, the inputs
 * on the left, the graph in the centre, the inspector on the right, and the timeline with
 * the status line and notes at the bottom.
 *
 * <p>The left pane holds the input editors ({@code app.editor}), the right pane the
 * inspector ({@code app.inspector}); both talk to the same {@link SessionModel}.
 *
 * <p>Keys anywhere except in text fields and the two side panes: ←/→ and PageUp/PageDown
 * step, Home/End jump, Space plays or pauses (unless a button has keyboard focus).
 * Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) undo and redo an edit; Ctrl+plus/minus zoom, Ctrl+0 fits,
 * Ctrl+2 follows the steps (frames each step's nodes, at most at 100 %, so that a large text
 * size stays large in the graph too).
 *
 * <p>Language: the toolbar's {@code #toolbar-language} box switches between the
 * {@link Language}s. {@link #setLanguage} rebuilds the views that show text (toolbar, graph,
 * timeline bar, inputs, inspector) on the same {@link SessionModel} and {@link Playback}, so
 * the input, the step, the selection, undo history and playback go on; the old views are
 * disposed. The choice is stored in the {@link LanguageSetting} given to the constructor.
 */
public final class MainWindow {

    /** The main stylesheet. */
    public static final String STYLESHEET =
            MainWindow.class.getResource("/org/normgraph/app/normgraph.css").toExternalForm();

    public static final double MIN_WIDTH = 960;
    public static final double MIN_HEIGHT = 640;
    /**
     * Largest zoom when the graph follows the steps: 100 %, where the graph's text is at the
     * window's text size, so that following makes it readable without blowing up small nodes.
     */
    public static final double FOLLOW_MAX_ZOOM = 1.0;
    /**
     * Free border around the followed step's nodes: the pane's own edge frames them. The 40 px
     * of a projected screen took a sixth of a 480-pixel-high graph, and of the zoom of a step
     * that reaches from its top lane to its bottom one.
     */
    public static final double FOLLOW_MARGIN = 12;
    /** The inputs pane's default width: 270 px at 100 % text, growing with the text size. */
    static final double INPUTS_WIDTH_EM = 20.77;
    /** The inspector's default width: 330 px at 100 % text. */
    static final double INSPECTOR_WIDTH_EM = 25.38;

    private final SessionModel model;
    private final LanguageSetting languageSetting;
    private final Playback playback;
    private final BorderPane root = new BorderPane();
    private final SidePane inputsSlot = new SidePane(Side.LEFT, INPUTS_WIDTH_EM);
    private final SidePane inspectorSlot = new SidePane(Side.RIGHT, INSPECTOR_WIDTH_EM);
    private final VBox notes = new VBox();
    private final LabDock lab;
    private boolean labBeforePresenting;
    // the views with text: built again in the new language by setLanguage
    private GraphView graph;
    private TimelineBar timelineBar;
    private InputsPane inputs;
    private InspectorPane inspector;
    private ToolBar toolBar;
    // the File menu (app.files), built again on a language switch; null = no menu bar
    private java.util.function.Supplier<? extends Node> menuFactory;
    private javafx.beans.value.ObservableValue<String> titleSource;
    // lecture: theme and text size, presentation mode, predict-then-reveal, explanation, speaker notes
    private final ThemeController themes;
    private final PresentationMode presentation;
    /** The toolbar's "Follow" toggle: frame each step's nodes instead of fitting the whole graph. */
    private final BooleanProperty followStep = new SimpleBooleanProperty(this, "followStep");
    private final StepFollower stepFollower;
    private final PredictSession predictSession = new PredictSession();
    private StepExplanationView explanation;
    // both as tall as their longest text of the walk, so that stepping never moves the graph
    private StatusLineView status;
    private SpeakerNotesEditor speakerNotes;
    private PredictPane predictPane;

    /** A window whose language choice is not remembered (tests, embedding). */
    public MainWindow(SessionModel model) {
        this(model, null);
    }

    /**
     * A window in the current {@link Messages#language()}.
     *
     * @param languageSetting where a language chosen in the toolbar is remembered, or null for nowhere
     */
    public MainWindow(SessionModel model, LanguageSetting languageSetting) {
        this(model, languageSetting, null);
    }

    /**
     * A window in the current {@link Messages#language()} with the theme and text size of
     * {@code viewSetting} (where changes are also remembered; null: light, 100 %, not remembered).
     */
    public MainWindow(SessionModel model, LanguageSetting languageSetting, ViewSetting viewSetting) {
        this.model = model;
        this.languageSetting = languageSetting;
        this.themes = new ThemeController(viewSetting);
        themes.fontFamilyProperty().set(ScriptFont.family(Messages.language()).orElse(null));
        this.presentation = new PresentationMode(model, root, () -> graph, themes, () -> {
            keepTabOrder(); // the areas come back in the order presentation mode sets them
            fitOrFollow();
        });
        this.stepFollower = new StepFollower(model, () -> graph, FOLLOW_MAX_ZOOM, FOLLOW_MARGIN);
        if (viewSetting != null) {
            followStep.set(viewSetting.followStep());
            followStep.addListener((o, a, on) -> viewSetting.storeFollowStep(on));
            rememberWidth(inputsSlot, viewSetting, ViewSetting.INPUTS_SHARE_KEY);
            rememberWidth(inspectorSlot, viewSetting, ViewSetting.INSPECTOR_SHARE_KEY);
        }
        followStep.addListener((o, a, on) -> fitOrFollow());
        presentation.presentingProperty().addListener((o, a, on) -> {
            if (on) {
                stepFollower.stop(); // presentation mode frames the steps at its own scale
            }
        });
        this.playback = new Playback(model);
        root.setId("main");
        root.getStyleClass().add("main-window");
        inputsSlot.setId("inputs-pane");
        inputsSlot.getStyleClass().addAll("side-pane", "inputs-pane");
        inspectorSlot.setId("inspector-pane");
        inspectorSlot.getStyleClass().addAll("side-pane", "inspector-pane");
        root.setLeft(inputsSlot);
        root.setRight(inspectorSlot);
        notes.setId("notes");
        notes.getStyleClass().add("notes");
        model.getNotes().addListener((ListChangeListener<Note>) c -> updateNotes());
        lab = new LabDock(model);
        // the room sees the graph, not the Lab under it (half the screen); it comes back after
        presentation.presentingProperty().addListener((o, a, on) -> {
            if (on) {
                labBeforePresenting = lab.shownProperty().get();
                lab.shownProperty().set(false);
            } else if (labBeforePresenting) {
                lab.shownProperty().set(true);
            }
        });
        buildViews();
    }

    private static void rememberWidth(SidePane pane, ViewSetting setting, String key) {
        setting.paneShare(key).ifPresent(pane::setShare);
        pane.setOnShareChosen(share -> setting.storePaneShare(key, share));
    }

    /** Builds the views that show text, in the current language (the session state is the model's). */
    private void buildViews() {
        graph = new GraphView(model);
        graph.animationSpeedProperty().bind(model.speedProperty());
        timelineBar = new TimelineBar(model, playback);
        inputs = new InputsPane(model.inputProperty(), model.inputLayoutProperty(), this::commitEdit);
        inputs.setResetCommit(model::commitUnderAnyKind);
        inputs.clearMessageOn(model.normSpecProperty()); // a refusal under another kind or G is stale
        inputs.setOverflowSource(() -> model.getNonFinite() == null ? null : model.getNonFinite().node());
        inspector = new InspectorPane(model.traceProperty(), model.selectionProperty(), model.positionProperty());
        inspector.setLayoutSource(model::getNormLayout);
        explanation = new StepExplanationView(model);
        status = new StatusLineView(model, true);
        speakerNotes = new SpeakerNotesEditor(model);
        predictPane = new PredictPane(model, predictSession);
        inputsSlot.setContent(inputs);
        inputsSlot.setContentWidth(inputs::widthForGrids);
        inspectorSlot.setContent(inspector);
        inputsSlot.setEdgeTip(Messages.get("app.pane.edge.tip"));
        inspectorSlot.setEdgeTip(Messages.get("app.pane.edge.tip"));
        toolBar = toolbar();
        root.setTop(top());
        lab.setGraph(graph);
        lab.rebuild();
        root.setCenter(lab.center());
        root.setBottom(bottom());
        keepTabOrder();
        returnFocusToGraphAfterClicks(toolBar);
        returnFocusToGraphAfterClicks(timelineBar);
        updateNotes();
        if (followStep.get()) {
            stepFollower.start();
        }
    }

    /**
     * Tab goes through the window as it reads: toolbar and kind bar, inputs, graph, inspector,
     * timeline and notes. A BorderPane keeps its children in the order they were set, so the
     * graph, set again on each language switch, came after the timeline and Tab never reached
     * it. Called after each change of the five areas.
     */
    private void keepTabOrder() {
        Node[] areas = {root.getTop(), root.getLeft(), root.getCenter(), root.getRight(), root.getBottom()};
        List<Node> shown = java.util.Arrays.stream(areas).filter(java.util.Objects::nonNull).toList();
        if (root.getChildren().stream().filter(shown::contains).toList().equals(shown)) {
            return;
        }
        // set again in reading order (a node moved within the children would leave its area)
        Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        root.setTop(null);
        root.setLeft(null);
        root.setCenter(null);
        root.setRight(null);
        root.setBottom(null);
        root.setTop(areas[0]);
        root.setLeft(areas[1]);
        root.setCenter(areas[2]);
        root.setRight(areas[3]);
        root.setBottom(areas[4]);
        if (focus != null && focus.getScene() != null) {
            focus.requestFocus();
        }
    }

    /** Follows the steps if the toggle is on, else fits the whole graph (not while presenting: that mode frames). */
    private void fitOrFollow() {
        if (presentation.isPresenting()) {
            return;
        }
        if (followStep.get()) {
            stepFollower.start();
        } else {
            stepFollower.stop();
            graph.fit();
        }
    }

    /** Shows the whole graph: stops following the steps. */
    private void fit() {
        followStep.set(false);
        graph.fit();
    }

    /** Whether the graph follows the steps (the toolbar's "Follow", Ctrl+2; remembered like the theme). */
    public BooleanProperty followStepProperty() {
        return followStep;
    }

    /** Takes the old views off the model: no listeners, no animations left behind. */
    private void disposeViews() {
        stepFollower.stop();
        graph.animationSpeedProperty().unbind();
        graph.dispose();
        timelineBar.dispose();
        inputs.setSkin(null); // disposes the skins, which listen to the model
        inspector.setSkin(null);
        explanation.dispose();
        status.dispose();
        speakerNotes.dispose();
        predictPane.dispose();
    }

    /**
     * Shows the window in {@code language}: switches {@link Messages}, remembers the choice
     * and rebuilds the views on the same session (input, step, selection, undo history,
     * playback, the seed, the inputs pane's message, open speaker notes and which panes are
     * shown are kept; the graph is fitted anew).
     */
    public void setLanguage(Language language) {
        Messages.setLanguage(language);
        themes.fontFamilyProperty().set(ScriptFont.family(language).orElse(null));
        if (languageSetting != null) {
            languageSetting.store(language);
        }
        long seed = inputs.getSeed();
        InputsPane.Feedback feedback = inputs.getFeedback();
        boolean notesOpen = speakerNotes.isExpanded();
        disposeViews();
        buildViews();
        inputs.setSeed(seed);
        inputs.showFeedback(feedback);
        speakerNotes.setExpanded(notesOpen);
        if (root.getScene() != null) {
            if (root.getScene().getWindow() instanceof Stage stage) {
                applyTitle(stage);
            }
            graph.requestFocus();
        }
    }

    /**
     * Puts back what the window keeps for one document beside the session: the Randomize seed
     * and the Predict round (a new or opened document is asked every backward step again).
     */
    public void startDocument() {
        inputs.setSeed(InputsPane.DEFAULT_SEED);
        predictPane.newRound();
    }

    public SessionModel model() {
        return model;
    }

    /**
     * Commits what is being typed in a cell or field, as leaving it does, and gives the field its
     * focus back: a shortcut (Ctrl+Q, Ctrl+N) leaves the focus where it is, so before asking about
     * unsaved work the number typed had not been taken yet.
     */
    public void commitTyping() {
        Scene scene = root.getScene();
        Node typing = scene == null ? null : scene.getFocusOwner();
        if (typing == null || typing == graph || !(typing instanceof javafx.scene.control.TextInputControl)) {
            return;
        }
        graph.requestFocus(); // the cell's, spinner's or eps field's focus listener commits
        typing.requestFocus();
    }

    public GraphView graphView() {
        return graph;
    }

    public TimelineBar timelineBar() {
        return timelineBar;
    }

    public Playback playback() {
        return playback;
    }

    /** The verification lab below the graph (shown with the Lab toggle next to the status line, or Ctrl+L). */
    public LabDock lab() {
        return lab;
    }

    public BorderPane root() {
        return root;
    }

    public ThemeController themes() {
        return themes;
    }

    public PresentationMode presentation() {
        return presentation;
    }

    public PredictPane predictPane() {
        return predictPane;
    }

    public SpeakerNotesEditor speakerNotes() {
        return speakerNotes;
    }

    /** A scene with this window's content, stylesheet and keys. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(STYLESHEET);
        presentation.install(scene); // before the window's keys: F5, Esc, B, N, blanking
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> predictPane.handleKey(e));
        installKeys(scene);
        FocusTooltips.install(scene);
        LectureToolbar.installKeys(scene, model, themes);
        themes.attach(scene);
        // JavaFX's ToolBar sorts its items into the overflow menu again only when its own width,
        // or whether it overflows at all, changes; a new text size, font or presentation sheet
        // changes the items' widths, so hand it its items again
        scene.getStylesheets().addListener((javafx.beans.InvalidationListener) o ->
                toolBar.getItems().setAll(java.util.List.copyOf(toolBar.getItems())));
        return scene;
    }

    /** Shows the window on {@code stage}, with keyboard focus on the graph. */
    public void show(Stage stage, double width, double height) {
        applyTitle(stage);
        stage.setScene(createScene(width, height));
        stage.show();
        // once shown: a window with no place and size yet grew in place, off the screen's bottom
        themes.textSizeProperty().subscribe(size -> keepRoomFor(stage, size));
        graph.requestFocus();
        Platform.runLater(graph::requestFocus);
    }

    /**
     * The smallest window grows with the text: at 200 % the panes' controls did not fit in
     * {@value #MIN_WIDTH}×{@value #MIN_HEIGHT} (timeline buttons blank, the notes below the
     * edge). A window smaller than the new minimum grows to it; neither exceeds the screen.
     */
    private static void keepRoomFor(Stage stage, TextSize size) {
        double grow = 1 + (size.percent() / 100.0 - 1) * 0.6; // 200 % → 1.6: the graph still scales itself
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(screen.getWidth(), MIN_WIDTH * grow);
        double h = Math.min(screen.getHeight(), MIN_HEIGHT * grow);
        // moved onto the screen before it grows: a new minimum grows the window at once, in place
        // (y = 17, 1000 high on a 1000-pixel screen), so the minimums are set last
        if (stage.getWidth() < w) {
            stage.setX(Math.max(screen.getMinX(), Math.min(stage.getX(), screen.getMaxX() - w)));
            stage.setWidth(w);
        }
        if (stage.getHeight() < h) {
            stage.setY(Math.max(screen.getMinY(), Math.min(stage.getY(), screen.getMaxY() - h)));
            stage.setHeight(h);
        }
        stage.setMinWidth(w);
        stage.setMinHeight(h);
    }

    /** Puts a menu bar above the toolbar; the factory is called again after a language switch. */
    public void setMenu(java.util.function.Supplier<? extends Node> factory) {
        menuFactory = factory;
        root.setTop(top());
        keepTabOrder();
    }

    /** The window title follows {@code title} (e.g. the file name) instead of the plain app title. */
    public void setTitleSource(javafx.beans.value.ObservableValue<String> title) {
        titleSource = title;
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
            applyTitle(stage);
        }
    }

    private void applyTitle(Stage stage) {
        stage.titleProperty().unbind(); // the stage may have shown another window before
        if (titleSource == null) {
            stage.setTitle(Messages.get("app.window.title"));
        } else {
            stage.titleProperty().bind(titleSource);
        }
    }

    private Node top() {
        Node menu = menuFactory == null ? null : menuFactory.get();
        // the kind of normalization has a bar of its own under the toolbar: room for its note
        Node kind = new org.normgraph.app.family.NormSelector(model);
        return menu == null ? new VBox(toolBar, kind) : new VBox(menu, toolBar, kind);
    }

    // ---------------------------------------------------------------- parts

    private ToolBar toolbar() {
        Button zoomOut = tool("toolbar-zoom-out", "app.zoom.out", () -> graph.zoomOut());
        Button zoomIn = tool("toolbar-zoom-in", "app.zoom.in", () -> graph.zoomIn());
        Label zoom = new Label();
        zoom.setId("toolbar-zoom");
        zoom.getStyleClass().add("zoom-label");
        zoom.textProperty().bind(graph.zoomProperty().multiply(100).asString(Messages.get("app.zoom.value")));
        Button fit = tool("toolbar-fit", "app.zoom.fit", this::fit);
        Button actual = tool("toolbar-actual", "app.zoom.actual", () -> graph.actualSize());
        ToggleButton follow = new ToggleButton(Messages.get("app.zoom.follow.glyph"));
        follow.setId("toolbar-follow");
        follow.getStyleClass().add("tool-button");
        follow.setTooltip(new Tooltip(Messages.get("app.zoom.follow.tip")));
        follow.setAccessibleText(Messages.get("app.zoom.follow"));
        follow.selectedProperty().bindBidirectional(followStep);
        Button undo = tool("toolbar-undo", "app.undo", model::undo);
        Button redo = tool("toolbar-redo", "app.redo", model::redo);
        undo.disableProperty().bind(model.canUndoProperty().not());
        redo.disableProperty().bind(model.canRedoProperty().not());
        ToggleButton inputs = paneToggle("toolbar-inputs", "app.pane.inputs", inputsSlot, true);
        ToggleButton inspector = paneToggle("toolbar-inspector", "app.pane.inspector", inspectorSlot, false);
        inputs.setSelected(root.getLeft() != null); // a rebuilt toolbar shows the panes as they are
        inspector.setSelected(root.getRight() != null);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox legend = legend();
        ToolBar bar = new ToolBar(inputs, new Separator(), zoomOut, zoom, zoomIn, fit, actual, follow,
                new Separator(), undo, redo, spacer, legend, new Separator(), languageBox(), new Separator(),
                inspector, new Separator());
        // last: on a narrow window the toolbar's overflow menu takes these, not the language or panes
        bar.getItems().addAll(LectureToolbar.items(model, presentation, themes));
        for (Node item : bar.getItems()) {
            if (item instanceof Region r && item != spacer) {
                // at a large text size an item that does not fit moves to the overflow menu whole,
                // instead of every item being cut to "…"
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
            OverflowMenuClosing.install(item);
        }
        bar.setId("toolbar");
        return bar;
    }

    /**
     * An edit of the inputs pane. The core decides what it refuses; a D or C that G does not
     * divide is said here in the window's language (the core's words are English, for the CLI).
     */
    private void commitEdit(BatchNormInput in, InputLayout layout) {
        try {
            model.commit(in, layout);
        } catch (InvalidInputException e) {
            // the two refusals an edit can meet from the kind, in the window's words (the core's are English)
            NormSpec kind = model.getNormSpec();
            if (kind.kind() == NormKind.INSTANCE && !layout.images()) {
                throw new EditRefusedException(BundleText.of("norm.refused.instance"), e);
            }
            if (!"groups".equals(e.field()) || kind.kind() != NormKind.GROUP) {
                throw e;
            }
            throw new EditRefusedException(BundleText.of(layout.images() ? "norm.refused.groups.channels"
                    : "norm.refused.groups", Integer.toString(kind.groups()), Integer.toString(layout.channels())), e);
        }
    }

    /** The language box: each language by its own name; choosing one rebuilds the window in it. */
    private ComboBox<Language> languageBox() {
        ComboBox<Language> box = new ComboBox<>();
        box.setId("toolbar-language");
        box.getItems().setAll(Language.values());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Language l) {
                return l == null ? "" : l.nativeName();
            }

            @Override
            public Language fromString(String s) {
                return Messages.language();
            }
        });
        box.setValue(Messages.language());
        box.setTooltip(new Tooltip(Messages.get("app.language.tip")));
        box.setAccessibleText(Messages.get("app.language"));
        // chosen when the list closes: arrows in the open list switched at each press, and the
        // rebuilt window then took the next arrows into the graph
        box.valueProperty().addListener((o, a, l) -> {
            if (!box.isShowing()) {
                chooseLanguage(l);
            }
        });
        box.setOnHidden(e -> chooseLanguage(box.getValue()));
        return box;
    }

    private void chooseLanguage(Language l) {
        if (l != null && l != Messages.language()) {
            // after the box has finished its own event: it is replaced by the rebuild
            Platform.runLater(() -> setLanguage(l));
        }
    }

    /** Colour key: value −/+ and gradient −/+ swatches (colours from {@link Palette}). */
    private HBox legend() {
        HBox box = new HBox();
        box.setId("legend");
        box.getStyleClass().add("legend");
        box.setAlignment(Pos.CENTER_LEFT);
        for (Palette p : Palette.values()) {
            Label name = new Label(Messages.get(p == Palette.VALUE ? "app.legend.value" : "app.legend.gradient"));
            name.getStyleClass().add("legend-name");
            box.getChildren().addAll(name, swatch(p.negative(), "−"), swatch(p.positive(), "+"));
        }
        Tooltip.install(box, new Tooltip(Messages.get("app.legend.tip")));
        return box;
    }

    private static Label swatch(javafx.scene.paint.Color c, String sign) {
        Label l = new Label(sign);
        l.getStyleClass().add("legend-swatch");
        l.setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                c, new javafx.scene.layout.CornerRadii(3), javafx.geometry.Insets.EMPTY)));
        l.setTextFill(javafx.scene.paint.Color.WHITE);
        return l;
    }

    private Button tool(String id, String key, Runnable action) {
        Button b = new Button(Messages.get(key + ".glyph"));
        b.setId(id);
        b.getStyleClass().add("tool-button");
        b.setTooltip(new Tooltip(Messages.get(key + ".tip")));
        b.setAccessibleText(Messages.get(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    private ToggleButton paneToggle(String id, String key, Region pane, boolean left) {
        ToggleButton t = new ToggleButton(Messages.get(key));
        t.setId(id);
        t.setSelected(true);
        t.setTooltip(new Tooltip(Messages.get(key + ".tip")));
        t.selectedProperty().addListener((o, a, on) -> {
            if (left) {
                root.setLeft(on ? pane : null);
            } else {
                root.setRight(on ? pane : null);
            }
            keepTabOrder();
        });
        return t;
    }

    private VBox bottom() {
        // the lab opens just above, below the graph; the toolbar has no room left at the minimum width
        ToggleButton labToggle = new ToggleButton(Messages.get("app.pane.lab"));
        labToggle.setId("lab-toggle");
        labToggle.setTooltip(new Tooltip(Messages.get("app.pane.lab.tip")));
        labToggle.selectedProperty().bindBidirectional(lab.shownProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        // the row's free width whatever the text, so that the Lab button stays put while stepping
        status.setPrefWidth(0);
        HBox statusRow = new HBox(8, status, labToggle);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        ReadingArea reading = new ReadingArea(new VBox(explanation, notes));
        VBox box = new VBox(timelineBar, predictPane, statusRow, reading, speakerNotes);
        box.getStyleClass().add("bottom-area");
        return box;
    }

    private void updateNotes() {
        notes.getChildren().clear();
        for (Note n : model.getNotes()) {
            Label l = new Label(Messages.get(n.key(), n.args().toArray()));
            l.setWrapText(true);
            CjkWrap.keepEndOf(l);
            l.setMaxWidth(Double.MAX_VALUE);
            l.getStyleClass().addAll("note", n.isWarning() ? "warning" : "info");
            notes.getChildren().add(l);
        }
        notes.setVisible(!notes.getChildren().isEmpty());
        notes.setManaged(notes.isVisible());
    }

    // ---------------------------------------------------------------- keys

    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final List<KeyCombination> REDO = List.of(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));

    private void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node focus = scene.getFocusOwner();
            if (!e.isConsumed() && inputs.hasOneLineFieldFocused()) {
                // N, D, eps, seed: a text field takes Ctrl+Z for its own typing, which these
                // fields replace on each commit; here it drops typing not yet entered, else
                // undoes the last edit, as in the grids
                if (UNDO.match(e)) {
                    if (!inputs.dropUnfinishedTyping()) {
                        model.undo();
                    }
                    e.consume();
                } else if (REDO.stream().anyMatch(r -> r.match(e))) {
                    model.redo();
                    e.consume();
                }
            }
            if (e.isConsumed() || e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
                return;
            }
            KeyCode k = e.getCode();
            boolean inLab = lab.pane() != null && FocusChain.isInside(focus, lab.pane());
            if (e.isShiftDown() && (k == KeyCode.PAGE_UP || k == KeyCode.PAGE_DOWN)
                    && !(focus instanceof TextInputControl) && !FocusChain.isInside(focus, inputsSlot)) {
                // the inspector and the Lab's pages are no Tab stops: Shift + PageUp/PageDown scroll
                // the Lab from within it, else the inspector
                int direction = k == KeyCode.PAGE_DOWN ? 1 : -1;
                if (inLab) {
                    lab.pane().scrollPage(direction);
                } else {
                    inspector.scrollPage(direction);
                }
                e.consume();
                return;
            }
            if (!e.isShiftDown() && (k == KeyCode.PAGE_UP || k == KeyCode.PAGE_DOWN) && !(focus instanceof TextInputControl)
                    && !(focus instanceof ComboBoxBase<?> box && box.isShowing())) {
                // a clicker's keys step wherever the focus is: after an edit in a grid they did nothing
                if (StepKeys.step(k, model)) {
                    e.consume();
                }
                return;
            }
            if (focus instanceof TextInputControl || FocusChain.isInside(focus, inputsSlot)
                    || FocusChain.isInside(focus, inspectorSlot) || inLab || e.isShiftDown()) { // Shift + arrows move between a node's numbers (GraphView)
                return;
            }
            if (k == KeyCode.SPACE) {
                if (focus instanceof ButtonBase || focus instanceof ComboBoxBase<?>
                        || focus instanceof ChoiceBox<?> || focus instanceof TitledPane) { // Space opens the notes
                    return;
                }
                playback.toggle();
            } else if (!StepKeys.step(k, model)) {
                return;
            }
            e.consume();
        });
        var acc = scene.getAccelerators();
        acc.put(UNDO, model::undo);
        REDO.forEach(r -> acc.put(r, model::redo));
        // Ctrl + plus is Ctrl+Shift+= on some keyboards, Ctrl++ on others
        acc.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
                () -> graph.zoomIn());
        acc.put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
                () -> graph.zoomIn());
        acc.put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), () -> graph.zoomIn());
        acc.put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), () -> graph.zoomOut());
        acc.put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), () -> graph.zoomOut());
        acc.put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), this::fit);
        acc.put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), () -> graph.actualSize());
        acc.put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
                () -> followStep.set(!followStep.get()));
        acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                () -> lab.shownProperty().set(!lab.shownProperty().get()));
    }

    /** After a mouse click on a button there, the graph gets the keys back (presenter keys keep working). */
    private void returnFocusToGraphAfterClicks(Node area) {
        area.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getTarget() instanceof Node t && !(t instanceof TextInputControl)) {
                Platform.runLater(() -> {
                    Node f = graph.getScene() == null ? null : graph.getScene().getFocusOwner();
                    if (!(f instanceof TextInputControl) && !(f instanceof ComboBoxBase<?>)
                            && !(f instanceof javafx.scene.control.MenuButton)) { // its open menu would close
                        graph.requestFocus();
                    }
                });
            }
        });
    }
}
