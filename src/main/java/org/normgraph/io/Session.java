package org.normgraph.io;

import java.util.Map;
import java.util.TreeMap;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.normgraph.core.family.NormSpec;

/**
 * What a saved session holds: plain data, no class names or references.
 *
 * @param input     x, gamma, beta, dout and eps
 * @param mode      {@code explore}, {@code predict} or {@code present}
 * @param position  timeline position (0 = start … 19 = backward 0)
 * @param selection selected node and element, or {@code null}
 * @param view      zoom and pan of the graph
 * @param notes     speaker notes by timeline position
 * @param norm      the kind of normalization the graph shows (batch norm when the file has none)
 * @param images    x as N×C×H×W images, or {@code null} for N×D features. The input then holds x
 *                  and dout as N rows of C·H·W values (channel-major) and gamma, beta with each
 *                  channel's value repeated over its H·W columns, as the app keeps them
 * @param inference the running statistics of inference mode (batch norm of N×D features), or
 *                  {@code null} in training
 */
public record Session(BatchNormInput input, String mode, int position, SelectionData selection,
                      View view, Map<Integer, String> notes, NormSpec norm, Images images, Inference inference) {

    public static final String FORMAT = "normgraph-session";
    /**
     * 2: x may be N×C×H×W (nested four deep, gamma and beta per channel); 3: inference mode's
     * running statistics. A file is written with the lowest version that holds it; older ones still open.
     */
    public static final int VERSION = 3;
    /** The last timeline position: start, 9 forward and 10 backward steps. */
    public static final int LAST_POSITION = 19;
    public static final java.util.List<String> MODES = java.util.List.of("explore", "predict", "present");
    /** The largest inputs the app shows well (its N and D spinners' limits); larger files are refused. */
    public static final int MAX_N = 32;
    public static final int MAX_D = 16;

    public Session {
        if (input == null) {
            throw new IllegalArgumentException("input is missing");
        }
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("mode must be one of " + MODES + ", got " + mode);
        }
        view = view == null ? View.DEFAULT : view;
        notes = java.util.Collections.unmodifiableMap(new TreeMap<>(notes == null ? Map.of() : notes));
        norm = norm == null ? NormSpec.batch() : norm;
        if (images != null && (images.columns() != input.d() || !images.isPerChannel(input.gamma())
                || !images.isPerChannel(input.beta()))) {
            throw new IllegalArgumentException("input " + input.x().shape() + " is not " + images
                    + " images with gamma and beta per channel");
        }
        int perFeature = images == null ? input.d() : images.channels();
        if (inference != null && (!norm.equals(NormSpec.batch()) || inference.mean().cols() != perFeature)) {
            throw new IllegalArgumentException("inference is batch norm with one running mean and variance per "
                    + (images == null ? "feature" : "channel") + " (" + perFeature + ")");
        }
    }

    /** A session in training mode. */
    public Session(BatchNormInput input, String mode, int position, SelectionData selection,
                   View view, Map<Integer, String> notes, NormSpec norm, Images images) {
        this(input, mode, position, selection, view, notes, norm, images, null);
    }

    /** A session of N×D features. */
    public Session(BatchNormInput input, String mode, int position, SelectionData selection,
                   View view, Map<Integer, String> notes, NormSpec norm) {
        this(input, mode, position, selection, view, notes, norm, null);
    }

    /** A batch-norm session. */
    public Session(BatchNormInput input, String mode, int position, SelectionData selection,
                   View view, Map<Integer, String> notes) {
        this(input, mode, position, selection, view, notes, NormSpec.batch());
    }

    /** A new session on these inputs at the start of the timeline. */
    public static Session of(BatchNormInput input) {
        return new Session(input, "explore", 0, null, View.DEFAULT, Map.of());
    }

    /** The version a file of this session is written as: the lowest that holds it. */
    public int version() {
        return inference != null ? 3 : 2;
    }

    /** The running mean and variance inference mode uses as constants, 1×D each (1×C for images). */
    public record Inference(Matrix mean, Matrix var) {

        public Inference {
            if (mean == null || var == null || mean.rows() != 1 || var.rows() != 1 || mean.cols() != var.cols()) {
                throw new IllegalArgumentException("inference needs a 1×D running mean and variance");
            }
        }
    }

    /** The C, H and W of N×C×H×W x. */
    public record Images(int channels, int height, int width) {

        public Images {
            if (channels < 1 || height < 1 || width < 1) {
                throw new IllegalArgumentException("C, H, W must be ≥ 1, got " + channels + "×" + height + "×" + width);
            }
        }

        public int columns() {
            return channels * height * width;
        }

        /** 1×C: a per-column row's value of each channel. */
        public Matrix perChannel(Matrix perColumn) {
            return perColumn.firstOfBlocks(height * width);
        }

        /** 1×(C·H·W): each channel's value repeated over its H·W columns. */
        public Matrix perColumn(Matrix perChannel) {
            return perChannel.broadcastBlocks(1, height * width);
        }

        boolean isPerChannel(Matrix perColumn) {
            return perColumn.cols() == columns() && perColumn(perChannel(perColumn)).equals(perColumn);
        }

        @Override
        public String toString() {
            return channels + "×" + height + "×" + width;
        }
    }

    /** A selected node, and an element of it or -1, -1. */
    public record SelectionData(String node, int row, int col) {
    }

    /** Zoom factor and pan offset of the graph view. */
    public record View(double zoom, double panX, double panY) {
        public static final View DEFAULT = new View(1.0, 0, 0);
    }
}
