package org.frontline.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.Row;
import org.frontline.extract.ActorMention;
import org.frontline.extract.Field;
import org.frontline.extract.RegionMention;
import org.frontline.extract.TerritorialFigure;
import org.frontline.extract.TerritorialFigure.Kind;
import org.frontline.extract.TerritorialFigure.Qualifier;
import org.frontline.extract.TerritorialFigure.Quantity;
import org.frontline.ingest.Article;
import org.frontline.nlp.AnnotatedArticle;
import org.junit.jupiter.api.Test;

/** The staging row holds the article and its mentions under the tables' column names; read back, they are the same. */
class StagingRowsTest {
    private static final RowShape STAGED = RowShape.of(StagingRows.SCHEMA);
    private static final RowShape REGION = RowShape.of(StagingRows.REGION);
    private static final RowShape ACTOR = RowShape.of(StagingRows.ACTOR);
    private static final RowShape FIGURE = RowShape.of(StagingRows.FIGURE);

    private static final String TITLE = "Putin vows response";
    private static final String TEXT = "Fighting continued near Sudzha. Russia controls 420 sq km, Shoigu said.";
    private static final Article ARTICLE = new Article("a-1", LocalDate.of(2024, 8, 7), "Example Wire",
            "https://example.org/a-1", TITLE, TEXT, "9f2c", "dump.jsonl", "dump.jsonl:1");
    private static final RegionMention SUDZHA = new RegionMention(Field.TEXT, 0, 24, 30, "Sudzha", "geonames:486816",
            "Sudzha", "city", "RU", 51.19, 35.27);
    private static final RegionMention UNRESOLVED = new RegionMention(Field.TEXT, 0, 0, 8, "Fighting", null,
            "Fighting", "other", null, null, null);
    private static final ActorMention PUTIN = new ActorMention(Field.TITLE, 0, 0, 5, "Putin", "person:vladimir-putin",
            "Vladimir Putin", "person", null, "RU");
    private static final TerritorialFigure AREA = new TerritorialFigure(Field.TEXT, 1, 48, 57, "420 sq km",
            Quantity.AREA, 420, 420, Qualifier.EXACT, Kind.CONTROL, "Russia", "country:UA", "Ukraine", "Sergei Shoigu",
            LocalDate.of(2024, 6, 14), null, "Russia controls 420 sq km, Shoigu said.");
    private static final AnnotatedArticle ANNOTATED = new AnnotatedArticle(ARTICLE, 17, 2, List.of(SUDZHA, UNRESOLVED),
            List.of(PUTIN), List.of(AREA), 1, 0);

    @Test
    void theArticleColumnsHoldTheArticleAndItsCounts() {
        Row row = StagingRows.of(ANNOTATED, "run-1", true);

        assertThat(IngestRows.article(STAGED, row)).isEqualTo(ARTICLE);
        assertThat(STAGED.getInt(row, "char_count")).isEqualTo(TITLE.length() + TEXT.length());
        assertThat(STAGED.getInt(row, "token_count")).isEqualTo(17);
        assertThat(STAGED.getInt(row, "sentence_count")).isEqualTo(2);
        assertThat(STAGED.getInt(row, "cascade_sentences")).isEqualTo(1);
        assertThat(STAGED.getInt(row, "sutime_sentences")).isEqualTo(0);
        assertThat(STAGED.getString(row, "run_id")).isEqualTo("run-1");
        assertThat(STAGED.getString(row, "published_month")).isEqualTo("2024-08");
    }

    @Test
    void mentionsAndFiguresRoundTripThroughTheirNestedRows() {
        Row row = StagingRows.of(ANNOTATED, "run-1", true);

        assertThat(nested(row, "regions").stream().map(StagingRowsTest::region)).containsExactly(SUDZHA, UNRESOLVED);
        assertThat(nested(row, "actors").stream().map(StagingRowsTest::actor)).containsExactly(PUTIN);
        assertThat(nested(row, "figures").stream().map(StagingRowsTest::figure)).containsExactly(AREA);
    }

    @Test
    void withoutTheTextTheOffsetsAndCountsStay() {
        Row row = StagingRows.of(ANNOTATED, "run-1", false);

        assertThat(STAGED.getString(row, "text")).isNull();
        assertThat(STAGED.getString(row, "title")).isEqualTo(TITLE);
        assertThat(STAGED.getInt(row, "char_count")).isEqualTo(TITLE.length() + TEXT.length());
        assertThat(nested(row, "figures")).hasSize(1);
    }

    @Test
    void anArticleWithoutMentionsHasEmptyArrays() {
        Row row = StagingRows.of(new AnnotatedArticle(ARTICLE, 17, 2, List.of(), List.of(), List.of(), 0, 0), "run-1", true);

        assertThat(nested(row, "regions")).isEmpty();
        assertThat(nested(row, "actors")).isEmpty();
        assertThat(nested(row, "figures")).isEmpty();
    }

    private static List<Row> nested(Row row, String column) {
        return row.getList(STAGED.position(column));
    }

    private static Field field(RowShape shape, Row r) {
        return Field.valueOf(shape.getString(r, "field").toUpperCase(Locale.ROOT));
    }

    private static RegionMention region(Row r) {
        return new RegionMention(field(REGION, r), REGION.getInt(r, "sentence_index"), REGION.getInt(r, "char_begin"),
                REGION.getInt(r, "char_end"), REGION.getString(r, "surface"), REGION.getString(r, "region_id"),
                REGION.getString(r, "region_name"), REGION.getString(r, "region_type"),
                REGION.getString(r, "country_code"), (Double) REGION.get(r, "latitude"),
                (Double) REGION.get(r, "longitude"));
    }

    private static ActorMention actor(Row r) {
        return new ActorMention(field(ACTOR, r), ACTOR.getInt(r, "sentence_index"), ACTOR.getInt(r, "char_begin"),
                ACTOR.getInt(r, "char_end"), ACTOR.getString(r, "surface"), ACTOR.getString(r, "actor_id"),
                ACTOR.getString(r, "actor_name"), ACTOR.getString(r, "actor_type"), ACTOR.getString(r, "role"),
                ACTOR.getString(r, "country_code"));
    }

    private static TerritorialFigure figure(Row r) {
        Quantity quantity = Quantity.valueOf(FIGURE.getString(r, "quantity").toUpperCase(Locale.ROOT));
        assertThat(FIGURE.getString(r, "normalized_unit")).isEqualTo(quantity.normalizedUnit());
        return new TerritorialFigure(field(FIGURE, r), FIGURE.getInt(r, "sentence_index"),
                FIGURE.getInt(r, "char_begin"), FIGURE.getInt(r, "char_end"), FIGURE.getString(r, "surface"), quantity,
                FIGURE.getDouble(r, "value_min"), FIGURE.getDouble(r, "value_max"),
                Qualifier.valueOf(FIGURE.getString(r, "qualifier").toUpperCase(Locale.ROOT)),
                Kind.valueOf(FIGURE.getString(r, "kind").toUpperCase(Locale.ROOT)), FIGURE.getString(r, "actor_name"),
                FIGURE.getString(r, "region_id"), FIGURE.getString(r, "region_name"),
                FIGURE.getString(r, "claimant_name"), FIGURE.getLocalDate(r, "period_start"),
                FIGURE.getLocalDate(r, "period_end"), FIGURE.getString(r, "sentence"));
    }
}
