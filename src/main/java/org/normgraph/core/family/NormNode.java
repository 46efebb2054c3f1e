package org.normgraph.core.family;

import java.util.List;
import org.normgraph.core.NodeKind;
import org.normgraph.core.Tensor;
import org.normgraph.core.family.ops.TensorOp;

/**
 * A named node of a normalization graph: the tensor form of {@link org.normgraph.core.Node}.
 *
 * @param name    the contract name (DESIGN.md section 1), e.g. {@code xhat}
 * @param step    forward step that computes it (0 for inputs)
 * @param kind    input, elementwise op, broadcast or reduction
 * @param role    what its shape is: x's, the statistics', or the parameters'
 * @param op      the operation, {@code null} for inputs
 * @param inputs  names of the nodes it reads, in the op's argument order
 * @param shape   the shape of its value
 * @param formula the forward formula in plain text
 */
public record NormNode(String name, int step, NodeKind kind, NormGraph.Role role, TensorOp op,
                       List<String> inputs, int[] shape, String formula) {

    public NormNode {
        inputs = List.copyOf(inputs);
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public String shapeText() {
        return Tensor.format(shape);
    }

    public boolean isInput() {
        return kind == NodeKind.INPUT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormNode n && n.name.equals(name) && n.step == step && n.kind == kind
                && n.role == role && java.util.Objects.equals(n.op, op) && n.inputs.equals(inputs)
                && java.util.Arrays.equals(n.shape, shape) && n.formula.equals(formula);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, step, kind, role, op, inputs, java.util.Arrays.hashCode(shape), formula);
    }

    @Override
    public String toString() {
        return name + " " + shapeText() + " (" + formula + ")";
    }
}
