package org.normgraph.app.editor;

import org.normgraph.app.model.InputLayout;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;

/**
 * The four matrices a learner edits, with their contract names (DESIGN.md) and the value a
 * newly added cell starts with.
 */
public enum InputField {
    /** The batch, N×D. New cells start at 0. */
    X("x", false, 0.0),
    /** The scale, 1×D. New columns start at 1 (no scaling). */
    GAMMA("gamma", true, 1.0),
    /** The shift, 1×D. New columns start at 0 (no shift). */
    BETA("beta", true, 0.0),
    /** The upstream gradient, N×D. New cells start at 0 (no gradient from that cell). */
    DOUT("dout", false, 0.0);

    private final String id;
    private final boolean vector;
    private final double fill;

    InputField(String id, boolean vector, double fill) {
        this.id = id;
        this.vector = vector;
        this.fill = fill;
    }

    /** The contract name: {@code x}, {@code gamma}, {@code beta} or {@code dout}. */
    public String id() {
        return id;
    }

    /** Whether this is a 1×D row. */
    public boolean isVector() {
        return vector;
    }

    /** The value of a cell that resizing adds. */
    public double fill() {
        return fill;
    }

    public Matrix of(BatchNormInput in) {
        return switch (this) {
            case X -> in.x();
            case GAMMA -> in.gamma();
            case BETA -> in.beta();
            case DOUT -> in.dout();
        };
    }

    public BatchNormInput with(BatchNormInput in, Matrix m) {
        return switch (this) {
            case X -> in.withX(m);
            case GAMMA -> in.withGamma(m);
            case BETA -> in.withBeta(m);
            case DOUT -> in.withDout(m);
        };
    }

    /** The matrix the editor shows in {@code layout}: gamma and beta one value per channel (1×C). */
    public Matrix of(BatchNormInput in, InputLayout layout) {
        return vector ? layout.perChannel(of(in)) : of(in);
    }

    /** {@code in} with the editor's matrix {@code m} in {@code layout} (a channel's value copied to its columns). */
    public BatchNormInput with(BatchNormInput in, InputLayout layout, Matrix m) {
        return with(in, vector ? layout.perColumn(m) : m);
    }

    /** How a cell is named in messages: {@code x[2][1]}, or {@code gamma[1]} for a row. */
    public String cellName(int row, int col) {
        return vector ? id + "[" + col + "]" : id + "[" + row + "][" + col + "]";
    }
}
