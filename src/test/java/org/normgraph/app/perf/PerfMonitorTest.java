package org.normgraph.app.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.normgraph.app.AppOptions;
import org.normgraph.app.model.Examples;
import org.normgraph.app.model.Selection;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.Trace;

class PerfMonitorTest {

    @Test
    void percentiles_are_nearest_rank() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, PerfMonitor.percentile(v, 50));
        assertEquals(10, PerfMonitor.percentile(v, 95));
        assertEquals(1, PerfMonitor.percentile(v, 0));
        assertEquals("p50 2.00 ms, p95 3.00 ms, max 3.00 ms", PerfMonitor.stats(List.of(3.0, 1.0, 2.0)));
        assertEquals("n/a", PerfMonitor.stats(List.of()));
    }

    @Test
    void late_frames_count_the_pulses_they_missed() {
        double pulse = 1000.0 / 60;
        assertEquals("late: 0 frames, 0 pulses missed", PerfMonitor.late(List.of(16.6, 16.7, 24.9, 8.0), pulse));
        // 25 ms rounds to 2 pulses (one missed), 50 ms to 3 (two missed)
        assertEquals("late: 2 frames, 3 pulses missed", PerfMonitor.late(List.of(16.7, 25.0, 50.0), pulse));
        assertEquals("late: 0 frames, 0 pulses missed", PerfMonitor.late(List.of(), pulse));
    }

    @Test
    void app_options_parse_perf_switches() {
        assertEquals(AppOptions.DEFAULT, AppOptions.parse(List.of()));
        AppOptions o = AppOptions.parse(List.of("--perf", "--perf-edits", "200", "--perf-size=8x4", "--perf-zoom", "1",
                "--perf-select", "xhat[3][0]"));
        assertEquals(new AppOptions(true, 200, 8, 4, 1.0, "xhat[3][0]", null), o);
        assertEquals(new AppOptions(true, 50, 32, 16, 0, null, null), AppOptions.parse(List.of("--perf-edits=50")));
        assertEquals("lesson.normgraph.json", AppOptions.parse(List.of("lesson.normgraph.json", "--perf")).session());
        assertEquals("a.normgraph.json", AppOptions.parse(List.of("a.normgraph.json", "b.normgraph.json")).session(),
                "one file; a second is ignored");
        assertEquals(AppOptions.DEFAULT, AppOptions.parse(List.of("--bogus")));
    }

    @Test
    void perf_select_names_a_node_or_an_element_inside_its_value() {
        Trace t = BatchNormGraph.run(Examples.classic());
        assertEquals(Selection.node("xhat"), PerfMonitor.selection("xhat", t));
        assertEquals(Selection.element("xhat", 3, 2), PerfMonitor.selection(" xhat[3][2] ", t));
        assertEquals(Selection.element("gamma", 0, 1), PerfMonitor.selection("gamma[0][1]", t));
        assertThrows(IllegalArgumentException.class, () -> PerfMonitor.selection("nope", t));
        assertThrows(IllegalArgumentException.class, () -> PerfMonitor.selection("xhat[4][0]", t));
        assertThrows(IllegalArgumentException.class, () -> PerfMonitor.selection("gamma[1][0]", t));
        assertThrows(IllegalArgumentException.class, () -> PerfMonitor.selection("xhat[0]", t));
    }
}
