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
 * reads, for a backward step the nodes whose backward runs, those its contributions reach and
 * those whose gradients it completes. Uses only the view's public zoom and pan. Presentation mode and the exported
 * slides frame each step this way.
 */
public final class StepFramer {

    /** Largest zoom: beyond it a single small node would fill the screen. */
    static final double MAX_ZOOM = 2.6;
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
        double w = view.getWidth();
        double h = view.getHeight();
        if (layout == null || w <= 2 * MARGIN || h <= 2 * MARGIN) {
            return false;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (String name : framedNodes(step, layout.routes().keySet())) {
            GraphLayout.Box b = layout.boxes().get(name);
            if (b == null) {
                continue;
            }
            minX = Math.min(minX, b.x() - GLOW);
            minY = Math.min(minY, b.y() - GLOW);
            maxX = Math.max(maxX, b.right() + GLOW);
            maxY = Math.max(maxY, b.bottom() + GLOW);
        }
        if (minX == Double.MAX_VALUE) {
            return false;
        }
        double s = Math.min((w - 2 * MARGIN) / (maxX - minX), (h - 2 * MARGIN) / (maxY - minY));
        s = Math.max(GraphView.MIN_ZOOM, Math.min(maxZoom, s));
        // the layout's boxes are the drawing's coordinates: the view's origin follows from them alone
        // (not from where a node is drawn now, which lags while a layout pass is pending)
        view.setViewport(s, w / 2 - (minX + maxX) / 2 * s, h / 2 - (minY + maxY) / 2 * s);
        return true;
    }
}
