package org.normgraph.cli;

import org.normgraph.core.InvalidInputException;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormSpec;
import picocli.CommandLine.Option;

/** The {@code --norm KIND [--groups G]} options shared by trace and gradcheck. */
final class NormOptions {

    @Option(names = "--norm", paramLabel = "KIND", defaultValue = "batch",
            description = "batch (default), layer, group or instance: the axes the statistics are taken over")
    String norm;

    @Option(names = "--groups", paramLabel = "G",
            description = "number of groups for --norm group; must divide D (2-D x) or C (4-D x)")
    Integer groups;

    /** The chosen member of the family; a combination without meaning is a one-line usage error. */
    NormSpec spec() throws UsageProblem {
        NormKind kind;
        try {
            kind = NormKind.parse(norm);
        } catch (InvalidInputException e) {
            throw new UsageProblem("--" + e.getMessage());
        }
        if (kind != NormKind.GROUP && groups != null) {
            throw new UsageProblem("--groups: only --norm group has groups (got --norm " + norm + ")");
        }
        if (kind == NormKind.GROUP && groups == null) {
            throw new UsageProblem("--norm group needs --groups G (G must divide D or C)");
        }
        try {
            return NormSpec.of(kind, kind == NormKind.GROUP ? groups : 0);
        } catch (InvalidInputException e) {
            throw new UsageProblem("--" + e.getMessage());
        }
    }

    /** A message for the user when the input and the options do not fit together. */
    static String describe(InvalidInputException e) {
        // the options are named as the user typed them
        return e.field().equals("norm") || e.field().equals("groups") ? "--" + e.getMessage() : e.getMessage();
    }

    /** Options that do not make sense together; the message is the whole line. */
    static final class UsageProblem extends Exception {
        UsageProblem(String message) {
            super(message);
        }
    }
}
