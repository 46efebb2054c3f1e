package org.normgraph.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.app.editor.InputEdits;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Graph;
import org.normgraph.core.InvalidInputException;
import org.normgraph.core.Matrix;
import org.normgraph.core.Node;
import org.normgraph.core.Shape;
import org.normgraph.core.Tensor;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormSpec;

/** x laid out as N×C×H×W images in the session: the kinds' shapes, refusals, the core's numbers, notes, undo. */
class SessionModelLayoutTest {

    /** 2×2×2×2: image n, channel c holds the four pixels of {@link #X}[n][c]. */
    private static final double[][][][] X = {
            {{{1, 2}, {3, 6}}, {{0, 0}, {4, 8}}},
            {{{5, 1}, {2, 0}}, {{7, 7}, {7, 7}}}};
    private static final double[][][][] DOUT = {
            {{{0.1, -0.2}, {0.3, 0.4}}, {{-0.5, 0.6}, {0.2, -0.1}}},
            {{{0.3, 0.1}, {-0.2, 0.5}}, {{0.4, -0.3}, {0.1, 0.2}}}};
    private static final InputLayout IMAGES = InputLayout.images(2, 2, 2);

    /** The session's rows: image n's values channel-major, gamma and beta repeated over each channel's 4 columns. */
    static BatchNormInput images() {
        return new BatchNormInput(rows(X), IMAGES.perColumn(Matrix.rowVector(1.5, 0.5)),
                IMAGES.perColumn(Matrix.rowVector(0.25, -1)), rows(DOUT), 1e-5);
    }

    private static Matrix rows(double[][][][] t) {
        double[][] out = new double[t.length][];
        for (int n = 0; n < t.length; n++) {
            out[n] = java.util.Arrays.stream(t[n]).flatMap(java.util.Arrays::stream)
                    .flatMapToDouble(java.util.Arrays::stream).toArray();
        }
        return Matrix.fromRows(out);
    }

    private static Tensor tensor(double[][][][] t) {
        return Tensor.of(new int[] {2, 2, 2, 2}, rows(t).toArray());
    }

    static SessionModel onImages() {
        SessionModel m = SessionModel.example();
        m.commit(images(), IMAGES);
        return m;
    }

    @ParameterizedTest(name = "{0}: mu is {1}×{2}")
    @CsvSource({"batch, 1, 2", "layer, 2, 1", "group, 2, 2", "instance, 2, 2"})
    void each_kind_on_images_has_its_statistics_shape_and_per_channel_parameters(String kind, int rows, int cols) {
        SessionModel m = onImages();
        m.setNormSpec(NormSpec.of(org.normgraph.core.family.NormKind.parse(kind), kind.equals("group") ? 2 : 0));
        Graph g = m.getGraph();
        assertEquals(new Shape(2, 8), g.node("x").shape(), "x as N rows of C·H·W");
        assertEquals(new Shape(1, 2), g.node("gamma").shape(), "gamma per channel");
        assertEquals(new Shape(rows, cols), g.node("mu").shape());
        assertEquals(new Shape(2, 8), g.node("bcast_mu").shape());
        assertTrue(m.getNormLayout().spatial());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"batch", "layer", "group", "instance"})
    void every_value_and_gradient_equals_the_cores_trace_of_the_4d_input(String kind) {
        SessionModel m = onImages();
        NormSpec spec = NormSpec.of(org.normgraph.core.family.NormKind.parse(kind), kind.equals("group") ? 2 : 0);
        m.setNormSpec(spec);
        NormInput in4 = new NormInput(tensor(X), Tensor.vector(1.5, 0.5), Tensor.vector(0.25, -1), tensor(DOUT), 1e-5);
        Trace core = BatchNormGraph.run(org.normgraph.core.family.NormLayout.of(spec, 2, 2, 2, 2), in4);
        for (Node n : m.getGraph().nodes()) {
            assertEquals(core.value(n.name()), m.getTrace().value(n.name()), n.name());
            assertEquals(core.gradient(n.name()), m.getTrace().gradient(n.name()), "d" + n.name());
        }
    }

    @Test
    void instance_norm_takes_each_images_channel_over_its_pixels_and_batch_norm_a_channel_over_n_h_w() {
        SessionModel m = onImages();
        m.setNormSpec(NormSpec.instance());
        Matrix mu = m.getTrace().value("mu");
        assertEquals((1 + 2 + 3 + 6) / 4.0, mu.get(0, 0), 1e-15);
        assertEquals((0 + 0 + 4 + 8) / 4.0, mu.get(0, 1), 1e-15);
        assertEquals((5 + 1 + 2 + 0) / 4.0, mu.get(1, 0), 1e-15);
        // var of (1, 2, 3, 6) around 3: (4 + 1 + 0 + 9) / 4
        assertEquals(3.5, m.getTrace().value("var").get(0, 0), 1e-15);
        m.setNormSpec(NormSpec.batch());
        assertEquals((1 + 2 + 3 + 6 + 5 + 1 + 2 + 0) / 8.0, m.getTrace().value("mu").get(0, 0), 1e-15);
        assertEquals((0 + 0 + 4 + 8 + 7 * 4) / 8.0, m.getTrace().value("mu").get(0, 1), 1e-15);
    }

    @Test
    void instance_norm_is_refused_for_features_and_offered_for_images() {
        SessionModel m = SessionModel.example();
        Trace before = m.getTrace();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> m.setNormSpec(NormSpec.instance()));
        assertEquals("norm", e.field());
        assertSame(before, m.getTrace());
        assertEquals(NormSpec.batch(), m.getNormSpec());
        m.commit(images(), IMAGES);
        m.setNormSpec(NormSpec.instance());
        assertEquals(NormSpec.instance(), m.getNormSpec());
    }

    @Test
    void a_g_that_does_not_divide_c_and_a_switch_to_features_under_instance_norm_are_refused_keeping_the_state() {
        SessionModel m = onImages();
        Graph graph = m.getGraph();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> m.setNormSpec(NormSpec.group(3)));
        assertTrue(e.getMessage().contains("C = 2"), e.getMessage());
        assertSame(graph, m.getGraph());
        m.setNormSpec(NormSpec.instance());
        BatchNormInput in = m.getInput();
        assertThrows(InvalidInputException.class, () -> m.commit(in, InputLayout.features(8)));
        assertEquals(IMAGES, m.getInputLayout());
        assertSame(in, m.getInput());
    }

    @Test
    void gamma_that_differs_within_a_channel_does_not_fit_an_image_layout() {
        SessionModel m = SessionModel.example();
        BatchNormInput perColumn = InputEdits.randomize(2, 8, 1e-5, 3);
        assertThrows(IllegalArgumentException.class, () -> m.commit(perColumn, IMAGES));
        assertEquals(InputLayout.features(3), m.getInputLayout());
    }

    @Test
    void an_input_that_does_not_fit_the_images_is_committed_as_features() {
        SessionModel m = onImages();
        BatchNormInput oneColumn = m.getInput().withGamma(m.getInput().gamma().with(0, 1, 3.0)); // inside channel 0
        m.commit(oneColumn);
        assertEquals(InputLayout.features(8), m.getInputLayout());
        assertSame(oneColumn, m.getInput());
        assertTrue(m.undo());
        assertEquals(IMAGES, m.getInputLayout());
    }

    @Test
    void undo_goes_back_across_a_layout_change_and_a_change_of_kind_and_keeps_the_position() {
        SessionModel m = SessionModel.example();
        BatchNormInput example = m.getInput();
        m.seek(12);
        m.commit(images(), IMAGES);
        assertEquals(12, m.getPosition());
        assertTrue(m.undo());
        assertEquals(InputLayout.features(3), m.getInputLayout());
        assertSame(example, m.getInput());
        assertEquals(new Shape(1, 3), m.getGraph().node("mu").shape());
        assertTrue(m.redo());
        assertEquals(IMAGES, m.getInputLayout());
        m.setNormSpec(NormSpec.instance());
        assertTrue(m.undo(), "the change of kind is the last edit");
        assertEquals(IMAGES, m.getInputLayout());
        assertEquals(NormSpec.batch(), m.getNormSpec());
        assertTrue(m.undo());
        assertEquals(InputLayout.features(3), m.getInputLayout());
        assertEquals(12, m.getPosition());
        assertTrue(m.redo());
        assertTrue(m.redo());
        assertEquals(IMAGES, m.getInputLayout());
        assertEquals(NormSpec.instance(), m.getNormSpec());
        assertEquals(new Shape(2, 2), m.getGraph().node("mu").shape(), "one mean per image and channel");
        assertNull(m.kindSetAsideProperty().get());
    }

    /** Layer norm, then images under instance norm: undo went to batch norm, not to the layer norm of the edit. */
    @Test
    void every_undo_and_redo_brings_an_input_back_with_the_kind_it_was_in() {
        SessionModel m = SessionModel.example();
        m.setNormSpec(NormSpec.layer());
        m.commit(images(), IMAGES);
        m.setNormSpec(NormSpec.instance());
        assertTrue(m.undo());
        assertEquals(NormSpec.layer(), m.getNormSpec());
        assertEquals(IMAGES, m.getInputLayout());
        assertTrue(m.undo());
        assertEquals(NormSpec.layer(), m.getNormSpec());
        assertEquals(InputLayout.features(3), m.getInputLayout());
        assertTrue(m.undo());
        assertEquals(NormSpec.batch(), m.getNormSpec());
        assertFalse(m.canUndo());
        assertEquals(BatchNormGraph.run(m.getInput()).gradient("x"), m.getTrace().gradient("x"));
        assertTrue(m.redo());
        assertTrue(m.redo());
        assertTrue(m.redo());
        assertEquals(NormSpec.instance(), m.getNormSpec());
        assertFalse(m.canRedo());
    }

    @Test
    void a_kind_set_aside_by_reset_comes_back_with_its_input_on_undo() {
        SessionModel m = onImages();
        m.setNormSpec(NormSpec.instance());
        m.commitUnderAnyKind(Examples.classic(), InputLayout.features(3));
        assertEquals(NormSpec.batch(), m.getNormSpec());
        assertEquals(NormSpec.instance(), m.kindSetAsideProperty().get(), "the window says which kind was left");
        assertTrue(m.undo());
        assertEquals(NormSpec.instance(), m.getNormSpec());
        assertEquals(IMAGES, m.getInputLayout());
        assertNull(m.kindSetAsideProperty().get(), "nothing is set aside any more");
        assertTrue(m.redo());
        assertEquals(NormSpec.batch(), m.getNormSpec());
        assertEquals(Examples.classic(), m.getInput());
    }

    @Test
    void a_constant_group_gets_a_note_naming_it_by_its_statistic() {
        SessionModel m = onImages(); // image 1, channel 1 is all 7
        m.setNormSpec(NormSpec.instance());
        Note note = m.getNotes().stream().filter(n -> n.key().startsWith("note.family.constant-group")).findFirst()
                .orElseThrow();
        assertEquals("note.family.constant-group", note.key());
        assertEquals(List.of("mu[1][1]", "1e-5"), note.args());
        // what the note says: xhat is 0 there and dx is (dxhat − its mean) / √eps
        Matrix xhat = m.getTrace().value("xhat");
        Matrix dxhat = m.getTrace().gradient("xhat");
        double mean = (dxhat.get(1, 4) + dxhat.get(1, 5) + dxhat.get(1, 6) + dxhat.get(1, 7)) / 4;
        for (int col = 4; col < 8; col++) {
            assertEquals(0.0, xhat.get(1, col), 0.0);
            assertEquals((dxhat.get(1, col) - mean) / Math.sqrt(1e-5), m.getTrace().gradient("x").get(1, col), 1e-9);
        }
        m.setNormSpec(NormSpec.batch()); // channel 1 over both images is not constant
        assertTrue(m.getNotes().stream().noneMatch(n -> n.key().startsWith("note.family.constant-group")));
    }

    @Test
    void groups_of_a_single_value_get_the_note_that_every_dx_is_0() {
        SessionModel m = SessionModel.example();
        BatchNormInput in = InputEdits.relayout(m.getInput(), m.getInputLayout(), 4, InputLayout.images(3, 1, 1));
        m.commit(in, InputLayout.images(3, 1, 1));
        m.setNormSpec(NormSpec.instance()); // H·W = 1
        assertTrue(m.getNotes().stream().anyMatch(n -> n.key().equals("note.family.single-value")));
        Matrix dx = m.getTrace().gradient("x");
        assertEquals(0.0, dx.maxAbs(), 0.0);
        m.setNormSpec(NormSpec.batch()); // N·H·W = 4 values per channel
        assertTrue(m.getNotes().stream().noneMatch(n -> n.key().equals("note.family.single-value")));
    }
}
