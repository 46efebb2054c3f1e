package org.normgraph.core.family;

import org.normgraph.core.InvalidInputException;

/**
 * A member of the normalization family: its kind and, for group norm, the number of groups G.
 *
 * @param kind   batch, layer, group or instance
 * @param groups G ≥ 1 for {@link NormKind#GROUP}; 0 (not applicable) for the other kinds
 */
public record NormSpec(NormKind kind, int groups) {

    public NormSpec {
        if (kind == null) {
            throw new IllegalArgumentException("kind is missing");
        }
        if (kind == NormKind.GROUP && groups < 1) {
            throw new InvalidInputException("groups", "must be ≥ 1, got " + groups);
        }
        if (kind != NormKind.GROUP && groups != 0) {
            throw new InvalidInputException("groups", "only group norm has groups; " + kind.id()
                    + " norm got " + groups);
        }
    }

    public static NormSpec batch() {
        return new NormSpec(NormKind.BATCH, 0);
    }

    public static NormSpec layer() {
        return new NormSpec(NormKind.LAYER, 0);
    }

    public static NormSpec instance() {
        return new NormSpec(NormKind.INSTANCE, 0);
    }

    public static NormSpec group(int groups) {
        return new NormSpec(NormKind.GROUP, groups);
    }

    /** A kind without groups, or group norm with {@code groups}. */
    public static NormSpec of(NormKind kind, int groups) {
        return new NormSpec(kind, groups);
    }

    @Override
    public String toString() {
        return kind == NormKind.GROUP ? "group norm (G = " + groups + ")" : kind.id() + " norm";
    }
}
