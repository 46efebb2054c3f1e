package org.normgraph;

import java.util.List;
import org.normgraph.app.AppOptions;
import org.normgraph.cli.Cli;

/**
 * The runnable jar's entry point. With no arguments (or {@code app ...}, app options such
 * as {@code --perf}, or a session file to open) it opens the app, and {@code app --help}
 * lists those options; otherwise it runs a headless command without touching the JavaFX
 * toolkit. It does not extend {@code Application}, so the jar starts from the classpath.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (Cli.isAppLaunch(args)) {
            if (AppOptions.asksForHelp(List.of(Cli.appArguments(args)))) {
                System.out.print(AppOptions.usage()); // reading the options needs no display
                return;
            }
            if (!hasDisplay()) {
                System.err.println("normgraph: no display to open the app on (DISPLAY is not set)."
                        + " Headless commands: normgraph --help");
                System.exit(Cli.BAD_INPUT);
            }
            AppStarter.start(Cli.appArguments(args));
        } else {
            System.exit(Cli.run(args));
        }
    }

    /** On Linux/BSD the toolkit needs an X or Wayland display, unless a headless glass platform is chosen. */
    private static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || System.getProperty("glass.platform") != null) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Kept apart so that a headless command never loads a JavaFX class. */
    private static final class AppStarter {
        static void start(String[] args) {
            org.normgraph.app.NormgraphApp.main(args);
        }
    }
}
