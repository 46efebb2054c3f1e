import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes an N×D case (default 1024×256) with seeded values: {@code java scripts/BigCase.java FILE [N D]}. */
public class BigCase {
    public static void main(String[] args) throws IOException {
        int n = args.length > 2 ? Integer.parseInt(args[1]) : 1024;
        int d = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        Random r = new Random(1);
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[0]))) {
            w.write("{\"x\": ");
            matrix(w, n, d, r);
            w.write(", \"gamma\": ");
            matrix(w, 1, d, r);
            w.write(", \"beta\": ");
            matrix(w, 1, d, r);
            w.write(", \"dout\": ");
            matrix(w, n, d, r);
            w.write(", \"eps\": 1e-5}\n");
        }
    }

    /** Rows as arrays; a 1×D matrix as one array (gamma, beta). */
    private static void matrix(BufferedWriter w, int rows, int cols, Random r) throws IOException {
        if (rows > 1) {
            w.write('[');
        }
        for (int i = 0; i < rows; i++) {
            w.write(i == 0 ? "[" : ", [");
            for (int j = 0; j < cols; j++) {
                w.write((j == 0 ? "" : ", ") + r.nextGaussian());
            }
            w.write(']');
        }
        if (rows > 1) {
            w.write(']');
        }
    }
}
