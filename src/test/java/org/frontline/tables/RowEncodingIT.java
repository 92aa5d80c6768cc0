package org.frontline.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.claims.ClaimFolder.Report;
import org.frontline.claims.ClaimRows;
import org.frontline.extract.ActorMention;
import org.frontline.extract.Field;
import org.frontline.extract.RegionMention;
import org.frontline.extract.TerritorialFigure;
import org.frontline.ingest.Article;
import org.frontline.ingest.Reason;
import org.frontline.ingest.Rejection;
import org.frontline.nlp.AnnotatedArticle;
import org.junit.jupiter.api.Test;

/**
 * The rows the codecs build are what Spark's Row encoder takes for their schemas (the encoder fails a job on an
 * executor otherwise), and come back equal. An IT because the encoder's first use loads and compiles for seconds.
 */
class RowEncodingIT {
    private static final Article ARTICLE = new Article("a-1", LocalDate.of(2024, 8, 7), "Example Wire",
            "https://example.org/a-1", "Putin vows response", "Russia controls 420 sq km near Sudzha.", "9f2c",
            "dump.jsonl", "dump.jsonl:1");

    private static void assertRoundTrips(Row row, StructType schema) {
        Row back = EncoderRoundTrip.of(row, schema);
        assertThat(back).isEqualTo(row);
        assertThat(back.schema()).isEqualTo(schema);
    }

    @Test
    void stagingRowsEncode() {
        AnnotatedArticle annotated = new AnnotatedArticle(ARTICLE, 9, 2,
                List.of(new RegionMention(Field.TEXT, 0, 32, 38, "Sudzha", "geonames:486816", "Sudzha", "city", "RU",
                        51.19, 35.27), new RegionMention(Field.TEXT, 0, 0, 6, "Russia", null, "Russia", "other", null,
                        null, null)),
                List.of(new ActorMention(Field.TITLE, 0, 0, 5, "Putin", "person:vladimir-putin", "Vladimir Putin",
                        "person", null, "RU")),
                List.of(new TerritorialFigure(Field.TEXT, 0, 16, 25, "420 sq km", TerritorialFigure.Quantity.AREA, 420,
                        420, TerritorialFigure.Qualifier.EXACT, TerritorialFigure.Kind.CONTROL, "Russia", null, null,
                        null, LocalDate.of(2024, 6, 14), null, "Russia controls 420 sq km near Sudzha.")),
                1, 1);

        assertRoundTrips(StagingRows.of(annotated, "run-1", true), StagingRows.SCHEMA);
        assertRoundTrips(StagingRows.of(annotated, "run-1", false), StagingRows.SCHEMA);
    }

    @Test
    void ingestRowsEncode() {
        assertRoundTrips(IngestRows.of(ARTICLE), IngestRows.SCHEMA);
        assertRoundTrips(IngestRows.of(new Rejection("dump.jsonl", "dump.jsonl:2", 2L, Reason.MALFORMED_JSON,
                "unexpected end", "{\"id\"")), IngestRows.SCHEMA);
    }

    @Test
    void claimRowsEncode() {
        Row claim = ClaimRows.claim(new ClaimRows.Key("area", "control", "Russia", null), List.of(
                new Report("a-1", 16, LocalDate.of(2024, 8, 7), "Example Wire", "Sergei Shoigu", 420, 420, "Ukraine"),
                new Report("a-2", 3, LocalDate.of(2024, 8, 9), null, null, 425, 425, null)));

        assertRoundTrips(claim, Table.TERRITORIAL_CLAIMS.schema());
    }

    @Test
    void timestampsAndMapsEncode() {
        StructType schema = new StructType().add("at", DataTypes.TimestampType)
                .add("versions", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
                .add("counts", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
                .add("inputs", DataTypes.createArrayType(DataTypes.StringType));
        Row row = RowShape.of(schema).newRow().set("at", Instant.parse("2024-08-07T10:15:30.123Z"))
                .set("versions", Map.of("app", "0.1.0")).set("counts", Map.of("articles", 3L))
                .set("inputs", List.of("a.jsonl", "b.csv")).build();

        Row back = EncoderRoundTrip.of(row, schema);
        assertThat(back.getTimestamp(0).toInstant()).isEqualTo(Instant.parse("2024-08-07T10:15:30.123Z"));
        assertThat(back.<String, String>getJavaMap(1)).containsExactly(Map.entry("app", "0.1.0"));
        assertThat(back.<String, Long>getJavaMap(2)).containsExactly(Map.entry("articles", 3L));
        assertThat(back.<String>getList(3)).containsExactly("a.jsonl", "b.csv");
    }
}
