package org.normgraph.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.app.model.InputLayout;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.GradientCheck;
import org.normgraph.core.Graph;
import org.normgraph.core.Matrix;
import org.normgraph.core.Node;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;
import org.normgraph.core.lab.Pitfall;

/**
 * The lab checks the graph the app draws: the session's kind of normalization, its graph and
 * its trace, not batch norm whatever is shown. View models only (no toolkit); the lab's work
 * runs on the calling thread.
 */
class LabChecksTheDrawnGraphTest {

    private static LabModel lab(SessionModel session) {
        LabModel lab = new LabModel(session.inputProperty(), session.normSpecProperty(), session.inputLayoutProperty(),
                Runnable::run, Runnable::run);
        lab.setActive(true);
        return lab;
    }

    @ParameterizedTest(name = "{0} G={1}, {2}")
    @CsvSource({"layer, 0, DIVIDE_BY_IVAR", "group, 3, FORGET_DXMU2", "batch, 0, MEAN_FOR_DBETA", "layer, 0, ASSIGN_AT_FAN_OUT"})
    void the_check_staged_dx_and_pitfall_are_those_of_the_drawn_graph(String kind, int g, Pitfall pitfall) {
        SessionModel session = SessionModel.example();
        NormSpec spec = NormSpec.of(NormKind.parse(kind), g);
        session.setNormSpec(spec);
        LabModel lab = lab(session);
        lab.pitfallProperty().set(pitfall);
        LabResults r = lab.getResults();
        assertNull(lab.errorProperty().get());
        BatchNormInput in = session.getInput();
        assertEquals(spec, r.spec());
        assertEquals(session.getTrace().gradient("x"), r.stagedDx());
        assertEquals(GradientCheck.check(NormLayout.of(spec, in.n(), in.d()), NormInput.of(in)), r.check());
        Graph drawn = session.getGraph();
        Graph variant = r.pitfall().variant().graph();
        assertEquals(drawn.edges(), variant.edges());
        List<String> changed = drawn.nodes().stream().filter(n -> !n.equals(variant.node(n.name()))).map(Node::name).toList();
        assertEquals(pitfall == Pitfall.ASSIGN_AT_FAN_OUT ? List.of() : List.of(pitfall.node()), changed);
    }

    @Test
    void choosing_another_kind_checks_that_kind_again() {
        SessionModel session = SessionModel.example();
        LabModel lab = lab(session);
        LabResults batch = lab.getResults();
        assertEquals(NormSpec.batch(), batch.spec());
        session.setNormSpec(NormSpec.layer());
        LabResults layer = lab.getResults();
        assertEquals(NormSpec.layer(), layer.spec());
        assertEquals(session.getTrace().gradient("x"), layer.stagedDx());
        // the two kinds' gradients differ, so the lab could not pass one off as the other
        assertNotEquals(batch.stagedDx(), layer.stagedDx());
        assertNotEquals(batch.check(), layer.check());
    }

    @ParameterizedTest(name = "{0} on 4×2×1×2 images")
    @CsvSource({"batch", "instance", "group"})
    void on_images_the_lab_checks_the_image_graph_not_the_matrix_as_features(String kind) {
        InputLayout images = InputLayout.images(2, 1, 2);
        SessionModel session = SessionModel.example();
        BatchNormInput in = new BatchNormInput(
                Matrix.fromRows(new double[][] {{1, 2, 0, 3}, {3, 4, -1, 1}, {5, 0, 2, 2}, {7, 2, 3, -2}}),
                images.perColumn(Matrix.rowVector(1.5, 0.5)), images.perColumn(Matrix.rowVector(0.25, -1)),
                Matrix.fromRows(new double[][] {{0.1, -0.2, 0.3, 0.4}, {-0.4, 0.5, 0.1, 0}, {0.2, 0.1, -0.3, 0.2},
                        {0.3, -0.1, 0.2, -0.5}}), 1e-5);
        session.commit(in, images);
        NormSpec spec = NormSpec.of(NormKind.parse(kind), kind.equals("group") ? 2 : 0);
        session.setNormSpec(spec);
        LabResults r = lab(session).getResults();
        assertEquals(session.getTrace().gradient("x"), r.stagedDx());
        assertEquals(GradientCheck.check(images.norm(spec, 4), images.coreInput(in)), r.check());
        assertTrue(r.checkPassed());
        if (kind.equals("batch")) { // spatial batch norm pools H, W too; group and instance match their features form
            assertNotEquals(LabResults.compute(in, InputLayout.features(4), spec, r.pitfall().pitfall()).stagedDx(), r.stagedDx(),
                    "the same numbers read as features are another graph");
        }
    }

    /** x of 1e200 is finite, but sq overflows: the lab said x[0][0] "is Infinity". */
    @org.junit.jupiter.api.Test
    void an_input_whose_numbers_overflow_is_explained_by_the_node_that_overflows() {
        SessionModel session = SessionModel.example();
        session.commit(session.getInput().withX(session.getInput().x().with(0, 0, 1e200).with(1, 0, 3e200)));
        LabModel lab = lab(session);
        String error = lab.errorProperty().get();
        org.junit.jupiter.api.Assertions.assertNotNull(error);
        org.junit.jupiter.api.Assertions.assertTrue(error.startsWith("the numbers overflow: sq is not finite"), error);
    }
}
