package org.normgraph;

import org.normgraph.cli.Cli;

/**
 * The runnable jar's entry point. With no arguments (or {@code app ...}, or app options such
 * as {@code --perf}) it opens the app; otherwise it runs a headless command without touching
 * the JavaFX toolkit. It does not extend {@code Application}, so the jar starts from the
 * classpath.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (Cli.isAppLaunch(args)) {
            AppStarter.start(Cli.appArguments(args));
        } else {
            System.exit(Cli.run(args));
        }
    }

    /** Kept apart so that a headless command never loads a JavaFX class. */
    private static final class AppStarter {
        static void start(String[] args) {
            org.normgraph.app.NormgraphApp.main(args);
        }
    }
}
