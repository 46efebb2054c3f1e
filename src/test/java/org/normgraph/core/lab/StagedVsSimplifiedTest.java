package org.normgraph.core.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Comparison;
import org.normgraph.core.GradientCheck;
import org.normgraph.core.Matrix;
import org.normgraph.core.SimplifiedNorm;
import org.normgraph.core.Trace;
import org.normgraph.core.family.FamilyInputs;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;

/** Staged and simplified agree to rounding for every kind; a batch-only formula would not. */
class StagedVsSimplifiedTest {

    @ParameterizedTest(name = "{0} G={1} x={2}")
    @CsvSource({"batch, 0, 6×3", "batch, 0, 3×2×2×3", "layer, 0, 4×5", "group, 2, 3×6", "group, 3, 2×6×2×2",
            "instance, 0, 2×3×3×2", "layer, 0, 1×1"})
    void the_two_backwards_differ_by_rounding_only(String kind, int g, String x) {
        NormInput in = FamilyInputs.random(parse(x), 1e-5, x.hashCode());
        List<StagedVsSimplified.Row> rows = StagedVsSimplified.compare(NormLayout.of(NormSpec.of(NormKind.parse(kind), g),
                parse(x)), in);
        assertEquals(List.of("out", "dx", "dgamma", "dbeta"), rows.stream().map(StagedVsSimplified.Row::name).toList());
        for (StagedVsSimplified.Row r : rows) {
            assertTrue(r.agrees(), r::toString);
            assertTrue(r.comparison().maxDifference() < 1e-12, r::toString);
        }
    }

    /** Batch norm's shortcut (gamma taken out of the sums) is wrong where gamma varies inside a set. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"layer, 0", "group, 2"})
    void the_batch_norm_shortcut_is_wrong_for_layer_and_group_norm(String kind, int g) {
        NormSpec spec = NormSpec.of(NormKind.parse(kind), g);
        NormInput in = FamilyInputs.random(new int[] {3, 4}, 1e-5, 6);
        NormLayout layout = NormLayout.of(spec, 3, 4);
        Matrix right = SimplifiedNorm.run(layout, in).dx();
        // dx = (1/M)·gamma·ivar·(M·dout − Σ_S dout − xhat·Σ_S(dout ⊙ xhat)), gamma outside the sums
        Trace t = BatchNormGraph.run(layout, in);
        int n = 3;
        int b = layout.columnsPerStatistic();
        double m = layout.count();
        Matrix dout = in.doutRows();
        Matrix xhat = t.value("xhat");
        Matrix shortcut = t.value("bcast_gamma").times(t.value("bcast_ivar").scale(1 / m))
                .times(dout.scale(m).minus(dout.sumBlocks(false, b).broadcastBlocks(n, b))
                        .minus(xhat.times(dout.times(xhat).sumBlocks(false, b).broadcastBlocks(n, b))));
        assertFalse(Comparison.of(right, shortcut).within(GradientCheck.NUMERIC_TOLERANCE));
        assertTrue(Comparison.of(right, t.gradient("x")).within(GradientCheck.SIMPLIFIED_TOLERANCE));
        // while for batch norm it is the formula (the fused engine's)
        NormLayout batch = NormLayout.of(NormSpec.batch(), 3, 4);
        assertTrue(Comparison.of(SimplifiedNorm.run(batch, in).dx(), BatchNormGraph.run(batch, in).gradient("x"))
                .within(GradientCheck.SIMPLIFIED_TOLERANCE));
    }

    private static int[] parse(String shape) {
        return java.util.Arrays.stream(shape.split("×")).mapToInt(Integer::parseInt).toArray();
    }
}
