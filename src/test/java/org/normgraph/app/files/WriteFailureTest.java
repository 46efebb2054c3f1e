package org.normgraph.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.app.Language;
import org.normgraph.app.Messages;

/** A failed write is told by its reason, never by the hidden temporary file it failed on. */
class WriteFailureTest {

    @Test
    void the_reason_is_said_without_the_temporary_files_path() {
        Path usb = Path.of("/media/usb");
        assertEquals("the drive or folder is read-only", WriteFailure.reason(
                new FileSystemException("/media/usb/.lesson.normgraph.json5735981662004480717.tmp", null, "Read-only file system"),
                usb));
        assertEquals("you are not allowed to write to that folder",
                WriteFailure.reason(new AccessDeniedException("/root/.g.png7925.tmp"), Path.of("/root")));
        assertEquals("the folder does not exist", WriteFailure.reason(new NoSuchFileException("/gone/.s.tmp"), Path.of("/gone")));
        assertEquals("no new file can be made in that folder",
                WriteFailure.reason(new NoSuchFileException("/proc/.s.tmp"), Path.of("/proc")), "/proc is there");
        assertEquals("no PNG writer", WriteFailure.reason(new IOException("no PNG writer"), usb));
        assertEquals("Input/output error", WriteFailure.reason(new FileSystemException("/media/usb/.t", null, "Input/output error"), usb),
                "a reason the app does not know is given as the system says it");
    }

    /** Reasons from the C library stayed English inside Chinese and Japanese dialogs. */
    @ParameterizedTest
    @CsvSource({
        "Read-only file system, files.write.read-only",
        "No space left on device, files.write.no-space",
        "Disk quota exceeded, files.write.quota",
        "File name too long, files.write.name-too-long"})
    void a_reason_the_user_can_mend_is_said_in_the_windows_language(String said, String key) {
        Language before = Messages.language();
        try {
            Messages.setLanguage(Language.JAPANESE);
            assertEquals(Messages.get(key), WriteFailure.reason(new IOException(said), Path.of("/media/usb")));
            assertEquals(Messages.get(key),
                    WriteFailure.reason(new FileSystemException("/media/usb/.t", null, said), Path.of("/media/usb")));
            assertFalse(Messages.get(key).contains(said.split(" ")[0]));
        } finally {
            Messages.setLanguage(before);
        }
    }
}
