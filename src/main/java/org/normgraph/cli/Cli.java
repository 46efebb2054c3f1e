package org.normgraph.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: {@code normgraph trace|gradcheck …}. Never starts the toolkit. */
@Command(name = "normgraph", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Backpropagation through batch normalization, step by step.",
                "Without a command the app opens; with a session file, on that file:",
                "  normgraph [app] [lesson.normgraph.json]   ('app --help': the app's options)"},
        subcommands = {TraceCommand.class, GradcheckCommand.class, BenchCommand.class, ExportCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a check failed (gradcheck)",
                "2:bad input or usage (one line on stderr names the field)", "70:internal error",
                "74:the output could not be written (standard output failed)"})
public final class Cli implements Runnable {

    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL_ERROR = 70;
    /** Standard output failed (a full disk, a closed pipe): the output is lost, so no success. */
    public static final int OUTPUT_FAILED = 74;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What {@code --input -} reads. */
    private final InputStream stdin;

    private Cli(InputStream stdin) {
        this.stdin = stdin;
    }

    InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /**
     * No arguments, {@code app …}, an option of the app itself or a session file (what a
     * file manager passes on a double-click) opens the window.
     */
    public static boolean isAppLaunch(String[] args) {
        return args.length == 0 || args[0].equals("app") || args[0].equals("--perf")
                || args[0].toLowerCase(java.util.Locale.ROOT).endsWith(org.normgraph.io.SessionFile.SUFFIX);
    }

    public static String[] appArguments(String[] args) {
        return args.length > 0 && args[0].equals("app") ? Arrays.copyOfRange(args, 1, args.length) : args;
    }

    public static int run(String... args) {
        try {
            return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        } catch (OutOfMemoryError e) {
            // the trace and its input are gone with the unwound stack: one line, not a stack trace
            System.err.println("normgraph: out of memory: the input is too large for this Java heap"
                    + " (give java a larger -Xmx)");
            return BAD_INPUT;
        }
    }

    /** Runs a command with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(System.in, out, err, args);
    }

    /** Runs a command with the given streams ({@code stdin} is what {@code --input -} reads). */
    public static int run(InputStream stdin, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Cli(stdin));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionStrategy(Cli::refuseUnmatchedThenRun);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("normgraph: internal error: " + ex);
            return INTERNAL_ERROR;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            // one line, as the exit-code list promises
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + problem(ex)
                    + " (try '" + c.getCommandSpec().qualifiedName() + " --help')");
            c.getErr().flush();
            return BAD_INPUT;
        });
        int code = cl.execute(args);
        // a PrintWriter keeps write errors to itself: ask, or a trace lost on a full disk exits 0
        if (out.checkError() && code != INTERNAL_ERROR) {
            err.println("normgraph: could not write to standard output (a full disk or a closed pipe?);"
                    + " the output is incomplete");
            err.flush();
            return OUTPUT_FAILED;
        }
        return code;
    }

    /**
     * picocli lets a help option win over arguments it does not know: {@code foo --help} printed
     * the usage with exit 0, as if foo were a command. Anything not understood, at any level, is
     * a usage error first.
     */
    private static int refuseUnmatchedThenRun(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (!p.unmatched().isEmpty()) {
                throw new CommandLine.UnmatchedArgumentException(p.commandSpec().commandLine(), p.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** picocli's message, except that a word where a command goes is named as an unknown command. */
    private static String problem(CommandLine.ParameterException ex) {
        CommandLine c = ex.getCommandLine();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !c.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "'; the commands are "
                    + String.join(", ", c.getSubcommands().keySet()) + " and app";
        }
        return ex.getMessage();
    }
}
