package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance: {@link BatchNormGraph#run} agrees with the independent float64 reference
 * ({@link StagedReference}) to 1e-9 relative, for every node and named gradient, on random
 * inputs of many shapes.
 */
class ReferenceAgreementTest {

    static final double TOLERANCE = 1e-9;
    private static final double[] EPS = {1e-5, 1e-3, 1e-1, 1};

    /** Edge shapes first (N = 1, D = 1, tall, wide), then 60 random shapes. */
    static Stream<Arguments> shapes() {
        Stream<Arguments> fixed = Stream.of(
                Arguments.of(1, 1, 1e-5, 1L), Arguments.of(1, 7, 1e-3, 2L), Arguments.of(2, 1, 1e-5, 3L),
                Arguments.of(2, 2, 1, 4L), Arguments.of(3, 1, 0.1, 5L), Arguments.of(64, 3, 1e-5, 6L),
                Arguments.of(5, 40, 1e-5, 7L), Arguments.of(200, 1, 1e-3, 8L));
        Random r = new Random(20240601);
        Stream<Arguments> random = IntStream.range(0, 60).mapToObj(k -> Arguments.of(
                1 + r.nextInt(16), 1 + r.nextInt(8), EPS[r.nextInt(EPS.length)], r.nextLong()));
        return Stream.concat(fixed, random);
    }

    @ParameterizedTest(name = "N={0} D={1} eps={2}")
    @MethodSource("shapes")
    void staged_graph_agrees_with_the_independent_reference(int n, int d, double eps, long seed) {
        BatchNormInput in = TestInputs.random(n, d, eps, seed);
        Map<String, double[][]> reference = StagedReference.run(in);
        Trace trace = BatchNormGraph.run(in);
        reference.forEach((name, expected) -> {
            double rel = StagedReference.relativeDifference(expected, TestInputs.named(trace, name).toRows());
            assertTrue(rel <= TOLERANCE, () -> name + ": relative difference " + rel + " > " + TOLERANCE);
        });
    }
}
