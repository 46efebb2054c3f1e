package org.normgraph.core.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Matrix;
import org.normgraph.core.TestInputs;
import org.normgraph.core.Trace;

/** The family's members are one graph: the identities that relate them hold numerically. */
class FamilyEquivalencesTest {

    private static final List<String> COMPARED = List.of("out", "xhat", "dx", "dgamma", "dbeta", "dx1", "dx2", "dxmu2");

    @ParameterizedTest(name = "x = {0}")
    @CsvSource({"3×5", "2×4×3×2"})
    void layer_norm_is_group_norm_with_one_group(String shape) {
        NormInput in = FamilyInputs.random(parse(shape), 1e-3, 21);
        same(run(NormSpec.layer(), in), run(NormSpec.group(1), in), 0);
    }

    @Test
    void instance_norm_is_group_norm_with_one_channel_per_group() {
        NormInput in = FamilyInputs.random(new int[] {2, 3, 2, 3}, 1e-3, 22);
        same(run(NormSpec.instance(), in), run(NormSpec.group(3), in), 0);
    }

    @Test
    void spatial_batch_norm_of_1x1_images_is_batch_norm_of_the_n_by_c_matrix() {
        NormInput in4 = FamilyInputs.random(new int[] {5, 3, 1, 1}, 1e-3, 23);
        NormInput in2 = new NormInput(in4.x().reshape(5, 3), in4.gamma(), in4.beta(), in4.dout().reshape(5, 3), in4.eps());
        same(run(NormSpec.batch(), in4), run(NormSpec.batch(), in2), 0);
    }

    @Test
    void group_norm_of_1x1_images_is_group_norm_of_the_n_by_c_matrix() {
        NormInput in4 = FamilyInputs.random(new int[] {3, 6, 1, 1}, 1e-3, 24);
        NormInput in2 = new NormInput(in4.x().reshape(3, 6), in4.gamma(), in4.beta(), in4.dout().reshape(3, 6), in4.eps());
        same(run(NormSpec.group(3), in4), run(NormSpec.group(3), in2), 0);
    }

    /**
     * Each statistic's set, found here from the kind's definition on x's index (not from the
     * core's block ops), has xhat of mean 0 and variance 1 (eps tiny against var).
     */
    @Test
    void every_statistic_normalizes_its_set_to_mean_zero_and_variance_one_up_to_eps() {
        int[] shape = {3, 4, 2, 3};
        for (NormSpec spec : List.of(NormSpec.batch(), NormSpec.layer(), NormSpec.group(2), NormSpec.instance())) {
            NormInput in = FamilyInputs.random(shape, 1e-12, 25);
            NormLayout layout = NormLayout.of(spec, shape);
            Matrix xhat = BatchNormGraph.run(layout, in).value("xhat");
            int sets = layout.statsShape()[0] * layout.statsShape()[1];
            double[] sum = new double[sets];
            double[] sumSq = new double[sets];
            int[] count = new int[sets];
            for (int i = 0; i < xhat.rows(); i++) {
                for (int j = 0; j < xhat.cols(); j++) {
                    int s = set(spec, shape, layout.xIndex(i, j));
                    double v = xhat.get(i, j);
                    sum[s] += v;
                    sumSq[s] += v * v;
                    count[s]++;
                }
            }
            for (int s = 0; s < sets; s++) {
                assertEquals(layout.count(), count[s], spec + " set " + s);
                assertEquals(0, sum[s] / count[s], 1e-12, spec + " mean of set " + s);
                assertEquals(1, sumSq[s] / count[s], 1e-9, spec + " variance of set " + s);
            }
        }
    }

    /** Which statistic element [n][c][h][w] belongs to, by the definition of each kind (row-major in its shape). */
    private static int set(NormSpec spec, int[] shape, int[] at) {
        return switch (spec.kind()) {
            case BATCH -> at[1];
            case LAYER -> at[0];
            case GROUP -> at[0] * spec.groups() + at[1] / (shape[1] / spec.groups());
            case INSTANCE -> at[0] * shape[1] + at[1];
        };
    }

    private static Trace run(NormSpec spec, NormInput in) {
        return BatchNormGraph.run(NormLayout.of(spec, in.shape()), in);
    }

    private static void same(Trace a, Trace b, double tolerance) {
        for (String name : COMPARED) {
            assertArrayEquals(TestInputs.named(a, name).toArray(), TestInputs.named(b, name).toArray(), tolerance, name);
        }
    }

    static int[] parse(String shape) {
        return java.util.Arrays.stream(shape.split("×")).mapToInt(Integer::parseInt).toArray();
    }
}
