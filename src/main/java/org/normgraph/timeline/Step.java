package org.normgraph.timeline;

import java.util.List;
import org.normgraph.core.Edge;

/**
 * One position of the walk.
 *
 * @param position  index in the timeline (0 = start)
 * @param phase     start, forward or backward
 * @param number    the DESIGN.md step number: forward 1…9, backward 9…0 (0 at start)
 * @param values    nodes whose value this step computes
 * @param gradients nodes whose total gradient this step completes
 * @param edges     edges along which this step sends a gradient contribution back
 * @param names     the named gradients (DESIGN.md) this step produces
 */
public record Step(int position, Phase phase, int number, List<String> values,
                   List<String> gradients, List<Edge> edges, List<String> names) {

    public Step {
        values = List.copyOf(values);
        gradients = List.copyOf(gradients);
        edges = List.copyOf(edges);
        names = List.copyOf(names);
    }

    /** {@link #edges} in the order the gradient meets them: the step's last operation first. */
    public List<Edge> edgesAsMet() {
        List<Edge> met = new java.util.ArrayList<>(edges);
        java.util.Collections.reverse(met);
        return met;
    }

    /** Message-bundle key for the one-line description, e.g. {@code step.backward.7}. */
    public String messageKey() {
        return phase == Phase.START ? "step.start" : "step." + phase.name().toLowerCase(java.util.Locale.ROOT) + "." + number;
    }
}
