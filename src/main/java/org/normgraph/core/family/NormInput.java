package org.normgraph.core.family;

import org.normgraph.core.BatchNormInput;
import org.normgraph.core.InvalidInputException;
import org.normgraph.core.Matrix;
import org.normgraph.core.Tensor;

/**
 * The inputs of one normalization forward+backward: {@code x} (N×D or N×C×H×W), {@code gamma}
 * and {@code beta} (one value per feature or channel: length D or C), the upstream gradient
 * {@code dout} (shaped like x) and {@code eps} &gt; 0. Construction validates everything that
 * does not depend on the kind and names the field that is wrong; {@link NormLayout#of} checks
 * the rest.
 */
public record NormInput(Tensor x, Tensor gamma, Tensor beta, Tensor dout, double eps) {

    public NormInput {
        require("x", x);
        NormLayout.of(NormSpec.batch(), x.shape()); // rank 2 or 4, no empty axis
        int c = x.dim(1);
        String why = "one per " + (x.rank() == 2 ? "feature, D" : "channel, C") + " = " + c
                + " from x " + x.shapeText();
        requireLength("gamma", gamma, c, why);
        requireLength("beta", beta, c, why);
        require("dout", dout);
        if (!dout.hasShape(x.shape())) {
            throw new InvalidInputException("dout", "expected " + x.shapeText() + " like x, got "
                    + dout.shapeText());
        }
        requireFinite("x", x);
        requireFinite("gamma", gamma);
        requireFinite("beta", beta);
        requireFinite("dout", dout);
        BatchNormInput.requireEps(eps);
    }

    /** The nine-step graph's input as a 2-D family input (gamma, beta become length-D vectors). */
    public static NormInput of(BatchNormInput in) {
        return new NormInput(Tensor.of(in.x()), Tensor.vector(in.gamma().row(0)),
                Tensor.vector(in.beta().row(0)), Tensor.of(in.dout()), in.eps());
    }

    public int[] shape() {
        return x.shape();
    }

    /** D or C: the length of gamma and beta. */
    public int channels() {
        return x.dim(1);
    }

    /** x as the core runs it: the N×(C·H·W) matrix of its rows (N×D for 2-D x). */
    public Matrix xRows() {
        return rows(x);
    }

    /** dout as the N×(C·H·W) matrix of its rows, like {@link #xRows()}. */
    public Matrix doutRows() {
        return rows(dout);
    }

    /** gamma as the core's 1×C row. */
    public Matrix gammaRow() {
        return Matrix.rowVector(gamma.toArray());
    }

    /** beta as the core's 1×C row. */
    public Matrix betaRow() {
        return Matrix.rowVector(beta.toArray());
    }

    private static Matrix rows(Tensor t) {
        int n = t.dim(0);
        return Matrix.of(n, t.size() / n, t.toArray());
    }

    private static void require(String field, Tensor t) {
        if (t == null) {
            throw new InvalidInputException(field, "is missing");
        }
    }

    private static void requireLength(String field, Tensor t, int length, String why) {
        require(field, t);
        if (t.rank() != 1 || t.size() != length) {
            throw new InvalidInputException(field, "expected " + length + (length == 1 ? " value" : " values")
                    + " (" + why + "), got " + (t.rank() == 1 ? t.size() + "" : t.shapeText()));
        }
    }

    private static void requireFinite(String field, Tensor t) {
        for (int i = 0; i < t.size(); i++) {
            if (!Double.isFinite(t.at(i))) {
                throw new InvalidInputException(field + Tensor.indexText(t.index(i)), "is " + t.at(i)
                        + "; every value must be a finite number");
            }
        }
    }
}
