package org.normgraph.cli;

import org.normgraph.core.Trace;
import picocli.CommandLine.Model.CommandSpec;

/** One-line error reports on stderr. */
final class Errors {

    private Errors() {
    }

    static int badInput(CommandSpec spec, String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        spec.commandLine().getErr().flush();
        return Cli.BAD_INPUT;
    }

    /**
     * Why a file operation failed, in words: a file system exception's own message is only the
     * path ("cannot write to /proc/nope: /proc/nope").
     */
    static String why(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the folder above it is missing or takes no new folders";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        return e instanceof java.nio.file.FileSystemException ? "the file system refused it" : String.valueOf(e.getMessage());
    }

    /**
     * Why an empty file or folder name ({@code --out ''}) is refused: the system would take it
     * as the working directory.
     */
    static final String EMPTY_NAME = "the name is empty; give a file or folder name";

    /** Why a trace of valid input still cannot be written as finite numbers. */
    static String describe(Trace.NonFinite at) {
        String gradient = "'" + at.name() + "', " + (at.branch() != null ? "a branch of the gradient of " : "the gradient of ");
        return "the numbers overflow: " + (at.inGradient() ? gradient : "")
                + "'" + at.node() + "' is not finite (infinity or NaN); use smaller values or a larger eps";
    }

}
