package org.normgraph.app.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RenderThreadCpuTest {

    @Test
    void finds_prisms_render_thread_by_its_name() {
        Thread other = new Thread(() -> { }, "GtkNativeMainLoopThread");
        Thread render = new Thread(() -> { }, RenderThreadCpu.THREAD_NAME);
        assertEquals(OptionalLong.of(render.getId()), RenderThreadCpu.find(List.of(other, render)));
        assertEquals(OptionalLong.empty(), RenderThreadCpu.find(List.of(other)));
    }

    @Test
    void divides_the_threads_cpu_time_since_the_mark_by_the_count() throws InterruptedException {
        var threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return;
        }
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch measured = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread busy = new Thread(() -> {
            started.countDown();
            await(measured);
            long t0 = threads.getCurrentThreadCpuTime();
            while (threads.getCurrentThreadCpuTime() - t0 < 60_000_000L) {
                Thread.onSpinWait(); // 60 ms of CPU, however long that takes on a busy machine
            }
            done.countDown();
            await(new CountDownLatch(1)); // stay alive until interrupted, so its CPU time can be read
        });
        busy.start();
        started.await();
        RenderThreadCpu cpu = RenderThreadCpu.of(busy);
        measured.countDown();
        done.await();
        String perTwo = cpu.msPerSinceMark(2);
        busy.interrupt();
        double ms = Double.parseDouble(perTwo.replace(" ms", ""));
        assertTrue(ms >= 30 && ms < 200, perTwo); // ≥ 60 ms over 2 items
        assertEquals("not measured", cpu.msPerSinceMark(0));
        assertEquals("not measured", RenderThreadCpu.of(busy).msPerSinceMark(0));
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
