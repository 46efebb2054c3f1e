package org.normgraph.io;

import java.nio.file.Path;
import java.util.Map;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.Matrix;

/**
 * A child process for {@link KilledWhileSavingTest}: saves a large session to {@code args[0]}
 * over and over, each save numbered in its notes, and prints "saved" after the first, until it
 * is killed.
 */
public final class SessionSaverMain {

    private SessionSaverMain() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        long first = Long.parseLong(args[1]);
        for (long k = first; ; k++) {
            SessionFile.write(session(k), target);
            if (k == first) {
                System.out.println("saved");
                System.out.flush();
            }
        }
    }

    /** Save number {@code k}: the largest inputs, a long note per position, all derived from k. */
    static Session session(long k) {
        double[] x = new double[32 * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = k + i / 7.0;
        }
        BatchNormInput in = new BatchNormInput(Matrix.of(32, 16, x), Matrix.of(1, 16, java.util.Arrays.copyOf(x, 16)),
                Matrix.of(1, 16, new double[16]), Matrix.of(32, 16, x), 1e-5);
        Map<Integer, String> notes = new java.util.TreeMap<>();
        for (int p = 0; p <= Session.LAST_POSITION; p++) {
            notes.put(p, "save " + k + " " + "批量归一化 ".repeat(800));
        }
        return new Session(in, "explore", (int) (k % 20), null, Session.View.DEFAULT, notes);
    }

    /** Which save a session read back is, checking that every part of it belongs to that save. */
    static long saveNumber(Session s) {
        String note = s.notes().get(0);
        long k = Long.parseLong(note.substring("save ".length(), note.indexOf(' ', "save ".length())));
        if (!s.equals(session(k))) {
            throw new AssertionError("the file mixes save " + k + " with something else");
        }
        return k;
    }
}
