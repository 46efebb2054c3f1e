package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A graph is built only for an eps that BatchNormInput accepts: finite and > 0. */
class GraphEpsTest {

    @ParameterizedTest(name = "eps {0}")
    @ValueSource(doubles = {-1, 0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void the_training_graph_refuses_an_eps_the_input_refuses(double eps) {
        expectEps(assertThrows(InvalidInputException.class, () -> BatchNormGraph.build(2, 2, eps)), eps);
    }

    @ParameterizedTest(name = "eps {0}")
    @ValueSource(doubles = {-1, 0, Double.NaN, Double.POSITIVE_INFINITY})
    void the_inference_graph_refuses_an_eps_the_input_refuses(double eps) {
        expectEps(assertThrows(InvalidInputException.class, () -> InferenceGraph.build(2, 2, eps)), eps);
    }

    private static void expectEps(InvalidInputException e, double eps) {
        assertEquals("eps", e.field());
        assertTrue(e.getMessage().contains("finite number > 0") && e.getMessage().contains(String.valueOf(eps)),
                e.getMessage());
    }
}
