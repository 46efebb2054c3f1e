package org.normgraph.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Comparison;
import org.normgraph.core.GradientCheck;
import org.normgraph.io.InputFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gradcheck}: the staged gradients against finite differences and the fused formula. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = {"Check dx, dgamma and dbeta of the staged graph against finite differences and the fused backward.",
                "Central finite differences of loss = sum(out * dout); the fused (simplified) backward formula.",
                "One line per input; exit code 1 when an error exceeds its tolerance."})
final class GradcheckCommand implements Callable<Integer> {

    @Mixin
    InputOption input;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    Cli parent;

    @Override
    public Integer call() {
        BatchNormInput in;
        try {
            in = input.read(parent.stdin());
        } catch (InputFormatException e) {
            return Errors.badInput(spec, e.getMessage());
        }
        var nonFinite = BatchNormGraph.run(in).firstNonFinite();
        if (nonFinite.isPresent()) {
            return Errors.badInput(spec, Errors.describe(nonFinite.get()));
        }
        List<GradientCheck.Result> results = GradientCheck.check(in);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "N=%d D=%d eps=%s  relative error = max|a-b| / max|.| per gradient;"
                        + " tolerance %.0e (finite differences), %.0e (fused)%n",
                in.n(), in.d(), in.eps(), GradientCheck.NUMERIC_TOLERANCE, GradientCheck.FUSED_TOLERANCE);
        boolean ok = true;
        for (GradientCheck.Result r : results) {
            out.printf(Locale.ROOT, "%-7s vs finite differences %.2e %-9s vs fused %.2e  %s%n",
                    r.gradientName(), r.numeric().relativeError(), at(r.input(), r.numeric()),
                    r.fused().relativeError(), r.passed() ? "ok" : "FAILED");
            ok &= r.passed();
        }
        out.flush();
        return ok ? 0 : Cli.CHECK_FAILED;
    }

    private static String at(String input, Comparison c) {
        return BatchNormGraph.isVector(input) ? "at [" + c.col() + "]" : "at [" + c.row() + "][" + c.col() + "]";
    }
}
