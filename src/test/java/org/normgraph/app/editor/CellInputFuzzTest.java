package org.normgraph.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.BatchNormInput;

/**
 * Random text typed into a cell or the eps field through the editor's own edit path
 * ({@link InputsPane} committing to a {@link SessionModel}): the model only ever takes finite
 * numbers — a double written by {@link Double#toString} is read back exactly — and a refused
 * text leaves the input as it was, with one short message naming the cell.
 */
class CellInputFuzzTest {

    @BeforeContainer
    static void toolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // started by an earlier test class in this JVM
        }
    }

    @Property(tries = 400)
    void a_cell_takes_finite_numbers_only_and_a_refusal_keeps_the_old_value(
            @ForAll("texts") String text, @ForAll("fields") InputField field, @ForAll("indices") int[] at) {
        String outcome = onFx(() -> {
            SessionModel model = SessionModel.example();
            InputsPane pane = new InputsPane(model.inputProperty(), model::commit);
            BatchNormInput before = model.getInput();
            int row = field.isVector() ? 0 : at[0] % before.n();
            int col = at[1] % before.d();
            pane.editCell(field, row, col, text);
            BatchNormInput after = model.getInput();
            String why = "'" + abbreviated(text) + "' in " + field.cellName(row, col);
            InputsPane.Feedback f = pane.getFeedback();
            if (f != null && f.error()) {
                assertEquals(before, after, why);
                assertTrue(f.text().startsWith(field.cellName(row, col) + ": "), why + " → " + f.text());
                assertTrue(f.text().length() < 300, "a short message; " + why + " → " + f.text().length() + " chars");
                return "refused";
            } else {
                assertNull(f, why);
                double v = field.of(after).get(row, col);
                assertTrue(Double.isFinite(v), why);
                assertEquals(before, InputEdits.setCell(after, field, row, col, field.of(before).get(row, col)),
                        "only that cell changed; " + why);
                assertEquals(BatchNormGraph.run(after).value("out"), model.getTrace().value("out"), "trace is current");
                return "accepted";
            }
        });
        Statistics.label("cell").collect(outcome);
    }

    @Property(tries = 200)
    void a_double_as_java_writes_it_is_taken_exactly(@ForAll double value, @ForAll("fields") InputField field) {
        onFx(() -> {
            SessionModel model = SessionModel.example();
            InputsPane pane = new InputsPane(model.inputProperty(), model::commit);
            pane.editCell(field, 0, 1, Double.toString(value));
            double expected = value + 0.0; // -0 reads as 0
            if (Double.isFinite(value)) {
                assertNull(pane.getFeedback(), () -> Double.toString(value));
                assertEquals(expected, field.of(model.getInput()).get(0, 1), 0.0);
            } else {
                assertNotNull(pane.getFeedback());
                assertEquals(Double.doubleToLongBits(field.of(SessionModel.example().getInput()).get(0, 1)),
                        Double.doubleToLongBits(field.of(model.getInput()).get(0, 1)));
            }
        });
    }

    @Property(tries = 200)
    void eps_takes_positive_finite_numbers_only(@ForAll("texts") String text) {
        onFx(() -> {
            SessionModel model = SessionModel.example();
            InputsPane pane = new InputsPane(model.inputProperty(), model::commit);
            double before = model.getInput().eps();
            pane.editEps(text);
            double eps = model.getInput().eps();
            if (pane.getFeedback() != null) {
                assertEquals(before, eps, 0.0);
                assertTrue(pane.getFeedback().text().startsWith("eps"), pane.getFeedback().text());
                assertTrue(pane.getFeedback().text().length() < 300, pane.getFeedback().text());
            } else {
                assertTrue(eps > 0 && Double.isFinite(eps), abbreviated(text));
            }
        });
    }

    @Property(tries = 150)
    void a_paste_is_taken_whole_or_not_at_all(@ForAll("blocks") String text, @ForAll("fields") InputField field) {
        onFx(() -> {
            SessionModel model = SessionModel.example();
            InputsPane pane = new InputsPane(model.inputProperty(), model::commit);
            BatchNormInput before = model.getInput();
            pane.paste(field, 0, 0, text);
            InputsPane.Feedback f = pane.getFeedback();
            if (f != null && f.error()) {
                assertEquals(before, model.getInput(), abbreviated(text));
                assertTrue(f.text().length() < 300, f.text());
            } else {
                assertTrue(field.of(model.getInput()).allFinite(), abbreviated(text));
            }
        });
    }

    /** Blocks of cell texts as spreadsheets copy them: tabs between cells, a line per row. */
    @Provide
    Arbitrary<String> blocks() {
        Arbitrary<String> cell = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4,
                Arbitraries.doubles().between(-1e3, 1e3).map(d -> Double.toString(d))), net.jqwik.api.Tuple.of(1, texts()));
        Arbitrary<String> row = cell.list().ofMinSize(1).ofMaxSize(4).map(cells -> String.join("\t", cells));
        return row.list().ofMinSize(1).ofMaxSize(5).map(rows -> String.join(rows.size() % 2 == 0 ? "\n" : "\r\n", rows));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(30);
        Arbitrary<String> numberish = Arbitraries.strings().withChars("0123456789.,eE+-\u2212 \u00a0").ofMaxLength(12);
        Arbitrary<String> doubles = Arbitraries.doubles().map(d -> Double.toString(d));
        Arbitrary<String> formatted = Combinators.combine(Arbitraries.doubles(), Arbitraries.of("%e", "%.3f", "%g", "%,.2f"))
                .as((d, fmt) -> String.format(Locale.GERMANY, fmt, d));
        Arbitrary<String> special = Arbitraries.of("NaN", "-Infinity", "∞", "1e400", "-1e400", "1e-310", "4.9e-324",
                "1e-400", "-0", "0x10", "1_000", "1e", "", " ", "\t", "\n", "1\n2", "1\t2", "null", "１２",
                "1".repeat(400), "9".repeat(100_000), "0." + "0".repeat(100_000) + "1", "x".repeat(200_000),
                "\u0000", "\ud800", "1e-5\u0000");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, anything), net.jqwik.api.Tuple.of(3, numberish),
                net.jqwik.api.Tuple.of(2, doubles), net.jqwik.api.Tuple.of(1, formatted), net.jqwik.api.Tuple.of(2, special));
    }

    @Provide
    Arbitrary<InputField> fields() {
        return Arbitraries.of(InputField.class);
    }

    @Provide
    Arbitrary<int[]> indices() {
        return Arbitraries.integers().between(0, 1000).array(int[].class).ofSize(2);
    }

    private static String abbreviated(String t) {
        return t.length() > 60 ? t.substring(0, 60) + "… (" + t.length() + " chars)" : t;
    }

    private static void onFx(Runnable r) {
        onFx(() -> {
            r.run();
            return null;
        });
    }

    /** Runs on the FX thread (where the editor lives) and rethrows what failed there. */
    private static <T> T onFx(java.util.function.Supplier<T> r) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(r.get());
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            return done.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
