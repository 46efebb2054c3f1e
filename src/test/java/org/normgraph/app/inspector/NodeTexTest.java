package org.normgraph.app.inspector;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Node;

/** Plain JUnit, AWT headless (surefire sets java.awt.headless=true): no toolkit, no window. */
class NodeTexTest {

    @Test
    void every_node_has_a_forward_formula_and_a_local_derivative_that_typeset() {
        for (Node n : BatchNormGraph.build(4, 3, 1e-5).nodes()) {
            for (String tex : new String[] {NodeTex.forward(n.name()), NodeTex.local(n.name())}) {
                assertNotNull(tex, n.name());
                BufferedImage img = TexRenderer.render(tex, 16, Color.BLACK);
                assertTrue(img.getWidth() > 20 && img.getHeight() > 10, n.name() + ": " + tex);
                assertTrue(TexRenderer.hasInk(img), n.name() + " draws nothing: " + tex);
            }
        }
    }

    @Test
    void unknown_nodes_have_no_formula_and_bad_latex_is_an_error() {
        assertNull(NodeTex.forward("nope"));
        assertNull(NodeTex.local("nope"));
        assertThrows(IllegalArgumentException.class, () -> TexRenderer.render("\\nosuchcmd{x}", 16, Color.BLACK));
    }
}
