package org.normgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @Test
    void bench_writes_a_json_row_per_size_and_method(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), "bench", "--sizes", "3x2,8x4",
                "--min-time", "0.01", "--warmup", "0.01", "--json", json.toString());
        assertEquals(0, code, err.toString());
        JsonNode rows = new ObjectMapper().readTree(Files.readString(json));
        assertEquals(6, rows.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode r : rows) {
            seen.add(r.get("N").asInt() + "x" + r.get("D").asInt() + " " + r.get("method").asText());
            assertTrue(r.get("median_us").asDouble() > 0);
            assertTrue(r.get("p10_us").asDouble() <= r.get("median_us").asDouble());
        }
        assertEquals(Set.of("3x2 staged", "3x2 fused", "3x2 fused-2t", "8x4 staged", "8x4 fused",
                "8x4 fused-2t"), seen);
        assertTrue(out.toString().contains("fused-2t"), out.toString());
    }

    @Test
    void bench_refuses_a_size_that_is_not_n_by_d() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), "bench", "--sizes", "8by4");
        assertEquals(Cli.BAD_INPUT, code);
        assertEquals("", out.toString());
        assertTrue(err.toString().contains("--sizes: '8by4'"), err.toString());
    }
}
