package org.normgraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.normgraph.app.theme.TextSize;
import org.normgraph.app.theme.Theme;
import org.normgraph.app.theme.ThemeController;
import org.normgraph.app.theme.ViewSetting;

/** Theme, text size and pane widths remembered in (in-memory) preferences; the controller without a scene. */
class ViewSettingTest {

    @Test
    void nothing_stored_reads_light_and_normal_size() {
        ViewSetting s = new ViewSetting(new InMemoryPreferences());
        assertEquals(Theme.LIGHT, s.theme());
        assertEquals(TextSize.NORMAL, s.textSize());
    }

    @Test
    void stored_choices_come_back_and_garbage_reads_as_default() {
        InMemoryPreferences node = new InMemoryPreferences();
        ViewSetting s = new ViewSetting(node);
        s.storeTheme(Theme.DARK);
        s.storeTextSize(TextSize.LARGER);
        ViewSetting again = new ViewSetting(node);
        assertEquals(Theme.DARK, again.theme());
        assertEquals(TextSize.LARGER, again.textSize());
        node.put(ViewSetting.THEME_KEY, "purple");
        node.put(ViewSetting.TEXT_SIZE_KEY, "333");
        assertEquals(Theme.LIGHT, again.theme());
        assertEquals(TextSize.NORMAL, again.textSize());
    }

    @Test
    void a_pane_share_comes_back_and_one_that_is_no_share_reads_as_the_default() {
        InMemoryPreferences node = new InMemoryPreferences();
        ViewSetting s = new ViewSetting(node);
        assertTrue(s.paneShare(ViewSetting.INPUTS_SHARE_KEY).isEmpty());
        s.storePaneShare(ViewSetting.INPUTS_SHARE_KEY, 0.35);
        assertEquals(0.35, new ViewSetting(node).paneShare(ViewSetting.INPUTS_SHARE_KEY).orElseThrow());
        s.storePaneShare(ViewSetting.INPUTS_SHARE_KEY, Double.NaN);
        assertNull(node.get(ViewSetting.INPUTS_SHARE_KEY, null), "the default width is no stored share");
        for (String garbage : new String[] {"wide", "-0.3", "0", "1", "3", "NaN", "Infinity", ""}) {
            node.put(ViewSetting.INPUTS_SHARE_KEY, garbage);
            assertTrue(s.paneShare(ViewSetting.INPUTS_SHARE_KEY).isEmpty(), garbage);
        }
    }

    @Test
    void the_controller_starts_from_the_setting_and_stores_changes_but_not_the_override() {
        InMemoryPreferences node = new InMemoryPreferences();
        new ViewSetting(node).storeTheme(Theme.HIGH_CONTRAST);
        ThemeController c = new ThemeController(new ViewSetting(node));
        assertEquals(Theme.HIGH_CONTRAST, c.getTheme());
        c.setTheme(Theme.DARK);
        c.setTextSize(TextSize.HUGE);
        assertEquals("dark", node.get(ViewSetting.THEME_KEY, null));
        assertEquals("200", node.get(ViewSetting.TEXT_SIZE_KEY, null));
        c.overrideProperty().set(Theme.HIGH_CONTRAST);
        assertEquals(Theme.HIGH_CONTRAST, c.getEffective());
        assertEquals("dark", node.get(ViewSetting.THEME_KEY, null), "an override is not a choice");
        c.overrideProperty().set(null);
        assertEquals(Theme.DARK, c.getEffective());
    }

    @Test
    void text_sizes_step_up_and_down_within_their_range() {
        assertEquals(TextSize.LARGE, TextSize.NORMAL.larger());
        assertEquals(TextSize.HUGE, TextSize.HUGE.larger());
        assertEquals(TextSize.NORMAL, TextSize.NORMAL.smaller());
        assertEquals(16.25, TextSize.LARGE.px(), 1e-12);
        assertNull(TextSize.NORMAL.stylesheet());
        assertNull(Theme.LIGHT.stylesheet());
    }
}
