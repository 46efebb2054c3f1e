package org.normgraph.io;

import java.util.Map;
import java.util.TreeMap;
import org.normgraph.core.BatchNormInput;
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
 */
public record Session(BatchNormInput input, String mode, int position, SelectionData selection,
                      View view, Map<Integer, String> notes, NormSpec norm) {

    public static final String FORMAT = "normgraph-session";
    public static final int VERSION = 1;
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

    /** A selected node, and an element of it or -1, -1. */
    public record SelectionData(String node, int row, int col) {
    }

    /** Zoom factor and pan offset of the graph view. */
    public record View(double zoom, double panX, double panY) {
        public static final View DEFAULT = new View(1.0, 0, 0);
    }
}
