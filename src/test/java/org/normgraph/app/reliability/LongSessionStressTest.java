package org.normgraph.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.normgraph.app.Language;
import org.normgraph.app.MainWindow;
import org.normgraph.app.Messages;
import org.normgraph.app.editor.InputField;
import org.normgraph.app.editor.InputsPane;
import org.normgraph.app.graph.GraphNodeSkin;
import org.normgraph.app.graph.GraphNodeView;
import org.normgraph.app.graph.GraphView;
import org.normgraph.app.graph.MatrixCells;
import org.normgraph.app.graph.MatrixView;
import org.normgraph.app.graph.NonFiniteReach;
import org.normgraph.app.graph.Numbers;
import org.normgraph.app.model.SessionModel;
import org.normgraph.app.model.Selection;
import org.normgraph.core.Matrix;
import org.normgraph.core.Node;
import org.normgraph.core.Trace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A long session on the full window: thousands of random actions — cell, eps and paste edits
 * (valid and not), N/D spinners, window resizes, steps by key, play/pause, undo/redo, zoom,
 * selection, a language switch every 250 actions. After every action the graph shows
 * exactly the core's trace at the current position; no exception reaches an uncaught-exception
 * handler; used heap after GC stays flat between a third of the way and the end, language
 * switches included ({@code LanguageSwitchReleasesViewsTest} checks their release directly).
 *
 * <p>Seeded: {@code -Dnormgraph.stress.seed=…} repeats a run; the seed is in every failure.
 * {@code -Dnormgraph.stress.actions=…} changes the length (default 2000).
 */
@ExtendWith(ApplicationExtension.class)
class LongSessionStressTest {

    private static final int ACTIONS = Integer.getInteger("normgraph.stress.actions", 2000);
    private static final long HEAP_GROWTH_LIMIT = 20L << 20;
    private static final KeyCode[] STEP_KEYS = {KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.LEFT, KeyCode.PAGE_DOWN,
            KeyCode.PAGE_UP, KeyCode.HOME, KeyCode.END};

    private static final double WIDTH = 1240;
    private static final double HEIGHT = 780;
    /** Actions run back to back on the FX thread, each checked at once; pulses run between batches. */
    private static final int BATCH = 25;

    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    private Thread.UncaughtExceptionHandler previousDefault;
    private SessionModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        model = SessionModel.example();
        window = new MainWindow(model);
        // The window's scene (keys, stylesheet) with its root in a holder that leaves sizing to
        // the test: resizing the root is a window resize for the layout, without resizing the
        // Monocle stage, whose headless painter then fails (BufferOverflowException) on growth.
        Scene scene = window.createScene(WIDTH, HEIGHT);
        Pane holder = new Pane() {
            @Override
            protected void layoutChildren() {
                // the test sizes the window's root
            }
        };
        scene.setRoot(holder);
        holder.getChildren().add(window.root());
        window.root().resize(WIDTH, HEIGHT);
        stage.setScene(scene);
        stage.show();
        window.graphView().requestFocus();
        previousDefault = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> caught(e));
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> caught(e)); // the FX thread
    }

    /** Every exception fails the test (ControlsFX's grid-row race is worked around in MatrixSheet). */
    private void caught(Throwable e) {
        uncaught.add(e);
    }

    @AfterEach
    void restore(FxRobot robot) {
        robot.interact(() -> {
            model.setPlaying(false);
            Messages.setLanguage(Language.ENGLISH);
            Thread.currentThread().setUncaughtExceptionHandler(null);
        });
        Thread.setDefaultUncaughtExceptionHandler(previousDefault);
    }

    @Test
    void thousands_of_random_actions_keep_the_view_true_to_the_trace_with_no_errors_and_a_flat_heap(FxRobot robot) {
        long seed = Long.getLong("normgraph.stress.seed", System.nanoTime());
        Random r = new Random(seed);
        long heapAtThird = 0;
        String last = "start";
        try {
            for (int k = 0; k < ACTIONS; k += BATCH) {
                if (k / BATCH == ACTIONS / 3 / BATCH) {
                    heapAtThird = usedHeapAfterGc(robot);
                }
                if (k > 0 && k % (BATCH * 10) == 0) {
                    last = switchLanguage(robot, r);
                }
                int first = k;
                String[] done = {last};
                AssertionError[] failed = new AssertionError[1];
                robot.interact(() -> {
                    for (int a = first; a < Math.min(ACTIONS, first + BATCH); a++) {
                        done[0] = randomAction(r);
                        try {
                            assertViewShowsTheTrace("action " + a + " (" + done[0] + ")");
                        } catch (AssertionError e) {
                            failed[0] = e;
                            return;
                        }
                    }
                });
                last = done[0];
                if (failed[0] != null) {
                    throw failed[0];
                }
                if (r.nextInt(4) == 0) {
                    WaitForAsyncUtils.sleep(20, java.util.concurrent.TimeUnit.MILLISECONDS); // let animations tick
                }
                if (!uncaught.isEmpty()) {
                    throw new AssertionError("uncaught by action " + (k + BATCH - 1) + " (" + last + ")", uncaught.get(0));
                }
            }
            robot.interact(() -> model.setPlaying(false));
            long heapAtEnd = usedHeapAfterGc(robot);
            System.out.printf("LongSessionStressTest: seed %d, %d actions, used heap after GC %.1f MB at 1/3, %.1f MB at"
                    + " the end%n", seed, ACTIONS, heapAtThird / 1048576.0, heapAtEnd / 1048576.0);
            assertTrue(heapAtEnd - heapAtThird < HEAP_GROWTH_LIMIT, String.format("heap grew by %.1f MB",
                    (heapAtEnd - heapAtThird) / 1048576.0));
        } catch (Throwable t) {
            throw new AssertionError("seed " + seed + " (repeat with -Dnormgraph.stress.seed=" + seed + "), last action: "
                    + last + ": " + t.getMessage(), t);
        }
    }

    // ------------------------------------------------------------------ actions

    /** One random action on the FX thread; returns what it did. */
    private String randomAction(Random r) {
        int dice = r.nextInt(100);
        InputsPane inputs = inputs();
        if (dice < 22) {
            KeyCode key = STEP_KEYS[r.nextInt(STEP_KEYS.length)];
            key(key, false);
            return "key " + key;
        } else if (dice < 37) {
            InputField f = InputField.values()[r.nextInt(InputField.values().length)];
            int row = f.isVector() ? 0 : r.nextInt(model.getInput().n());
            int col = r.nextInt(model.getInput().d());
            String text = cellText(r);
            inputs.editCell(f, row, col, text);
            return "edit " + f.cellName(row, col) + " = '" + text + "'";
        } else if (dice < 41) {
            String text = r.nextBoolean() ? "1e-" + r.nextInt(12) : cellText(r);
            inputs.editEps(text);
            return "eps '" + text + "'";
        } else if (dice < 46) {
            String id = r.nextBoolean() ? "#editor-n" : "#editor-d";
            @SuppressWarnings("unchecked")
            Spinner<Integer> s = (Spinner<Integer>) window.root().lookup(id);
            int v = 1 + r.nextInt(id.endsWith("n") ? 8 : 5) + (r.nextInt(10) == 0 ? 20 : 0);
            s.getValueFactory().setValue(Math.min(v, id.endsWith("n") ? 32 : 16));
            return "spinner " + id + " = " + s.getValue();
        } else if (dice < 51) {
            double w = MainWindow.MIN_WIDTH + r.nextInt((int) (WIDTH - MainWindow.MIN_WIDTH) + 1);
            double h = MainWindow.MIN_HEIGHT + r.nextInt((int) (HEIGHT - MainWindow.MIN_HEIGHT) + 1);
            window.root().resize(w, h);
            return "resize " + w + "×" + h;
        } else if (dice < 59) {
            boolean undo = r.nextInt(3) > 0;
            key(undo ? KeyCode.Z : KeyCode.Y, true);
            return undo ? "ctrl+Z" : "ctrl+Y";
        } else if (dice < 64) {
            key(KeyCode.SPACE, false);
            return "space (play/pause)";
        } else if (dice < 72) {
            List<Node> nodes = model.getGraph().nodes();
            Node n = nodes.get(r.nextInt(nodes.size()));
            Selection s = r.nextBoolean() ? Selection.node(n.name())
                    : Selection.element(n.name(), r.nextInt(n.shape().rows()), r.nextInt(n.shape().cols()));
            model.setSelection(r.nextInt(10) == 0 ? null : s);
            return "select " + model.getSelection();
        } else if (dice < 76) {
            InputField f = InputField.values()[r.nextInt(InputField.values().length)];
            String text = r.nextBoolean() ? "1\t2\n3\t4" : r.nextBoolean() ? "0.5\t-1" : cellText(r) + "\t" + cellText(r);
            inputs.paste(f, 0, 0, text);
            return "paste into " + f.id() + ": '" + text + "'";
        } else if (dice < 79) {
            inputs.nextSeed();
            return "randomize";
        } else if (dice < 84) {
            KeyCode key = r.nextBoolean() ? KeyCode.PLUS : r.nextBoolean() ? KeyCode.MINUS : KeyCode.DIGIT0;
            key(key, true);
            return "ctrl+" + key;
        } else if (dice < 86) {
            model.setSpeed(0.5 + r.nextInt(4));
            return "speed " + model.getSpeed();
        } else {
            KeyCode key = r.nextBoolean() ? KeyCode.RIGHT : KeyCode.LEFT;
            key(key, false);
            return "key " + key;
        }
    }

    /** Numbers of every size, sometimes overflowing ones, sometimes text that is not a number. */
    private static String cellText(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> "abc";
            case 1 -> "";
            case 2 -> "NaN";
            case 3 -> "1e400";
            case 4 -> r.nextBoolean() ? "1e200" : "-1e-310";
            case 5 -> "1,5";
            default -> Double.toString(Math.round(r.nextGaussian() * 1000) / 100.0);
        };
    }

    /** A key press where the window's keys are handled: on the focused graph, bubbling to the scene. */
    private void key(KeyCode code, boolean ctrl) {
        GraphView graph = window.graphView();
        Event.fireEvent(graph, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, ctrl, false, false));
        Event.fireEvent(graph, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, false, ctrl, false, false));
    }

    private InputsPane inputs() {
        return (InputsPane) window.root().lookup(".inputs-editor");
    }

    private String switchLanguage(FxRobot robot, Random r) {
        Language l = Language.values()[r.nextInt(Language.values().length)];
        robot.interact(() -> {
            window.setLanguage(l);
            window.root().applyCss(); // the new views' skins (spinners, grids), as the next pulse would make them
        });
        return "language " + l;
    }

    // ------------------------------------------------------------------ checks

    /** Every drawn node shows what the trace holds at the current position, and nothing else. */
    private void assertViewShowsTheTrace(String when) {
        GraphView graph = window.graphView();
        Trace t = model.getTrace();
        assertEquals(model.getInput().x(), t.value("x"), when + ": trace of the current input");
        Trace.NonFinite nf = model.getNonFinite();
        var reach = NonFiniteReach.of(model.getGraph(), nf);
        // the first non-finite number shows once its value, its node's gradient or its branch does
        boolean markShown = nf != null && (!nf.inGradient() ? model.valueShown(nf.node())
                : nf.branch() != null ? model.contributionShown(nf.branch()) : model.gradientShown(nf.node()));
        for (Node n : model.getGraph().nodes()) {
            String name = n.name();
            GraphNodeView v = graph.nodeView(name);
            Matrix value = model.valueShown(name) ? t.value(name) : null;
            Matrix gradient = model.gradientShown(name) ? t.gradient(name) : null;
            assertEquals(value, v.getValue(), when + ": value of " + name);
            assertEquals(gradient, v.getGradient(), when + ": gradient of " + name);
            assertEquals(value != null, v.isComputed(), when + ": :computed of " + name);
            boolean reached = nf != null && (nf.inGradient() ? model.gradientShown(name) : model.valueShown(name));
            assertEquals(markShown && nf.node().equals(name), v.isNonFinite(), when + ": :non-finite of " + name);
            assertEquals(reached && reach.contains(name), v.isAfterNonFinite(), when + ": :after-non-finite of " + name);
            if (v.getSkin() instanceof GraphNodeSkin skin) {
                assertShows(skin.valueView(), value, when + ": " + name);
                assertShows(skin.gradientView(), gradient, when + ": d" + name);
            }
        }
    }

    private static void assertShows(MatrixView view, Matrix m, String what) {
        MatrixCells.assertShows(view, m, what);
    }

    /**
     * Used heap after the JVM has had to clear soft references too: the toolkit's caches
     * (glyphs, image textures) are soft and would otherwise count as growth. Memory is filled on
     * the FX thread, so the app allocates nothing meanwhile, then released.
     */
    private static long usedHeapAfterGc(FxRobot robot) {
        robot.interact(() -> {
            TestFxEventRecord.forget(); // its record of every key event would count as growth, and keep old views
            List<long[]> fill = new ArrayList<>();
            try {
                while (true) {
                    fill.add(new long[2 << 20]); // 16 MB each
                }
            } catch (OutOfMemoryError expected) {
                fill.clear(); // every soft reference is cleared before an OutOfMemoryError
            }
        });
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            WaitForAsyncUtils.sleep(40, java.util.concurrent.TimeUnit.MILLISECONDS);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
