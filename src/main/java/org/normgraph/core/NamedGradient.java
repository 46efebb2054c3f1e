package org.normgraph.core;

/**
 * A gradient with its contract name (DESIGN.md section 1), e.g. {@code dxmu1}, and where the
 * trace holds it: either a node's total gradient or one edge's contribution (a branch of a
 * fan-out, before the sum).
 *
 * @param name    contract name
 * @param step    the backward step that produces it (9 down to 0)
 * @param node    the node it is the gradient of
 * @param edge    for a branch: the edge it travels back along; {@code null} for a total
 * @param formula the staged chain-rule formula, as in DESIGN.md
 */
public record NamedGradient(String name, int step, String node, Edge edge, String formula) {

    public Matrix in(Trace trace) {
        return edge == null ? trace.gradient(node) : trace.contribution(edge);
    }

    public boolean isBranch() {
        return edge != null;
    }
}
