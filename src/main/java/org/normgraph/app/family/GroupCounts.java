package org.normgraph.app.family;

import java.util.function.IntSupplier;
import javafx.scene.control.SpinnerValueFactory;

/**
 * The G spinner's values: only the divisors of the width the groups split (D features or C
 * channels), so that the arrows go 1, 2, 3, 4, 6, 12 for D = 12 and never stop at a G that
 * would be refused.
 */
final class GroupCounts extends SpinnerValueFactory<Integer> {

    private final IntSupplier width;

    GroupCounts(IntSupplier width, int initial) {
        this.width = width;
        setValue(initial);
    }

    /**
     * The divisor of {@code width} nearest to {@code g}; of two equally near, the larger, unless
     * its groups would hold one value each ({@code valuesPerUnit} values per feature or channel):
     * such a group normalizes to 0, and xhat and dx with it (D = 3, G = 2 → 1, not 3).
     */
    static int nearestDivisor(int width, int g, int valuesPerUnit) {
        for (int distance = 0; ; distance++) {
            int up = g + distance;
            int down = g - distance;
            boolean upDivides = up <= width && width % up == 0;
            boolean downDivides = down >= 1 && width % down == 0;
            if (upDivides && !(downDivides && up == width && valuesPerUnit == 1)) {
                return up;
            }
            if (downDivides) {
                return down;
            }
        }
    }

    @Override
    public void decrement(int steps) {
        int c = width.getAsInt();
        int g = Math.min(getValue() == null ? 1 : getValue(), c);
        for (int s = 0; s < steps && g > 1; s++) {
            do {
                g--;
            } while (c % g != 0);
        }
        setValue(g);
    }

    @Override
    public void increment(int steps) {
        int c = width.getAsInt();
        int g = getValue() == null ? 1 : getValue();
        for (int s = 0; s < steps && g < c; s++) {
            do {
                g++;
            } while (c % g != 0);
        }
        setValue(Math.min(g, c));
    }
}
