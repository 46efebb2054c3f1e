package org.normgraph.core.lab;

import java.util.List;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.CheckResolution;
import org.normgraph.core.Comparison;
import org.normgraph.core.FusedBatchNorm;
import org.normgraph.core.GradientCheck;
import org.normgraph.core.Matrix;
import org.normgraph.core.SimplifiedNorm;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormLayout;

/**
 * The staged chain rule against the simplified formula ({@link SimplifiedNorm}) for out, dx,
 * dgamma and dbeta: the same math in another order, so they differ by rounding only. Cheap
 * (no finite differences), for showing after every edit.
 */
public final class StagedVsSimplified {

    private StagedVsSimplified() {
    }

    /**
     * One quantity: the simplified value is the reference.
     *
     * @param name       {@code out}, {@code dx}, {@code dgamma} or {@code dbeta}
     * @param comparison max difference, relative error and where
     * @param tolerance  the relative error rounding allows for this input ({@link CheckResolution})
     */
    public record Row(String name, Comparison comparison, double tolerance) {

        public boolean agrees() {
            return comparison.within(tolerance);
        }

        /** The fixed tolerance, or the widened one where the error needed it. */
        public double decidingTolerance() {
            return CheckResolution.deciding(comparison, GradientCheck.SIMPLIFIED_TOLERANCE, tolerance);
        }
    }

    public static List<Row> compare(NormLayout layout, NormInput in) {
        Trace staged = BatchNormGraph.run(layout, in);
        GradientCheck.Gradients g = GradientCheck.Gradients.of(staged);
        FusedBatchNorm.Result s = SimplifiedNorm.run(layout, in);
        CheckResolution resolution = CheckResolution.of(layout, in);
        return List.of(
                new Row("out", Comparison.of(s.out(), staged.value(BatchNormGraph.OUT)), resolution.simplifiedTolerance()),
                gradient("dx", BatchNormGraph.X, s.dx(), g.dx(), resolution),
                gradient("dgamma", BatchNormGraph.GAMMA, s.dgamma(), g.dgamma(), resolution),
                gradient("dbeta", BatchNormGraph.BETA, s.dbeta(), g.dbeta(), resolution));
    }

    private static Row gradient(String name, String input, Matrix simplified, Matrix staged, CheckResolution resolution) {
        return new Row(name, Comparison.of(simplified, staged, resolution.zeroBelow(input)),
                resolution.simplifiedTolerance(input, simplified, staged));
    }
}
