package org.frontline.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.frontline.claims.ClaimFolder.Report;
import org.junit.jupiter.api.Test;

class ClaimFolderTest {
    private static Report r(String id, String date, double value) {
        return new Report(id, 0, LocalDate.parse(date), "s-" + id, null, value, value, null);
    }

    private static List<List<String>> fold(double tolerance, int window, Report... reports) {
        return ClaimFolder.fold(List.of(reports), tolerance, window).stream()
                .map(c -> c.stream().map(Report::articleId).toList()).toList();
    }

    @Test
    void repeatedReportsOfOneFigureWithinTheWindowAreOneClaim() {
        assertThat(fold(0.05, 14, r("a", "2024-08-07", 420), r("b", "2024-08-08", 420), r("c", "2024-08-12", 420)))
                .containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void valuesWithinTheToleranceAgree() {
        // "about 420", "some 430": 2.3% apart
        assertThat(fold(0.05, 14, r("a", "2024-08-07", 420), r("b", "2024-08-09", 430))).containsExactly(List.of("a", "b"));
    }

    @Test
    void aChainOfCloseReportsIsOneClaimEvenWhenItsEndsAreFarApart() {
        // A≈B (10 days), B≈C (10 days): A and C are 20 days apart, beyond the window, yet one claim.
        assertThat(fold(0.05, 14, r("a", "2024-07-01", 1000), r("b", "2024-07-11", 1000), r("c", "2024-07-21", 1000)))
                .containsExactly(List.of("a", "b", "c"));
        // Values too: 1000 ≈ 1040 ≈ 1080, while 1000 and 1080 are 7.4% apart.
        assertThat(fold(0.05, 14, r("a", "2024-07-01", 1000), r("b", "2024-07-02", 1040), r("c", "2024-07-03", 1080)))
                .containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void differentValuesOrReportsFarApartInTimeAreSeparateClaims() {
        assertThat(fold(0.05, 14, r("a", "2024-08-07", 420), r("b", "2024-08-08", 1000)))
                .containsExactly(List.of("a"), List.of("b"));
        assertThat(fold(0.05, 14, r("a", "2024-06-01", 420), r("b", "2024-08-01", 420)))
                .containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void rangesMustAgreeAtBothEnds() {
        Report a = new Report("a", 0, LocalDate.parse("2024-08-07"), null, null, 10, 15, null);
        Report b = new Report("b", 0, LocalDate.parse("2024-08-08"), null, null, 10, 15, null);
        Report c = new Report("c", 0, LocalDate.parse("2024-08-08"), null, null, 10, 25, null);
        assertThat(ClaimFolder.fold(List.of(a, b, c), 0.05, 14)).hasSize(2);
    }

    @Test
    void theOrderOfInputDoesNotMatter() {
        assertThat(fold(0.05, 14, r("c", "2024-08-12", 420), r("a", "2024-08-07", 420), r("b", "2024-08-08", 420)))
                .containsExactly(List.of("a", "b", "c"));
    }
}
