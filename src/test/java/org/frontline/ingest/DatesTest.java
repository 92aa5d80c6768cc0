package org.frontline.ingest;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    private static LocalDate parse(String value) {
        return Dates.parsePublished(value, TODAY);
    }

    @Test
    void acceptsIsoDate() {
        assertThat(parse("2024-07-16")).isEqualTo(LocalDate.of(2024, 7, 16));
        assertThat(parse("  2024-07-16 ")).isEqualTo(LocalDate.of(2024, 7, 16));
    }

    @Test
    void acceptsLocalDateTimeWithTOrSpaceAndFractionAsUtc() {
        assertThat(parse("2024-07-16T23:37:19")).isEqualTo(LocalDate.of(2024, 7, 16));
        assertThat(parse("2024-07-16 23:37:19")).isEqualTo(LocalDate.of(2024, 7, 16));
        assertThat(parse("2024-07-16 23:37:19.123456")).isEqualTo(LocalDate.of(2024, 7, 16));
        assertThat(parse("2024-07-16T23:37")).isEqualTo(LocalDate.of(2024, 7, 16));
    }

    @Test
    void convertsOffsetAndZonedDateTimesToTheUtcDate() {
        assertThat(parse("2024-07-16T23:37:19Z")).isEqualTo(LocalDate.of(2024, 7, 16));
        assertThat(parse("2024-07-16T23:37:19-02:00")).isEqualTo(LocalDate.of(2024, 7, 17));
        assertThat(parse("2024-07-17T01:30:00+03:00")).isEqualTo(LocalDate.of(2024, 7, 16));
        assertThat(parse("2024-07-17 01:30:00.5+03:00")).isEqualTo(LocalDate.of(2024, 7, 16));
        assertThat(parse("2024-07-17T01:30:00+03:00[Europe/Kyiv]")).isEqualTo(LocalDate.of(2024, 7, 16));
    }

    @Test
    void acceptsRfc1123AndConvertsItsOffset() {
        assertThat(parse("Tue, 16 Jul 2024 23:37:19 GMT")).isEqualTo(LocalDate.of(2024, 7, 16));
        assertThat(parse("Wed, 17 Jul 2024 01:00:00 +0300")).isEqualTo(LocalDate.of(2024, 7, 16));
    }

    @Test
    void unparseableValueGivesAMessageWithTheValueAndTheAcceptedForms() {
        assertThatThrownBy(() -> parse("yesterday"))
                .isInstanceOf(DateTimeException.class)
                .hasMessageContaining("'yesterday'")
                .hasMessageContaining("ISO date")
                .hasMessageContaining("RFC 1123");
    }

    @Test
    void impossibleDateSaysWhy() {
        assertThatThrownBy(() -> parse("2024-13-45"))
                .isInstanceOf(DateTimeException.class)
                .hasMessageContaining("'2024-13-45'")
                .hasMessageContaining("MonthOfYear");
        assertThatThrownBy(() -> parse("2023-02-29")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void datesBefore1900OrMoreThanTwoDaysAheadAreOutOfRange() {
        assertThat(parse("1900-01-01")).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(parse("2025-07-02")).isEqualTo(LocalDate.of(2025, 7, 2));
        assertThatThrownBy(() -> parse("1899-12-31")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> parse("2025-07-03")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> parse("2025-07-03T00:00:00Z")).hasMessageContaining("out of range");
    }

    @Test
    void defaultTodayIsTheRealClock() {
        assertThat(Dates.parsePublished("2024-08-07")).isEqualTo(LocalDate.of(2024, 8, 7));
        assertThatThrownBy(() -> Dates.parsePublished("2999-01-01")).hasMessageContaining("out of range");
    }

    @Test
    void blankIsAnError() {
        assertThatThrownBy(() -> parse(" ")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> parse(null)).isInstanceOf(DateTimeException.class);
    }
}
