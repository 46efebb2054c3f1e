package org.normgraph.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.normgraph.app.Messages;
import org.normgraph.core.family.FamilyInputs;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;
import org.normgraph.core.lab.FirstDifference;
import org.normgraph.core.lab.Pitfall;
import org.normgraph.core.lab.PitfallLab;

/** Why a pitfall's trace shows no difference: the one-row reason was given on a batch of 4 rows. */
class PitfallTabTest {

    @Test
    void a_mistake_under_the_tolerance_is_said_to_be_so_not_to_be_one_row() {
        // eps = 1e-10 moved out of the root changes the numbers by about 1e-11 of them
        PitfallLab.Report r = PitfallLab.run(Pitfall.STD_PLUS_EPS, NormLayout.of(NormSpec.batch(), 4, 3),
                FamilyInputs.random(new int[] {4, 3}, 1e-10, 7));
        assertTrue(r.firstDifference().isEmpty(), "no difference beyond " + FirstDifference.TOLERANCE);
        assertEquals(Messages.get("lab.pitfall.same", LabFormat.sci(FirstDifference.TOLERANCE)), PitfallTab.sameText(r));
    }

    @Test
    void a_mean_of_one_row_is_its_sum() {
        PitfallLab.Report r = PitfallLab.run(Pitfall.MEAN_FOR_DBETA, NormLayout.of(NormSpec.batch(), 1, 3),
                FamilyInputs.random(new int[] {1, 3}, 1e-5, 4));
        assertTrue(r.firstDifference().isEmpty());
        assertEquals(Messages.get("lab.pitfall.same.onerow"), PitfallTab.sameText(r));
    }
}
