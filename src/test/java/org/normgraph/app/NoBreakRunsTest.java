package org.normgraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import javafx.scene.text.Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** A formula glued with no-break spaces breaks at them only where it is wider than its label. */
@ExtendWith(ApplicationExtension.class)
class NoBreakRunsTest {

    private static final String STEP = "Backward 6: through ivar\u00a0=\u00a01/sqrtvar \u2014 dsqrtvar\u00a0=\u00a0\u2212divar\u00a0/\u00a0sqrtvar\u00b2.";
    private final Font font = Font.font(20);

    @Test
    void a_run_that_fits_keeps_its_glue() {
        assertSame(STEP, NoBreakRuns.relax(STEP, 2000, font));
    }

    @Test
    void only_a_run_wider_than_the_label_loses_its_glue() {
        double width = 200; // "dsqrtvar = −divar / sqrtvar²." is about 260 px at 20 px, "ivar = 1/sqrtvar" about 150
        assertEquals("Backward 6: through ivar\u00a0=\u00a01/sqrtvar \u2014 dsqrtvar = \u2212divar / sqrtvar\u00b2.",
                NoBreakRuns.relax(STEP, width, font));
    }

    @Test
    void a_chinese_sentence_breaks_at_its_characters_and_keeps_its_glued_end() {
        String glued = CjkWrap.keepEnd("公式很长：dgamma\u00a0=\u00a0\u03a3_rows\u00a0(dgammax\u00a0\u2299\u00a0xhat) 之后 我们 继续");
        String relaxed = NoBreakRuns.relax(glued, 120, font);
        // the formula's run starts after "：" and is too wide: its glue goes; CjkWrap's glue at the end stays
        assertEquals(glued.replace("dgamma\u00a0=\u00a0\u03a3_rows\u00a0(dgammax\u00a0\u2299\u00a0xhat)",
                "dgamma = \u03a3_rows (dgammax \u2299 xhat)"), relaxed);
        assertEquals(CjkWrap.keepEnd(relaxed), relaxed, "CjkWrap leaves it as it is: the two do not undo each other");
    }
}
