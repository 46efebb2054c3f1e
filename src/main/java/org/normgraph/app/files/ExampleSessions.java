package org.normgraph.app.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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

    /** Reads an example as strictly as any file. */
    public static Session load(String id) throws InputFormatException {
        String name = fileName(id);
        try (InputStream in = ExampleSessions.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new InputFormatException(name + ": not in this build");
            }
            return SessionFile.read(in, name);
        } catch (IOException e) {
            throw new InputFormatException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
