package org.normgraph.core.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.normgraph.core.TensorComparison;
import org.normgraph.core.family.NormGradientCheck;
import org.normgraph.core.family.NormGraph;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;
import org.normgraph.core.family.NormTrace;

/** Runs a {@link Pitfall} next to the correct graph and reports what goes wrong, and where. */
public final class PitfallLab {

    private PitfallLab() {
    }

    /**
     * What one pitfall does to one input.
     *
     * @param pitfall         the mistake
     * @param check           the variant's dx, dgamma, dbeta against finite differences of the
     *                        correct loss and against the simplified formula
     * @param ownForward      the variant's dx, dgamma, dbeta against finite differences of the
     *                        variant's <em>own</em> forward: a forward mistake passes this (its
     *                        backward is the right derivative of the wrong function), which is
     *                        why a gradient check needs a trusted forward
     * @param firstDifference where the variant's trace first leaves the correct trace; empty
     *                        when this input does not show the mistake (e.g. dbeta's mean and
     *                        sum agree when there is one row)
     * @param variant         the variant's trace, to show next to the correct one
     */
    public record Report(Pitfall pitfall, List<NormGradientCheck.Result> check,
                         Map<String, TensorComparison> ownForward, Optional<FirstDifference> firstDifference,
                         NormTrace variant) {

        /** True when the gradient check catches the mistake. */
        public boolean checkFails() {
            return check.stream().anyMatch(r -> !r.passed());
        }

        /** The gradients that fail the check, e.g. {@code [dbeta]}. */
        public List<String> failing() {
            return check.stream().filter(r -> !r.passed()).map(NormGradientCheck.Result::gradientName).toList();
        }

        /** True when the variant's backward is consistent with the variant's own forward. */
        public boolean consistentWithOwnForward() {
            return ownForward.values().stream().allMatch(c -> c.within(NormGradientCheck.NUMERIC_TOLERANCE));
        }
    }

    public static Report run(Pitfall pitfall, NormSpec spec, NormInput in) {
        NormLayout layout = NormLayout.of(spec, in.shape());
        NormGraph correct = NormGraph.build(layout, in.eps());
        NormGraph wrong = NormGraph.build(layout, in.eps(), pitfall);
        NormTrace correctTrace = correct.run(in);
        NormTrace wrongTrace = wrong.run(in);
        List<NormGradientCheck.Result> check = NormGradientCheck.check(spec, in, pitfall);
        NormGradientCheck.Gradients analytic = NormGradientCheck.analytic(wrongTrace);
        NormGradientCheck.Gradients ownNumeric = NormGradientCheck.numeric(wrong, in);
        Map<String, TensorComparison> own = new LinkedHashMap<>();
        for (String input : List.of(NormGraph.X, NormGraph.GAMMA, NormGraph.BETA)) {
            own.put(input, TensorComparison.of(ownNumeric.of(input), analytic.of(input)));
        }
        return new Report(pitfall, check, java.util.Collections.unmodifiableMap(own),
                FirstDifference.between(correctTrace, wrongTrace), wrongTrace);
    }
}
