package org.normgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Path;
import org.normgraph.core.BatchNormInput;
import org.normgraph.io.CaseFile;
import org.normgraph.io.InputFormatException;
import org.normgraph.io.Json;
import picocli.CommandLine.Option;

/** The {@code --input FILE|-} option shared by the commands that read a case. */
final class InputOption {

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE|-",
            description = {"case JSON: {\"x\": [[…]], \"gamma\": […], \"beta\": […], \"dout\": [[…]], \"eps\": 1e-5}; '-' reads stdin.",
                    "x, dout: [N][D], or [N][C][H][W] for 4-D x; gamma, beta: [D] or [C]."})
    String input;

    BatchNormInput read(InputStream stdin) throws InputFormatException {
        return CaseFile.fromJson(readJson(stdin));
    }

    /**
     * {@code problem} with the case it is in before it ("case.json: x[1][1]: expected a number"),
     * as the JSON syntax errors and the session files' errors have it.
     */
    String inCase(String problem) {
        return (input.equals("-") ? "stdin" : input) + ": " + problem;
    }

    /** The case file as a JSON object, before it is read as a nine-step or a family case. */
    JsonNode readJson(InputStream stdin) throws InputFormatException {
        if (input.equals("-")) {
            return Json.readObject(stdin, "stdin");
        }
        if (input.isBlank()) {
            throw new InputFormatException(InputFormatException.Kind.UNREADABLE, "--input: " + Errors.EMPTY_NAME);
        }
        Path path;
        try {
            path = Path.of(input);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputFormatException(InputFormatException.Kind.UNREADABLE,
                    input + ": not a valid file name (" + e.getReason() + ")");
        }
        return Json.readObject(path, input, Json.MAX_BYTES);
    }
}
