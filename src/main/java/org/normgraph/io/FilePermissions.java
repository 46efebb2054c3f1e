package org.normgraph.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The permissions of a file written through a temporary file and a rename. */
public final class FilePermissions {

    private FilePermissions() {
    }

    /**
     * A temporary file is private (rw-------); the file it becomes keeps the permissions of the
     * one it replaces, or gets the usual rw-r--r-- when it is new.
     */
    public static void keep(Path target, Path tmp) {
        try {
            var perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (Windows): the folder's defaults apply
        }
    }
}
