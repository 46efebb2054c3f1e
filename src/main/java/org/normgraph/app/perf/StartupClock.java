package org.normgraph.app.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Marks on the way from launch to the first frame ("toolkit up", "window built", …), so that
 * {@code --perf} can say where startup time goes. Process-wide, like startup itself; a mark
 * costs one {@link System#nanoTime()}.
 */
public final class StartupClock {

    private record Mark(String name, long nanos) {
    }

    private static final List<Mark> MARKS = new ArrayList<>();

    private StartupClock() {
    }

    public static synchronized void mark(String name) {
        MARKS.add(new Mark(name, System.nanoTime()));
    }

    /** "name +12 ms, name +340 ms, …": each mark with the time since the one before (the first since {@code fromNanos}). */
    static synchronized String phases(long fromNanos) {
        StringBuilder s = new StringBuilder();
        long last = fromNanos;
        for (Mark m : MARKS) {
            if (!s.isEmpty()) {
                s.append(", ");
            }
            s.append(String.format(Locale.ROOT, "%s +%.0f ms", m.name(), (m.nanos() - last) / 1e6));
            last = m.nanos();
        }
        return s.toString();
    }
}
