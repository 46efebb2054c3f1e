package org.normgraph.core;

/**
 * A value flowing from node {@code from} into argument {@code argument} of node {@code to}.
 * Backward, the edge carries {@code to}'s local gradient contribution back to {@code from}.
 */
public record Edge(String from, String to, int argument) {

    @Override
    public String toString() {
        return from + "→" + to;
    }
}
