package org.normgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormSpec;
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
@Command(name = "trace", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run the nine-step graph forward and backward and print every node and gradient as one JSON object.",
                "Its fields: {\"N\", \"D\", \"eps\", \"forward\": {mu … out}, \"backward\": {dbeta … dx}}.",
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
        // Run and check first, then stream: a refusal leaves nothing on stdout, and a large
        // trace (1024×256 writes ~70 MB) is never held as text in memory.
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (FamilyCase.isNineStep(kind, root)) {
                BatchNormInput in = CaseFile.fromJson(root);
                Trace trace = BatchNormGraph.run(in);
                var nonFinite = trace.firstNonFinite();
                if (nonFinite.isPresent()) {
                    return Errors.badInput(spec, input.inCase(Errors.describe(nonFinite.get())));
                }
                TraceJson.write(in, trace, out, pretty);
            } else {
                FamilyCase c = FamilyCase.read(kind, root);
                Trace trace = BatchNormGraph.run(c.layout(), c.input());
                var nonFinite = trace.firstNonFinite();
                if (nonFinite.isPresent()) {
                    return Errors.badInput(spec, input.inCase(Errors.describe(nonFinite.get())));
                }
                NormTraceJson.write(c.layout(), c.input().eps(), trace, out, pretty);
            }
        } catch (InputFormatException e) {
            return Errors.badInput(spec, input.inCase(e.getMessage()));
        }
        out.println();
        out.flush();
        return 0;
    }
}
