package org.normgraph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.normgraph.core.BatchNormInput;
import org.normgraph.io.CaseFile;
import org.normgraph.io.InputFormatException;
import picocli.CommandLine.Option;

/** The {@code --input FILE|-} option shared by the commands that read a case. */
final class InputOption {

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE|-",
            description = "case JSON: {\"x\": [[…]], \"gamma\": […], \"beta\": […], \"dout\": [[…]], \"eps\": 1e-5}; '-' reads stdin")
    String input;

    BatchNormInput read(InputStream stdin) throws InputFormatException {
        if (input.equals("-")) {
            return CaseFile.read(stdin, "stdin");
        }
        Path path = Path.of(input);
        try (InputStream in = Files.newInputStream(path)) {
            return CaseFile.read(in, input);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(input + ": no such file");
        } catch (IOException e) {
            throw new InputFormatException(input + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
