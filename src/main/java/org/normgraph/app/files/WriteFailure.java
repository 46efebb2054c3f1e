package org.normgraph.app.files;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.normgraph.app.Messages;

/**
 * Why a file could not be written, in the window's language where the reason is known. A
 * file system's own message names the path it failed on, which for an atomic write is a
 * hidden temporary file ({@code .r.normgraph.json5735…tmp}) the user never chose: only the
 * reason is kept ("Read-only file system").
 */
final class WriteFailure {

    private WriteFailure() {
    }

    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return Messages.get("files.write.denied");
        }
        if (e instanceof NoSuchFileException) {
            return Messages.get("files.write.no-folder");
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
