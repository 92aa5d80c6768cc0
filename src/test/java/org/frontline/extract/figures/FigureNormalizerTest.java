package org.frontline.extract.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.frontline.extract.TerritorialFigure.Kind;
import org.frontline.extract.TerritorialFigure.Qualifier;
import org.frontline.extract.TerritorialFigure.Quantity;
import org.frontline.extract.figures.FigureNormalizer.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FigureNormalizerTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}..{2}")
    @CsvSource(delimiter = '|', value = {
            "420                         | 420       | 420",
            "1,000                       | 1000      | 1000",
            "1,250,000                   | 1250000   | 1250000",
            "4.5                         | 4.5       | 4.5",
            "80 000                      | 80000     | 80000",
            "1 000 000                   | 1000000   | 1000000",
            "1.2 million                 | 1200000   | 1200000",
            "300 thousand                | 300000    | 300000",
            "10-15                       | 10        | 15",
            "10 - 15                     | 10        | 15",
            "10–15                       | 10        | 15",
            "10—15                       | 10        | 15",
            "20 to 25                    | 20        | 25",
            "between 5 and 7             | 5         | 7",
            "Between 1,000 and 1,500     | 1000      | 1500",
            "1-2 million                 | 1000000   | 2000000",
            "between 1 and 2 million     | 1000000   | 2000000",
            "three                       | 3         | 3",
            "Twelve                      | 12        | 12",
            "twenty-five                 | 25        | 25",
            "twenty - five               | 25        | 25",
            "twenty five                 | 25        | 25",
            "one hundred and twenty      | 120       | 120",
            "fifteen hundred             | 1500      | 1500",
            "two thousand five hundred   | 2500      | 2500",
            "a thousand                  | 1000      | 1000",
            "one million                 | 1000000   | 1000000",
            "a dozen                     | 12        | 12",
            "two dozen                   | 24        | 24",
            "three-four                  | 3         | 4",
            "twenty to thirty            | 20        | 30",
            "five to 10                  | 5         | 10",
            "hundred                     | 100       | 100",
            "thousand                    | 1000      | 1000",
            "half a thousand             | 500       | 500",
            "half a dozen                | 6         | 6",
            "half a million              | 500000    | 500000",
            "1,25,000                    | 125000    | 125000",
            "125,00                      | 12500     | 12500",
    })
    void parsesNumbersAndRangesAsWritten(String text, double min, double max) {
        assertThat(FigureNormalizer.number(text)).isEqualTo(new Range(min, max));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {
            "dozens",            // no number: a bound like "at least 24" would be invented
            "hundreds",
            "half",
            "half a",
            "a",
            "15-10",             // min > max is no range a writer means
            "2023 420",          // a year next to a number is not "2,023,420"
            "1,5",               // European decimal comma: ambiguous, refused
            "five twenty",
            "many",
            "",
    })
    void refusesWhatIsNoNumber(String text) {
        assertThatThrownBy(() -> FigureNormalizer.number(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} x {2}")
    @CsvSource(delimiter = '|', value = {
            "sq km              | AREA     | 1",
            "sq. km             | AREA     | 1",
            "sq.km              | AREA     | 1",
            "sqkm               | AREA     | 1",
            "sq kms             | AREA     | 1",
            "square kilometres  | AREA     | 1",
            "square kilometers  | AREA     | 1",
            "square-kilometre   | AREA     | 1",
            "Square Kilometer   | AREA     | 1",
            "km2                | AREA     | 1",
            "km²                | AREA     | 1",
            "sq miles           | AREA     | 2.589988",
            "sq. miles          | AREA     | 2.589988",
            "sq mi              | AREA     | 2.589988",
            "square miles       | AREA     | 2.589988",
            "square mile        | AREA     | 2.589988",
            "hectares           | AREA     | 0.01",
            "hectare            | AREA     | 0.01",
            "ha                 | AREA     | 0.01",
            "acres              | AREA     | 0.004046856",
            "km                 | DISTANCE | 1",
            "kms                | DISTANCE | 1",
            "kilometres         | DISTANCE | 1",
            "kilometer          | DISTANCE | 1",
            "miles              | DISTANCE | 1.609344",
            "mile               | DISTANCE | 1.609344",
            "metres             | DISTANCE | 0.001",
            "meters             | DISTANCE | 0.001",
            "nautical miles     | DISTANCE | 1.852",
            "square metres      | AREA     | 0.000001",
            "square-meter       | AREA     | 0.000001",
            "sq m               | AREA     | 0.000001",
            "m²                 | AREA     | 0.000001",
            "settlements        | SETTLEMENTS | 1",
            "villages           | SETTLEMENTS | 1",
            "Towns              | SETTLEMENTS | 1",
            "localities         | SETTLEMENTS | 1",
            "locality           | SETTLEMENTS | 1",
            "hamlets            | SETTLEMENTS | 1",
            "cities             | SETTLEMENTS | 1",
            "%                  | SHARE    | 1",
            "percent            | SHARE    | 1",
            "per cent           | SHARE    | 1",
            "pct                | SHARE    | 1",
    })
    void readsUnitsIntoQuantityAndFactor(String text, Quantity quantity, double factor) {
        FigureNormalizer.Unit unit = FigureNormalizer.unit(text);
        assertThat(unit.quantity()).isEqualTo(quantity);
        assertThat(unit.factor()).isEqualTo(factor);
    }

    @ParameterizedTest(name = "unit \"{0}\" is refused")
    @ValueSource(strings = {"kg", "km/h", "m", "mph", "feet", "square feet", "people", "tanks", "percentage points"})
    void refusesUnitsThatMeasureNoLand(String text) {
        assertThatThrownBy(() -> FigureNormalizer.unit(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalisesValuesToSquareKilometresAndKilometres() {
        assertThat(FigureNormalizer.value("162", "sq miles").min()).isCloseTo(419.578, within(0.001));
        assertThat(FigureNormalizer.value("5,000", "hectares").max()).isCloseTo(50, within(1e-9));
        assertThat(FigureNormalizer.value("250,000", "acres").min()).isCloseTo(1011.714, within(1e-9));
        assertThat(FigureNormalizer.value("600", "mile").min()).isCloseTo(965.6064, within(1e-9));
        assertThat(FigureNormalizer.value("10-15", "km")).isEqualTo(new Range(10, 15));
        assertThat(FigureNormalizer.value("500", "metres").min()).isCloseTo(0.5, within(1e-12));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL            | EXACT",
            "just            | EXACT",
            "only            | EXACT",
            "about           | APPROX",
            "About           | APPROX",
            "around          | APPROX",
            "almost          | APPROX",
            "nearly          | APPROX",
            "some            | APPROX",
            "roughly         | APPROX",
            "approximately   | APPROX",
            "an estimated    | APPROX",
            "only about      | APPROX",
            "more than       | AT_LEAST",
            "More  than      | AT_LEAST",
            "over            | AT_LEAST",
            "at least        | AT_LEAST",
            "just over       | AT_LEAST",
            "no less than    | AT_LEAST",
            "up to           | AT_MOST",
            "within          | AT_MOST",
            "less than       | AT_MOST",
            "fewer than      | AT_MOST",
            "under           | AT_MOST",
            "no more than    | AT_MOST",
            "not more than   | AT_MOST",
            "close to        | APPROX",
            "~               | APPROX",
            "roughly about   | APPROX",
            "about “         | APPROX",
            "upwards of      | AT_LEAST",
            "in excess of    | AT_LEAST",
            "as many as      | AT_MOST",
    })
    void mapsQualifierWordsAsFiguresMdDefinesThem(String words, Qualifier qualifier) {
        assertThat(FigureNormalizer.qualifier(words)).isEqualTo(qualifier);
    }

    @Test
    void refusesQualifierWordsItDoesNotKnow() {
        assertThatThrownBy(() -> FigureNormalizer.qualifier("a whopping"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a whopping");
    }

    @Test
    void refusesTwoStackedQualifiersOfDifferentKinds() {
        assertThatThrownBy(() -> FigureNormalizer.qualifier("about more than"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}, rule {1}, cue {2} -> {3}")
    @CsvSource(nullValues = "NULL", value = {
            "AREA,     NULL,     control, CONTROL",
            "AREA,     NULL,     advance, ADVANCE",
            "AREA,     NULL,     other,   OTHER",
            "AREA,     NULL,     NULL,    OTHER",
            "DISTANCE, NULL,     advance, ADVANCE",
            "DISTANCE, NULL,     control, DISTANCE",
            "DISTANCE, NULL,     NULL,    DISTANCE",
            "DISTANCE, advance,  NULL,    ADVANCE",
            "DISTANCE, distance, advance, DISTANCE",
            "DISTANCE, other,    advance, OTHER",
            "SETTLEMENTS, NULL,  control, CONTROL",
            "SETTLEMENTS, NULL,  other,   OTHER",
            "SETTLEMENTS, NULL,  advance, OTHER",
            "SETTLEMENTS, NULL,  NULL,    OTHER",
            "SHARE,    NULL,     control, CONTROL",
            "SHARE,    NULL,     advance, OTHER",
            "SHARE,    NULL,     NULL,    OTHER",
            "SHARE,    other,    control, OTHER",
    })
    void decidesKindFromRuleThenCue(Quantity quantity, String ruleKind, String cue, Kind kind) {
        assertThat(FigureNormalizer.kind(quantity, ruleKind, cue)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} {1} {2}-{3} plausible: {4}")
    @CsvSource(value = {
            "DISTANCE,    DISTANCE, 530,        530,        true",
            "DISTANCE,    DISTANCE, 19000,      19000,      true",
            "DISTANCE,    DISTANCE, 4828032,    4828032,    false",   // 3 million miles from a star
            "DISTANCE,    ADVANCE,  30000,      30000,      false",
            "DISTANCE,    OTHER,    46000,      46000,      true",    // a coastline is longer than any distance
            "AREA,        OTHER,    17098246,   17098246,   true",    // Russia
            "AREA,        OTHER,    600000000,  600000000,  false",   // more than the Earth's surface
            "SHARE,       CONTROL,  18,         18,         true",
            "SHARE,       CONTROL,  30,         150,        false",
            "SETTLEMENTS, OTHER,    1,          1,          true",
            "SETTLEMENTS, OTHER,    0,          0,          false",
    })
    void dropsValuesNoLandOnEarthHas(Quantity quantity, Kind kind, double min, double max, boolean plausible) {
        assertThat(FigureNormalizer.plausible(quantity, kind, new Range(min, max))).isEqualTo(plausible);
    }
}
