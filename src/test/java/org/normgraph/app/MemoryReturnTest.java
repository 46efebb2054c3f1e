package org.normgraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The memory settings reach the running JVM (the test JVM is HotSpot with G1, as the app's is). */
class MemoryReturnTest {

    private final HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void sets_the_heap_free_ratios_and_the_periodic_collection() {
        List<String> done = MemoryReturn.install();
        assertEquals("10", hotspot.getVMOption("MinHeapFreeRatio").getValue(), done.toString());
        assertEquals("30", hotspot.getVMOption("MaxHeapFreeRatio").getValue(), done.toString());
        assertEquals(Long.toString(MemoryReturn.PERIODIC_GC_MS), hotspot.getVMOption("G1PeriodicGCInterval").getValue());
        assertTrue(done.contains("G1PeriodicGCInterval=" + MemoryReturn.PERIODIC_GC_MS), done.toString());
    }

    @Test
    void installing_in_the_background_reports_the_same_lines_from_another_thread() throws Exception {
        CompletableFuture<List<String>> lines = new CompletableFuture<>();
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        MemoryReturn.installInBackground(done -> {
            thread.complete(Thread.currentThread());
            lines.complete(done);
        });
        assertTrue(lines.get(30, TimeUnit.SECONDS).contains("MaxHeapFreeRatio=30"), lines.get().toString());
        assertNotSame(Thread.currentThread(), thread.get());
    }

    @Test
    void the_native_heap_trim_answers_with_the_memory_it_returned() {
        assertTrue(MemoryReturn.canTrimNativeHeap(), "JDK 17.0.9 and later offer System.trim_native_heap");
        String answer = MemoryReturn.trimNativeHeap();
        assertTrue(answer != null && answer.contains("RSS"), String.valueOf(answer));
    }
}
