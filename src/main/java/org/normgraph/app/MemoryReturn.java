package org.normgraph.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Gives memory that the window no longer uses back to the system while the app sits idle.
 *
 * <p>Why: by default HotSpot's G1 keeps its heap near the high-water mark of startup, and the
 * C library keeps freed native memory (the JIT's and the toolkit's) for reuse; an idle window
 * held about 400 MB. A plain {@code java -jar} cannot pass JVM options, so the settings that
 * can change at run time are set here: G1 shrinks the heap to its live data plus 30 % at the
 * end of a collection cycle, and starts such a cycle itself after {@link #PERIODIC_GC_MS}
 * without one (JEP 346); every {@link #TRIM_SECONDS} s the C library is asked to return its
 * free pages ({@code jcmd PID System.trim_native_heap}, as later JDKs do with
 * {@code -XX:TrimNativeHeapInterval}). A JVM without these options keeps its defaults.
 */
public final class MemoryReturn {

    static final long PERIODIC_GC_MS = 15_000;
    static final long TRIM_SECONDS = 30;
    private static final String TRIM_OPERATION = "systemTrimNativeHeap";

    private MemoryReturn() {
    }

    /**
     * {@link #install()} on a background thread, then {@code report} with its lines: the first
     * use of the management beans starts JMX (tens of ms), which has no place on the way to
     * the first frame.
     */
    public static void installInBackground(Consumer<List<String>> report) {
        Thread t = new Thread(() -> report.accept(install()), "normgraph-memory-setup");
        t.setDaemon(true);
        t.start();
    }

    /** Applies the settings and starts the trimming; returns one line per setting for the perf log. */
    public static List<String> install() {
        List<String> done = new ArrayList<>();
        setOption("MinHeapFreeRatio", "10", done); // first: it may not exceed MaxHeapFreeRatio
        setOption("MaxHeapFreeRatio", "30", done);
        setOption("G1PeriodicGCInterval", Long.toString(PERIODIC_GC_MS), done);
        if (canTrimNativeHeap()) {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "normgraph-memory-trim");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            });
            timer.scheduleWithFixedDelay(MemoryReturn::trimNativeHeap, TRIM_SECONDS, TRIM_SECONDS, TimeUnit.SECONDS);
            done.add("native heap trimmed every " + TRIM_SECONDS + " s");
        } else {
            done.add("native heap trim not offered by this JVM");
        }
        return done;
    }

    private static void setOption(String name, String value, List<String> done) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).setVMOption(name, value);
            done.add(name + "=" + value);
        } catch (RuntimeException | LinkageError e) { // not HotSpot, not manageable here, or out of range
            done.add(name + " left at its default (" + e.getClass().getSimpleName() + ")");
        }
    }

    static boolean canTrimNativeHeap() {
        try {
            return Arrays.stream(server().getMBeanInfo(diagnosticCommand()).getOperations())
                    .anyMatch(o -> o.getName().equals(TRIM_OPERATION));
        } catch (JMException | RuntimeException e) {
            return false;
        }
    }

    /** Asks the C library to return its free memory; the JVM's answer ("RSS+Swap: a->b"), or null. */
    static String trimNativeHeap() {
        try {
            Object answer = server().invoke(diagnosticCommand(), TRIM_OPERATION,
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return String.valueOf(answer).strip();
        } catch (JMException | RuntimeException e) {
            return null;
        }
    }

    private static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    private static ObjectName diagnosticCommand() throws JMException {
        return new ObjectName("com.sun.management:type=DiagnosticCommand");
    }
}
