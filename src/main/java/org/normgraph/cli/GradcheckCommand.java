package org.normgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.CheckResolution;
import org.normgraph.core.Comparison;
import org.normgraph.core.GradientCheck;
import org.normgraph.core.InvalidInputException;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;
import org.normgraph.core.Tensor;
import org.normgraph.io.CaseFile;
import org.normgraph.io.InputFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gradcheck}: the staged gradients against finite differences and the fused formula. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check dx, dgamma and dbeta of the staged graph against finite differences and the fused backward.",
                "Central finite differences of loss = sum(out * dout); the fused (simplified) backward formula.",
                "With --norm (or 4-D x) the same check runs for that kind, against its simplified backward.",
                "One line per gradient (dx, dgamma, dbeta); exit code 1 when an error exceeds its tolerance."})
final class GradcheckCommand implements Callable<Integer> {

    @Mixin
    InputOption input;

    @Mixin
    NormOptions norm;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    Cli parent;

    @Override
    public Integer call() {
        NormSpec kind;
        JsonNode root;
        try {
            kind = norm.spec();
            root = input.readJson(parent.stdin());
        } catch (NormOptions.UsageProblem | InputFormatException e) {
            return Errors.badInput(spec, e.getMessage());
        }
        try {
            return FamilyCase.isNineStep(kind, root) ? nineStep(CaseFile.fromJson(root))
                    : family(FamilyCase.read(kind, root));
        } catch (InputFormatException e) {
            return Errors.badInput(spec, input.inCase(e.getMessage()));
        } catch (InvalidInputException e) {
            // a valid input so close to the largest double that stepping it by h overflows
            return Errors.badInput(spec, input.inCase("finite differences overflow: a value stepped by h is not finite ("
                    + e.getMessage() + "); use values below about 1e300"));
        }
    }

    private int nineStep(BatchNormInput in) {
        NormLayout layout = NormLayout.of(NormSpec.batch(), in.n(), in.d());
        String header = String.format(Locale.ROOT, "N=%d D=%d eps=%s", in.n(), in.d(), in.eps());
        return check(header, layout, NormInput.of(in), "fused", 9);
    }

    private int family(FamilyCase c) {
        String header = String.format(Locale.ROOT, "norm=%s%s x=%s eps=%s", c.spec().kind().id(),
                c.spec().kind() == NormKind.GROUP ? " G=" + c.spec().groups() : "",
                Tensor.format(c.layout().xShape()), c.input().eps());
        return check(header, c.layout(), c.input(), "simplified", c.layout().spatial() ? 15 : 9);
    }

    /** One line per input, then a note where rounding widened the tolerances; 1 when a check fails. */
    private int check(String header, NormLayout layout, NormInput in, String simplifiedName, int atWidth) {
        var nonFinite = BatchNormGraph.run(layout, in).firstNonFinite();
        if (nonFinite.isPresent()) {
            return Errors.badInput(spec, input.inCase(Errors.describe(nonFinite.get())));
        }
        List<GradientCheck.Result> results = GradientCheck.check(layout, in);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s  relative error = max|a-b| / max|.| per gradient; tolerance %.0e (finite differences),"
                + " %.0e (%s)%n", header, GradientCheck.NUMERIC_TOLERANCE, GradientCheck.SIMPLIFIED_TOLERANCE, simplifiedName);
        boolean ok = true;
        for (GradientCheck.Result r : results) {
            out.printf(Locale.ROOT, "%-7s vs finite differences %.2e %-" + atWidth + "s vs %s %.2e  %s%n",
                    r.gradientName(), r.numeric().relativeError(), "at " + at(layout, r), simplifiedName,
                    r.simplified().relativeError(), r.passed() ? "ok" : "FAILED");
            ok &= r.passed();
        }
        List<GradientCheck.Result> widened = results.stream().filter(GradientCheck.Result::widened).toList();
        // the figures the check widened its tolerance for, worked out again only when a note needs them
        CheckResolution resolution = widened.isEmpty() ? null : CheckResolution.of(layout, in);
        for (GradientCheck.Result r : widened) {
            out.printf(Locale.ROOT, "note: %s judged against tolerance %.0e (finite differences), %.0e (%s):"
                            + " what rounding resolves when x lies up to %.1e times its spread (sqrtvar) from zero,"
                            + " |dout| is up to %.1e, |out| up to %.1e and |gamma| up to %.1e%s%s%n", r.gradientName(),
                    r.numericDecidingTolerance(), r.simplifiedDecidingTolerance(), simplifiedName,
                    resolution.offsetRatio(), in.doutRows().maxAbs(), resolution.largestOut(), resolution.largestGamma(),
                    r.simplifiedDecidingTolerance() > resolution.simplifiedTolerance()
                            ? String.format(Locale.ROOT, "; where it differs most from the %s formula, %s is %.1e:"
                                    + " what is left of terms up to %.1e that cancel", simplifiedName, r.gradientName(),
                                    r.simplified().actual(), resolution.largestTerm(r.input()))
                            : "",
                    r.numericUnresolved()
                            ? "; finite differences resolve no digit of it, only the " + simplifiedName + " formula checks it"
                            : "");
        }
        out.flush();
        return ok ? 0 : Cli.CHECK_FAILED;
    }

    /** Where the worst element against finite differences is: [c] for gamma, beta; x's index for x. */
    private static String at(NormLayout layout, GradientCheck.Result r) {
        Comparison c = r.numeric();
        return Tensor.indexText(BatchNormGraph.isVector(r.input()) ? new int[] {c.col()} : layout.xIndex(c.row(), c.col()));
    }
}
