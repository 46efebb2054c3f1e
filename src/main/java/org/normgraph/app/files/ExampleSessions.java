package org.normgraph.app.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.normgraph.app.Messages;
import org.normgraph.io.InputFormatException;
import org.normgraph.io.Session;
import org.normgraph.io.SessionFile;

/**
 * The example sessions shipped in the jar (from {@code assets/examples/}, packed under
 * {@value #RESOURCE_DIR}). Each id names {@code <id>.normgraph.json}; its title in the menu
 * is the message {@code files.example.<id>}.
 */
public final class ExampleSessions {

    public static final String RESOURCE_DIR = "/org/normgraph/examples/";

    /** In menu order. */
    public static final List<String> IDS = List.of(
            "classic-4x3", "single-row", "constant-column", "large-offsets", "tiny-eps");

    private ExampleSessions() {
    }

    public static String fileName(String id) {
        return id + SessionFile.SUFFIX;
    }

    /**
     * Reads an example as strictly as any file, with its speaker notes in the window's language
     * (messages {@code example.<id>.note.<position>}; the file holds them in English).
     */
    public static Session load(String id) throws InputFormatException {
        String name = fileName(id);
        try (InputStream in = ExampleSessions.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new InputFormatException(InputFormatException.Kind.UNREADABLE, name + ": not in this build");
            }
            Session s = SessionFile.read(in, name);
            return new Session(s.input(), s.mode(), s.position(), s.selection(), s.view(), localNotes(id, s.notes()),
                    s.norm(), s.images());
        } catch (IOException e) {
            throw InputFormatException.cannotRead(name, e);
        }
    }

    /** The key of an example's note in the messages bundles. */
    static String noteKey(String id, int position) {
        return "example." + id + ".note." + position;
    }

    private static Map<Integer, String> localNotes(String id, Map<Integer, String> notes) {
        Map<Integer, String> local = new TreeMap<>();
        notes.forEach((position, note) -> local.put(position,
                Messages.has(noteKey(id, position)) ? Messages.get(noteKey(id, position)) : note));
        return local;
    }
}
