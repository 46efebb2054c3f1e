package org.normgraph.app.model;

/**
 * How the session is used: exploring freely, predicting each backward value before it is
 * revealed, or presenting to a room. Saved in session files by {@link #id()}.
 */
public enum Mode {
    EXPLORE("explore"),
    PREDICT("predict"),
    PRESENT("present");

    private final String id;

    Mode(String id) {
        this.id = id;
    }

    /** The name used in session files ({@code explore}, {@code predict}, {@code present}). */
    public String id() {
        return id;
    }

    /** The mode with this file name; IllegalArgumentException for any other. */
    public static Mode ofId(String id) {
        for (Mode m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + id + "'");
    }
}
