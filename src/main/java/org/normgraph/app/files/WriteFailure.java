package org.normgraph.app.files;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

    /** Why a file in {@code folder} could not be written. */
    static String reason(Exception e, Path folder) {
        if (e instanceof AccessDeniedException) {
            return Messages.get("files.write.denied");
        }
        if (e instanceof NoSuchFileException && (folder == null || !Files.isDirectory(folder))) {
            return Messages.get("files.write.no-folder");
        }
        if (e instanceof NoSuchFileException) { // the folder is there, but takes no new files (/proc)
            return Messages.get("files.write.cannot-create");
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
