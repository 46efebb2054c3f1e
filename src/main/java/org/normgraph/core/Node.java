package org.normgraph.core;

import java.util.List;
import org.normgraph.core.ops.Op;

/**
 * A named node of the graph.
 *
 * @param name    the contract name (DESIGN.md section 1), e.g. {@code xhat}
 * @param step    forward step that computes it (0 for inputs)
 * @param kind    input, elementwise op, broadcast or reduction
 * @param op      the operation, {@code null} for inputs
 * @param inputs  names of the nodes it reads, in the op's argument order
 * @param shape   the shape of its value
 * @param formula the forward formula in plain text, e.g. {@code xmu = x − mu}
 */
public record Node(String name, int step, NodeKind kind, Op op, List<String> inputs,
                   Shape shape, String formula) {

    public Node {
        inputs = List.copyOf(inputs);
    }

    public boolean isInput() {
        return kind == NodeKind.INPUT;
    }
}
