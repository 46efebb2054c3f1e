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

    /** On images the variant averaged N·H·W = 8 values a channel; the text said "N times too small" with N = 2. */
    @Test
    void on_images_the_mean_for_dbeta_is_said_to_divide_by_n_h_w() {
        NormLayout layout = NormLayout.of(NormSpec.batch(), 2, 2, 2, 2);
        var in = FamilyInputs.random(new int[] {2, 2, 2, 2}, 1e-5, 42);
        PitfallLab.Report r = PitfallLab.run(Pitfall.MEAN_FOR_DBETA, layout, in);
        var correct = org.normgraph.core.BatchNormGraph.run(layout, in).gradient("beta");
        var variant = r.variant().gradient("beta");
        for (int c = 0; c < 2; c++) {
            assertEquals(correct.get(0, c) / 8, variant.get(0, c), 1e-12, "channel " + c);
        }
        String what = Messages.get(PitfallTab.whatKey(Pitfall.MEAN_FOR_DBETA, true));
        assertTrue(what.contains("N\u00b7H\u00b7W times too small"), what);
        assertEquals("lab.pitfall.MEAN_FOR_DBETA.what", PitfallTab.whatKey(Pitfall.MEAN_FOR_DBETA, false));
        assertEquals("lab.pitfall.FORGET_DX2.what", PitfallTab.whatKey(Pitfall.FORGET_DX2, true));
    }
}
