package org.normgraph.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.normgraph.core.Trace;

/**
 * Draws every timeline step of a session into image files. The CLI's {@code export} finds
 * the implementation with {@link java.util.ServiceLoader} (the app provides it, drawing with
 * its own views), so the headless commands never depend on the app's classes.
 */
public interface SessionRenderer {

    /** The language tags the step titles can be written in ({@code en}, {@code zh-CN}, …). */
    List<String> languages();

    /**
     * What was drawn: the files in order, the speaker notes file written beside them (null: the
     * session has no notes), and where the session's numbers first stop being finite (for its
     * kind of normalization and mode, as the window computes them), or null.
     */
    record Slides(List<Path> files, Path notes, Trace.NonFinite firstNonFinite) {
    }

    /**
     * Writes one PNG per step (forward 1…9, backward 9…0) into {@code dir}, named in order
     * ({@code 01-forward-1-mu.png} …), with step titles in {@code language} (one of
     * {@link #languages()}), and the session's speaker notes, if any, into a text file beside
     * them. Numbers that overflow are drawn as the window draws them.
     */
    Slides writeSteps(Session session, Path dir, String language) throws IOException;
}
