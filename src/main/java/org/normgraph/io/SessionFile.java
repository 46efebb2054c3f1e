package org.normgraph.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Graph;
import org.normgraph.core.InferenceGraph;
import org.normgraph.core.Matrix;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.InvalidInputException;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;
import org.normgraph.io.InputFormatException.Kind;

/**
 * Reads and writes {@code .normgraph.json} session files.
 *
 * <pre>
 * {"format": "normgraph-session", "version": 2,
 *  "input": {"x": [[…]], "gamma": […], "beta": […], "dout": [[…]], "eps": 1e-5},
 *  "mode": "explore", "position": 12, "selection": {"node": "xhat", "row": 2, "col": 1},
 *  "view": {"zoom": 1.0, "panX": 0, "panY": 0}, "norm": {"kind": "group", "groups": 2}, "notes": {"10": "…"}}
 * </pre>
 *
 * Since version 2, x and dout may be N×C×H×W images, nested four deep ({@code [N][C][H][W]}, as
 * the command line reads them) with gamma and beta one number per channel. Version 1 files (N×D
 * only) still open.
 *
 * Reading is strict: a broken, truncated, foreign or newer file is refused with one message
 * naming what is wrong, and nothing of it is used. Writing goes to a temporary file in the
 * same folder that is then renamed over the target, so a crash mid-save leaves the old file.
 */
public final class SessionFile {

    public static final String SUFFIX = ".normgraph.json";
    private static final int MAX_NOTE_CHARS = 10_000;
    /**
     * Larger files are refused before they are read: the largest session (32×16 inputs, a
     * full note at every position) stays near 1 MiB.
     */
    public static final int MAX_BYTES = 4 << 20;
    /** The largest inputs the app can show well (its N and D spinners go this far). */
    public static final int MAX_ROWS = Session.MAX_N;
    public static final int MAX_COLS = Session.MAX_D;

    private SessionFile() {
    }

    public static Session read(Path path) throws InputFormatException {
        return read(path, path.getFileName().toString());
    }

    /** The session in the file at {@code path}; {@code source} names it in messages (the command line gives the path as typed). */
    public static Session read(Path path, String source) throws InputFormatException {
        return named(Json.readObject(path, source, MAX_BYTES), source);
    }

    public static Session read(InputStream in, String source) throws InputFormatException {
        return named(Json.readObject(in, source, MAX_BYTES), source);
    }

    /** The session in {@code root}; a refusal names {@code source} first, as the reader's own do. */
    private static Session named(JsonNode root, String source) throws InputFormatException {
        try {
            return fromJson(root);
        } catch (InputFormatException e) {
            throw new InputFormatException(source + ": " + e.getMessage(), e);
        }
    }

    static Session fromJson(JsonNode root) throws InputFormatException {
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !format.asText().equals(Session.FORMAT)) {
            throw new InputFormatException(Kind.FOREIGN, "not a normgraph session (\"format\" must be \"" + Session.FORMAT + "\")");
        }
        JsonNode versionNode = Json.required(root, "version");
        if (!versionNode.isIntegralNumber()) {
            throw new InputFormatException("version: expected a whole number, got " + Json.describe(versionNode));
        }
        // compared whole: 999999999999 is a newer version, not a bad value, though it is no int
        java.math.BigInteger asked = versionNode.bigIntegerValue();
        if (asked.compareTo(java.math.BigInteger.valueOf(Session.VERSION)) > 0) {
            throw new InputFormatException(Kind.NEWER_VERSION, "written by a newer normgraph (file version " + asked
                    + ", this version reads up to " + Session.VERSION + ")");
        }
        if (asked.signum() < 1) {
            throw new InputFormatException("version: " + asked + " is not a valid version");
        }
        int version = asked.intValue();
        Json.requireKnownFields(root, "", new LinkedHashSet<>(List.of("format", "version", "input",
                "mode", "position", "selection", "view", "notes", "norm", "inference")));
        JsonNode inputNode = Json.required(root, "input");
        if (!inputNode.isObject()) {
            throw new InputFormatException("input: expected an object, got " + Json.describe(inputNode));
        }
        BatchNormInput input;
        Session.Images images = null;
        try {
            if (CaseFile.isMatrixCase(inputNode)) {
                input = CaseFile.fromJson(inputNode);
            } else if (version < 2) {
                throw new InputFormatException("x: a version " + version + " file holds N×D x only, got x nested "
                        + Json.depth(inputNode.get("x")) + " deep");
            } else {
                NormInput in4 = CaseFile.normFromJson(inputNode);
                if (in4.x().rank() != 4) {
                    throw new InputFormatException("x: expected N×D rows or N×C×H×W nested four deep, got "
                            + in4.x().shapeText());
                }
                images = new Session.Images(in4.x().dim(1), in4.x().dim(2), in4.x().dim(3));
                int n = in4.x().dim(0);
                input = new BatchNormInput(Matrix.of(n, images.columns(), in4.x().toArray()),
                        images.perColumn(Matrix.rowVector(in4.gamma().toArray())),
                        images.perColumn(Matrix.rowVector(in4.beta().toArray())),
                        Matrix.of(n, images.columns(), in4.dout().toArray()), in4.eps());
            }
        } catch (InputFormatException e) {
            throw new InputFormatException("input." + e.getMessage(), e);
        }
        if (input.n() > Session.MAX_N || input.d() > Session.MAX_D) {
            throw new InputFormatException(Kind.TOO_LARGE, "input.x: " + input.n() + "×" + input.d() + " is larger than the app can show"
                    + " (N ≤ " + Session.MAX_N + ", D ≤ " + Session.MAX_D + "); 'normgraph trace' takes larger cases as a case file");
        }
        String mode = root.has("mode") ? text(root.get("mode"), "mode") : "explore";
        if (!Session.MODES.contains(mode)) {
            throw new InputFormatException("mode: expected one of " + Session.MODES + ", got \"" + Json.shown(mode) + "\"");
        }
        int position = root.has("position") ? wholeNumber(root.get("position"), "position", 0, Session.LAST_POSITION) : 0;
        Session.SelectionData selection = selection(root.get("selection"), input);
        Session.View view = view(root.get("view"));
        Map<Integer, String> notes = notes(root.get("notes"));
        NormSpec norm = norm(root.get("norm"), input, images);
        return new Session(input, mode, position, selection, view, notes, norm, images,
                inference(root.get("inference"), input, norm, images));
    }

    private static Session.SelectionData selection(JsonNode s, BatchNormInput input) throws InputFormatException {
        if (s == null || s.isNull()) {
            return null;
        }
        if (!s.isObject()) {
            throw new InputFormatException("selection: expected an object or null, got " + Json.describe(s));
        }
        Json.requireKnownFields(s, "selection.", new LinkedHashSet<>(List.of("node", "row", "col")));
        String node = text(Json.required(s, "node"), "selection.node");
        if (!org.normgraph.core.BatchNormGraph.build(input).contains(node)) {
            throw new InputFormatException("selection.node: no node named \"" + Json.shown(node) + "\"");
        }
        int row = s.has("row") ? wholeNumber(s.get("row"), "selection.row", -1, input.n() - 1) : -1;
        int col = s.has("col") ? wholeNumber(s.get("col"), "selection.col", -1, input.d() - 1) : -1;
        return new Session.SelectionData(node, row, col);
    }

    private static Session.View view(JsonNode v) throws InputFormatException {
        if (v == null || v.isNull()) {
            return Session.View.DEFAULT;
        }
        if (!v.isObject()) {
            throw new InputFormatException("view: expected an object, got " + Json.describe(v));
        }
        Json.requireKnownFields(v, "view.", new LinkedHashSet<>(List.of("zoom", "panX", "panY")));
        double zoom = v.has("zoom") ? Json.number(v.get("zoom"), "view.zoom") : 1.0;
        if (!(zoom >= 0.05 && zoom <= 20)) {
            throw new InputFormatException("view.zoom: must be between 0.05 and 20, got " + zoom);
        }
        double x = v.has("panX") ? Json.number(v.get("panX"), "view.panX") : 0;
        double y = v.has("panY") ? Json.number(v.get("panY"), "view.panY") : 0;
        return new Session.View(zoom, x, y);
    }

    /**
     * {@code {"mean": […], "var": […]}}, one number per feature (per channel for images); absent
     * or null = training. The numbers must be ones the core's inference takes (finite, var ≥ 0),
     * for batch norm.
     */
    private static Session.Inference inference(JsonNode n, BatchNormInput input, NormSpec norm, Session.Images images)
            throws InputFormatException {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw new InputFormatException("inference: expected an object, got " + Json.describe(n));
        }
        Json.requireKnownFields(n, "inference.", new LinkedHashSet<>(List.of("mean", "var")));
        if (!norm.equals(NormSpec.batch())) {
            throw new InputFormatException("inference: running statistics are batch norm's, got norm " + norm);
        }
        Matrix mean = Json.vector(Json.required(n, "mean"), "inference.mean");
        Matrix var = Json.vector(Json.required(n, "var"), "inference.var");
        int count = images == null ? input.d() : images.channels();
        String per = images == null ? ", one per feature" : ", one per channel (C)";
        for (Matrix m : List.of(mean, var)) {
            if (m.cols() != count) {
                throw new InputFormatException("inference." + (m == mean ? "mean" : "var") + ": expected 1×" + count
                        + per + ", got 1×" + m.cols());
            }
        }
        try { // the core says what it refuses
            Graph graph = InferenceGraph.build(NormLayout.of(NormSpec.batch(), xShape(input, images)), input.eps());
            InferenceGraph.run(graph, input.x(), images == null ? input.gamma() : images.perChannel(input.gamma()),
                    images == null ? input.beta() : images.perChannel(input.beta()), input.dout(), mean, var);
        } catch (IllegalArgumentException e) {
            // the core calls the running mean mu, the file mean
            throw new InputFormatException("inference." + e.getMessage().replaceFirst("^mu:", "mean:"));
        }
        return new Session.Inference(mean, var);
    }

    /** {@code {"kind": "group", "groups": 2}}; absent = batch norm. The kind must fit x (G divides D or C, instance norm of images). */
    private static NormSpec norm(JsonNode n, BatchNormInput input, Session.Images images) throws InputFormatException {
        if (n == null || n.isNull()) {
            return NormSpec.batch();
        }
        if (!n.isObject()) {
            throw new InputFormatException("norm: expected an object, got " + Json.describe(n));
        }
        Json.requireKnownFields(n, "norm.", new LinkedHashSet<>(List.of("kind", "groups")));
        if (!n.has("kind")) {
            throw new InputFormatException("norm.kind: missing");
        }
        String kind = text(n.get("kind"), "norm.kind");
        int groups = n.has("groups") ? wholeNumber(n.get("groups"), "norm.groups", 0, Session.MAX_D) : 0;
        try {
            NormSpec spec = NormSpec.of(NormKind.parse(kind), groups);
            NormLayout.of(spec, xShape(input, images));
            return spec;
        } catch (InvalidInputException e) {
            // the core names its field: "groups: G = 3 does not divide D = 2 …", "norm: unknown kind …"
            String field = e.field().equals("norm") ? "norm" : "norm." + e.field();
            throw new InputFormatException(field + e.getMessage().substring(e.field().length()), e);
        }
    }

    /** x's shape as the core reads it: N×D, or N×C×H×W for images. */
    private static int[] xShape(BatchNormInput input, Session.Images images) {
        return images == null ? new int[] {input.n(), input.d()}
                : new int[] {input.n(), images.channels(), images.height(), images.width()};
    }

    private static Map<Integer, String> notes(JsonNode n) throws InputFormatException {
        Map<Integer, String> notes = new TreeMap<>();
        if (n == null || n.isNull()) {
            return notes;
        }
        if (!n.isObject()) {
            throw new InputFormatException("notes: expected an object of position → text, got " + Json.describe(n));
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            int position;
            try {
                position = Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                throw new InputFormatException("notes: key \"" + Json.shown(e.getKey()) + "\" is not a timeline position");
            }
            if (position < 0 || position > Session.LAST_POSITION) {
                throw new InputFormatException("notes: position " + position + " is outside 0…" + Session.LAST_POSITION);
            }
            String text = text(e.getValue(), "notes." + position);
            if (text.length() > MAX_NOTE_CHARS) {
                throw new InputFormatException("notes." + position + ": longer than " + MAX_NOTE_CHARS + " characters");
            }
            notes.put(position, text);
        }
        return notes;
    }

    private static String text(JsonNode v, String field) throws InputFormatException {
        if (!v.isTextual()) {
            throw new InputFormatException(field + ": expected a string, got " + Json.describe(v));
        }
        return v.asText();
    }

    private static int wholeNumber(JsonNode v, String field, int min, int max) throws InputFormatException {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new InputFormatException(field + ": expected a whole number, got " + Json.describe(v));
        }
        int i = v.asInt();
        if (i < min || i > max) {
            throw new InputFormatException(field + ": " + i + " is outside " + min + "…" + max);
        }
        return i;
    }

    /** One save at a time in this JVM, so that a save never takes another's temporary file for junk. */
    private static final Object SAVING = new Object();

    /**
     * Writes atomically: a temporary file next to {@code path}, then a rename over it. A process
     * killed mid-save leaves the old file whole and at most its temporary file, which the next
     * save of the same file deletes.
     */
    public static void write(Session session, Path path) throws IOException {
        synchronized (SAVING) {
            writeAtomically(session, path);
        }
    }

    private static void writeAtomically(Session session, Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String tmpPrefix = "." + path.getFileName();
        Path tmp = Files.createTempFile(dir, tmpPrefix, ".tmp");
        java.nio.file.attribute.FileTime started = Files.getLastModifiedTime(tmp);
        try {
            FilePermissions.keep(path, tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(session, out);
                out.flush();
            }
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true); // on disk before the rename makes it the file
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        deleteLeftovers(dir, tmpPrefix, started);
    }

    /** Temporary files of earlier saves of the same file that never got renamed (a killed process). */
    private static void deleteLeftovers(Path dir, String tmpPrefix, java.nio.file.attribute.FileTime before) {
        java.util.regex.Pattern ours = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(tmpPrefix) + "\\d+\\.tmp");
        try (var files = Files.newDirectoryStream(dir, f -> ours.matcher(f.getFileName().toString()).matches())) {
            for (Path leftover : files) {
                try {
                    if (Files.getLastModifiedTime(leftover).compareTo(before) <= 0) {
                        Files.deleteIfExists(leftover);
                    }
                } catch (IOException e) {
                    // gone already, or not ours to delete: the save itself succeeded
                }
            }
        } catch (IOException e) {
            // the folder cannot be listed: the save itself succeeded, the junk waits for the next one
        }
    }

    public static void write(Session session, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", Session.FORMAT);
            g.writeNumberField("version", session.version());
            g.writeObjectFieldStart("input");
            BatchNormInput in = session.input();
            Session.Images im = session.images();
            if (im == null) {
                g.writeFieldName("x");
                TraceJson.write(g, in.x(), false);
                g.writeFieldName("gamma");
                TraceJson.write(g, in.gamma(), true);
                g.writeFieldName("beta");
                TraceJson.write(g, in.beta(), true);
                g.writeFieldName("dout");
                TraceJson.write(g, in.dout(), false);
            } else {
                int[] shape = {in.n(), im.channels(), im.height(), im.width()};
                g.writeFieldName("x");
                NormTraceJson.write(g, in.x(), shape);
                g.writeFieldName("gamma");
                TraceJson.write(g, im.perChannel(in.gamma()), true);
                g.writeFieldName("beta");
                TraceJson.write(g, im.perChannel(in.beta()), true);
                g.writeFieldName("dout");
                NormTraceJson.write(g, in.dout(), shape);
            }
            g.writeNumberField("eps", in.eps());
            g.writeEndObject();
            g.writeStringField("mode", session.mode());
            g.writeNumberField("position", session.position());
            if (session.selection() == null) {
                g.writeNullField("selection");
            } else {
                g.writeObjectFieldStart("selection");
                g.writeStringField("node", session.selection().node());
                g.writeNumberField("row", session.selection().row());
                g.writeNumberField("col", session.selection().col());
                g.writeEndObject();
            }
            g.writeObjectFieldStart("view");
            g.writeNumberField("zoom", session.view().zoom());
            g.writeNumberField("panX", session.view().panX());
            g.writeNumberField("panY", session.view().panY());
            g.writeEndObject();
            g.writeObjectFieldStart("norm");
            g.writeStringField("kind", session.norm().kind().id());
            if (session.norm().groups() > 0) {
                g.writeNumberField("groups", session.norm().groups());
            }
            g.writeEndObject();
            if (session.inference() != null) {
                g.writeObjectFieldStart("inference");
                g.writeFieldName("mean");
                TraceJson.write(g, session.inference().mean(), true);
                g.writeFieldName("var");
                TraceJson.write(g, session.inference().var(), true);
                g.writeEndObject();
            }
            g.writeObjectFieldStart("notes");
            for (Map.Entry<Integer, String> e : session.notes().entrySet()) {
                g.writeStringField(Integer.toString(e.getKey()), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }
}
