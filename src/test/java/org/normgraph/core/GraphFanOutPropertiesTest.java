package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The fan-out structure does not depend on the batch shape. */
class GraphFanOutPropertiesTest {

    @Property(tries = 30)
    void x_and_xmu_are_the_only_fan_out_nodes(@ForAll @IntRange(min = 1, max = 30) int n,
                                              @ForAll @IntRange(min = 1, max = 10) int d) {
        Graph g = BatchNormGraph.build(n, d, 1e-5);
        Set<String> fanOut = g.nodes().stream().map(Node::name).filter(g::isFanOut).collect(Collectors.toSet());
        assertEquals(Set.of("x", "xmu"), fanOut);
        assertEquals(Set.of("mu", "xmu"), consumers(g, "x"));
        assertEquals(Set.of("sq", "xhat"), consumers(g, "xmu"));
    }

    private static Set<String> consumers(Graph g, String name) {
        return g.consumers(name).stream().map(Edge::to).collect(Collectors.toSet());
    }
}
