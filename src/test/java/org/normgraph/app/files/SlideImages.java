package org.normgraph.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/** Checks on exported slides, shared by the app's and the CLI's export tests. */
public final class SlideImages {

    /** The slide names: the contract of {@code export} (the start, forward 1…9, backward 9…0). */
    public static final List<String> EXPECTED_NAMES = List.of("00-start.png",
            "01-forward-1-mu.png", "02-forward-2-xmu.png", "03-forward-3-sq.png", "04-forward-4-var.png",
            "05-forward-5-sqrtvar.png", "06-forward-6-ivar.png", "07-forward-7-xhat.png", "08-forward-8-gammax.png",
            "09-forward-9-out.png", "10-backward-9-dbeta-dgammax.png", "11-backward-8-dgamma-dxhat.png",
            "12-backward-7-divar-dxmu1.png", "13-backward-6-dsqrtvar.png", "14-backward-5-dvar.png",
            "15-backward-4-dsq.png", "16-backward-3-dxmu2.png", "17-backward-2-dx1-dmu.png",
            "18-backward-1-dx2.png", "19-backward-0-dx.png");

    private SlideImages() {
    }

    public static List<String> pngNames(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
        }
    }

    /** How many different colours (up to 10 000) the image has. */
    public static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight() && seen.size() < 10_000; y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    /** Every slide is a full-HD drawing, and no two consecutive slides are the same picture. */
    public static void assertDistinctDrawings(Path dir, List<String> names) throws IOException {
        int[] previous = null;
        for (String n : names) {
            BufferedImage img = ImageIO.read(dir.resolve(n).toFile());
            assertEquals(StepSlides.WIDTH, img.getWidth(), n);
            assertEquals(StepSlides.HEIGHT, img.getHeight(), n);
            assertTrue(colours(img) > 50, n + " is a drawing");
            int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
            if (previous != null) {
                assertFalse(java.util.Arrays.equals(previous, pixels), n + " differs from the slide before");
            }
            previous = pixels;
        }
    }
}
