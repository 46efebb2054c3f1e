package org.normgraph.app.reliability;

import org.testfx.api.FxToolkit;
import org.testfx.api.FxToolkitContext;

/**
 * TestFX (4.0.18) records every event that passes its primary stage, for its failure reports,
 * in a list that only grows: each recorded event keeps its target — a node, and with it the
 * whole view the node belongs to — reachable until the JVM ends. A heap dump of
 * {@code LanguageSwitchReleasesViewsTest} showed this record as the only path to the graph
 * views a language switch had replaced. Tests that check what the app releases forget the
 * record first; the app itself holds no such list.
 */
final class TestFxEventRecord {

    private TestFxEventRecord() {
    }

    /** Starts a new, empty record (the public way: registering the same stage again). Call on the FX thread. */
    static void forget() {
        FxToolkitContext c = FxToolkit.toolkitContext();
        c.setRegisteredStage(c.getRegisteredStage());
    }
}
