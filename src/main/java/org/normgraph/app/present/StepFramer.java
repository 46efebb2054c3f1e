package org.normgraph.app.present;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.normgraph.app.graph.GraphLayout;
import org.normgraph.app.graph.GraphLayout.Box;
import org.normgraph.app.graph.GraphView;
import org.normgraph.core.Edge;
import org.normgraph.timeline.Phase;
import org.normgraph.timeline.Step;

/**
 * Zooms and pans a {@link GraphView} so that the nodes a step works on fill the view,
 * centred: for the start the inputs, for a forward step the nodes it computes and those it
 * reads (those only as far as {@link #READABLE_ZOOM} allows), for a backward step the nodes
 * whose backward runs, those its contributions reach and those whose gradients it completes. Uses only the view's public zoom and pan. Presentation mode and the exported
 * slides frame each step this way.
 */
public final class StepFramer {

    /** Largest zoom: beyond it a single small node would fill the screen. */
    static final double MAX_ZOOM = 2.6;
    /**
     * The zoom below which a node's numbers are too small for the back of a room (about 20 px
     * on a 1080-line slide): a forward step's inputs are framed with it only above it. Forward 1
     * framed with x drew its numbers 8 px tall.
     */
    public static final double READABLE_ZOOM = 1.8;
    /**
     * A forward step's inputs are framed whole if that costs no more than this share of the
     * zoom its own nodes would get (readable, or what fits them).
     */
    public static final double WHOLE_CONTEXT_SHARE = 0.8;
    /** Zooms tried between the step's own zoom and {@link #WHOLE_CONTEXT_SHARE} of it. */
    private static final int ZOOM_STEPS = 8;
    /** The screen height {@link #READABLE_ZOOM} is for: on a smaller screen the same share of it is less zoom. */
    static final double READABLE_LINES = 1080;
    /** Free border around the framed nodes on a screen or slide, in view pixels. */
    public static final double MARGIN = 40;
    /** The current node's glow reaches this far outside its box (contrast.css: dropshadow radius 20), in drawing units. */
    static final double GLOW = 20;

    private StepFramer() {
    }

    /** The names of the nodes {@code step} works on. */
    static Set<String> nodesOf(Step step) {
        Set<String> names = new LinkedHashSet<>(step.values());
        names.addAll(step.gradients());
        if (step.phase() == Phase.BACKWARD) {
            for (Edge e : step.edges()) {
                names.add(e.to()); // the node the gradient passes back through
                names.add(e.from()); // and where its contribution arrives: dxmu1 at xmu in Backward 7
            }
        }
        return names;
    }

    /**
     * The nodes framed for {@code step}: {@link #nodesOf}, and for a forward step the nodes it
     * reads, by the drawn edges into what it computes. Forward 1 framed mu alone, without the
     * x its mean is taken of; forward 3 sq without xmu.
     */
    static Set<String> framedNodes(Step step, Set<Edge> edges) {
        Set<String> names = nodesOf(step);
        if (step.phase() == Phase.FORWARD) {
            for (Edge e : edges) {
                if (step.values().contains(e.to())) {
                    names.add(e.from());
                }
            }
        }
        return names;
    }

    /**
     * The step whose nodes frame the walk at {@code position}: that step, or, for one that works
     * on no node (inference: a constant's step), the next forward step, which uses the constant,
     * or the last backward step the gradient went through (End left the view on gamma and beta).
     */
    static Step framedStep(List<Step> steps, int position) {
        int direction = steps.get(position).phase() == Phase.FORWARD ? 1 : -1;
        for (int p = position; p >= 0 && p < steps.size(); p += direction) {
            if (!nodesOf(steps.get(p)).isEmpty()) {
                return steps.get(p);
            }
        }
        return steps.get(position);
    }

    /** Frames the walk at {@code position} at up to {@link #MAX_ZOOM} with {@link #MARGIN}, as on a screen or slide. */
    public static boolean frame(GraphView view, List<Step> steps, int position) {
        return frame(view, steps, position, MAX_ZOOM, MARGIN);
    }

    /**
     * Frames the walk at {@code position} at a zoom of at most {@code maxZoom}, {@code margin}
     * view pixels free around the framed nodes; false if the view has no layout or size yet.
     */
    public static boolean frame(GraphView view, List<Step> steps, int position, double maxZoom, double margin) {
        return frame(view, framedStep(steps, position), maxZoom, margin);
    }

    private static boolean frame(GraphView view, Step step, double maxZoom, double margin) {
        GraphLayout.Result layout = view.layoutResult();
        double w = view.getWidth() - 2 * margin;
        double h = view.getHeight() - 2 * margin;
        Box core = layout == null ? null : Box.around(boxes(layout, nodesOf(step)));
        if (core == null || w <= 0 || h <= 0) {
            return false;
        }
        List<Box> context = boxes(layout, framedNodes(step, layout.routes().keySet()));
        // all of the context if that keeps the numbers readable, else the step's own nodes at a
        // readable zoom, with as much of the context as the view then holds
        double whole = zoomToFit(Box.around(context), w, h);
        double floor = Math.min(Math.min(readableZoom(view), maxZoom), zoomToFit(core, w, h));
        double s = Math.max(GraphView.MIN_ZOOM, Math.min(maxZoom, Math.max(floor, whole)));
        double[] c = centre(core, context, w / s, h / s);
        if (whole < floor) {
            // a little less zoom may show more of the context whole: forward 2 showed x cut at
            // the caption's edge, its words broken, where 0.94 of the zoom held it
            double bestWhole = wholeArea(context, c[0], c[1], w / s, h / s);
            for (int k = 1; k <= ZOOM_STEPS; k++) {
                double z = Math.max(GraphView.MIN_ZOOM, floor * (1 - (1 - WHOLE_CONTEXT_SHARE) * k / ZOOM_STEPS));
                double[] cz = centre(core, context, w / z, h / z);
                double shownWhole = wholeArea(context, cz[0], cz[1], w / z, h / z);
                if (shownWhole > bestWhole * (1 + 1e-6)) {
                    bestWhole = shownWhole;
                    s = z;
                    c = cz;
                }
            }
        }
        // the layout's boxes are the drawing's coordinates: the view's origin follows from them alone
        // (not from where a node is drawn now, which lags while a layout pass is pending)
        view.setViewport(s, view.getWidth() / 2 - c[0] * s, view.getHeight() / 2 - c[1] * s);
        return true;
    }

    /**
     * {@link #READABLE_ZOOM} for the screen {@code view} is shown on: numbers as tall a share of
     * its height. At 1.8 a 720-line projector showed forward 3's sq with the empty right half
     * of xmu, its numbers off screen; 1.2 there draws them as large, seen from the room.
     */
    static double readableZoom(GraphView view) {
        double lines = view.getScene() != null ? view.getScene().getHeight() : view.getHeight();
        return READABLE_ZOOM * lines / READABLE_LINES;
    }

    /** Candidate centres per axis, between the two extremes that still hold the core. */
    private static final int CANDIDATES = 16;

    /**
     * The centre of a view {@code vw} × {@code vh} (drawing units) that holds all of {@code core}
     * and, of that, shows the most of the {@code context} boxes; nearest the core's own centre
     * among equals. Shifted towards the context's centre instead, forward 1 showed mu at the
     * edge of an empty screen: x lay below the view however far it moved sideways.
     */
    private static double[] centre(Box core, List<Box> context, double vw, double vh) {
        double[] best = {core.cx(), core.cy()};
        double bestShown = shown(context, best[0], best[1], vw, vh);
        double bestDistance = 0;
        double same = 1e-6 * Math.max(1, bestShown); // areas this close are equal: rounding
        // a core just as wide as the view (zoomed to fit it) has one place, its centre
        double xLo = Math.min(core.right() - vw / 2, core.cx());
        double xHi = Math.max(core.x() + vw / 2, core.cx());
        double yLo = Math.min(core.bottom() - vh / 2, core.cy());
        double yHi = Math.max(core.y() + vh / 2, core.cy());
        // the context's own centre too, where the view still holds the core: a context just as
        // large as the view shows whole only there, which the grid below may miss
        Box all = Box.around(context);
        double[] xs = candidates(xLo, xHi, all.cx());
        double[] ys = candidates(yLo, yHi, all.cy());
        for (double cx : xs) {
            for (double cy : ys) {
                double shown = shown(context, cx, cy, vw, vh);
                double distance = Math.hypot(cx - core.cx(), cy - core.cy());
                if (shown > bestShown + same || shown >= bestShown - same && distance < bestDistance) {
                    best = new double[] {cx, cy};
                    bestShown = shown;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** {@value #CANDIDATES} + 1 points from {@code lo} to {@code hi}, and {@code extra} within them. */
    private static double[] candidates(double lo, double hi, double extra) {
        double[] c = new double[CANDIDATES + 2];
        for (int i = 0; i <= CANDIDATES; i++) {
            c[i] = lo + (hi - lo) * i / CANDIDATES;
        }
        c[CANDIDATES + 1] = Math.max(lo, Math.min(hi, extra));
        return c;
    }

    /** The area of those boxes that a view {@code vw} × {@code vh} centred at (cx, cy) shows whole. */
    private static double wholeArea(List<Box> boxes, double cx, double cy, double vw, double vh) {
        double area = 0;
        for (Box b : boxes) {
            if (b.x() >= cx - vw / 2 && b.right() <= cx + vw / 2 && b.y() >= cy - vh / 2 && b.bottom() <= cy + vh / 2) {
                area += b.w() * b.h();
            }
        }
        return area;
    }

    /** How much of the boxes' area a view {@code vw} × {@code vh} centred at (cx, cy) shows. */
    private static double shown(List<Box> boxes, double cx, double cy, double vw, double vh) {
        double area = 0;
        for (Box b : boxes) {
            double dx = Math.min(b.right(), cx + vw / 2) - Math.max(b.x(), cx - vw / 2);
            double dy = Math.min(b.bottom(), cy + vh / 2) - Math.max(b.y(), cy - vh / 2);
            area += Math.max(0, dx) * Math.max(0, dy);
        }
        return area;
    }

    /** The boxes of those of {@code names} that are laid out, with room for their glow. */
    private static List<Box> boxes(GraphLayout.Result layout, Set<String> names) {
        return names.stream().map(layout.boxes()::get).filter(java.util.Objects::nonNull).map(b -> b.grown(GLOW)).toList();
    }

    private static double zoomToFit(Box b, double w, double h) {
        return Math.min(w / b.w(), h / b.h());
    }
}
