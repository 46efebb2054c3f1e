package org.normgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.normgraph.core.TestInputs;

/** Standard output that fails (a full disk, a closed pipe) is not a success: exit 74 and one line. */
class OutputFailureTest {

    /** Like /dev/full: every write fails. */
    private static final class FullDisk extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    static List<List<String>> commands() {
        return List.of(List.of("trace", "--input", "-"), List.of("gradcheck", "--input", "-"),
                List.of("bench", "--sizes", "2x2", "--min-time", "0.01", "--json", "-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void a_failed_stdout_exits_74_with_one_line(List<String> args) {
        StringWriter err = new StringWriter();
        String stdin = CliRun.caseJson(TestInputs.random(3, 2, 1e-5, 1));
        int code = Cli.run(new ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new PrintWriter(new FullDisk(), true), new PrintWriter(err, true), args.toArray(String[]::new));
        assertEquals(Cli.OUTPUT_FAILED, code, err.toString());
        List<String> lines = err.toString().lines().filter(l -> l.startsWith("normgraph")).toList();
        assertEquals(1, lines.size(), err.toString());
        assertTrue(lines.get(0).contains("could not write to standard output"), lines.get(0));
    }
}
