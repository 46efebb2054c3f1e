package org.normgraph.app.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's resident memory (what {@code ps -o rss} shows), read from Linux's
 * {@code /proc/self/status}; elsewhere unknown. For the perf log, so that the memory figure
 * of BENCHMARKS.md can be measured by anyone with {@code --perf}.
 */
public final class ResidentMemory {

    private ResidentMemory() {
    }

    /** Resident memory in MiB, or empty where {@code /proc} does not tell. */
    public static OptionalLong mib() {
        try {
            return vmRssMib(Files.readString(Path.of("/proc/self/status")));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The {@code VmRSS:} line of a {@code /proc/PID/status} text (in kB), in MiB. */
    static OptionalLong vmRssMib(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]) / 1024);
            }
        }
        return OptionalLong.empty();
    }

    /** "N MiB", or "unknown". */
    public static String describe() {
        OptionalLong m = mib();
        return m.isPresent() ? m.getAsLong() + " MiB" : "unknown";
    }
}
