package org.normgraph.core.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.normgraph.core.InvalidInputException;
import org.normgraph.core.Tensor;

/** Which axes each kind reduces over, for 2-D and 4-D x, and which combinations are refused. */
class NormLayoutTest {

    @ParameterizedTest(name = "{0} G={1} x={2}")
    @CsvSource(delimiter = '|', value = {
            // kind   | G | x        | statistics | M  | in JSON | parameters
            "batch    | 0 | 5×3      | 1×3        | 5  | 3       | 1×3",
            "layer    | 0 | 5×3      | 5×1        | 3  | 5       | 1×3",
            "group    | 2 | 5×4      | 5×2        | 2  | 5×2     | 1×4",
            "group    | 1 | 5×4      | 5×1        | 4  | 5×1     | 1×4",
            "batch    | 0 | 2×3×4×5  | 1×3×1×1    | 40 | 3       | 1×3×1×1",
            "layer    | 0 | 2×3×4×5  | 2×1×1×1    | 60 | 2       | 1×3×1×1",
            "group    | 3 | 2×6×4×5  | 2×3×1×1    | 40 | 2×3     | 1×6×1×1",
            "instance | 0 | 2×3×4×5  | 2×3×1×1    | 20 | 2×3     | 1×3×1×1",
            "batch    | 0 | 1×1      | 1×1        | 1  | 1       | 1×1"})
    void statistics_and_parameters_have_the_shape_of_their_kind(String kind, int g, String x, String stats,
                                                                 int m, String json, String params) {
        NormLayout l = NormLayout.of(NormSpec.of(NormKind.parse(kind), g), parse(x));
        assertEquals(stats, Tensor.format(l.statsShape()));
        assertEquals(m, l.count());
        assertEquals(json, Tensor.format(l.compactStatsShape()));
        assertEquals(params, Tensor.format(l.paramShape()));
        assertArrayEquals(parse(x), l.xShape());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "G does not divide D           | group    | 3  | 2×4      | groups | G = 3 does not divide D = 4 of x (2×4)",
            "G does not divide C           | group    | 3  | 2×4×2×2  | groups | G = 3 does not divide C = 4 of x (2×4×2×2)",
            "G larger than C               | group    | 8  | 2×4×2×2  | groups | G = 8 does not divide C = 4",
            "instance norm of 2-D x        | instance | 0  | 3×4      | norm   | instance norm needs 4-D x (N×C×H×W), got 2-D x 3×4",
            "3-D x                         | batch    | 0  | 2×3×4    | x      | expected N×D (2-D) or N×C×H×W (4-D), got 3-D 2×3×4",
            "an empty axis in 4-D x        | layer    | 0  | 2×3×0×4  | x      | needs N, C, H, W ≥ 1, got 2×3×0×4",
            "no rows                       | batch    | 0  | 0×3      | x      | needs N ≥ 1 rows and D ≥ 1 columns, got 0×3"})
    void impossible_combinations_are_refused_naming_the_field(String what, String kind, int g, String x,
                                                              String field, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> NormLayout.of(NormSpec.of(NormKind.parse(kind), g), parse(x)));
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + ": " + message), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "G = 0                    | group | 0  | groups: must be ≥ 1, got 0",
            "G < 0                    | group | -2 | groups: must be ≥ 1, got -2",
            "groups for layer norm    | layer | 2  | groups: only group norm has groups; layer norm got 2",
            "an unknown kind          | weird | 0  | norm: unknown kind 'weird' (expected one of batch, layer, group, instance)"})
    void a_spec_without_meaning_is_refused(String what, String kind, int g, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NormSpec.of(NormKind.parse(kind), g));
        assertEquals(message, e.getMessage());
    }

    private static int[] parse(String shape) {
        return FamilyEquivalencesTest.parse(shape);
    }
}
