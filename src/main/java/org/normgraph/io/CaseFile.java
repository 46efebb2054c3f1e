package org.normgraph.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.InvalidInputException;
import org.normgraph.core.Matrix;

/**
 * Reads a case: {@code {"x": [[…]], "gamma": […], "beta": […], "dout": [[…]], "eps": 1e-5}}
 * (eps may be left out: 1e-5). Every problem is reported once, naming the field and shapes.
 */
public final class CaseFile {

    static final List<String> FIELDS = List.of("x", "gamma", "beta", "dout", "eps");

    private CaseFile() {
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
