package org.normgraph.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.normgraph.app.inspector.NodeTex;
import org.normgraph.app.model.Examples;
import org.normgraph.app.model.NormAxes;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormSpec;
import org.normgraph.timeline.Step;
import org.normgraph.timeline.Timeline;

/** Which formulas a step's LaTeX holds: the operations the step passes through, for the graph's kind. */
class StepLatexTest {

    private static Step step(Trace trace, int position) {
        return new Timeline(trace.graph()).steps().get(position);
    }

    @Test
    void each_backward_step_gives_the_derivatives_of_the_operations_it_passes_back_through() {
        Trace trace = BatchNormGraph.run(Examples.classic());
        // positions 10…19 are Backward 9…0
        assertEquals(List.of("out", "bcast_beta", "beta"), List.copyOf(StepLatex.operationsPassed(step(trace, 10), trace.graph())));
        assertEquals(List.of("xhat", "bcast_ivar"), List.copyOf(StepLatex.operationsPassed(step(trace, 12), trace.graph())));
        assertEquals(List.of("ivar"), List.copyOf(StepLatex.operationsPassed(step(trace, 13), trace.graph())));
        assertEquals(List.of("x"), List.copyOf(StepLatex.operationsPassed(step(trace, 19), trace.graph())));
    }

    /** In inference x has one branch and mu, var are given: the LaTeX said dx = dx1 + dx2. */
    @Test
    void inference_steps_give_the_inference_graphs_formulas() {
        Trace trace = org.normgraph.core.InferenceGraph.run(Examples.classic(),
                org.normgraph.core.Matrix.rowVector(1, 2, 0), org.normgraph.core.Matrix.rowVector(4, 1, 0.25));
        List<Step> steps = new Timeline(trace.graph()).steps();
        String dx = StepLatex.of(steps.get(17), trace, null, "Backward 2"); // through xmu to x
        assertTrue(dx.contains("\\mathrm{dx} = \\mathrm{dxmu}"), dx);
        assertTrue(dx.contains("\\mathrm{dx} = \\begin{bmatrix}"), dx);
        assertFalse(dx.contains("dx1"), dx);
        String dxmu = StepLatex.of(steps.get(12), trace, null, "Backward 7");
        assertTrue(dxmu.contains("\\mathrm{dxmu} = \\begin{bmatrix}") && !dxmu.contains("dxmu1"), dxmu);
        for (Step s : steps) {
            StepLatex.of(s, trace, null, "every step writes"); // none throws on the inference names
        }
        // the slides and the LaTeX are named by what the inference graph computes
        assertEquals("03-forward-3.png", StepSlides.fileName(steps.get(3), trace.graph()), "no sq in inference");
        assertEquals("12-backward-7-dxmu.png", StepSlides.fileName(steps.get(12), trace.graph()));
        assertEquals("13-backward-6.png", StepSlides.fileName(steps.get(13), trace.graph()));
        assertEquals("17-backward-2-dx.png", StepSlides.fileName(steps.get(17), trace.graph()));
        assertEquals("19-backward-0.png", StepSlides.fileName(steps.get(19), trace.graph()), "not dx a second time");
        Trace training = BatchNormGraph.run(Examples.classic());
        assertEquals("12-backward-7-divar-dxmu1.png", StepSlides.fileName(step(training, 12), training.graph()));
    }

    @Test
    void layer_norm_steps_give_layer_norms_formulas() {
        Trace trace = BatchNormGraph.run(NormSpec.layer(), Examples.classic());
        NormAxes axes = NormAxes.of(trace.graph());
        String forward = StepLatex.of(step(trace, 1), trace, null, "Forward 1");
        assertTrue(forward.contains(NodeTex.forward("mu", axes)), forward);
        assertTrue(forward.contains("\\frac{1}{D}"), forward);
        assertFalse(forward.contains(NodeTex.forward("mu")), "batch norm's mean over rows: " + forward);
        String backward = StepLatex.of(step(trace, 19), trace, null, "Backward 0");
        assertTrue(backward.contains(NodeTex.local("x", axes)), backward);
    }
}
