package org.normgraph.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.InvalidInputException;
import org.normgraph.core.Matrix;
import org.normgraph.core.Tensor;
import org.normgraph.core.family.NormInput;

/**
 * Reads a case: {@code {"x": [[…]], "gamma": […], "beta": […], "dout": [[…]], "eps": 1e-5}}
 * (eps may be left out: 1e-5). Every problem is reported once, naming the field and shapes.
 * For the normalization family x and dout may also be N×C×H×W: {@code [[[[…W…]…H…]…C…]…N…]}.
 */
public final class CaseFile {

    static final List<String> FIELDS = List.of("x", "gamma", "beta", "dout", "eps");

    private CaseFile() {
    }

    /**
     * Whether the case's x is nested at most two deep (an N×D matrix, or something the
     * nine-step reader reports on): the cases {@link #fromJson} reads. 4-D x needs {@link #normFromJson}.
     */
    public static boolean isMatrixCase(JsonNode root) {
        JsonNode x = root.get("x");
        return x == null || Json.depth(x) <= 2;
    }

    /**
     * Reads a case of the normalization family: x as rows (N×D) or nested four deep (N×C×H×W),
     * dout shaped like x, gamma and beta one number per feature or channel.
     */
    public static NormInput normFromJson(JsonNode root) throws InputFormatException {
        Json.requireKnownFields(root, "", new LinkedHashSet<>(FIELDS));
        Tensor x = Json.tensor(Json.required(root, "x"), "x");
        Tensor gamma = Tensor.vector(Json.vector(Json.required(root, "gamma"), "gamma").row(0));
        Tensor beta = Tensor.vector(Json.vector(Json.required(root, "beta"), "beta").row(0));
        Tensor dout = Json.tensor(Json.required(root, "dout"), "dout");
        JsonNode epsNode = root.get("eps");
        double eps = epsNode == null ? BatchNormInput.DEFAULT_EPS : Json.number(epsNode, "eps");
        try {
            return new NormInput(x, gamma, beta, dout, eps);
        } catch (InvalidInputException e) {
            throw new InputFormatException(e.getMessage(), e);
        }
    }

    public static BatchNormInput read(InputStream in, String source) throws InputFormatException {
        return fromJson(Json.readObject(in, source));
    }

    public static BatchNormInput fromJson(JsonNode root) throws InputFormatException {
        Json.requireKnownFields(root, "", new LinkedHashSet<>(FIELDS));
        Matrix x = Json.matrix(Json.required(root, "x"), "x");
        Matrix gamma = Json.vector(Json.required(root, "gamma"), "gamma");
        Matrix beta = Json.vector(Json.required(root, "beta"), "beta");
        Matrix dout = Json.matrix(Json.required(root, "dout"), "dout");
        JsonNode epsNode = root.get("eps");
        double eps = epsNode == null ? BatchNormInput.DEFAULT_EPS : Json.number(epsNode, "eps");
        try {
            return new BatchNormInput(x, gamma, beta, dout, eps);
        } catch (InvalidInputException e) {
            throw new InputFormatException(e.getMessage(), e);
        }
    }
}
