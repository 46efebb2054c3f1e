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

    /**
     * The engine adds the branches at a fan-out; with {@link StagedEngine.FanOut#ASSIGN} (the
     * lab's pitfall) the branch visited last overwrites the others: at x that is the one
     * through mu (dx2), at xmu the one through sq (dxmu2). Each branch is still recorded.
     */
    @Property(tries = 30)
    void adding_sums_the_branches_and_assigning_keeps_the_last_one(@ForAll @IntRange(min = 2, max = 8) int n,
                                                                   @ForAll @IntRange(min = 1, max = 5) int d,
                                                                   @ForAll long seed) {
        BatchNormInput in = TestInputs.random(n, d, 1e-3, seed);
        Graph g = BatchNormGraph.build(in);
        var forward = StagedEngine.forward(g, java.util.Map.of("x", in.x(), "gamma", in.gamma(), "beta", in.beta()));
        Trace added = forward.backward(in.dout());
        Trace assigned = forward.backward(in.dout(), StagedEngine.FanOut.ASSIGN);
        assertEquals(added.contribution("x", "xmu").plus(added.contribution("x", "mu")), added.gradient("x"));
        assertEquals(added.contribution("xmu", "xhat").plus(added.contribution("xmu", "sq")), added.gradient("xmu"));
        assertEquals(assigned.contribution("xmu", "sq"), assigned.gradient("xmu"));
        assertEquals(assigned.contribution("x", "mu"), assigned.gradient("x"));
        // no other node has two consumers, so nothing else changes before xmu
        assertEquals(added.gradient("xhat"), assigned.gradient("xhat"));
        assertEquals(added.gradient("sq"), assigned.gradient("sq"));
    }

    private static Set<String> consumers(Graph g, String name) {
        return g.consumers(name).stream().map(Edge::to).collect(Collectors.toSet());
    }
}
