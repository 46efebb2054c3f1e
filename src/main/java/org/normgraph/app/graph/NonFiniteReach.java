package org.normgraph.app.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import org.normgraph.core.Edge;
import org.normgraph.core.Graph;
import org.normgraph.core.Trace;

/**
 * The nodes whose numbers are computed from the first non-finite one, and so mean nothing even
 * where they look finite (x = 1e200: sq = ∞, var = ∞, ivar = 0, xhat = 0 — a plausible-looking
 * zero). A non-finite value reaches forward, to every node computed from it; a non-finite
 * gradient reaches backward, to the gradient of every node it is computed from.
 */
public final class NonFiniteReach {

    private NonFiniteReach() {
    }

    /** Not including {@code at}'s own node; empty when {@code at} is null. */
    public static Set<String> of(Graph g, Trace.NonFinite at) {
        Set<String> reached = new LinkedHashSet<>();
        if (at == null) {
            return reached;
        }
        Deque<String> todo = new ArrayDeque<>();
        todo.push(at.node());
        while (!todo.isEmpty()) {
            String n = todo.pop();
            for (Edge e : at.inGradient() ? g.producers(n) : g.consumers(n)) {
                String next = at.inGradient() ? e.from() : e.to();
                if (reached.add(next)) {
                    todo.push(next);
                }
            }
        }
        return reached;
    }
}
