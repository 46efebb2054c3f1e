package org.normgraph.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A failed write is told by its reason, never by the hidden temporary file it failed on. */
class WriteFailureTest {

    @Test
    void the_reason_is_said_without_the_temporary_files_path() {
        Path usb = Path.of("/media/usb");
        assertEquals("Read-only file system", WriteFailure.reason(
                new FileSystemException("/media/usb/.lesson.normgraph.json5735981662004480717.tmp", null, "Read-only file system"),
                usb));
        assertEquals("you are not allowed to write to that folder",
                WriteFailure.reason(new AccessDeniedException("/root/.g.png7925.tmp"), Path.of("/root")));
        assertEquals("the folder does not exist", WriteFailure.reason(new NoSuchFileException("/gone/.s.tmp"), Path.of("/gone")));
        assertEquals("no new file can be made in that folder",
                WriteFailure.reason(new NoSuchFileException("/proc/.s.tmp"), Path.of("/proc")), "/proc is there");
        assertEquals("no PNG writer", WriteFailure.reason(new IOException("no PNG writer"), usb));
    }
}
