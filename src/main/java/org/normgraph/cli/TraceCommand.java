package org.normgraph.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Trace;
import org.normgraph.io.InputFormatException;
import org.normgraph.io.TraceJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trace}: every forward node and every named gradient of one case, as JSON. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Run the nine-step graph forward and backward and print every node and gradient as one JSON object:",
                "{\"N\", \"D\", \"eps\", \"forward\": {mu … out}, \"backward\": {dbeta … dx}}."})
final class TraceCommand implements Callable<Integer> {

    @Mixin
    InputOption input;

    @Option(names = "--pretty", description = "indent the JSON")
    boolean pretty;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    Cli parent;

    @Override
    public Integer call() throws IOException {
        BatchNormInput in;
        try {
            in = input.read(parent.stdin());
        } catch (InputFormatException e) {
            return Errors.badInput(spec, e.getMessage());
        }
        Trace trace = BatchNormGraph.run(in);
        var nonFinite = trace.firstNonFinite();
        if (nonFinite.isPresent()) {
            return Errors.badInput(spec, Errors.describe(nonFinite.get()));
        }
        // Write to memory first: a failure must leave nothing half-written on stdout.
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        TraceJson.write(in, trace, buf, pretty);
        spec.commandLine().getOut().println(buf.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
