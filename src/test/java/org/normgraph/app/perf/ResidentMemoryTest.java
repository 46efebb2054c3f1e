package org.normgraph.app.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

    @Test
    void reads_the_vmrss_line_in_mib() {
        String status = "Name:\tjava\nVmPeak:\t 9999999 kB\nVmRSS:\t  358400 kB\nRssAnon:\t  200000 kB\n";
        assertEquals(OptionalLong.of(350), ResidentMemory.vmRssMib(status));
        assertEquals(OptionalLong.empty(), ResidentMemory.vmRssMib("Name:\tjava\n"));
    }

    @Test
    void this_process_has_some_resident_memory_on_linux() {
        if (System.getProperty("os.name").toLowerCase().contains("linux")) {
            assertTrue(ResidentMemory.mib().orElse(0) > 10, ResidentMemory.describe());
        }
    }
}
