package org.normgraph.app.present;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.geometry.Point2D;
import org.normgraph.app.graph.GraphLayout;
import org.normgraph.app.graph.GraphNodeView;
import org.normgraph.app.graph.GraphView;
import org.normgraph.core.Edge;
import org.normgraph.timeline.Phase;
import org.normgraph.timeline.Step;

/**
 * Zooms and pans a {@link GraphView} so that the nodes a step works on fill the view,
 * centred: for the start the inputs, for a forward step the nodes it computes, for a backward
 * step the nodes whose backward runs and whose gradients it completes. Uses only the view's public zoom and pan.
 */
final class StepFramer {

    /** Largest zoom: beyond it a single small node would fill the screen. */
    static final double MAX_ZOOM = 2.6;
    /** Free border around the framed nodes, in view pixels. */
    static final double MARGIN = 40;

    private StepFramer() {
    }

    /** The names of the nodes {@code step} works on. */
    static Set<String> nodesOf(Step step) {
        Set<String> names = new LinkedHashSet<>(step.values());
        names.addAll(step.gradients());
        if (step.phase() == Phase.BACKWARD) {
            for (Edge e : step.edges()) {
                names.add(e.to()); // where the gradient arrives; its sources far away would shrink the view
            }
        }
        return names;
    }

    /** Frames the nodes of {@code step}; false if the view has no layout or size yet. */
    static boolean frame(GraphView view, Step step) {
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
        String anchor = null;
        for (String name : nodesOf(step)) {
            GraphLayout.Box b = layout.boxes().get(name);
            if (b == null) {
                continue;
            }
            anchor = anchor == null ? name : anchor;
            minX = Math.min(minX, b.x());
            minY = Math.min(minY, b.y());
            maxX = Math.max(maxX, b.right());
            maxY = Math.max(maxY, b.bottom());
        }
        if (anchor == null) {
            return false;
        }
        double s = Math.min((w - 2 * MARGIN) / (maxX - minX), (h - 2 * MARGIN) / (maxY - minY));
        s = Math.max(GraphView.MIN_ZOOM, Math.min(MAX_ZOOM, s));
        GraphLayout.Box a = layout.boxes().get(anchor);
        view.zoomAt(s / view.getZoom(), 0, 0);
        // where the anchor's corner is now tells the view's translation
        Point2D now = cornerInView(view, anchor);
        double tx = now.getX() - a.x() * view.getZoom();
        double ty = now.getY() - a.y() * view.getZoom();
        double wantTx = w / 2 - (minX + maxX) / 2 * view.getZoom();
        double wantTy = h / 2 - (minY + maxY) / 2 * view.getZoom();
        view.panBy(wantTx - tx, wantTy - ty);
        return true;
    }

    private static Point2D cornerInView(GraphView view, String node) {
        GraphNodeView v = view.nodeView(node);
        Point2D scene = v.localToScene(0, 0);
        return view.sceneToLocal(scene);
    }
}
