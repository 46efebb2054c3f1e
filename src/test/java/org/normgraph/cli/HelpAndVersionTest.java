package org.normgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Help, version and usage errors. */
class HelpAndVersionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--help           | Usage: normgraph | trace",
            "-h               | Usage: normgraph | gradcheck",
            "trace --help     | Usage: normgraph trace | --input",
            "gradcheck --help | Usage: normgraph gradcheck | --input",
            "help trace       | Usage: normgraph trace | --pretty",
            "help gradcheck   | Usage: normgraph gradcheck | exit code 1"})
    void help_is_printed_on_stdout_with_exit_0(String args, String usage, String mentions) {
        CliRun.Result r = CliRun.run(args.split(" "));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains(usage), r.out());
        assertTrue(r.out().contains(mentions), r.out());
    }

    /** The command list shows each command's first line: two of them ended in a dangling colon. */
    @Test
    void the_command_list_has_whole_sentences() {
        String list = CliRun.run("--help").out();
        String commands = list.substring(list.indexOf("Commands:"), list.indexOf("Exit codes:"));
        assertTrue(java.util.Arrays.stream(commands.split("\n")).noneMatch(l -> l.strip().endsWith(":") && !l.startsWith("Commands")),
                commands);
    }

    /** bench's synopsis read [--sizes=NxD[,NxD…][,NxD[,NxD…]...]]..., and --seed had no description of its default. */
    @Test
    void bench_help_shows_its_list_option_once_and_every_default() {
        String help = CliRun.run("bench", "--help").out();
        assertTrue(help.contains("[--sizes=NxD[,") && !help.contains("NxD…"), help);
        assertTrue(help.contains("--seed=N") && help.contains("(default: 0)"), help);
    }

    /** Each command's help lists -V, --version: on a command it printed nothing. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"--version", "-V", "trace --version", "gradcheck -V", "bench --version", "export --version"})
    void version_is_one_line_with_the_build_version(String args) {
        CliRun.Result r = CliRun.run(args.split(" "));
        assertEquals(0, r.exitCode());
        assertEquals(1, r.outLines().size(), r.out());
        assertTrue(r.outLines().get(0).matches("normgraph \\d+\\.\\d+\\.\\d+.*"), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "frobnicate                      | frobnicate",
            "trace                           | --input",
            "trace --input                   | --input",
            "trace --input x.json --bogus    | --bogus",
            "gradcheck --pretty --input -    | --pretty",
            "frobnicate --help               | unknown command 'frobnicate'",
            "run --help                      | unknown command 'run'",
            "--help run                      | unknown command 'run'",
            "trace --input x.json --bogus -h | --bogus",
            "bench --help extra              | extra"})
    void usage_errors_exit_2_with_one_line_on_stderr(String args, String names) {
        CliRun.Result r = CliRun.run(args.split(" "));
        assertEquals(Cli.BAD_INPUT, r.exitCode());
        assertEquals("", r.out());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(names), r.err());
    }

    @Test
    void no_command_in_process_is_a_usage_error_not_an_app_launch() {
        CliRun.Result r = CliRun.run();
        assertEquals(Cli.BAD_INPUT, r.exitCode());
        assertEquals(1, r.errLines().size(), r.err());
    }

    @Test
    void launch_detection_sends_no_arguments_app_perf_and_session_files_to_the_app_only() {
        assertTrue(Cli.isAppLaunch(new String[0]));
        assertTrue(Cli.isAppLaunch(new String[] {"app", "--perf"}));
        assertTrue(Cli.isAppLaunch(new String[] {"--perf"}));
        assertTrue(Cli.isAppLaunch(new String[] {"/home/t/Lesson 3.NORMGRAPH.JSON"}), "a file manager's double-click");
        assertTrue(!Cli.isAppLaunch(new String[] {"case.json"}), "a case file is not a session");
        assertTrue(!Cli.isAppLaunch(new String[] {"trace", "--input", "-"}));
        assertTrue(!Cli.isAppLaunch(new String[] {"--help"}));
        assertEquals(1, Cli.appArguments(new String[] {"app", "--perf"}).length);
    }
}
