package org.normgraph.app.files;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.normgraph.app.CjkWrap;
import org.normgraph.app.MainWindow;
import org.normgraph.app.Messages;
import org.normgraph.app.NoBreakRuns;
import org.normgraph.app.explain.StepExplanations;
import org.normgraph.app.family.FamilyStatus;
import org.normgraph.app.graph.GraphView;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.present.PresentationMode;
import org.normgraph.app.present.StepFramer;
import org.normgraph.app.theme.ScriptFont;
import org.normgraph.app.timeline.TimelineBar;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Graph;
import org.normgraph.core.InferenceGraph;
import org.normgraph.io.FilePermissions;
import org.normgraph.timeline.Phase;
import org.normgraph.timeline.Step;

/**
 * Slides of the walk: one PNG per step (the start, forward 1…9, backward 9…0), each the step's
 * line of the status bar and its explanation above the graph, zoomed to the step's nodes as
 * presentation mode frames them (the whole graph left the numbers 10 px tall on a projector),
 * drawn by the app's own {@link GraphView} in an off-screen scene of {@value #WIDTH}×{@value #HEIGHT}
 * pixels. Used by File ▸ Export and by the headless CLI {@code export}. Must run on the FX thread.
 */
public final class StepSlides {

    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;
    /** Beside the slides when the session has speaker notes: each note under its slide's file name. */
    public static final String NOTES_FILE = "speaker-notes.txt";

    /**
     * What {@link #write} wrote.
     *
     * @param slides the PNGs, in step order
     * @param notes  the speaker notes file, or null: the session has no notes
     */
    public record Written(List<Path> slides, Path notes) {
    }

    private StepSlides() {
    }

    /**
     * {@code 01-forward-1-mu.png}, {@code 10-backward-9-dbeta-dgammax.png}, …
     * {@code 19-backward-0-dx.png}; {@code 00-start.png} for the start. Named by what the step
     * computes in {@code graph}: in the inference graph forward 3 computes no sq and backward 2
     * gives dx, not dx1; a step that computes nothing is named by its number alone
     * ({@code 13-backward-6.png}, and the inference graph's {@code 19-backward-0.png}, not a
     * second "dx").
     */
    public static String fileName(Step step, Graph graph) {
        if (step.phase() == Phase.START) {
            return String.format(Locale.ROOT, "%02d-start.png", step.position());
        }
        String what;
        if (step.phase() == Phase.FORWARD) {
            String node = BatchNormGraph.FORWARD.get(step.number() - 1);
            what = graph.contains(node) && !graph.node(node).isInput() ? node : "";
        } else if (step.number() == 0 && InferenceGraph.isInference(graph)) {
            what = ""; // dx has one branch there, given at backward 2: nothing is added, as the slide says
        } else if (!step.names().isEmpty()) {
            what = step.names().stream().map(n -> InferenceGraph.name(graph, BatchNormGraph.gradient(n)))
                    .collect(java.util.stream.Collectors.joining("-"));
        } else {
            what = String.join("-", step.gradients());
        }
        return String.format(Locale.ROOT, "%02d-%s-%d%s.png", step.position(),
                step.phase().name().toLowerCase(Locale.ROOT), step.number(), what.isEmpty() ? "" : "-" + what);
    }

    /**
     * Draws every step of {@code model}'s walk into {@code dir} (created if needed), the start
     * first (the whole graph, with the inputs given: a lecture opens on it), and its speaker
     * notes into {@value #NOTES_FILE} if it has any: a slide program keeps the notes apart
     * from the images. The model's position is moved; callers pass a copy
     * they own.
     */
    public static Written write(SessionModel model, Path dir) throws IOException {
        Files.createDirectories(dir);
        Slide slide = new Slide(model);
        List<Path> files = new ArrayList<>();
        try {
            for (Step step : model.steps()) {
                slide.show(step);
                Path file = dir.resolve(fileName(step, model.getGraph()));
                writePng(snapshot(slide.root(), 1), file);
                files.add(file);
            }
        } finally {
            slide.dispose();
        }
        String notes = notesText(model);
        Path notesFile = null;
        if (!notes.isEmpty()) {
            notesFile = dir.resolve(NOTES_FILE);
            writeVia(notesFile, tmp -> Files.writeString(tmp, notes, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new Written(files, notesFile);
    }

    /**
     * The session's speaker notes in step order, each under the name of its slide and step
     * ({@code 12-backward-7-divar-dxmu1.png · Backward 7}); empty if
     * there are none.
     */
    static String notesText(SessionModel model) {
        StringBuilder sb = new StringBuilder();
        for (Step step : model.steps()) {
            String note = model.getSpeakerNotes().get(step.position());
            if (note == null || note.isBlank()) {
                continue;
            }
            String name = TimelineBar.stepName(step);
            sb.append(sb.isEmpty() ? "" : "\n")
                    .append(fileName(step, model.getGraph())).append(" \u00b7 ").append(name)
                    .append('\n').append(note.strip()).append('\n');
        }
        return sb.toString();
    }


    /**
     * One slide's off-screen scene: the step's title and explanation in a column beside the
     * framed graph, as presentation mode shows them on a wide screen (above it, steps that reach
     * across the graph's three lanes drew their numbers about 10 px tall).
     */
    static final class Slide {

        private final SessionModel model;
        private final GraphView graph;
        private final Label title = new Label();
        private final Label explanation = new Label();
        private final BorderPane root;

        Slide(SessionModel model) {
            this.model = model;
            graph = new GraphView(model);
            graph.animationSpeedProperty().set(1);
            title.getStyleClass().addAll("status-line", "slide-title");
            title.setStyle("-fx-font-size: 36px; -fx-font-weight: bold; -fx-padding: 0;"); // in line with the explanation
            title.setWrapText(true);
            CjkWrap.keepEndOf(title);
            NoBreakRuns.relaxIn(title); // "dsqrtvar = −divar / sqrtvar²" breaks at a space, not in "sqrtvar"
            explanation.getStyleClass().add("slide-explanation");
            explanation.setStyle("-fx-font-size: 28px;");
            explanation.setWrapText(true);
            CjkWrap.keepEndOf(explanation);
            NoBreakRuns.relaxIn(explanation);
            VBox column = new VBox(18, title, explanation);
            column.setPadding(new Insets(32, 28, 16, 32));
            double width = Math.round(PresentationMode.SIDE_CAPTION_SHARE * WIDTH);
            column.setMinWidth(width);
            column.setPrefWidth(width);
            column.setMaxWidth(width);
            column.setStyle("-fx-border-color: transparent #c8c8c8 transparent transparent; -fx-border-width: 0 2 0 0;");
            root = new BorderPane(graph);
            root.setLeft(column);
            root.setStyle("-fx-background-color: white;");
            Scene scene = new Scene(root, WIDTH, HEIGHT, Color.WHITE);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            ScriptFont.stylesheet(Messages.language()).ifPresent(scene.getStylesheets()::add); // bold CJK titles
        }

        /** Moves the session to {@code step} and frames its nodes, as presentation mode does. */
        void show(Step step) {
            model.setSelection(null); // the user's pointer at one node is no part of a slide: it was drawn on all 19
            model.seek(step.position());
            graph.finishAnimation();
            title.setText(FamilyStatus.text(model, step)); // the status line's words, for the kind drawn
            explanation.setText(StepExplanations.text(model, step));
            settle(root);
            if (!StepFramer.frame(graph, model.steps(), step.position())) {
                graph.fit();
            }
            settle(root);
        }

        Parent root() {
            return root;
        }

        GraphView graph() {
            return graph;
        }

        void dispose() {
            graph.dispose();
        }
    }

    /** CSS and layout twice: the graph lays out its nodes, then fits them. */
    static void settle(Parent root) {
        for (int i = 0; i < 2; i++) {
            root.applyCss();
            root.layout();
        }
    }

    /** The node as an image, {@code scale} device pixels per pixel. */
    public static BufferedImage snapshot(Node node, double scale) {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        p.setTransform(Transform.scale(scale, scale));
        WritableImage img = node.snapshot(p, null);
        return SwingFXUtils.fromFXImage(img, null);
    }

    /** Writes a PNG via a temporary file, so a failed write leaves no half image under the name. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        // TYPE_INT_ARGB from SwingFXUtils; drop alpha: slides are opaque
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        g.dispose();
        writeVia(file, tmp -> {
            if (!ImageIO.write(rgb, "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
        });
    }

    private interface FileWriting {
        void writeTo(Path tmp) throws IOException;
    }

    /** Writes through a temporary file beside {@code file}, moved over it once complete. */
    private static void writeVia(Path file, FileWriting writing) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            FilePermissions.keep(file, tmp); // speaker-notes.txt was rw------- beside rw-r--r-- slides
            writing.writeTo(tmp);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
