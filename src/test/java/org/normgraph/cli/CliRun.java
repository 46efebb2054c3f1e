package org.normgraph.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.normgraph.core.Tensor;
import org.normgraph.core.family.NormInput;

/** Runs the CLI in-process with captured streams. */
final class CliRun {

    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private CliRun() {
    }

    static Result withStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    static Result run(String... args) {
        return withStdin("", args);
    }

    /** A case as JSON, doubles written with Double.toString (which parses back exactly). */
    static String caseJson(BatchNormInput in) {
        return String.format(Locale.ROOT, "{\"x\": %s, \"gamma\": %s, \"beta\": %s, \"dout\": %s, \"eps\": %s}",
                rows(in.x()), row(in.gamma(), 0), row(in.beta(), 0), rows(in.dout()), in.eps());
    }

    /** A family case as JSON: x and dout nested like their shape ([N][D] or [N][C][H][W]). */
    static String caseJson(NormInput in) {
        return String.format(Locale.ROOT, "{\"x\": %s, \"gamma\": %s, \"beta\": %s, \"dout\": %s, \"eps\": %s}",
                nested(in.x(), 0, new int[1]), nested(in.gamma(), 0, new int[1]), nested(in.beta(), 0, new int[1]),
                nested(in.dout(), 0, new int[1]), in.eps());
    }

    private static String nested(Tensor t, int axis, int[] at) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < t.dim(axis); i++) {
            sb.append(i == 0 ? "" : ", ").append(axis == t.rank() - 1 ? String.valueOf(t.at(at[0]++)) : nested(t, axis + 1, at));
        }
        return sb.append(']').toString();
    }

    private static String rows(Matrix m) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < m.rows(); i++) {
            sb.append(i == 0 ? "" : ", ").append(row(m, i));
        }
        return sb.append(']').toString();
    }

    private static String row(Matrix m, int i) {
        StringBuilder sb = new StringBuilder("[");
        for (int j = 0; j < m.cols(); j++) {
            sb.append(j == 0 ? "" : ", ").append(m.get(i, j));
        }
        return sb.append(']').toString();
    }
}
