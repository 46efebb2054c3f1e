/**
 * The JavaFX app: {@link org.normgraph.app.NormgraphApp} opens one
 * {@link org.normgraph.app.MainWindow} on {@link org.normgraph.app.model.SessionModel#example()}.
 *
 * <h2>Window</h2>
 * Top: toolbar (show/hide the inputs pane, zoom −/+/fit/100 %, undo/redo, colour legend,
 * language, show/hide the inspector). Left: the input editors ({@code #inputs-pane},
 * {@link org.normgraph.app.editor.InputsPane}). Centre: the graph
 * ({@code #graph-view}). Right: the inspector ({@code #inspector-pane},
 * {@link org.normgraph.app.inspector.InspectorPane}). Bottom: the timeline bar
 * ({@code #timeline-bar}), the status line ({@code #status-line}) and notes ({@code #notes}).
 *
 * <h2>Keys</h2>
 * Outside text fields and the two side panes: → / Page Down next step, ← / Page Up previous,
 * Home / End first / last, Space play/pause (a focused button takes Space itself).
 * Ctrl+Z undo, Ctrl+Y or Ctrl+Shift+Z redo, Ctrl+plus / Ctrl+minus zoom, Ctrl+0 fit,
 * Ctrl+1 100 %. With the graph focused (it is at start): ↑ / ↓ select the previous/next
 * node, Esc clears the selection. Mouse: drag pans, wheel scrolls, Ctrl+wheel zooms at the
 * pointer, click selects a node or one element. After a mouse click on a toolbar or
 * timeline button the graph gets the keyboard back, so a presenter's keys keep working.
 *
 * <h2>Text and languages</h2>
 * Every user-visible text comes from {@code messages.properties} through
 * {@link org.normgraph.app.Messages}; only node and gradient names, formulas and
 * mathematical signs are written in code. {@code messages_zh_CN}, {@code messages_zh_TW}
 * and {@code messages_ja} translate every key ({@code TranslationsTest} checks keys,
 * arguments, formulas and script). The toolbar's language box ({@code #toolbar-language})
 * calls {@link org.normgraph.app.MainWindow#setLanguage}, which rebuilds the views on the
 * same session; the choice is kept by {@link org.normgraph.app.LanguageSetting}
 * (java.util.prefs, user node {@code /org/normgraph}). {@code Messages} is English until
 * {@link org.normgraph.app.NormgraphApp} applies the setting, so tests that build views
 * directly read English whatever the machine's locale and preferences; tests of the
 * setting use an in-memory preferences node.
 *
 * <h2>{@code --perf}</h2>
 * See {@link org.normgraph.app.perf.PerfMonitor} and {@link org.normgraph.app.AppOptions}:
 * {@code java -jar target/normgraph.jar --perf [--perf-edits 200] [--perf-size 32x16] [--perf-zoom 1]}.
 */
package org.normgraph.app;
