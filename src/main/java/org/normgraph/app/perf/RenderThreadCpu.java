package org.normgraph.app.perf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * CPU time of JavaFX's render thread. In Prism's software pipeline that thread paints every
 * frame, so its CPU time per edit or per frame is the painting cost itself; unlike wall
 * times it hardly grows when a busy machine makes threads wait for a core.
 */
final class RenderThreadCpu {

    /** Prism's render thread ({@code QuantumRenderer.createThread}). */
    static final String THREAD_NAME = "QuantumRenderer-0";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final OptionalLong threadId;
    private long mark;

    private RenderThreadCpu(OptionalLong threadId) {
        this.threadId = threadId;
        this.mark = now().orElse(0);
    }

    /** Starts counting now; without a render thread (or CPU time support) nothing is measured. */
    static RenderThreadCpu start() {
        return new RenderThreadCpu(find(Thread.getAllStackTraces().keySet()));
    }

    /** Starts counting the CPU time of this thread now. */
    static RenderThreadCpu of(Thread thread) {
        return new RenderThreadCpu(OptionalLong.of(thread.getId()));
    }

    /** The id of the render thread among these threads. */
    static OptionalLong find(Collection<Thread> threads) {
        return threads.stream().filter(t -> THREAD_NAME.equals(t.getName())).mapToLong(Thread::getId).findFirst();
    }

    /**
     * Render-thread CPU since {@link #start} or the last call, divided by {@code count}: "X ms", or
     * "not measured" where the thread or its CPU time is not known.
     */
    String msPerSinceMark(int count) {
        OptionalLong n = now();
        if (n.isEmpty() || count <= 0) {
            return "not measured";
        }
        double ms = (n.getAsLong() - mark) / 1e6 / count;
        mark = n.getAsLong();
        return String.format(Locale.ROOT, "%.2f ms", ms);
    }

    private OptionalLong now() {
        if (threadId.isEmpty() || !THREADS.isThreadCpuTimeSupported()) {
            return OptionalLong.empty();
        }
        long t = THREADS.getThreadCpuTime(threadId.getAsLong());
        return t < 0 ? OptionalLong.empty() : OptionalLong.of(t);
    }
}
