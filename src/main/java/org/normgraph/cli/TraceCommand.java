package org.normgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormGraph;
import org.normgraph.core.family.NormSpec;
import org.normgraph.core.family.NormTrace;
import org.normgraph.io.CaseFile;
import org.normgraph.io.InputFormatException;
import org.normgraph.io.NormTraceJson;
import org.normgraph.io.TraceJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code trace}: every forward node and every named gradient of one case, as JSON. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Run the nine-step graph forward and backward and print every node and gradient as one JSON object:",
                "{\"N\", \"D\", \"eps\", \"forward\": {mu … out}, \"backward\": {dbeta … dx}}.",
                "",
                "With --norm layer|group|instance, or with 4-D x (N×C×H×W), the same graph runs with the statistics",
                "taken over the kind's axes, and the object starts with \"norm\" (and \"groups\" for group norm), then",
                "\"N\", \"D\" (2-D) or \"N\", \"C\", \"H\", \"W\" (4-D), \"eps\". JSON shapes of the values:",
                "  x-shaped (xmu, sq, xhat, gammax, out, dgammax, dxhat, dxmu1, dsq, dxmu2, dx1, dx2, dx): [N][D] or [N][C][H][W]",
                "  statistics (mu, var, sqrtvar, ivar, divar, dsqrtvar, dvar, dmu):",
                "    batch [D] or [C]; layer [N]; group [N][G]; instance (4-D only) [N][C]",
                "  dgamma, dbeta: [D] or [C]",
                "Batch norm of 2-D x prints exactly the nine-step object above."})
final class TraceCommand implements Callable<Integer> {

    @Mixin
    InputOption input;

    @Mixin
    NormOptions norm;

    @Option(names = "--pretty", description = "indent the JSON")
    boolean pretty;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    Cli parent;

    @Override
    public Integer call() throws IOException {
        NormSpec kind;
        JsonNode root;
        try {
            kind = norm.spec();
            root = input.readJson(parent.stdin());
        } catch (NormOptions.UsageProblem | InputFormatException e) {
            return Errors.badInput(spec, e.getMessage());
        }
        // Write to memory first: a failure must leave nothing half-written on stdout.
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            Optional<Trace.NonFinite> nonFinite = FamilyCase.isNineStep(kind, root)
                    ? nineStep(CaseFile.fromJson(root), buf) : family(FamilyCase.read(kind, root), buf);
            if (nonFinite.isPresent()) {
                return Errors.badInput(spec, Errors.describe(nonFinite.get()));
            }
        } catch (InputFormatException e) {
            return Errors.badInput(spec, e.getMessage());
        }
        spec.commandLine().getOut().println(buf.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** DESIGN.md section 3, unchanged. */
    private Optional<Trace.NonFinite> nineStep(BatchNormInput in, ByteArrayOutputStream buf) throws IOException {
        Trace trace = BatchNormGraph.run(in);
        Optional<Trace.NonFinite> nonFinite = trace.firstNonFinite();
        if (nonFinite.isEmpty()) {
            TraceJson.write(in, trace, buf, pretty);
        }
        return nonFinite;
    }

    private Optional<Trace.NonFinite> family(FamilyCase c, ByteArrayOutputStream buf) throws IOException {
        NormTrace trace = NormGraph.build(c.layout(), c.input().eps()).run(c.input());
        Optional<Trace.NonFinite> nonFinite = trace.firstNonFinite();
        if (nonFinite.isEmpty()) {
            NormTraceJson.write(trace, buf, pretty);
        }
        return nonFinite;
    }
}
