package org.normgraph.core.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.core.TensorComparison;
import org.normgraph.core.family.FamilyInputs;
import org.normgraph.core.family.NormGradientCheck;
import org.normgraph.core.family.NormGraph;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormSpec;
import org.normgraph.core.family.SimplifiedNorm;

/** Staged and simplified agree to rounding for every kind; a batch-only formula would not. */
class StagedVsSimplifiedTest {

    @ParameterizedTest(name = "{0} G={1} x={2}")
    @CsvSource({"batch, 0, 6×3", "batch, 0, 3×2×2×3", "layer, 0, 4×5", "group, 2, 3×6", "group, 3, 2×6×2×2",
            "instance, 0, 2×3×3×2", "layer, 0, 1×1"})
    void the_two_backwards_differ_by_rounding_only(String kind, int g, String x) {
        NormInput in = FamilyInputs.random(parse(x), 1e-5, x.hashCode());
        List<StagedVsSimplified.Row> rows = StagedVsSimplified.compare(NormSpec.of(NormKind.parse(kind), g), in);
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
        SimplifiedNorm.Result right = SimplifiedNorm.run(spec, in);
        // dx = (1/M)·gamma·ivar·(M·dout − Σ_S dout − xhat·Σ_S(dout ⊙ xhat)), gamma outside the sums
        var t = NormGraph.run(spec, in);
        int[] xs = in.shape();
        int[] ss = t.layout().statsShape();
        double m = t.layout().count();
        var gamma = in.gamma().reshape(t.layout().paramShape()).broadcastTo(xs);
        var xhat = t.value("xhat");
        var shortcut = gamma.times(t.value("ivar").scale(1 / m).broadcastTo(xs))
                .times(in.dout().scale(m).minus(in.dout().sumTo(ss).broadcastTo(xs))
                        .minus(xhat.times(in.dout().times(xhat).sumTo(ss).broadcastTo(xs))));
        assertFalse(TensorComparison.of(right.dx(), shortcut).within(NormGradientCheck.NUMERIC_TOLERANCE));
        // while for batch norm it is the formula
        var b = NormGraph.run(NormSpec.batch(), in);
        assertTrue(TensorComparison.of(SimplifiedNorm.run(NormSpec.batch(), in).dx(), b.gradient("x"))
                .within(NormGradientCheck.SIMPLIFIED_TOLERANCE));
    }

    private static int[] parse(String shape) {
        return java.util.Arrays.stream(shape.split("×")).mapToInt(Integer::parseInt).toArray();
    }
}
