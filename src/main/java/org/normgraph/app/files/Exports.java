package org.normgraph.app.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.normgraph.app.MainWindow;
import org.normgraph.app.Messages;
import org.normgraph.app.family.FamilyStatus;
import org.normgraph.app.graph.GraphView;
import org.normgraph.app.inspector.ChainRuleExplainer;
import org.normgraph.app.model.Selection;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.family.NormLayout;
import org.normgraph.io.NormTraceJson;
import org.normgraph.io.TraceCsv;
import org.normgraph.io.TraceJson;

/**
 * File ▸ Export: the graph as shown (PNG, twice the screen resolution for slides), every
 * step as numbered PNG slides ({@link StepSlides}), the trace as JSON (DESIGN.md section 3,
 * {@link TraceJson}) and CSV ({@link TraceCsv}), and the current step's formulas with
 * numbers as LaTeX ({@link StepLatex}). Each asks for a file or folder first and says where it
 * wrote; a failure is shown as one message and leaves the session as it was.
 */
public final class Exports {

    /** Device pixels per screen pixel of the view snapshot. */
    public static final double VIEW_SCALE = 2;

    private final MainWindow window;
    private final FileDialogs dialogs;
    private final FileSession files;

    Exports(MainWindow window, FileDialogs dialogs, FileSession files) {
        this.window = window;
        this.dialogs = dialogs;
        this.files = files;
    }

    public boolean viewPng() {
        return toFile(FileDialogs.Kind.PNG, files.baseName() + ".png", this::writeViewPng);
    }

    public boolean stepsPng() {
        Optional<Path> dir = dialogs.chooseFolder(files.folder());
        if (dir.isEmpty()) {
            return false;
        }
        try {
            StepSlides.Written written = writeSteps(dir.get());
            files.rememberDir(dir.get());
            dialogs.showInfo(written.notes() == null
                    ? Messages.get("files.export.steps.done", written.slides().size(), dir.get().toString())
                    : Messages.get("files.export.steps.done.notes", written.slides().size(), dir.get().toString(),
                            StepSlides.NOTES_FILE));
            return true;
        } catch (IOException | RuntimeException e) {
            dialogs.showError(Messages.get("files.error.export", dir.get().toString(), WriteFailure.reason(e, dir.get())));
            return false;
        }
    }

    public boolean traceJson() {
        return toFile(FileDialogs.Kind.JSON, files.baseName() + "-trace.json", p -> {
            try (OutputStream out = Files.newOutputStream(p)) {
                NormLayout layout = model().getNormLayout();
                if (layout.batchOfFeatures()) {
                    TraceJson.write(model().getInput(), model().getTrace(), out, true);
                } else { // the other kinds and images as `trace --norm` writes them: kind, shape, reduced statistics
                    NormTraceJson.write(layout, model().getInput().eps(), model().getTrace(), out, true);
                }
            }
        });
    }

    public boolean traceCsv() {
        return toFile(FileDialogs.Kind.CSV, files.baseName() + "-trace.csv", p -> {
            try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
                TraceCsv.write(model().getInput(), model().getTrace(), w);
            }
        });
    }

    public boolean stepLatex() {
        // named as the slides are: 12-backward-7-divar-dxmu1, not a bare position
        String suggested = files.baseName() + "-" + StepSlides.fileName(model().getStep(), model().getGraph())
                .replace(".png", ".tex");
        return toFile(FileDialogs.Kind.TEX, suggested, p -> Files.writeString(p, latex(), StandardCharsets.UTF_8));
    }

    /** The LaTeX of the current step and selection. */
    public String latex() {
        return StepLatex.of(model().getStep(), model().getTrace(), selectedChain(),
                FamilyStatus.text(model())); // the status line, in the kind's own formulas
    }

    /**
     * The selected element's chain rule as far as the walk has computed it, as the inspector
     * shows it: at Backward 6 the file had dvar's line, which Backward 5 computes; at Backward
     * 7 an element of xmu had none, though its branch dxmu1 was on show.
     */
    private ChainRuleExplainer.ElementLines selectedChain() {
        Selection s = model().getSelection();
        if (s == null || !s.hasElement()) {
            return null;
        }
        ChainRuleExplainer explainer = new ChainRuleExplainer(model().getTrace(), model().getNormLayout());
        return explainer.hasElement(s.node(), s.row(), s.col()) ? explainer.shown(s.node(), s.row(), s.col(),
                model()::valueShown, model()::contributionShown, model()::gradientShown) : null;
    }

    /** The graph as it is shown now, at {@link #VIEW_SCALE}. */
    public void writeViewPng(Path file) throws IOException {
        GraphView graph = window.graphView();
        graph.finishAnimation();
        StepSlides.writePng(graph.renderedAt(VIEW_SCALE, () -> StepSlides.snapshot(graph, VIEW_SCALE)), file);
    }

    /**
     * All steps, drawn on a copy of the session (its kind, layout of x and inference
     * constants too) so that the window does not move.
     */
    public StepSlides.Written writeSteps(Path dir) throws IOException {
        return StepSlides.write(copyOfSession(), dir);
    }

    SessionModel copyOfSession() {
        SessionModel copy = new SessionModel(model().getInput());
        SessionCodec.restore(SessionCodec.capture(model(), null), copy, null);
        return copy;
    }

    private SessionModel model() {
        return window.model();
    }

    private interface Writing {
        void to(Path p) throws IOException;
    }

    private boolean toFile(FileDialogs.Kind kind, String suggested, Writing writing) {
        Optional<Path> p = dialogs.chooseSave(kind, files.folder(), suggested);
        if (p.isEmpty()) {
            return false;
        }
        try {
            writing.to(p.get());
            files.rememberFolder(p.get());
            dialogs.showInfo(Messages.get("files.export.done", p.get().toString()));
            return true;
        } catch (IOException | RuntimeException e) {
            dialogs.showError(Messages.get("files.error.export", p.get().toString(),
                    WriteFailure.reason(e, p.get().toAbsolutePath().getParent())));
            return false;
        }
    }
}
