package org.normgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.core.TestInputs;

/** {@code normgraph gradcheck}: exit 0 on good input and one line per checked input. */
class GradcheckCommandTest {

    @Test
    void passes_on_the_hand_checked_file_with_one_line_per_input() throws Exception {
        CliRun.Result r = CliRun.run("gradcheck", "--input", TraceCommandTest.resource("/cases/hand2x2.json"));
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("", r.err());
        assertOneOkLinePerInput(r.outLines());
    }

    @ParameterizedTest(name = "N={0} D={1} eps={2}")
    @CsvSource({"1, 1, 1e-5", "2, 3, 1e-5", "6, 4, 1e-3", "8, 5, 1"})
    void passes_on_random_input_read_from_stdin(int n, int d, double eps) {
        CliRun.Result r = CliRun.withStdin(CliRun.caseJson(TestInputs.random(n, d, eps, n + d)), "gradcheck", "-i", "-");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertOneOkLinePerInput(r.outLines());
    }

    /** gamma = 1e300 in one column: the note on the widened tolerance names it, not only x and dout. */
    @org.junit.jupiter.api.Test
    void a_widened_tolerance_names_what_makes_the_rounding_large() {
        CliRun.Result r = CliRun.withStdin("{\"x\": [[1, 2], [3, 5], [0, 1]], \"gamma\": [1e300, 1], \"beta\": [0, 0],"
                + " \"dout\": [[1, 2], [3, 4], [1, 1]], \"eps\": 1e-5}", "gradcheck", "-i", "-");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<String> notes = r.outLines().stream().filter(l -> l.startsWith("note: ")).toList();
        assertFalse(notes.isEmpty(), r.out());
        notes.forEach(n -> assertTrue(n.contains("|gamma| up to 1.0e+300"), n));
    }

    /** N = 2: dx is about 1e-9 of terms of 1; the fused formula agrees to 2e-8 of it, and gradcheck said FAILED. */
    @org.junit.jupiter.api.Test
    void a_gradient_that_cancels_to_almost_nothing_is_judged_by_what_rounding_leaves_of_it() {
        CliRun.Result r = CliRun.withStdin("{\"x\": [[0], [3]], \"gamma\": [1], \"beta\": [0], \"dout\": [[1], [0]],"
                + " \"eps\": 1e-8}", "gradcheck", "-i", "-");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<String> notes = r.outLines().stream().filter(l -> l.startsWith("note: dx ")).toList();
        assertEquals(1, notes.size(), r.out());
        assertTrue(notes.get(0).contains("what is left of terms up to 2.0e+00 that cancel"), notes.get(0));
    }

    private static void assertOneOkLinePerInput(List<String> lines) {
        assertTrue(lines.get(0).startsWith("N="), "header: " + lines.get(0));
        List<String> checks = lines.subList(1, lines.size());
        assertEquals(3, checks.size(), String.join("\n", lines));
        String[] names = {"dx ", "dgamma ", "dbeta "};
        for (int k = 0; k < 3; k++) {
            assertTrue(checks.get(k).startsWith(names[k]), checks.get(k));
            assertTrue(checks.get(k).endsWith("ok"), checks.get(k));
        }
    }
}
