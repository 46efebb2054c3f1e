package org.normgraph.app.present;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where the audience's view and the presenter view go, for one, two and three screens. */
class ScreenPlanTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1920, 1080);
    private static final Rectangle2D PROJECTOR = new Rectangle2D(1920, 0, 1024, 768);
    private static final Rectangle2D LEFT_MONITOR = new Rectangle2D(-1280, 0, 1280, 1024);
    private static final Rectangle2D ON_LAPTOP = new Rectangle2D(100, 100, 1600, 900);
    private static final Rectangle2D ON_PROJECTOR = new Rectangle2D(2000, 50, 900, 600);
    private static final Rectangle2D ON_LEFT = new Rectangle2D(-1200, 40, 1000, 800);
    private static final Rectangle2D OFF_SCREEN = new Rectangle2D(5000, 5000, 800, 600);

    static Stream<Arguments> cases() {
        return Stream.of(
                // screens, window → audience, presenter, moves
                Arguments.of(List.of(LAPTOP), ON_LAPTOP, LAPTOP, null, false),
                Arguments.of(List.of(LAPTOP), OFF_SCREEN, LAPTOP, null, false),
                Arguments.of(List.of(LAPTOP, PROJECTOR), ON_LAPTOP, PROJECTOR, LAPTOP, true),
                Arguments.of(List.of(LAPTOP, PROJECTOR), ON_PROJECTOR, PROJECTOR, LAPTOP, false),
                Arguments.of(List.of(PROJECTOR, LAPTOP), ON_LAPTOP, PROJECTOR, LAPTOP, true),
                Arguments.of(List.of(LAPTOP, PROJECTOR), OFF_SCREEN, PROJECTOR, LAPTOP, true),
                // a third screen: the window dragged there stays; from the main one, the first other
                Arguments.of(List.of(LAPTOP, LEFT_MONITOR, PROJECTOR), ON_LEFT, LEFT_MONITOR, LAPTOP, false),
                Arguments.of(List.of(LAPTOP, LEFT_MONITOR, PROJECTOR), ON_LAPTOP, LEFT_MONITOR, LAPTOP, true));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void places_the_audience_view_and_the_presenter_view(List<Rectangle2D> screens, Rectangle2D window,
            Rectangle2D audience, Rectangle2D presenter, boolean moves) {
        assertEquals(new ScreenPlan(audience, presenter, moves), ScreenPlan.of(screens, LAPTOP, window));
    }

    @org.junit.jupiter.api.Test
    void a_window_across_two_screens_is_on_the_one_holding_its_centre() {
        Rectangle2D mostlyOnProjector = new Rectangle2D(1700, 100, 1000, 600); // centre x 2200
        Rectangle2D mostlyOnLaptop = new Rectangle2D(1200, 100, 1000, 600); // centre x 1700
        List<Rectangle2D> screens = List.of(LAPTOP, PROJECTOR);
        assertEquals(PROJECTOR, ScreenPlan.screenOf(screens, LAPTOP, mostlyOnProjector));
        assertEquals(LAPTOP, ScreenPlan.screenOf(screens, LAPTOP, mostlyOnLaptop));
        assertEquals(new ScreenPlan(PROJECTOR, LAPTOP, false), ScreenPlan.of(screens, LAPTOP, mostlyOnProjector));
    }
}
