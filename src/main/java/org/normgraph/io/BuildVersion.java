package org.normgraph.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, filtered into {@code version.properties} by Maven. */
public final class BuildVersion {

    private BuildVersion() {
    }

    /** The version, or "unknown" when run from classes that Maven did not filter. */
    public static String get() {
        try (InputStream in = BuildVersion.class.getResourceAsStream("/org/normgraph/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
