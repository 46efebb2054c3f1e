package org.normgraph.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fused kernel and the fused layer engine give the numbers of the staged graph. */
class StagedFusedAgreementTest {

    private static final double TOLERANCE = GradientCheck.SIMPLIFIED_TOLERANCE;

    @ParameterizedTest(name = "N={0} D={1} eps={2}")
    @CsvSource({"1,1,1e-5", "1,4,1", "2,3,1e-5", "3,2,1e-3", "8,5,0.1", "17,4,1e-5", "64,8,1e-3", "3,30,1"})
    void fused_kernel_matches_the_staged_graph(int n, int d, double eps) {
        BatchNormInput in = TestInputs.random(n, d, eps, n * 31L + d);
        Trace trace = BatchNormGraph.run(in);
        FusedBatchNorm.Result fused = FusedBatchNorm.run(in);
        agree("out", trace.value("out"), fused.out());
        agree("mean", trace.value("mu"), fused.mean());
        agree("var", trace.value("var"), fused.var());
        agree("dx", trace.gradient("x"), fused.dx());
        agree("dgamma", trace.gradient("gamma"), fused.dgamma());
        agree("dbeta", trace.gradient("beta"), fused.dbeta());
    }

    @ParameterizedTest(name = "N={0} D={1} eps={2}")
    @CsvSource({"1,3,1e-5", "2,2,1", "5,3,1e-3", "16,4,1e-5"})
    void layer_engines_staged_and_fused_agree(int n, int d, double eps) {
        BatchNormInput in = TestInputs.random(n, d, eps, n * 7L + d);
        BatchNorm staged = new BatchNorm(d, eps, 0.9, BatchNorm.Engine.STAGED);
        BatchNorm fused = new BatchNorm(d, eps, 0.9, BatchNorm.Engine.FUSED);
        BatchNorm.TrainStep s = staged.train(in.x(), in.gamma(), in.beta());
        BatchNorm.TrainStep f = fused.train(in.x(), in.gamma(), in.beta());
        agree("out", s.out(), f.out());
        BatchNorm.Gradients gs = s.backward(in.dout());
        BatchNorm.Gradients gf = f.backward(in.dout());
        agree("dx", gs.dx(), gf.dx());
        agree("dgamma", gs.dgamma(), gf.dgamma());
        agree("dbeta", gs.dbeta(), gf.dbeta());
        agree("running mean", staged.runningMean(), fused.runningMean());
        agree("running var", staged.runningVar(), fused.runningVar());
    }

    private static void agree(String what, Matrix staged, Matrix fused) {
        Comparison c = Comparison.of(staged, fused);
        assertTrue(c.within(TOLERANCE), () -> what + ": " + c);
    }
}
