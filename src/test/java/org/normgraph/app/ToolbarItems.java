package org.normgraph.app;

import javafx.scene.control.ToolBar;

/** Toolbar items by id, also when a narrow window's toolbar overflow menu holds them (tests). */
public final class ToolbarItems {

    private ToolbarItems() {
    }

    public static <T> T item(MainWindow w, String id, Class<T> type) {
        ToolBar bar = (ToolBar) w.root().lookup("#toolbar");
        return bar.getItems().stream().filter(n -> id.equals(n.getId())).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no toolbar item " + id));
    }
}
