package org.normgraph.app.model;

import java.util.Objects;
import org.normgraph.core.Matrix;

/**
 * The running mean and running variance (1×D each; 1×C for images) that inference mode uses as the graph's
 * constants {@code mu} and {@code var}, e.g. a {@link org.normgraph.core.BatchNorm} layer's after training.
 */
public record RunningStatistics(Matrix mean, Matrix var) {

    public RunningStatistics {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(var, "var");
    }
}
