package org.normgraph.app.model;

/**
 * What the user selected: a graph node, and optionally one element of its value/gradient.
 *
 * @param node a node name of the core graph (DESIGN.md), e.g. {@code xhat}
 * @param row  element row, or -1 for the whole node
 * @param col  element column, or -1 for the whole node
 */
public record Selection(String node, int row, int col) {

    public static Selection node(String node) {
        return new Selection(node, -1, -1);
    }

    public static Selection element(String node, int row, int col) {
        return new Selection(node, row, col);
    }

    public boolean hasElement() {
        return row >= 0 && col >= 0;
    }
}
