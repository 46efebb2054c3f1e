package org.normgraph.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the docs say of session files is what SessionFile does: its version and size limit. */
class SessionFileDocsTest {

    private static final int LIMIT_MIB = SessionFile.MAX_BYTES >> 20;

    @Test
    void the_design_notes_give_the_current_version_and_the_size_limit() throws IOException {
        String notes = Files.readString(Path.of("docs", "DESIGN-NOTES.md"));
        String files = between(notes, "## Files", "\n- ");
        assertTrue(files.contains("\"version\": " + Session.VERSION), files);
        assertTrue(files.contains("version 1 files"), files);
        assertEquals(List.of(LIMIT_MIB), mebibytes(files, "(\\d+) MiB per file"), files);
        String reliability = between(notes, "- **Session files.**", "\n- ");
        assertEquals(List.of(LIMIT_MIB), mebibytes(reliability, "over\\s+(\\d+) MiB"), reliability);
    }

    @Test
    void the_readme_gives_the_size_limit() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String refused = between(readme, "- A broken, truncated", "\n- ");
        assertEquals(List.of(LIMIT_MIB), mebibytes(refused, "over\\s+(\\d+) MiB"), refused);
        assertFalse(readme.contains("\"version\": 1"), "README shows a version 1 session");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, start);
        int to = text.indexOf(end, from + start.length());
        return text.substring(from, to < 0 ? text.length() : to);
    }

    /** The numbers that {@code regex}'s group 1 finds in {@code text}. */
    private static List<Integer> mebibytes(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<Integer> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }
}
