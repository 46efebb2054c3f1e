package org.normgraph.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.normgraph.app.model.Examples;
import org.normgraph.app.model.InputLayout;
import org.normgraph.core.family.NormSpec;
import org.normgraph.core.lab.FirstDifference;
import org.normgraph.core.lab.Pitfall;

/**
 * The lab's "first difference" of a pitfall is first twice over: the first node or named
 * gradient, in the order the graph computes, that differs; and in it the first element, in
 * row-major order, that differs. View models only (no toolkit).
 */
class PitfallFirstDifferenceTest {

    /**
     * On the classic example dbeta is [0.2, 0.3, 0.3] and its mean [0.05, 0.075, 0.075]: every
     * element differs, and the largest difference is at dbeta[1], but the first is dbeta[0].
     */
    @Test
    void dbeta_as_a_mean_first_differs_at_dbeta_0_on_the_classic_example() {
        LabResults r = LabResults.compute(Examples.classic(), InputLayout.features(3), NormSpec.batch(),
                Pitfall.MEAN_FOR_DBETA);
        FirstDifference f = r.pitfall().firstDifference().orElseThrow();
        assertEquals("dbeta", f.name());
        LabResults.Where where = r.firstDifferenceText(f);
        assertEquals("dbeta[0]", where.element());
        assertEquals("beta", where.node());
        // the numbers the text shows are that element's: correct 0.2, mistaken 0.05
        assertEquals(0.2, f.reference(), 1e-12);
        assertEquals(0.05, f.actual(), 1e-12);
        // the graph marks and the inspector selects the element the text names
        LabResults.Site site = r.firstDifferenceSite().orElseThrow();
        assertEquals("beta", site.node());
        assertNull(site.edge());
        assertEquals(0, site.row());
        assertEquals(0, site.col());
    }
}
