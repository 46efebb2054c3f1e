package org.normgraph.app.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.MapChangeListener;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.normgraph.app.MainWindow;
import org.normgraph.app.Messages;
import org.normgraph.app.editor.NumberText;
import org.normgraph.app.model.Examples;
import org.normgraph.app.model.InputLayout;
import org.normgraph.app.model.RunningStatistics;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.family.NormSpec;
import org.normgraph.io.InputFormatException;
import org.normgraph.io.Session;
import org.normgraph.io.SessionFile;

/**
 * The document behind a {@link MainWindow}: which file it is, whether it has unsaved
 * changes, and the File menu's actions (new, open, recent, examples, save, save as, quit;
 * the exports are {@link Exports}). Also drives the {@link Autosave}.
 *
 * <p>A file is read completely and checked before anything of it is used: a broken,
 * truncated, foreign, too large or newer file is refused with one message naming the file
 * and the problem, and the current work stays as it was.
 *
 * <p>Unsaved changes are edits of the inputs and of the speaker notes; stepping, selecting
 * and zooming are saved with the file but do not ask before closing. Any change (also
 * stepping) schedules an autosave {@value #AUTOSAVE_DELAY_MILLIS} ms later.
 */
public final class FileSession {

    /** The app's name in the window title (a product name, the same in every language). */
    public static final String APP_NAME = "normgraph";
    static final int AUTOSAVE_DELAY_MILLIS = 1000;

    private final MainWindow window;
    private final SessionModel model;
    private final FileDialogs dialogs;
    private final RecentFiles recent;
    private final Autosave autosave;
    private final Exports exports;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final StringBinding title;
    private final PauseTransition autosaveDelay = new PauseTransition(Duration.millis(AUTOSAVE_DELAY_MILLIS));
    private boolean loading;
    private Path folder;
    /** The content as last opened or saved; null when it was never saved (a restored crash copy). */
    private Content saved;

    /**
     * @param autosave where crash copies go, or null for none (tests of other things)
     */
    public FileSession(MainWindow window, FileDialogs dialogs, RecentFiles recent, Autosave autosave) {
        this.window = window;
        this.model = window.model();
        this.dialogs = dialogs;
        this.recent = recent;
        this.autosave = autosave;
        this.exports = new Exports(window, dialogs, this);
        name.set(null);
        title = Bindings.createStringBinding(this::titleText, name, dirty);
        model.inputProperty().addListener((o, a, b) -> changed(true));
        model.getSpeakerNotes().addListener((MapChangeListener<Integer, String>) c -> changed(true));
        model.normSpecProperty().addListener((o, a, b) -> changed(true)); // the kind is saved with the lesson
        model.inputLayoutProperty().addListener((o, a, b) -> changed(true)); // N×D or N×C×H×W is saved too
        model.inferenceProperty().addListener((o, a, b) -> changed(true)); // and inference's running statistics
        model.modeProperty().addListener((o, a, b) -> changed(false));
        model.positionProperty().addListener((o, a, b) -> changed(false));
        model.selectionProperty().addListener((o, a, b) -> changed(false));
        autosaveDelay.setOnFinished(e -> autosaveNow());
        saved = content();
    }

    /** Puts the File menu and the title (file name, unsaved marker) on the window. */
    public void install() {
        window.setMenu(() -> {
            title.invalidate(); // a new language: the title's words too
            return new FileMenu(this).build();
        });
        window.setTitleSource(title);
    }

    /** Closing the stage asks about unsaved work first, and a clean close ends the autosave. */
    public void attach(Stage stage) {
        stage.setOnCloseRequest(e -> {
            if (!close()) {
                e.consume();
            }
        });
    }

    // ---------------------------------------------------------------- state

    public MainWindow window() {
        return window;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path getFile() {
        return file.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public StringBinding titleBinding() {
        return title;
    }

    public RecentFiles recentFiles() {
        return recent;
    }

    public Exports exports() {
        return exports;
    }

    /** The name the document is shown under: its file name, an example's file name, or "untitled". */
    public String documentName() {
        return name.get() == null ? Messages.get("files.untitled") : name.get();
    }

    /** The document name without {@code .normgraph.json}, for suggested export names. */
    String baseName() {
        String n = documentName();
        return n.endsWith(SessionFile.SUFFIX) ? n.substring(0, n.length() - SessionFile.SUFFIX.length()) : n;
    }

    Path folder() {
        return folder != null ? folder : file.get() == null ? null : file.get().toAbsolutePath().getParent();
    }

    /** The next chooser starts in the folder of {@code file}. */
    void rememberFolder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            folder = parent;
        }
    }

    /** The next chooser starts in {@code dir}. */
    void rememberDir(Path dir) {
        folder = dir.toAbsolutePath();
    }

    /** What a save keeps that counts as work: the inputs, their layout and kind, inference's statistics, the speaker notes. */
    private record Content(BatchNormInput input, InputLayout layout, NormSpec spec, RunningStatistics inference,
                           Map<Integer, String> notes) {
    }

    private Content content() {
        return new Content(model.getInput(), model.getInputLayout(), model.getNormSpec(), model.getInference(),
                new HashMap<>(model.getSpeakerNotes()));
    }

    private String titleText() {
        String shown = Messages.get("files.window.title", APP_NAME, documentName());
        return dirty.get() ? Messages.get("files.window.modified", shown) : shown;
    }

    private void changed(boolean edit) {
        if (loading) {
            return;
        }
        if (edit) { // undoing every edit since the save leaves nothing unsaved
            dirty.set(!content().equals(saved));
        }
        if (autosave != null && autosave.isActive()) {
            autosaveDelay.playFromStart();
        }
    }

    /** Takes the crash copy now and writes it in the background (also what the debounced timer does). */
    public void autosaveNow() {
        autosaveDelay.stop();
        if (autosave != null) {
            autosave.saveLater(SessionCodec.capture(model, window.graphView()), file.get());
        }
    }

    // ---------------------------------------------------------------- actions

    /** Back to the classic example, after asking about unsaved work. */
    public boolean newSession() {
        if (!confirmDiscard()) {
            return false;
        }
        apply(Session.of(Examples.classic()), null, null, false);
        return true;
    }

    /** Asks for a file and opens it. */
    public boolean open() {
        Optional<Path> p = dialogs.chooseOpen(folder());
        return p.isPresent() && open(p.get());
    }

    /**
     * Opens {@code path}: reads and checks it first (a broken file is refused without further
     * questions), then asks about unsaved work; false if refused or cancelled.
     */
    public boolean open(Path path) {
        Session s;
        try {
            s = SessionFile.read(path);
        } catch (InputFormatException e) {
            dialogs.showError(openError(path.getFileName().toString(), e));
            return false; // nothing of the file was used
        }
        if (!confirmDiscard()) {
            return false;
        }
        apply(s, path, path.getFileName().toString(), false);
        recent.add(path);
        rememberFolder(path);
        return true;
    }

    /**
     * A recent file; one that is gone is said so and taken off the list. One that is there but
     * cannot be read (a folder now, no permission) stays, and opening it says why.
     */
    public boolean openRecent(Path path) {
        if (!Files.exists(path)) {
            recent.remove(path);
            dialogs.showError(Messages.get("files.recent.missing", path.toString()));
            return false;
        }
        return open(path);
    }

    public boolean openExample(String id) {
        Session s;
        try {
            s = ExampleSessions.load(id);
        } catch (InputFormatException e) {
            dialogs.showError(openError(ExampleSessions.fileName(id), e));
            return false;
        }
        if (!confirmDiscard()) {
            return false;
        }
        apply(s, null, ExampleSessions.fileName(id), false);
        return true;
    }

    /**
     * "Cannot open NAME: " what sort of problem it is, in the window's language, then the
     * reader's own words (English, naming the field) as details, which wrap only at their
     * spaces, never inside {@code input.gamma} or {@code x[2][1]}.
     */
    static String openError(String name, InputFormatException e) {
        String kind = e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return Messages.get("files.error.open", name, Messages.get("files.error.kind." + kind),
                NumberText.unbrokenWords(withoutSource(e.getMessage(), name)));
    }

    /** The reader's message starts with the file name, which the dialog's sentence already says. */
    static String withoutSource(String message, String source) {
        String m = message.startsWith(source + ": ") ? message.substring(source.length() + 2) : message;
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    private void apply(Session s, Path path, String shownName, boolean unsaved) {
        loading = true;
        try {
            window.startDocument(); // first: the file's selection is set after the Predict round's question
            // a window that follows the steps frames the opened step itself, not the file's zoom
            SessionCodec.restore(s, model, window.followStepProperty().get() ? null : window.graphView());
        } finally {
            loading = false;
        }
        file.set(path);
        name.set(shownName);
        saved = unsaved ? null : content();
        dirty.set(unsaved);
        changed(false);
    }

    /** Saves to the file, or asks for one; false if cancelled or the write failed. */
    public boolean save() {
        return file.get() == null ? saveAs() : write(file.get());
    }

    public boolean saveAs() {
        String suggested = baseName() + SessionFile.SUFFIX;
        Optional<Path> p = dialogs.chooseSave(FileDialogs.Kind.SESSION, folder(), suggested);
        return p.isPresent() && write(p.get());
    }

    private boolean write(Path path) {
        try {
            SessionFile.write(SessionCodec.capture(model, window.graphView()), path);
        } catch (IOException | RuntimeException e) {
            dialogs.showError(Messages.get("files.error.save", path.toString(),
                    WriteFailure.reason(e, path.toAbsolutePath().getParent())));
            return false;
        }
        file.set(path);
        name.set(path.getFileName().toString());
        saved = content();
        dirty.set(false);
        recent.add(path);
        rememberFolder(path);
        return true;
    }

    /**
     * True if there is no unsaved work, or the user saved or discarded it. A number still being
     * typed counts: Ctrl+Q in a cell quit at once and lost it.
     */
    public boolean confirmDiscard() {
        window.commitTyping();
        if (!dirty.get()) {
            return true;
        }
        return switch (dialogs.askSaveChanges(documentName())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /** Before the window closes: asks about unsaved work; on yes, ends the autosave cleanly. */
    public boolean close() {
        if (!confirmDiscard()) {
            return false;
        }
        autosaveDelay.stop();
        if (autosave != null) {
            autosave.cleanExit();
        }
        return true;
    }

    /**
     * After the first frame: offers a crash copy, then opens the session file the app was
     * started with ({@code normgraph lesson.normgraph.json}), if any, as File ▸ Open would:
     * restored work is asked about first, and a file that cannot be read is said so.
     */
    public void start(Path startedWith) {
        offerRestore();
        if (startedWith != null) {
            open(startedWith);
        }
    }

    /**
     * When an autosave was written, in the language's own date and time, broken across lines
     * only at its spaces: the Japanese dialog split 12:49:32 after "12:". English's bundle
     * locale is the root one, whose dates read "2026 Dec 7 23:12:39": English's are used.
     */
    static String savedAtText(ZonedDateTime when, Locale locale) {
        Locale dates = locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
        return NumberText.unbrokenWords(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(dates).format(when));
    }

    /**
     * At start: if the last run ended without closing and left a readable autosave, offers
     * to restore it (then it is unsaved work, under the name of the file it was a copy of);
     * either way, starts autosaving.
     */
    public void offerRestore() {
        if (autosave == null) {
            return;
        }
        Optional<Autosave.Leftover> left = autosave.leftover(problem ->
                dialogs.showError(Messages.get("files.restore.broken", problem)));
        boolean restored = false;
        if (left.isPresent()) {
            Path of = left.get().copyOf(); // named in the question: another file may be opened next
            restored = dialogs.askRestore(savedAtText(left.get().savedAt().toInstant().atZone(ZoneId.systemDefault()),
                    Messages.language().locale()), of == null ? null : of.getFileName().toString());
            if (restored) { // under its file's name, if it was a copy of one: Save writes there
                apply(left.get().session(), of, of == null ? null : of.getFileName().toString(), true);
            } else {
                autosave.discard(); // not offered again after the next crash
            }
        }
        autosave.start();
        if (autosave.isSharedWithOtherWindow()) {
            dialogs.showInfo(Messages.get("files.autosave.other")); // its work is not protected: say so
        }
        if (restored) {
            autosaveNow(); // the crash copy now holds what the window shows
        }
    }
}
