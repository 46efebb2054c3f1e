package org.normgraph.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.normgraph.app.editor.InputEdits;
import org.normgraph.app.model.InputLayout;
import org.normgraph.app.model.Selection;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.family.NormSpec;
import org.normgraph.io.Session;
import org.normgraph.io.SessionFile;

/** A session of N×C×H×W images saved and opened again: layout, kind, input, position and selection come back. */
class SessionCodecImagesTest {

    @Test
    void a_4d_instance_norm_session_round_trips_through_a_file() throws Exception {
        SessionModel saved = SessionModel.example();
        InputLayout images = InputLayout.images(2, 2, 2);
        saved.commit(InputEdits.randomize(2, images, 1e-4, 11), images);
        saved.setNormSpec(NormSpec.instance());
        saved.seek(15);
        saved.setSelection(Selection.element("ivar", 1, 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionFile.write(SessionCodec.capture(saved, null), out);

        Session file = SessionFile.read(new ByteArrayInputStream(out.toByteArray()), "test");
        SessionModel opened = SessionModel.example(); // N×D features, batch norm
        SessionCodec.restore(file, opened, null);
        assertEquals(images, opened.getInputLayout());
        assertEquals(NormSpec.instance(), opened.getNormSpec());
        assertEquals(saved.getInput(), opened.getInput());
        assertEquals(15, opened.getPosition());
        assertEquals(Selection.element("ivar", 1, 1), opened.getSelection());
        assertEquals(saved.getTrace().value("xhat"), opened.getTrace().value("xhat"));
        assertEquals(saved.getTrace().gradient("x"), opened.getTrace().gradient("x"));
    }
}
