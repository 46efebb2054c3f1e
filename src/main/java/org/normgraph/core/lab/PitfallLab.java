package org.normgraph.core.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.CheckResolution;
import org.normgraph.core.Comparison;
import org.normgraph.core.GradientCheck;
import org.normgraph.core.Trace;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormLayout;

/**
 * Runs a {@link Pitfall} next to the correct graph of the same layout and reports what goes
 * wrong, and where. Both are {@link BatchNormGraph}s run by the staged engine: the pitfall is
 * the graph the app draws with one op (or the fan-out rule) changed.
 */
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
    public record Report(Pitfall pitfall, List<GradientCheck.Result> check, Map<String, Comparison> ownForward,
                         Optional<FirstDifference> firstDifference, Trace variant) {

        /** True when the gradient check catches the mistake. */
        public boolean checkFails() {
            return check.stream().anyMatch(r -> !r.passed());
        }

        /** The gradients that fail the check, e.g. {@code [dbeta]}. */
        public List<String> failing() {
            return check.stream().filter(r -> !r.passed()).map(GradientCheck.Result::gradientName).toList();
        }

        /**
         * The gradients whose finite-difference comparison alone fails. Empty while others fail
         * when the mistake is smaller than that check's tolerance (eps moved in {@code √var + eps})
         * and only the comparison with the simplified formula sees it.
         */
        public List<String> failingFiniteDifferences() {
            return check.stream().filter(r -> !r.numericPassed())
                    .map(GradientCheck.Result::gradientName).toList();
        }

        /** True when the variant's backward is consistent with the variant's own forward. */
        public boolean consistentWithOwnForward() {
            return ownForward.values().stream().allMatch(c -> c.within(GradientCheck.NUMERIC_TOLERANCE));
        }
    }

    public static Report run(Pitfall pitfall, NormLayout layout, NormInput in) {
        Trace correctTrace = BatchNormGraph.run(layout, in);
        Trace wrongTrace = BatchNormGraph.run(layout, in, pitfall);
        List<GradientCheck.Result> check = GradientCheck.check(layout, in, pitfall);
        GradientCheck.Gradients analytic = GradientCheck.Gradients.of(wrongTrace);
        GradientCheck.Gradients ownNumeric = GradientCheck.numeric(layout, in, pitfall);
        CheckResolution resolution = CheckResolution.of(layout, in);
        Map<String, Comparison> own = new LinkedHashMap<>();
        for (String input : List.of(BatchNormGraph.X, BatchNormGraph.GAMMA, BatchNormGraph.BETA)) {
            own.put(input, Comparison.of(ownNumeric.of(input), analytic.of(input), resolution.zeroBelow(input)));
        }
        return new Report(pitfall, check, java.util.Collections.unmodifiableMap(own),
                FirstDifference.between(correctTrace, wrongTrace), wrongTrace);
    }
}
