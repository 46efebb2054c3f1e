package org.normgraph.core.family;

import java.util.Arrays;
import java.util.Locale;

/** Which axes a normalization takes its statistics over. */
public enum NormKind {
    /** Per feature (channel) over the batch: over N for N×D, over N, H, W for N×C×H×W. */
    BATCH,
    /** Per sample over all its features: over D, or over C, H, W. Group norm with G = 1. */
    LAYER,
    /** Per sample and group of C/G consecutive channels (features): over D/G, or C/G, H, W. */
    GROUP,
    /** Per sample and channel over H, W (4-D only). Group norm with G = C. */
    INSTANCE;

    /** The name on the command line and in JSON: {@code batch}, {@code layer}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code id}; an unknown name is refused naming the choices. */
    public static NormKind parse(String id) {
        for (NormKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new org.normgraph.core.InvalidInputException("norm", "unknown kind '" + id
                + "' (expected one of " + String.join(", ", Arrays.stream(values()).map(NormKind::id).toList()) + ")");
    }
}
