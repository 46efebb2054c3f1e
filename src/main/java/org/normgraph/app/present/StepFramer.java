package org.normgraph.app.present;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.normgraph.app.graph.GraphLayout;
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
    /** Free border around the framed nodes, in view pixels. */
    static final double MARGIN = 40;
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

    /** Frames the walk at {@code position} at up to {@link #MAX_ZOOM}; false if the view has no layout or size yet. */
    public static boolean frame(GraphView view, List<Step> steps, int position) {
        return frame(view, steps, position, MAX_ZOOM);
    }

    /** Frames the walk at {@code position} at a zoom of at most {@code maxZoom}; false if the view has no layout or size yet. */
    public static boolean frame(GraphView view, List<Step> steps, int position, double maxZoom) {
        return frame(view, framedStep(steps, position), maxZoom);
    }

    private static boolean frame(GraphView view, Step step, double maxZoom) {
        GraphLayout.Result layout = view.layoutResult();
        double w = view.getWidth() - 2 * MARGIN;
        double h = view.getHeight() - 2 * MARGIN;
        Extent core = layout == null ? null : Extent.of(layout, nodesOf(step));
        if (core == null || w <= 0 || h <= 0) {
            return false;
        }
        Set<String> contextNodes = framedNodes(step, layout.routes().keySet());
        Extent context = Extent.of(layout, contextNodes);
        // all of the context if that keeps the numbers readable, else the step's own nodes at a
        // readable zoom, with as much of the context as the view then holds
        double floor = Math.min(Math.min(READABLE_ZOOM, maxZoom), core.zoomToFit(w, h));
        double s = Math.max(GraphView.MIN_ZOOM, Math.min(maxZoom, Math.max(floor, context.zoomToFit(w, h))));
        double[] c = centre(core, Extent.each(layout, contextNodes), w / s, h / s);
        // the layout's boxes are the drawing's coordinates: the view's origin follows from them alone
        // (not from where a node is drawn now, which lags while a layout pass is pending)
        view.setViewport(s, view.getWidth() / 2 - c[0] * s, view.getHeight() / 2 - c[1] * s);
        return true;
    }

    /** Candidate centres per axis, between the two extremes that still hold the core. */
    private static final int CANDIDATES = 16;

    /**
     * The centre of a view {@code vw} × {@code vh} (drawing units) that holds all of {@code core}
     * and, of that, shows the most of the {@code context} boxes; nearest the core's own centre
     * among equals. Shifted towards the context's centre instead, forward 1 showed mu at the
     * edge of an empty screen: x lay below the view however far it moved sideways.
     */
    private static double[] centre(Extent core, List<Extent> context, double vw, double vh) {
        double[] best = {core.centreX(), core.centreY()};
        double bestShown = shown(context, best[0], best[1], vw, vh);
        double bestDistance = 0;
        double same = 1e-6 * Math.max(1, bestShown); // areas this close are equal: rounding
        // a core just as wide as the view (zoomed to fit it) has one place, its centre
        double xLo = Math.min(core.maxX() - vw / 2, core.centreX());
        double xHi = Math.max(core.minX() + vw / 2, core.centreX());
        double yLo = Math.min(core.maxY() - vh / 2, core.centreY());
        double yHi = Math.max(core.minY() + vh / 2, core.centreY());
        for (int i = 0; i <= CANDIDATES; i++) {
            double cx = xLo + (xHi - xLo) * i / CANDIDATES;
            for (int j = 0; j <= CANDIDATES; j++) {
                double cy = yLo + (yHi - yLo) * j / CANDIDATES;
                double shown = shown(context, cx, cy, vw, vh);
                double distance = Math.hypot(cx - core.centreX(), cy - core.centreY());
                if (shown > bestShown + same || shown >= bestShown - same && distance < bestDistance) {
                    best = new double[] {cx, cy};
                    bestShown = shown;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** How much of the boxes' area a view {@code vw} × {@code vh} centred at (cx, cy) shows. */
    private static double shown(List<Extent> boxes, double cx, double cy, double vw, double vh) {
        double area = 0;
        for (Extent b : boxes) {
            double dx = Math.min(b.maxX(), cx + vw / 2) - Math.max(b.minX(), cx - vw / 2);
            double dy = Math.min(b.maxY(), cy + vh / 2) - Math.max(b.minY(), cy - vh / 2);
            area += Math.max(0, dx) * Math.max(0, dy);
        }
        return area;
    }

    /** The box around some nodes of the layout, with room for their glow. */
    private record Extent(double minX, double minY, double maxX, double maxY) {

        /** Null when none of {@code names} is laid out. */
        static Extent of(GraphLayout.Result layout, Set<String> names) {
            Extent e = null;
            for (String name : names) {
                GraphLayout.Box b = layout.boxes().get(name);
                if (b != null) {
                    Extent box = new Extent(b.x() - GLOW, b.y() - GLOW, b.right() + GLOW, b.bottom() + GLOW);
                    e = e == null ? box : new Extent(Math.min(e.minX, box.minX), Math.min(e.minY, box.minY),
                            Math.max(e.maxX, box.maxX), Math.max(e.maxY, box.maxY));
                }
            }
            return e;
        }

        /** One box per laid-out node of {@code names}. */
        static List<Extent> each(GraphLayout.Result layout, Set<String> names) {
            return names.stream().map(n -> of(layout, Set.of(n))).filter(java.util.Objects::nonNull).toList();
        }

        double zoomToFit(double w, double h) {
            return Math.min(w / (maxX - minX), h / (maxY - minY));
        }

        double centreX() {
            return (minX + maxX) / 2;
        }

        double centreY() {
            return (minY + maxY) / 2;
        }
    }
}
