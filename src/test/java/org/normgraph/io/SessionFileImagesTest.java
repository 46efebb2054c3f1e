package org.normgraph.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;
import org.normgraph.core.family.NormSpec;

/** Version 2 session files: N×C×H×W x nested four deep, gamma and beta per channel; version 1 files still open. */
class SessionFileImagesTest {

    private static final Session.Images IMAGES = new Session.Images(2, 1, 2);

    /** Two images of 2 channels × 1×2 pixels; gamma (2, 0.5) and beta (0, 1) repeated over each channel's 2 columns. */
    private static Session imagesSession() {
        BatchNormInput in = new BatchNormInput(
                Matrix.fromRows(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 9}}),
                IMAGES.perColumn(Matrix.rowVector(2, 0.5)), IMAGES.perColumn(Matrix.rowVector(0, 1)),
                Matrix.fromRows(new double[][] {{0.1, 0.2, 0.3, 0.4}, {-0.1, -0.2, -0.3, -0.4}}), 1e-5);
        return new Session(in, "explore", 14, new Session.SelectionData("mu", 1, 1), Session.View.DEFAULT,
                Map.of(3, "per channel"), NormSpec.instance(), IMAGES);
    }

    private static byte[] write(Session s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionFile.write(s, out);
        return out.toByteArray();
    }

    private static Session read(String text) throws InputFormatException {
        return SessionFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
    }

    /** Reads {@code text}, which must be refused, and asserts the message names {@code expected}. */
    private static void assertRefused(String text, String expected) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void an_images_session_comes_back_as_it_was_saved() throws Exception {
        Session saved = imagesSession();
        Session read = SessionFile.read(new ByteArrayInputStream(write(saved)), "test");
        assertEquals(saved, read);
        assertEquals(IMAGES, read.images());
        assertEquals(NormSpec.instance(), read.norm());
    }

    @Test
    void the_file_holds_x_as_n_c_h_w_and_gamma_per_channel() throws Exception {
        JsonNode root = Json.mapper().readTree(write(imagesSession()));
        assertEquals(2, root.get("version").asInt(), "images need version 2, no more");
        JsonNode x = root.get("input").get("x");
        assertEquals("[[[[1.0,2.0]],[[3.0,4.0]]],[[[5.0,6.0]],[[7.0,9.0]]]]", x.toString());
        assertEquals("[2.0,0.5]", root.get("input").get("gamma").toString());
        assertEquals("[0.0,1.0]", root.get("input").get("beta").toString());
    }

    /** Spatial batch norm's running statistics, one per channel, come back from the file; one per column is refused. */
    @Test
    void an_images_session_in_inference_keeps_one_running_statistic_per_channel() throws Exception {
        Session s = imagesSession();
        Session saved = new Session(s.input(), s.mode(), s.position(), null, s.view(), s.notes(), NormSpec.batch(),
                IMAGES, new Session.Inference(Matrix.rowVector(3, 6), Matrix.rowVector(2, 0.5)));
        byte[] file = write(saved);
        assertEquals(saved, SessionFile.read(new ByteArrayInputStream(file), "test"));
        JsonNode root = Json.mapper().readTree(file);
        assertEquals("[3.0,6.0]", root.get("inference").get("mean").toString());
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("inference").get("mean")).add(1.0).add(1.0);
        assertRefused(root.toString(), "inference.mean: expected 1×2, one per channel (C), got 1×4");
    }

    @Test
    void a_version_1_file_still_opens_as_n_by_d_features() throws Exception {
        Session s = read("{\"format\": \"normgraph-session\", \"version\": 1, \"input\": {\"x\": [[1, 2], [3, 5]],"
                + " \"gamma\": [1, 1], \"beta\": [0, 0], \"dout\": [[1, 0], [0, 1]]}}");
        assertNull(s.images());
        assertEquals(2, s.input().d());
    }

    @Test
    void images_in_a_version_1_file_are_refused_naming_the_field() {
        assertRefused("{\"format\": \"normgraph-session\", \"version\": 1, \"input\": {\"x\": [[[[1]]]],"
                + " \"gamma\": [1], \"beta\": [0], \"dout\": [[[[1]]]]}}", ": input.x: a version 1 file holds N×D x only");
    }

    @Test
    void gamma_that_is_not_one_per_channel_and_instance_norm_of_features_are_refused() {
        assertRefused("{\"format\": \"normgraph-session\", \"version\": 2, \"input\": {\"x\": [[[[1, 2]], [[3, 4]]]],"
                + " \"gamma\": [1, 1, 1, 1], \"beta\": [0, 0], \"dout\": [[[[1, 0]], [[0, 1]]]]}}",
                ": input.gamma: expected 2 values");
        assertRefused("{\"format\": \"normgraph-session\", \"version\": 2, \"input\": {\"x\": [[1, 2]],"
                + " \"gamma\": [1, 1], \"beta\": [0, 0], \"dout\": [[1, 0]]}, \"norm\": {\"kind\": \"instance\"}}",
                ": norm: instance norm needs 4-D x");
    }

    @Test
    void images_wider_than_the_app_shows_are_refused() {
        String row = "[[[1, 2, 3, 4, 5, 6, 7, 8, 9]], [[1, 2, 3, 4, 5, 6, 7, 8, 9]]]"; // C·H·W = 18
        assertRefused("{\"format\": \"normgraph-session\", \"version\": 2, \"input\": {\"x\": [" + row + "],"
                + " \"gamma\": [1, 1], \"beta\": [0, 0], \"dout\": [" + row + "]}}", "larger than the app can show");
    }
}
