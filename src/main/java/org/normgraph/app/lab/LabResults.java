package org.normgraph.app.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.CheckResolution;
import org.normgraph.core.Comparison;
import org.normgraph.core.GradientCheck;
import org.normgraph.core.Matrix;
import org.normgraph.core.NamedGradient;
import org.normgraph.core.SimplifiedNorm;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormLayout;
import org.normgraph.app.Messages;
import org.normgraph.app.model.InputLayout;
import org.normgraph.app.model.NormAxes;
import org.normgraph.core.family.NormSpec;
import org.normgraph.core.lab.FirstDifference;
import org.normgraph.core.lab.Pitfall;
import org.normgraph.core.lab.PitfallLab;
import org.normgraph.core.lab.StagedVsSimplified;

/**
 * What the lab shows for one input, the session's kind of normalization and one chosen
 * pitfall. Every number comes from the core ({@link GradientCheck}, {@link StagedVsSimplified},
 * {@link SimplifiedNorm}, {@link PitfallLab}), all of it from the graph of that kind that the app
 * draws; this record only gathers them. Built off the FX thread: the finite differences run the
 * graph twice per input element.
 *
 * @param input          the input they were computed for
 * @param spec           the kind of normalization (the graph the app draws)
 * @param check          dx, dgamma, dbeta against central differences and the simplified formula
 * @param stagedDx       dx of the staged chain (the nine-step graph of the kind)
 * @param simplifiedDx   dx of the simplified formula (the fused engine for batch norm)
 * @param simplified     staged against simplified for out, dx, dgamma, dbeta
 * @param pitfall        the chosen pitfall run next to the correct graph
 * @param resolution     how finely rounding lets the check resolve this input
 * @param axes           which way the graph's statistics collapse x: how its elements are named
 */
public record LabResults(BatchNormInput input, NormSpec spec, List<GradientCheck.Result> check, Matrix stagedDx,
                         Matrix simplifiedDx, List<StagedVsSimplified.Row> simplified, PitfallLab.Report pitfall,
                         CheckResolution resolution, NormAxes axes) {

    /**
     * Computes everything for the session's input {@code in}, laid out as {@code inputLayout}
     * (features or images), under {@code spec} and {@code chosen}: the graph the app draws.
     * Slow at 32×16 (tens of milliseconds). A kind that does not fit the input is refused as
     * the core refuses it.
     */
    public static LabResults compute(BatchNormInput in, InputLayout inputLayout, NormSpec spec, Pitfall chosen) {
        NormLayout layout = inputLayout.norm(spec, in.n());
        NormInput normInput = inputLayout.coreInput(in);
        Trace staged = BatchNormGraph.run(layout, normInput);
        staged.firstNonFinite().ifPresent(nf -> { // finite differences would then blame a stepped x
            throw new IllegalArgumentException(Messages.get("lab.error.overflow", nf.name()));
        });
        return new LabResults(in, spec, GradientCheck.check(layout, normInput),
                staged.gradient(BatchNormGraph.X),
                SimplifiedNorm.run(layout, normInput).dx(), StagedVsSimplified.compare(layout, normInput),
                PitfallLab.run(chosen, layout, normInput), CheckResolution.of(layout, normInput),
                NormAxes.of(staged.graph(), layout));
    }

    /** True when every gradient passes the check. */
    public boolean checkPassed() {
        return check.stream().allMatch(GradientCheck.Result::passed);
    }

    /** The notes on tolerances this input's rounding widened, in the current language (none for well-scaled input). */
    public List<String> toleranceNotes() {
        List<String> notes = new ArrayList<>();
        if (check.stream().anyMatch(GradientCheck.Result::widened)) {
            notes.add(Messages.get("lab.check.widened", LabFormat.sci(resolution.offsetRatio()),
                    LabFormat.sci(input.dout().maxAbs()), LabFormat.sci(resolution.largestOut()),
                    LabFormat.sci(resolution.largestGamma())));
        }
        check.stream().filter(GradientCheck.Result::numericUnresolved)
                .forEach(r -> notes.add(Messages.get("lab.check.unresolved", r.gradientName())));
        return notes;
    }

    /** The check of the gradient with the largest error against finite differences. */
    public GradientCheck.Result worst() {
        GradientCheck.Result w = check.get(0);
        for (GradientCheck.Result r : check) {
            if (!(r.numeric().relativeError() <= w.numeric().relativeError())) {
                w = r;
            }
        }
        return w;
    }

    /** Where {@link #worst()}'s largest error is: the input node ({@code x}, {@code gamma}, {@code beta}) and element. */
    public Site worstSite() {
        GradientCheck.Result w = worst();
        Comparison c = w.numeric();
        return new Site(w.input(), null, c.row(), c.col());
    }

    /**
     * Where the pitfall's trace first leaves the correct one (its first differing element, as
     * {@link #firstDifferenceText} names it), as a place on the graph: a value
     * differs at its node; a total gradient at the node it belongs to; a branch (dx2, dxmu2, dx1)
     * on its edge, sent back by the edge's consumer, whose local backward computed it.
     */
    public Optional<Site> firstDifferenceSite() {
        Optional<FirstDifference> fd = pitfall.firstDifference();
        if (fd.isEmpty()) {
            return Optional.empty();
        }
        FirstDifference f = fd.get();
        int row = f.row();
        int col = f.col();
        if (!f.inBackward()) {
            return Optional.of(new Site(f.name(), null, row, col));
        }
        NamedGradient g = BatchNormGraph.gradient(f.name());
        return Optional.of(g.isBranch() ? new Site(g.edge().to(), g.edge(), row, col) : new Site(g.node(), null, row, col));
    }

    /**
     * Where the first difference is, in words: the value or gradient named {@code name} (e.g.
     * {@code dbeta}) at the node it belongs to (beta; xmu for the branch dxmu1), indexed as the
     * inspector indexes that node ({@link NormAxes#element}: {@code dbeta[0]}); the element is
     * the first that differs in row-major order ({@link FirstDifference}), not the largest.
     */
    public Where firstDifferenceText(FirstDifference f) {
        String owner = f.name();
        if (f.inBackward()) {
            NamedGradient g = BatchNormGraph.gradient(f.name());
            owner = g.isBranch() ? g.edge().from() : g.node();
        }
        return new Where(axes.element(f.name(), owner, f.row(), f.col()), owner);
    }

    /** An element as the inspector names it ({@code dbeta[1]}) and the node it belongs to. */
    public record Where(String element, String node) {
    }

    /** {@code x[2][1]} for an N×D node, {@code gamma[1]} for a 1×D row, as the inspector names them. */
    public String elementText(Site site) {
        return axes.element(site.node(), site.node(), site.row(), site.col());
    }

    /**
     * A place on the graph.
     *
     * @param node the node to highlight
     * @param edge the edge to highlight too, or null
     * @param row  the element's row (0 for a 1×D row)
     * @param col  the element's column
     */
    public record Site(String node, org.normgraph.core.Edge edge, int row, int col) {
    }
}
