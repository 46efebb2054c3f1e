package org.normgraph.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.normgraph.app.InMemoryPreferences;
import org.normgraph.app.MainWindow;
import org.normgraph.app.inspector.ChainRuleExplainer;
import org.normgraph.app.inspector.NodeTex;
import org.normgraph.app.model.Selection;
import org.normgraph.app.model.InputLayout;
import org.normgraph.app.family.FamilyStatus;
import org.normgraph.app.model.SessionModel;
import org.normgraph.io.Json;
import org.normgraph.core.family.NormSpec;
import org.normgraph.io.TraceCsv;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File ▸ Export in the window (headless). */
@ExtendWith(ApplicationExtension.class)
class ExportsTest {

    @TempDir
    Path dir;

    private SessionModel model;
    private MainWindow window;
    private ScriptedDialogs dialogs;
    private FileSession files;

    @Start
    void start(Stage stage) {
        model = SessionModel.example();
        window = new MainWindow(model);
        dialogs = new ScriptedDialogs();
        files = new FileSession(window, dialogs, new RecentFiles(new InMemoryPreferences()), null);
        files.install();
        window.show(stage, 1240, 780);
    }

    @Test
    void the_view_as_png_is_the_graph_at_twice_its_size(FxRobot robot) throws Exception {
        Path png = dir.resolve("view.png");
        dialogs.files.add(png);
        robot.interact(() -> model.seek(12));
        robot.interact(() -> assertTrue(files.exports().viewPng()));
        assertEquals(List.of("save PNG untitled.png"), dialogs.asked);
        assertEquals(List.of("Exported to " + png + "."), dialogs.infos, "says where the file went");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(Math.round(window.graphView().getWidth() * Exports.VIEW_SCALE), img.getWidth(), 1);
        assertEquals(Math.round(window.graphView().getHeight() * Exports.VIEW_SCALE), img.getHeight(), 1);
        assertTrue(SlideImages.colours(img) > 50, "a drawing, not a blank image");
    }

    @Test
    void all_steps_become_20_numbered_slides_and_the_window_does_not_move(FxRobot robot) throws Exception {
        robot.interact(() -> model.seek(4));
        dialogs.files.add(dir);
        robot.interact(() -> assertTrue(files.exports().stepsPng()));
        assertEquals(4, model.getPosition());
        assertEquals(List.of("20 slides written to " + dir + "."), dialogs.infos);
        List<String> names = SlideImages.pngNames(dir);
        assertEquals(SlideImages.EXPECTED_NAMES, names);
        SlideImages.assertDistinctDrawings(dir, names);
        assertTrue(Files.notExists(dir.resolve(StepSlides.NOTES_FILE)), "no notes, no notes file");
    }

    @Test
    void the_speaker_notes_go_beside_the_slides_in_the_slides_language(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.setSpeakerNote(0, "Introduce the batch.");
            model.setSpeakerNote(12, "Ask: why does divar sum over the rows?\nThen point at bcast_ivar.");
            model.setSpeakerNote(13, "   "); // blank: nothing to say
        });
        dialogs.files.add(dir);
        robot.interact(() -> assertTrue(files.exports().stepsPng()));
        assertEquals(List.of("20 slides and their speaker notes (" + StepSlides.NOTES_FILE + ") written to " + dir + "."),
                dialogs.infos);
        assertEquals("00-start.png \u00b7 Start\nIntroduce the batch.\n\n"
                        + "12-backward-7-divar-dxmu1.png \u00b7 Backward 7\nAsk: why does divar sum over the rows?\nThen point at bcast_ivar.\n",
                Files.readString(dir.resolve(StepSlides.NOTES_FILE), java.nio.charset.StandardCharsets.UTF_8));
        // readable like the slides beside it, not private like the temporary file it was written to
        assertEquals(Files.getPosixFilePermissions(dir.resolve(StepSlides.fileName(model.steps().get(12), model.getGraph()))),
                Files.getPosixFilePermissions(dir.resolve(StepSlides.NOTES_FILE)));
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"),
                Files.getPosixFilePermissions(dir.resolve(StepSlides.NOTES_FILE)));

        try {
            robot.interact(() -> window.setLanguage(org.normgraph.app.Language.JAPANESE));
            dialogs.files.add(dir);
            robot.interact(() -> assertTrue(files.exports().stepsPng()));
            String ja = Files.readString(dir.resolve(StepSlides.NOTES_FILE), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(ja.contains("12-backward-7-divar-dxmu1.png \u00b7 逆伝播 7\n"), ja);
        } finally {
            robot.interact(() -> window.setLanguage(org.normgraph.app.Language.ENGLISH));
        }
    }

    /** The slides were drawn from the input alone: batch norm of N×D, whatever the window showed. */
    @Test
    void the_slides_draw_the_windows_kind_and_layout_of_x(FxRobot robot) throws Exception {
        InputLayout images = InputLayout.images(3, 1, 1);
        robot.interact(() -> {
            model.commit(org.normgraph.app.editor.InputEdits.relayout(model.getInput(), model.getInputLayout(), 4, images),
                    images);
            model.setNormSpec(NormSpec.group(3));
        });
        SessionModel copy = files.exports().copyOfSession();
        assertEquals(NormSpec.group(3), copy.getNormSpec());
        assertEquals(images, copy.getInputLayout());
        assertEquals(model.getTrace().value("var"), copy.getTrace().value("var"));
        String exported = Files.readString(writeLatexAt(robot, 15)); // backward 4: dsq, the mean's spread
        assertTrue(exported.startsWith("% normgraph: " + FamilyStatus.text(model) + "\n"), exported);
        assertFalse(exported.contains("(1/N)"), "not batch norm's title: " + exported);
    }

    private Path writeLatexAt(FxRobot robot, int position) {
        Path tex = dir.resolve("at-" + position + ".tex");
        dialogs.files.add(tex);
        robot.interact(() -> model.seek(position));
        robot.interact(() -> assertTrue(files.exports().stepLatex()));
        return tex;
    }

    @Test
    void the_trace_as_json_and_csv_holds_the_cores_numbers(FxRobot robot) throws Exception {
        Path json = dir.resolve("t.json");
        Path csv = dir.resolve("t.csv");
        dialogs.files.add(json);
        dialogs.files.add(csv);
        robot.interact(() -> assertTrue(files.exports().traceJson()));
        robot.interact(() -> assertTrue(files.exports().traceCsv()));
        assertEquals(List.of("Exported to " + json + ".", "Exported to " + csv + "."), dialogs.infos);
        JsonNode root = Json.mapper().readTree(json.toFile());
        assertEquals(model.getTrace().value("xhat").get(2, 1), root.get("forward").get("xhat").get(2).get(1).asDouble());
        assertEquals(model.getTrace().gradient("x").get(3, 2), root.get("backward").get("dx").get(3).get(2).asDouble());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(TraceCsv.HEADER, lines.get(0));
        assertTrue(lines.contains("dx,gradient,3,2," + model.getTrace().gradient("x").get(3, 2)), "dx[3][2]");
    }

    @Test
    void another_kind_is_exported_as_trace_norm_writes_it(FxRobot robot) throws Exception {
        Path json = dir.resolve("g.json");
        dialogs.files.add(json);
        robot.interact(() -> model.setNormSpec(NormSpec.layer()));
        robot.interact(() -> assertTrue(files.exports().traceJson()));
        JsonNode root = Json.mapper().readTree(json.toFile());
        assertEquals("layer", root.get("norm").asText());
        // layer norm's mu is one number per row: written in its reduced shape, as the CLI does
        assertEquals(model.getInput().n(), root.get("forward").get("mu").size());
        assertEquals(model.getTrace().value("mu").get(2, 0), root.get("forward").get("mu").get(2).asDouble());
        assertEquals(model.getTrace().gradient("x").get(3, 2), root.get("backward").get("dx").get(3).get(2).asDouble());
    }

    @Test
    void the_step_as_latex_has_the_formulas_of_the_inspector_and_the_numbers(FxRobot robot) throws Exception {
        Path tex = dir.resolve("s.tex");
        dialogs.files.add(tex);
        robot.interact(() -> {
            model.seek(11); // backward 8: dgamma, dxhat
            model.setSelection(Selection.element("xhat", 2, 1));
        });
        robot.interact(() -> assertTrue(files.exports().stepLatex()));
        assertEquals(List.of("save TEX untitled-11-backward-8-dgamma-dxhat.tex"), dialogs.asked);
        String text = Files.readString(tex);
        assertTrue(text.contains(NodeTex.local("gammax")), "the op this step passes back through: " + text);
        assertTrue(text.contains(NodeTex.local("bcast_gamma")), text);
        assertFalse(text.contains(NodeTex.local("xhat")), "xhat's own derivative is Backward 7's: " + text);
        assertTrue(text.contains("\\mathrm{dxhat} = \\begin{bmatrix}"), text);
        assertTrue(text.contains("\\mathrm{dgamma} = \\begin{bmatrix} "
                + StepLatex.number(model.getTrace().gradient("gamma").get(0, 0)) + " & "), text);
        assertEquals("0.536656", StepLatex.number(model.getTrace().gradient("gamma").get(0, 0)), "6 significant digits");
        assertEquals("-1.5 \\times 10^{-7}", StepLatex.number(-1.5e-7));
        String line = new ChainRuleExplainer(model.getTrace()).gradient("xhat", 2, 1).text();
        assertTrue(line.startsWith("dxhat[2][1] = dgammax[2][1] \u00b7 gamma[1]"), line);
        assertTrue(text.contains("\\mathrm{dxhat}[2][1] = \\mathrm{dgammax}[2][1]  \\cdot  \\mathrm{gamma}[1]"), text);

        Path seven = dir.resolve("b7.tex");
        dialogs.files.add(seven);
        robot.interact(() -> model.seek(12)); // backward 7: through xhat to xmu and ivar
        robot.interact(() -> assertTrue(files.exports().stepLatex()));
        String b7 = Files.readString(seven);
        assertTrue(b7.contains(NodeTex.local("xhat")), b7);
        assertFalse(b7.contains(NodeTex.local("ivar")), "ivar's own derivative is Backward 6's: " + b7);
        assertTrue(b7.contains("\\mathrm{divar} = \\begin{bmatrix}"), b7);

        Path forward = dir.resolve("f.tex");
        dialogs.files.add(forward);
        robot.interact(() -> model.seek(1));
        robot.interact(() -> assertTrue(files.exports().stepLatex()));
        String f = Files.readString(forward);
        assertTrue(f.contains(NodeTex.forward("mu")), f);
        assertTrue(f.contains("\\mathrm{mu} = \\begin{bmatrix} 4 & 2 & 1 \\end{bmatrix}"), f);
        // the selected xhat[2][1] is computed at forward 7: its line is no part of forward 1, as in the inspector
        assertFalse(f.contains("\\mathrm{xhat}[2][1]"), f);

        Path six = dir.resolve("b6.tex");
        dialogs.files.add(six);
        robot.interact(() -> {
            model.seek(13); // backward 6: dvar is backward 5's
            model.setSelection(Selection.element("var", 0, 2));
        });
        robot.interact(() -> assertTrue(files.exports().stepLatex()));
        assertFalse(Files.readString(six).contains("\\mathrm{dvar}[2]"), Files.readString(six));

        // backward 7 with an element of xmu: its branch dxmu1 is on show (its sum dx1 is not), as
        // in the inspector; with ivar, its sum over the rows has a subscript, not "\_i"
        Path branch = dir.resolve("b7-xmu.tex");
        dialogs.files.add(branch);
        robot.interact(() -> {
            model.seek(12);
            model.setSelection(Selection.element("xmu", 3, 2));
        });
        robot.interact(() -> assertTrue(files.exports().stepLatex()));
        String b7xmu = Files.readString(branch);
        assertTrue(b7xmu.contains("\\[ \\mathrm{dxmu1}[3][2] = \\mathrm{dxhat}[3][2]  \\cdot  \\mathrm{ivar}[2] = "), b7xmu);
        assertFalse(b7xmu.contains("\\mathrm{dx1}[3][2]"), "the sum comes at backward 2: " + b7xmu);
        Path sum = dir.resolve("b7-ivar.tex");
        dialogs.files.add(sum);
        robot.interact(() -> model.setSelection(Selection.element("ivar", 0, 0)));
        robot.interact(() -> assertTrue(files.exports().stepLatex()));
        String b7ivar = Files.readString(sum);
        assertTrue(b7ivar.contains("\\mathrm{divar}[0] = \\sum _i \\mathrm{dbcast\\_ivar}[i][0] = "), b7ivar);
    }

    @Test
    void an_export_that_cannot_be_written_says_so(FxRobot robot) throws Exception {
        Path inTheWay = dir.resolve("taken.json");
        Files.createDirectory(inTheWay);
        dialogs.files.add(inTheWay);
        AtomicReference<Boolean> ok = new AtomicReference<>();
        robot.interact(() -> ok.set(files.exports().traceJson()));
        assertEquals(false, ok.get());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("Cannot export to " + inTheWay), dialogs.errors.get(0));
        assertEquals(List.of(), dialogs.infos, "no word of a file written");
    }
}
