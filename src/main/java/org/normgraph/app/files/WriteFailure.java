package org.normgraph.app.files;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.normgraph.app.Messages;

/**
 * Why a file could not be written, in the window's language where the reason is known. A
 * file system's own message names the path it failed on, which for an atomic write is a
 * hidden temporary file ({@code .r.normgraph.json5735…tmp}) the user never chose: only the
 * reason is kept ("Read-only file system"), and said in the window's language when it is one
 * a user can mend.
 */
final class WriteFailure {

    // the C library's words (strerror, always English) for failures a user can mend
    private static final Map<String, String> KNOWN_REASONS = Map.of(
            "Read-only file system", "files.write.read-only",
            "No space left on device", "files.write.no-space",
            "Disk quota exceeded", "files.write.quota",
            "File name too long", "files.write.name-too-long");

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
        String said = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        String key = KNOWN_REASONS.get(said);
        return key != null ? Messages.get(key) : String.valueOf(said);
    }
}
