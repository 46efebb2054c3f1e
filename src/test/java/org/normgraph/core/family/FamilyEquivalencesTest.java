package org.normgraph.core.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.core.Tensor;

/** The family's members are one graph: the identities that relate them hold numerically. */
class FamilyEquivalencesTest {

    private static final List<String> COMPARED = List.of("out", "xhat", "dx", "dgamma", "dbeta", "dx1", "dx2", "dxmu2");

    @ParameterizedTest(name = "x = {0}")
    @CsvSource({"3×5", "2×4×3×2"})
    void layer_norm_is_group_norm_with_one_group(String shape) {
        NormInput in = FamilyInputs.random(parse(shape), 1e-3, 21);
        same(NormGraph.run(NormSpec.layer(), in), NormGraph.run(NormSpec.group(1), in), 0);
    }

    @Test
    void instance_norm_is_group_norm_with_one_channel_per_group() {
        NormInput in = FamilyInputs.random(new int[] {2, 3, 2, 3}, 1e-3, 22);
        same(NormGraph.run(NormSpec.instance(), in), NormGraph.run(NormSpec.group(3), in), 0);
    }

    @Test
    void spatial_batch_norm_of_1x1_images_is_batch_norm_of_the_n_by_c_matrix() {
        NormInput in4 = FamilyInputs.random(new int[] {5, 3, 1, 1}, 1e-3, 23);
        NormInput in2 = new NormInput(in4.x().reshape(5, 3), in4.gamma(), in4.beta(), in4.dout().reshape(5, 3), in4.eps());
        same(NormGraph.run(NormSpec.batch(), in4), NormGraph.run(NormSpec.batch(), in2), 0);
    }

    @Test
    void group_norm_of_1x1_images_is_group_norm_of_the_n_by_c_matrix() {
        NormInput in4 = FamilyInputs.random(new int[] {3, 6, 1, 1}, 1e-3, 24);
        NormInput in2 = new NormInput(in4.x().reshape(3, 6), in4.gamma(), in4.beta(), in4.dout().reshape(3, 6), in4.eps());
        same(NormGraph.run(NormSpec.group(3), in4), NormGraph.run(NormSpec.group(3), in2), 0);
    }

    @Test
    void every_statistic_normalizes_its_set_to_mean_zero_and_variance_one_up_to_eps() {
        for (NormSpec spec : List.of(NormSpec.batch(), NormSpec.layer(), NormSpec.group(2), NormSpec.instance())) {
            NormInput in = FamilyInputs.random(new int[] {3, 4, 2, 3}, 1e-12, 25);
            NormTrace t = NormGraph.run(spec, in);
            int[] stats = t.layout().statsShape();
            Tensor xhat = t.value("xhat");
            double m = t.layout().count();
            Tensor mean = xhat.sumTo(stats).scale(1 / m);
            Tensor var = xhat.times(xhat).sumTo(stats).scale(1 / m);
            assertTrue(mean.maxAbs() < 1e-12, spec + " mean " + mean);
            assertTrue(var.map(v -> v - 1).maxAbs() < 1e-9, spec + " var " + var);
        }
    }

    private static void same(NormTrace a, NormTrace b, double tolerance) {
        for (String name : COMPARED) {
            assertArrayEquals(a.named(name).toArray(), b.named(name).toArray(), tolerance, name);
        }
    }

    static int[] parse(String shape) {
        return java.util.Arrays.stream(shape.split("×")).mapToInt(Integer::parseInt).toArray();
    }
}
