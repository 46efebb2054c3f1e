package org.normgraph.core;

/** Input that the layer refuses; the message names the field and, where it helps, shapes. */
public final class InvalidInputException extends IllegalArgumentException {

    private final String field;

    public InvalidInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The input that is wrong: {@code x}, {@code gamma}, {@code beta}, {@code dout} or {@code eps}. */
    public String field() {
        return field;
    }
}
