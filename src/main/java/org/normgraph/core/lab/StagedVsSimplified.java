package org.normgraph.core.lab;

import java.util.List;
import org.normgraph.core.TensorComparison;
import org.normgraph.core.family.NormGradientCheck;
import org.normgraph.core.family.NormGraph;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormSpec;
import org.normgraph.core.family.NormTrace;
import org.normgraph.core.family.SimplifiedNorm;

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
     */
    public record Row(String name, TensorComparison comparison) {

        public boolean agrees() {
            return comparison.within(NormGradientCheck.SIMPLIFIED_TOLERANCE);
        }
    }

    public static List<Row> compare(NormSpec spec, NormInput in) {
        NormTrace staged = NormGraph.run(spec, in);
        NormGradientCheck.Gradients g = NormGradientCheck.analytic(staged);
        SimplifiedNorm.Result s = SimplifiedNorm.run(spec, in);
        return List.of(
                new Row("out", TensorComparison.of(s.out(), staged.output())),
                new Row("dx", TensorComparison.of(s.dx(), g.dx())),
                new Row("dgamma", TensorComparison.of(s.dgamma(), g.dgamma())),
                new Row("dbeta", TensorComparison.of(s.dbeta(), g.dbeta())));
    }
}
