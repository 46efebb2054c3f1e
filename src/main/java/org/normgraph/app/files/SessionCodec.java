package org.normgraph.app.files;

import java.util.Map;
import java.util.TreeMap;
import org.normgraph.app.graph.GraphView;
import org.normgraph.app.model.InputLayout;
import org.normgraph.app.model.Mode;
import org.normgraph.app.model.RunningStatistics;
import org.normgraph.app.model.Selection;
import org.normgraph.app.model.SessionModel;
import org.normgraph.io.Session;

/**
 * Between the live session ({@link SessionModel} and the graph's zoom/pan) and the plain
 * data of a file ({@link Session}). The one place that decides what a file restores.
 *
 * <p>A graph that fits itself to the window is saved as {@link Session.View#DEFAULT}, and
 * that view is restored as "fit", so a file opens well on any screen size.
 */
public final class SessionCodec {

    private SessionCodec() {
    }

    /** The session as it is now; {@code graph} may be null (no view to save). */
    public static Session capture(SessionModel model, GraphView graph) {
        Selection s = model.getSelection();
        Session.SelectionData selection = s == null ? null : new Session.SelectionData(s.node(), s.row(), s.col());
        Session.View view = graph == null || graph.isFitting() ? Session.View.DEFAULT
                : new Session.View(graph.getZoom(), graph.getPanX(), graph.getPanY());
        Map<Integer, String> notes = new TreeMap<>(model.getSpeakerNotes());
        InputLayout l = model.getInputLayout();
        Session.Images images = l.images() ? new Session.Images(l.channels(), l.height(), l.width()) : null;
        RunningStatistics stats = model.getInference();
        return new Session(model.getInput(), model.getMode().id(), model.getPosition(), selection, view, notes,
                model.getNormSpec(), images, stats == null ? null : new Session.Inference(stats.mean(), stats.var()));
    }

    /**
     * Puts {@code session} on the model (kind of normalization, input and its layout without undo history,
     * inference mode's running statistics, notes, mode, position, selection) and the view on {@code graph}
     * (may be null).
     */
    public static void restore(Session session, SessionModel model, GraphView graph) {
        model.setPlaying(false);
        model.setInference(null); // set again below, once the file's input is in
        Session.Images im = session.images();
        model.reset(session.input(), im == null ? InputLayout.features(session.input().d())
                : InputLayout.images(im.channels(), im.height(), im.width()), session.norm());
        Session.Inference inf = session.inference();
        model.setInference(inf == null ? null : new RunningStatistics(inf.mean(), inf.var()));
        model.getSpeakerNotes().clear();
        session.notes().forEach((position, text) -> {
            if (position < model.getStepCount()) {
                model.setSpeakerNote(position, text);
            }
        });
        model.setMode(Mode.ofId(session.mode()));
        model.seek(session.position());
        Session.SelectionData s = session.selection();
        model.setSelection(s == null ? null : new Selection(s.node(), s.row(), s.col()));
        if (graph != null) {
            Session.View v = session.view();
            if (v.equals(Session.View.DEFAULT)) {
                graph.fit();
            } else {
                graph.setViewport(v.zoom(), v.panX(), v.panY());
            }
        }
    }
}
