package org.normgraph.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.normgraph.app.editor.InputEdits;
import org.normgraph.app.inspector.ChainRuleExplainer.Line;
import org.normgraph.app.model.InputLayout;
import org.normgraph.app.model.NormAxes;
import org.normgraph.app.model.RunningStatistics;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.Edge;
import org.normgraph.core.Matrix;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormSpec;

/** The inspector on N×C×H×W x: a channel's H·W columns in the sums, per-channel formulas. */
class ChainRuleExplainerImagesTest {

    /** 3 random images of 2 channels × 1×2 pixels, columns (0,0,0), (0,0,1), (1,0,0), (1,0,1), under batch norm. */
    private static SessionModel onImages() {
        InputLayout images = InputLayout.images(2, 1, 2);
        SessionModel m = SessionModel.example();
        m.commit(InputEdits.randomize(3, images, 1e-3, 21), images);
        return m;
    }

    /** Spatial batch norm of {@link #onImages}. */
    private static Trace spatialBatch() {
        return onImages().getTrace();
    }

    @Test
    void spatial_batch_norm_means_a_channel_over_the_rows_and_its_h_w_columns() {
        Trace trace = spatialBatch();
        ChainRuleExplainer ex = new ChainRuleExplainer(trace);
        assertEquals(2, ex.axes().channelWidth());
        Line mu = ex.value("mu", 0, 1);
        assertEquals(trace.value("mu").get(0, 1), mu.result(), 1e-15);
        assertEquals(1 + 6, mu.terms().size(), "1/(N·H·W) and the 3 rows × 2 columns of channel 1");
        assertEquals(1.0 / 6, mu.terms().get(0).value(), 0.0);
        Line dgamma = ex.contribution(new Edge("gamma", "bcast_gamma", 0), 0, 1);
        assertEquals("\u03a3_{i, j=2..3} dbcast_gamma[i][j]", dgamma.symbolic());
        assertEquals(6, dgamma.terms().size());
        assertEquals(trace.gradient("gamma").get(0, 1), dgamma.result(), 1e-12);
        assertTrue(NodeTex.forward("mu", ex.axes()).contains("\\frac{1}{N \\cdot H \\cdot W}"), NodeTex.forward("mu", ex.axes()));
        assertTrue(NodeTex.forward("bcast_gamma", ex.axes()).contains("c(j)"));
        assertTrue(NodeTex.forward("gamma", ex.axes()).contains("1 \\times C"));
    }

    @Test
    void instance_norm_counts_h_w_values_per_statistic() {
        SessionModel m = onImages();
        m.setNormSpec(NormSpec.instance());
        ChainRuleExplainer ex = new ChainRuleExplainer(m.getTrace());
        assertTrue(NodeTex.forward("var", ex.axes()).contains("\\frac{1}{H \\cdot W}"), NodeTex.forward("var", ex.axes()));
        Line var = ex.value("var", 2, 1);
        assertEquals(m.getTrace().value("var").get(2, 1), var.result(), 1e-15);
        assertEquals("(1/2) \u00b7 \u03a3_{j=2..3} sq[2][j]", var.symbolic());
    }

    /** Images of 1×1 pixels have one column per channel: the inspector wrote gamma ∈ ℝ^{1×D} under a 1×C shape. */
    @Test
    void images_of_one_pixel_are_still_written_per_channel() {
        InputLayout images = InputLayout.images(3, 1, 1);
        SessionModel m = SessionModel.example();
        m.commit(m.getInput(), images);
        m.setNormSpec(NormSpec.instance());
        ChainRuleExplainer ex = new ChainRuleExplainer(m.getTrace(), m.getNormLayout());
        assertTrue(NodeTex.forward("gamma", ex.axes()).contains("1 \\times C"), NodeTex.forward("gamma", ex.axes()));
        assertTrue(NodeTex.forward("mu", ex.axes()).contains("\\frac{1}{H \\cdot W}"), NodeTex.forward("mu", ex.axes()));
    }

    /** Instance norm's statistics are per row and channel: the inspector wrote them with group norm's g. */
    @Test
    void instance_norm_is_written_per_channel_not_per_group() {
        SessionModel m = onImages();
        m.setNormSpec(NormSpec.instance());
        ChainRuleExplainer ex = new ChainRuleExplainer(m.getTrace(), m.getNormLayout());
        String mu = NodeTex.forward("mu", ex.axes());
        assertEquals("\\mathrm{mu}_{ic} = \\frac{1}{H \\cdot W} \\sum_{j \\in c} x_{ij}", mu);
        assertTrue(NodeTex.forward("bcast_ivar", ex.axes()).contains("\\mathrm{ivar}_{i\\,c(j)}"),
                NodeTex.forward("bcast_ivar", ex.axes()));
        m.setNormSpec(NormSpec.group(2));
        assertTrue(NodeTex.forward("mu", new ChainRuleExplainer(m.getTrace(), m.getNormLayout()).axes())
                .contains("\\sum_{j \\in g}"), "group norm keeps its groups");
    }

    /** Spatial batch norm in inference: mu and var are the 1×C running statistics, x the N×C·H·W rows. */
    @Test
    void inference_on_images_writes_the_constants_per_channel() {
        SessionModel m = onImages();
        m.setInference(new RunningStatistics(Matrix.rowVector(0, 1), Matrix.rowVector(1, 2)));
        ChainRuleExplainer ex = new ChainRuleExplainer(m.getTrace(), m.getNormLayout());
        assertEquals(2, ex.axes().channelWidth(), "the inference graph's gamma is copied over H·W too");
        Line dgamma = ex.contribution(new Edge("gamma", "bcast_gamma", 0), 0, 1);
        assertEquals("\u03a3_{i, j=2..3} dbcast_gamma[i][j]", dgamma.symbolic());
        assertEquals(m.getTrace().gradient("gamma").get(0, 1), dgamma.result(), 1e-12);
        assertEquals("\\mathrm{mu} = \\mathrm{running\\_mean} \\in \\mathbb{R}^{1 \\times C}", NodeTex.forward("mu", ex.axes(), true));
        assertTrue(NodeTex.forward("x", ex.axes(), true).contains("C \\cdot H \\cdot W"));
        assertTrue(NodeTex.forward("mu", NormAxes.BATCH, true).contains("1 \\times D"), "N×D keeps 1×D");
    }
}
