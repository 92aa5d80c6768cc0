package org.frontline.tables;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.LocalDate;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.frontline.ingest.Article;
import org.frontline.ingest.Reason;
import org.frontline.ingest.Rejection;
import org.junit.jupiter.api.Test;

class IngestRowsTest {
    private static final RowShape INGESTED = RowShape.of(IngestRows.SCHEMA);
    private static final Article ARTICLE = new Article("a-1", LocalDate.of(2024, 8, 7), null, "https://example.org/a-1",
            "", "Fighting continued near Sudzha.", "9f2c", "dump.jsonl", "dump.jsonl:3");

    @Test
    void anArticleRoundTripsThroughItsRow() {
        Row row = IngestRows.of(ARTICLE);

        assertThat(IngestRows.article(INGESTED, row)).isEqualTo(ARTICLE);
        assertThat(row.get(INGESTED.position("published_date"))).isEqualTo(Date.valueOf("2024-08-07"));
        assertThat(INGESTED.isNullAt(row, "reason")).isTrue();
        assertThat(INGESTED.isNullAt(row, "line_number")).isTrue();
    }

    @Test
    void aRejectionKeepsWhereAndWhyWithTheArticleColumnsNull() {
        Row row = IngestRows.of(new Rejection("dump.jsonl", "dump.jsonl:4", 4L, Reason.MISSING_DATE, "no date field",
                "{\"id\": \"a-2\"}"));

        assertThat(INGESTED.getString(row, "source_file")).isEqualTo("dump.jsonl");
        assertThat(INGESTED.getString(row, "record_ref")).isEqualTo("dump.jsonl:4");
        assertThat(INGESTED.getLong(row, "line_number")).isEqualTo(4L);
        assertThat(INGESTED.getString(row, "reason")).isEqualTo("missing_date");
        assertThat(INGESTED.getString(row, "detail")).isEqualTo("no date field");
        assertThat(INGESTED.getString(row, "excerpt")).isEqualTo("{\"id\": \"a-2\"}");
        for (String column : new String[] {"article_id", "published_date", "source", "url", "title", "text", "content_hash"}) {
            assertThat(INGESTED.isNullAt(row, column)).as(column).isTrue();
        }
    }

    @Test
    void theArticleIsReadByNameFromRowsOfAnotherShape() {
        // As the annotate stage is given it: its own select order, and columns the reader does not need.
        RowShape kept = RowShape.of(new StructType().add("content_hash", StringType).add("chars", IntegerType)
                .add("record_ref", StringType).add("source_file", StringType).add("text", StringType)
                .add("title", StringType).add("url", StringType).add("source", StringType)
                .add("published_date", DateType).add("article_id", StringType).add("date_source", StringType)
                .add("language", StringType));
        Row row = kept.newRow().set("article_id", "a-1").set("published_date", LocalDate.of(2024, 8, 7))
                .set("source", null).set("url", "https://example.org/a-1").set("title", "")
                .set("text", "Fighting continued near Sudzha.").set("content_hash", "9f2c").set("chars", 31)
                .set("source_file", "dump.jsonl").set("record_ref", "dump.jsonl:3").set("date_source", "record")
                .set("language", "en").build();

        assertThat(IngestRows.article(kept, row)).isEqualTo(ARTICLE);
    }

    @Test
    void rowsWithoutAnArticleColumnFailNamingIt() {
        RowShape partial = RowShape.of(new StructType().add("article_id", StringType).add("published_date", DateType));
        Row row = partial.newRow().set("article_id", "a-1").set("published_date", LocalDate.of(2024, 8, 7)).build();

        assertThatThrownBy(() -> IngestRows.article(partial, row))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'source' in [article_id, published_date]");
    }
}
