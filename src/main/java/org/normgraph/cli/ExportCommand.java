package org.normgraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.normgraph.io.InputFormatException;
import org.normgraph.io.Session;
import org.normgraph.io.SessionFile;
import org.normgraph.io.SessionRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export}: slides of a saved session, one PNG per step, drawn without a display by
 * the app's own views (through {@link SessionRenderer}; this package never loads them itself).
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Draw every step of a saved session (.normgraph.json) as PNG slides, without a display.",
                "The steps are the start, forward 1…9, then backward 9…0, named in order: 00-start.png, 01-forward-1-mu.png … 19-backward-0-dx.png.",
                "The pictures are drawn by the same views as the app (1920×1080 pixels).",
                "The session's speaker notes, if any, go beside them into speaker-notes.txt, each under its slide's name."})
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--session", required = true, paramLabel = "FILE", description = "the session file")
    Path session;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the PNG files (created if needed)")
    Path out;

    @Option(names = "--lang", paramLabel = "TAG", defaultValue = "en",
            description = "language of the step titles: en, zh-CN, zh-TW or ja (default: ${DEFAULT-VALUE})")
    String lang;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (session.toString().isBlank() || out.toString().isBlank()) {
            return Errors.badInput(spec, (session.toString().isBlank() ? "--session: " : "--out: ") + Errors.EMPTY_NAME);
        }
        Session s;
        try {
            s = SessionFile.read(session, session.toString()); // as typed: 'tmp' alone did not say which
        } catch (InputFormatException e) {
            return Errors.badInput(spec, e.getMessage());
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return Errors.badInput(spec, "--out: " + out + " is a file, not a folder");
        }
        SessionRenderer renderer = ServiceLoader.load(SessionRenderer.class).findFirst().orElse(null);
        if (renderer == null) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": this build cannot draw (no renderer)");
            return Cli.INTERNAL_ERROR;
        }
        if (!renderer.languages().contains(lang)) {
            return Errors.badInput(spec, "--lang: expected one of " + String.join(", ", renderer.languages())
                    + ", got '" + lang + "'");
        }
        SessionRenderer.Slides slides;
        try {
            Files.createDirectories(out);
            slides = renderer.writeSteps(s, out, lang);
        } catch (IOException e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": cannot write to " + out + ": " + Errors.why(e));
            return Cli.BAD_INPUT;
        }
        if (slides.firstNonFinite() != null) {
            // drawn as the window draws it (a lesson on overflow is a lesson too), and said
            spec.commandLine().getErr().println(spec.qualifiedName() + ": warning: " + session.getFileName() + ": "
                    + Errors.describe(slides.firstNonFinite()) + "; the slides show it as the window does");
            spec.commandLine().getErr().flush();
        }
        spec.commandLine().getOut().println("wrote " + slides.files().size() + " PNG files"
                + (slides.notes() == null ? "" : " and " + slides.notes().getFileName()) + " to " + out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
