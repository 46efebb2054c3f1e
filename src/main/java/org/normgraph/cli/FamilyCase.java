package org.normgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.normgraph.core.InvalidInputException;
import org.normgraph.core.family.NormInput;
import org.normgraph.core.family.NormLayout;
import org.normgraph.core.family.NormSpec;
import org.normgraph.io.CaseFile;
import org.normgraph.io.InputFormatException;

/**
 * A case read for the normalization family: the input and the layout of the chosen kind on it.
 * Batch norm of an N×D case is not one: it keeps the nine-step path and its contract output.
 */
record FamilyCase(NormSpec spec, NormInput input, NormLayout layout) {

    /** True when {@code spec} on this case is today's nine-step batch norm (N×D x). */
    static boolean isNineStep(NormSpec spec, JsonNode root) {
        return spec.equals(NormSpec.batch()) && CaseFile.isMatrixCase(root);
    }

    /** Reads the case and fits the kind to it; every problem is one line naming the field or option. */
    static FamilyCase read(NormSpec spec, JsonNode root) throws InputFormatException {
        NormInput in = CaseFile.normFromJson(root);
        try {
            return new FamilyCase(spec, in, NormLayout.of(spec, in.shape()));
        } catch (InvalidInputException e) {
            throw new InputFormatException(NormOptions.describe(e), e);
        }
    }
}
