package org.normgraph.io;

/** A file that cannot be read as what it should be; the message names the field and the problem. */
public final class InputFormatException extends Exception {

    public InputFormatException(String message) {
        super(message);
    }

    public InputFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
