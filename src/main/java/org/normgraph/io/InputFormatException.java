package org.normgraph.io;

/**
 * A file that cannot be read as what it should be; the message names the field and the
 * problem (in English, for the command line and logs). {@link #kind()} says what sort of
 * problem it is, so that the app can say so in the window's language.
 */
public final class InputFormatException extends Exception {

    /** What sort of problem: the file could not be read at all, is no JSON, is something else, and so on. */
    public enum Kind {
        /** Missing, or the system could not read it. */
        UNREADABLE,
        /** Empty: no bytes, or only spaces. */
        EMPTY,
        /** Not valid JSON: truncated, binary, a syntax error. */
        NOT_JSON,
        /** JSON, but not this kind of file (another format, not an object). */
        FOREIGN,
        /** Written by a newer version. */
        NEWER_VERSION,
        /** Larger than this reader takes. */
        TOO_LARGE,
        /** The right kind of file with a value that is missing, of the wrong shape or out of range. */
        CONTENT
    }

    private final Kind kind;

    /** A problem with the content ({@link Kind#CONTENT}). */
    public InputFormatException(String message) {
        this(Kind.CONTENT, message, null);
    }

    /** The kind of {@code cause} if it is one of these (a message given more context), else {@link Kind#CONTENT}. */
    public InputFormatException(String message, Throwable cause) {
        this(cause instanceof InputFormatException f ? f.kind : Kind.CONTENT, message, cause);
    }

    public InputFormatException(Kind kind, String message) {
        this(kind, message, null);
    }

    public InputFormatException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** {@code source} could not be read: "SOURCE: cannot be read: why" ({@link Kind#UNREADABLE}). */
    public static InputFormatException cannotRead(String source, java.io.IOException cause) {
        return new InputFormatException(Kind.UNREADABLE, source + ": cannot be read: " + cause.getMessage(), cause);
    }

    /** {@code source} is not there: "SOURCE: no such file" ({@link Kind#UNREADABLE}). */
    public static InputFormatException noSuchFile(String source) {
        return new InputFormatException(Kind.UNREADABLE, source + ": no such file");
    }

    public Kind kind() {
        return kind;
    }
}
