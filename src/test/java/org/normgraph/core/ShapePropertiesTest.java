package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Every node and named gradient has its DESIGN.md shape, for any N and D. */
class ShapePropertiesTest {

    @Property(tries = 60)
    void every_node_value_has_its_design_shape(@ForAll @IntRange(min = 1, max = 12) int n,
                                               @ForAll @IntRange(min = 1, max = 7) int d,
                                               @ForAll long seed) {
        Trace t = BatchNormGraph.run(TestInputs.random(n, d, 1e-3, seed));
        for (Node node : t.graph().nodes()) {
            Shape expected = designShape(node.name(), n, d);
            assertEquals(expected, node.shape(), node.name() + " declared shape");
            assertEquals(expected, t.value(node.name()).shape(), node.name() + " value");
            assertEquals(expected, t.gradient(node.name()).shape(), node.name() + " gradient");
        }
    }

    @Property(tries = 60)
    void every_named_gradient_has_its_design_shape(@ForAll @IntRange(min = 1, max = 12) int n,
                                                   @ForAll @IntRange(min = 1, max = 7) int d,
                                                   @ForAll long seed) {
        Trace t = BatchNormGraph.run(TestInputs.random(n, d, 1e-3, seed));
        for (NamedGradient g : BatchNormGraph.GRADIENTS) {
            assertEquals(designShape(g.name(), n, d), g.in(t).shape(), g.name());
        }
    }

    /** DESIGN.md section 1: these are 1×D vectors, everything else N×D. */
    static Shape designShape(String name, int n, int d) {
        return switch (name) {
            case "gamma", "beta", "mu", "var", "sqrtvar", "ivar",
                 "dbeta", "dgamma", "divar", "dsqrtvar", "dvar", "dmu" -> Shape.of(1, d);
            default -> Shape.of(n, d);
        };
    }
}
