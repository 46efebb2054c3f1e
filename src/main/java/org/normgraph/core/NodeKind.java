package org.normgraph.core;

/** What a node does, for drawing and for explaining its backward rule. */
public enum NodeKind {
    /** A value the user gives: x, gamma, beta. */
    INPUT,
    /** An elementwise step. */
    OP,
    /** Row → N rows; backward sums rows. */
    BROADCAST,
    /** Mean over rows; backward spreads (1/N)·g to every row. */
    REDUCTION;

    /** The style class the app uses for this kind. */
    public String styleClass() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
