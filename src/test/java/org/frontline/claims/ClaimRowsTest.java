package org.frontline.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.claims.ClaimFolder.Report;
import org.frontline.tables.RowShape;
import org.frontline.tables.Table;
import org.junit.jupiter.api.Test;

class ClaimRowsTest {
    /** The figure rows as the ledger is given them: territorial_figures' columns and the article's source. */
    private static final RowShape FIGURES = RowShape.of(
            Table.TERRITORIAL_FIGURES.schema().add("source", DataTypes.StringType));
    private static final RowShape CLAIMS = RowShape.of(Table.TERRITORIAL_CLAIMS.schema());
    private static final ClaimRows.Key KEY = new ClaimRows.Key("area", "control", "Russia", null);

    private static Report report(String article, String date, String source, String claimant, double value) {
        return new Report(article, 40, LocalDate.parse(date), source, claimant, value, value, "Ukraine");
    }

    @Test
    void aFigureRowIsReadByName() {
        Row figure = FIGURES.newRow()
                .set("article_id", "a-1").set("published_date", LocalDate.of(2024, 8, 7)).set("field", "text")
                .set("sentence_index", 1).set("char_begin", 48).set("char_end", 57).set("surface", "420 sq km")
                .set("quantity", "area").set("value_min", 400.0).set("value_max", 420.0).set("normalized_unit", "km2")
                .set("qualifier", "exact").set("kind", "control").set("actor_name", "Russia").set("region_id", null)
                .set("region_name", "Ukraine").set("claimant_name", "Sergei Shoigu").set("period_start", null)
                .set("period_end", null).set("sentence", "Russia controls 400-420 sq km.")
                .set("published_month", "2024-08").set("source", "Example Wire")
                .build();

        assertThat(ClaimRows.key(FIGURES, figure)).isEqualTo(KEY);
        assertThat(ClaimRows.report(FIGURES, figure)).isEqualTo(new Report("a-1", 48, LocalDate.of(2024, 8, 7),
                "Example Wire", "Sergei Shoigu", 400.0, 420.0, "Ukraine"));
    }

    @Test
    void theLedgerReadsOnlyColumnsTheFigureRowsHave() {
        assertThat(FIGURES.columns()).containsAll(ClaimRows.FIGURE_COLUMNS);
    }

    @Test
    void aClaimRowSumsUpItsReports() {
        List<Report> claim = List.of(report("a-1", "2024-08-07", "Wire", "Sergei Shoigu", 420),
                report("a-2", "2024-08-08", "Daily", null, 430), report("a-2", "2024-08-08", "Daily", "MoD", 425),
                report("a-3", "2024-08-12", null, "Sergei Shoigu", 420));

        Row row = ClaimRows.claim(KEY, claim);

        assertThat(CLAIMS.getString(row, "claim_id")).matches("claim:[0-9a-f]{16}");
        assertThat(CLAIMS.getString(row, "quantity")).isEqualTo("area");
        assertThat(CLAIMS.getString(row, "kind")).isEqualTo("control");
        assertThat(CLAIMS.getString(row, "actor_name")).isEqualTo("Russia");
        assertThat(CLAIMS.getString(row, "region_id")).isNull();
        assertThat(CLAIMS.getString(row, "region_name")).isEqualTo("Ukraine");
        assertThat(CLAIMS.getDouble(row, "value_min")).isEqualTo(420.0);
        assertThat(CLAIMS.getDouble(row, "value_max")).isEqualTo(430.0);
        assertThat(row.<String>getList(CLAIMS.position("claimants"))).containsExactly("MoD", "Sergei Shoigu");
        assertThat(CLAIMS.getLocalDate(row, "first_seen")).isEqualTo(LocalDate.of(2024, 8, 7));
        assertThat(CLAIMS.getLocalDate(row, "last_seen")).isEqualTo(LocalDate.of(2024, 8, 12));
        assertThat(CLAIMS.getLong(row, "reports")).isEqualTo(4L);
        assertThat(CLAIMS.getLong(row, "articles")).isEqualTo(3L);
        assertThat(CLAIMS.getLong(row, "sources")).isEqualTo(2L);
        assertThat(row.<String>getList(CLAIMS.position("source_list"))).containsExactly("Daily", "Wire");
        assertThat(row.<String>getList(CLAIMS.position("article_ids"))).containsExactly("a-1", "a-2", "a-3");
    }

    @Test
    void theClaimIdDependsOnTheKeyAndTheFirstReportOnly() {
        Report first = report("a-1", "2024-08-07", "Wire", null, 420);
        String id = CLAIMS.getString(ClaimRows.claim(KEY, List.of(first)), "claim_id");

        assertThat(CLAIMS.getString(ClaimRows.claim(KEY, List.of(first, report("a-9", "2024-08-09", "X", null, 421))),
                "claim_id")).isEqualTo(id);
        assertThat(CLAIMS.getString(ClaimRows.claim(new ClaimRows.Key("area", "control", "Ukraine", null), List.of(first)),
                "claim_id")).isNotEqualTo(id);
    }

    @Test
    void keysWithANullPartStayApart() {
        // A null actor is not the region's value moved one place: the group key keeps every part's place.
        assertThat(new ClaimRows.Key("area", "control", null, "Russia").groupKey())
                .isNotEqualTo(new ClaimRows.Key("area", "control", "Russia", null).groupKey())
                .isEqualTo("area\u0000control\u0000null\u0000Russia");
    }
}
