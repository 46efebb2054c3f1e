package org.normgraph.app;

import java.util.List;

/**
 * The app's own command-line options (after {@code app}, a leading {@code --perf} or a
 * session file):
 * <ul>
 *   <li>{@code FILE}: a session file to open once the window is up, as File ▸ Open does;</li>
 *   <li>{@code --perf}: log timings to stderr (startup to first frame, edit latency,
 *       frame times during playback);</li>
 *   <li>{@code --perf-edits N}: with {@code --perf}, switch to a random input of
 *       {@code --perf-size} (default 32x16), make N random cell edits through
 *       {@code SessionModel.commit}, print their latency, play the walk once and print
 *       its frame times; the window stays open. {@code --perf-zoom Z} zooms the graph to
 *       Z (1 = 100 %) for the edits instead of fitting it to the window.
 *       {@code --perf-select NODE} or {@code NODE[r][c]} selects that node or element
 *       first, so the edits also update the inspector.</li>
 * </ul>
 * {@code -h} or {@code --help} prints {@link #usage()} instead of opening the app.
 *
 * @param perf      whether timings are logged
 * @param perfEdits number of automatic edits (0 = none)
 * @param perfRows  N of the edit benchmark
 * @param perfCols  D of the edit benchmark
 * @param perfZoom  zoom factor for the edit benchmark ({@code --perf-zoom 1} = 100 %),
 *                  0 = fit to the window
 * @param perfSelect what the edit benchmark selects first ({@code xhat} or {@code xhat[3][0]}),
 *                  or null for nothing
 * @param session   the session file to open, or null for the example
 */
public record AppOptions(boolean perf, int perfEdits, int perfRows, int perfCols, double perfZoom,
                         String perfSelect, String session) {

    public static final AppOptions DEFAULT = new AppOptions(false, 0, 32, 16, 0, null, null);

    /** What {@code app --help} prints: the options above, in the layout of the commands' help. */
    public static String usage() {
        return String.join(System.lineSeparator(),
                "Usage: normgraph [app] [FILE] [--perf] [--perf-edits N] [--perf-size NxD]",
                "                       [--perf-zoom Z] [--perf-select NODE]",
                "Open the app (it needs a display; the headless commands: normgraph --help).",
                "      FILE                 a session file (*.normgraph.json) to open instead of the",
                "                           example, as File > Open does",
                "      --perf               log timings to stderr: startup to first frame, edit",
                "                           latency, frame times during playback",
                "      --perf-edits N       switch to a random input of --perf-size, make N random",
                "                           cell edits, print their latency, play the walk once and",
                "                           print its frame times; the window stays open (implies",
                "                           --perf)",
                "      --perf-size NxD      size of that input (default: 32x16)",
                "      --perf-zoom Z        zoom the graph to Z (1 = 100 %) for the edits instead of",
                "                           fitting it to the window",
                "      --perf-select NODE   select a node (xhat) or one element (xhat[3][0]) first,",
                "                           so that every edit also updates the inspector",
                "  -h, --help               print this help and exit",
                "");
    }

    /** Whether the arguments ask for {@link #usage()} rather than the window. */
    public static boolean asksForHelp(List<String> args) {
        return args.contains("-h") || args.contains("--help");
    }

    /** Parses the options; unknown ones are reported on stderr and ignored. */
    public static AppOptions parse(List<String> args) {
        boolean perf = false;
        int edits = 0;
        int rows = 32;
        int cols = 16;
        double zoom = 0;
        String select = null;
        String session = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--perf" -> perf = true;
                case "--perf-edits" -> {
                    if (value == null && i + 1 < args.size()) {
                        value = args.get(++i);
                    }
                    edits = parseCount(a, value, 200);
                    perf = true;
                }
                case "--perf-size" -> {
                    if (value == null && i + 1 < args.size()) {
                        value = args.get(++i);
                    }
                    String[] nd = value == null ? new String[0] : value.toLowerCase().split("x");
                    if (nd.length == 2) {
                        rows = parseCount(a, nd[0], 32);
                        cols = parseCount(a, nd[1], 16);
                    } else {
                        System.err.println("normgraph: " + a + " expects NxD, e.g. 32x16");
                    }
                }
                case "--perf-zoom" -> {
                    if (value == null && i + 1 < args.size()) {
                        value = args.get(++i);
                    }
                    try {
                        zoom = Double.parseDouble(value);
                    } catch (NumberFormatException | NullPointerException e) {
                        System.err.println("normgraph: " + a + " expects a zoom factor such as 1, got '" + value + "'");
                    }
                }
                case "--perf-select" -> {
                    if (value == null && i + 1 < args.size()) {
                        value = args.get(++i);
                    }
                    select = value;
                }
                default -> {
                    if (a.startsWith("-") || session != null) {
                        System.err.println("normgraph: ignoring unknown app option '" + args.get(i) + "'");
                    } else {
                        session = a;
                    }
                }
            }
        }
        return new AppOptions(perf, edits, Math.max(1, rows), Math.max(1, cols), Math.max(0, zoom), select, session);
    }

    private static int parseCount(String option, String value, int fallback) {
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException | NullPointerException e) {
            System.err.println("normgraph: " + option + " expects a number, got '" + value + "'; using " + fallback);
            return fallback;
        }
    }
}
