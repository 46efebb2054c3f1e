package org.normgraph.core;

/** Thrown when an operation gets matrices whose shapes do not fit; the message names both shapes. */
public final class ShapeMismatchException extends IllegalArgumentException {

    public ShapeMismatchException(String operation, Shape left, Shape right) {
        super(operation + ": shapes " + left + " and " + right + " do not match");
    }

    /** Shapes given as text, e.g. {@code 2×3×4} for a tensor. */
    public ShapeMismatchException(String operation, String left, String right) {
        super(operation + ": shapes " + left + " and " + right + " do not match");
    }

    public ShapeMismatchException(String message) {
        super(message);
    }
}
