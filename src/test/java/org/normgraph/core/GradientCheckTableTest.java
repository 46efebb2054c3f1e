package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Central finite differences agree with dx, dgamma and dbeta over a table of shapes and eps. */
class GradientCheckTableTest {

    static Stream<Arguments> table() {
        double[] eps = {1e-5, 1e-3, 1e-1, 1};
        Stream.Builder<Arguments> b = Stream.builder();
        for (int n = 1; n <= 8; n++) {
            for (int d = 1; d <= 5; d++) {
                for (double e : eps) {
                    b.add(Arguments.of(n, d, e));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "N={0} D={1} eps={2}")
    @MethodSource("table")
    void finite_differences_and_fused_backward_agree_with_the_staged_gradients(int n, int d, double eps) {
        BatchNormInput in = TestInputs.random(n, d, eps, 1000L * n + 10L * d + Double.hashCode(eps));
        List<GradientCheck.Result> results = GradientCheck.check(in);
        assertEquals(List.of("dx", "dgamma", "dbeta"),
                results.stream().map(GradientCheck.Result::gradientName).toList());
        for (GradientCheck.Result r : results) {
            assertTrue(r.passed(), () -> r.gradientName() + ": numeric " + r.numeric() + ", fused " + r.simplified());
        }
    }
}
