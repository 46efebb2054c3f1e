package org.normgraph.app.files;

import java.nio.file.Path;

/**
 * The per-user folder of the app (autosave, the "running" marker): the folder named by the
 * system property {@value #PROPERTY}, else by the environment variable {@value #ENV}, else
 * {@code ~/.normgraph}; so that tests and CI never touch the user's own.
 */
public final class AppHome {

    /** System property naming the app folder, e.g. {@code -Dnormgraph.home=/tmp/ng}. */
    public static final String PROPERTY = "normgraph.home";
    /** Environment variable naming the app folder (for launchers that take no -D options). */
    public static final String ENV = "NORMGRAPH_HOME";

    private AppHome() {
    }

    public static Path dir() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENV);
        }
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        return Path.of(System.getProperty("user.home"), ".normgraph");
    }
}
