package org.normgraph.app.perf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StartupClockTest {

    @Test
    void phases_lists_marks_in_order_with_the_time_since_the_one_before() throws InterruptedException {
        long from = System.nanoTime();
        StartupClock.mark("clock-test-a");
        Thread.sleep(30);
        StartupClock.mark("clock-test-b");
        String phases = StartupClock.phases(from);
        int a = phases.indexOf("clock-test-a +");
        int b = phases.indexOf("clock-test-b +");
        assertTrue(a >= 0 && b > a, phases);
        Matcher m = Pattern.compile("clock-test-b \\+(\\d+) ms").matcher(phases);
        assertTrue(m.find(), phases);
        assertTrue(Integer.parseInt(m.group(1)) >= 29, "b comes at least the sleep after a: " + phases);
    }
}
