package org.normgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Case files the CLI cannot or should not read: refused in one line before they are read. */
class CaseFileLimitsTest {

    @Test
    void a_case_file_over_64_mib_is_refused_from_its_size(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(16L << 30); // sparse 16 GiB: reading it first would take the heap and minutes
        }
        for (String command : new String[] {"trace", "gradcheck"}) {
            CliRun.Result r = CliRun.run(command, "--input", huge.toString());
            CaseFileFuzzTest.assertRefused(command, r, r.err());
            assertTrue(r.err().contains("huge.json: larger than 64 MiB"), r.err());
        }
    }

    @Test
    void a_file_name_the_system_cannot_use_is_one_line() {
        CliRun.Result r = CliRun.run("trace", "--input", "case\u0000.json");
        CaseFileFuzzTest.assertRefused("trace", r, r.err());
        assertTrue(r.err().contains("not a valid file name"), r.err());
    }
}
