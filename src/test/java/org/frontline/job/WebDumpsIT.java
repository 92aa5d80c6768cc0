package org.frontline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.frontline.TestSpark;
import org.frontline.UserError;
import org.frontline.ingest.WebArchiveFixture;
import org.frontline.tables.Table;
import org.frontline.tables.Warehouse;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.WarcCompression;

/**
 * Dumps as they come, end to end with the real pipeline: a web archive, a feed reader's export with HTML leads and
 * a Polish item, a news-please file, and a file without a date field, in one run without a --field.
 */
class WebDumpsIT {

    private final SparkSession spark = TestSpark.session();

    @Test
    void webArchivesFeedsAndNewsPleaseFilesAreReadWithoutFlagsAndEveryRecordIsAccountedFor() throws IOException {
        Path in = TestSpark.tempDir("web-dumps");
        WebArchiveFixture.write(in.resolve("crawl.warc.gz"), WarcCompression.GZIP);
        Files.writeString(in.resolve("feed.jsonl"), String.join("\n",
                "{\"date\": \"2025-05-02 10:00:00+00:00\", \"source\": \"https://feeds.example.com/world.rss\","
                        + " \"title\": \"Village retaken in the south\", \"description\": \"<p>Ukrainian forces recaptured"
                        + " the village of Robotyne in the Zaporizhzhia region, the General Staff said on Friday.</p>"
                        + "<img src=\\\"https://img.example.com/a.jpg\\\"><a href=\\\"https://x.example.com\\\">Read more</a>\","
                        + " \"link\": \"https://feeds.example.com/world/village-retaken\", \"language\": \"en-US\"}",
                "{\"date\": \"2025-05-02 11:00:00+02:00\", \"source\": \"https://feeds.example.pl/kraj.rss\","
                        + " \"title\": \"Wojsko odzyskało wieś na południu\", \"description\": \"<p>Ukraińskie siły odbiły"
                        + " wieś Robotyne w obwodzie zaporoskim, poinformował w piątek sztab generalny.</p>\","
                        + " \"link\": \"https://feeds.example.pl/kraj/wies\", \"language\": \"pl-PL\"}",
                ""));
        Files.writeString(in.resolve("news-please.json"), "{\"title\": \"Talks resume in Geneva\", \"maintext\":"
                + " \"Negotiators from Sudan's army and the Rapid Support Forces resumed talks in Geneva on Thursday,"
                + " the United Nations said.\", \"description\": \"Talks resume.\", \"date_publish\": \"2025-05-01 09:30:00\","
                + " \"date_download\": \"2025-05-01 12:00:00\", \"url\": \"https://wire.example.net/talks\","
                + " \"source_domain\": \"wire.example.net\", \"language\": \"en\"}\n");
        Files.writeString(in.resolve("scraped.jsonl"), "{\"id\": \"s-1\", \"path_date\": \"2025-05-01\", \"title\": \"A\","
                + " \"text\": \"Shelling continued near Kupiansk.\"}\n");
        Path wh = TestSpark.tempDir("wh-web-dumps");

        AnnotateJob.RunStats stats = AnnotateJob.run(spark, AnnotateJobIT.options(wh, List.of(in.toString()), false));

        int articles = WebArchiveFixture.ARTICLES + 2; // the crawl's, the English feed item, the news-please file
        assertThat(stats.annotated()).isEqualTo(articles);
        assertThat(stats.otherLanguage()).isEqualTo(WebArchiveFixture.OTHER_LANGUAGE + 1);
        assertThat(stats.skipped()).isEqualTo(WebArchiveFixture.SKIPPED);
        assertThat(stats.quarantined()).isEqualTo(1); // scraped.jsonl: not read, one row for the file
        assertThat(stats.recordsRead()).isEqualTo(stats.annotated() + stats.duplicates() + stats.otherLanguage()
                + stats.skipped() + stats.quarantined());

        Warehouse w = new Warehouse(spark, wh.toString());
        Map<String, Row> byUrl = w.read(Table.ARTICLES).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<String>getAs("url"), r -> r));
        Row feed = byUrl.get("https://feeds.example.com/world/village-retaken");
        assertThat(feed.<String>getAs("text")).startsWith("Ukrainian forces recaptured the village of Robotyne")
                .doesNotContain("<", "img.example.com");
        assertThat(feed.<String>getAs("date_source")).isEqualTo("record");
        assertThat(feed.<String>getAs("language")).isEqualTo("en");
        Row newsPlease = byUrl.get("https://wire.example.net/talks");
        assertThat(newsPlease.<String>getAs("text")).startsWith("Negotiators from Sudan's army"); // maintext, not the lead
        assertThat(newsPlease.<String>getAs("source")).isEqualTo("wire.example.net");
        assertThat(byUrl.get("https://news.example.org/2025/05/03/kharkiv-strikes").<String>getAs("date_source")).isEqualTo("url");
        assertThat(byUrl.get("https://wire.example.net/world/sudan-el-fasher").<String>getAs("date_source")).isEqualTo("crawl_time");
        assertThat(w.read(Table.REGION_MENTIONS).filter("region_name = 'Robotyne'").count()).isEqualTo(1);

        Map<String, Long> reasons = w.read(Table.QUARANTINE).groupBy("reason").count().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of("other_language", 2L, "http_status", 1L,
                "not_html", 1L, "robots_txt", 1L, "duplicate_payload", 2L, "missing_field", 1L));
        Row stopped = w.read(Table.QUARANTINE).filter("reason = 'missing_field'").first();
        assertThat(stopped.<String>getAs("detail")).isEqualTo("scraped.jsonl: no record among the first 200 has a date"
                + " field 'date' (its first records hold id, path_date, text, title): give --field date=path_date");
        Row run = w.read(Table.RUNS).first();
        assertThat(run.<Long>getAs("other_language")).isEqualTo(2L);
        assertThat(run.<Long>getAs("skipped")).isEqualTo(5L);
    }

    @Test
    void aWarehouseOfAnEarlierVersionGainsTheNewColumnsAndKeepsItsRows() throws IOException {
        Path wh = TestSpark.tempDir("wh-earlier");
        // articles as the version before this one wrote it: without date_source and language.
        org.apache.spark.sql.types.StructType before = new org.apache.spark.sql.types.StructType(java.util.Arrays.stream(
                Table.ARTICLES.schema().fields()).filter(f -> !List.of("date_source", "language").contains(f.name()))
                .toArray(org.apache.spark.sql.types.StructField[]::new));
        Row old = org.apache.spark.sql.RowFactory.create(java.util.Arrays.stream(before.fieldNames()).map(name -> switch (name) {
            case "article_id" -> "old-1";
            case "published_date" -> java.sql.Date.valueOf("2024-01-02");
            case "published_month" -> "2024-01";
            case "title", "text", "content_hash", "source_file", "record_ref", "run_id" -> "x";
            default -> null;
        }).toArray());
        spark.createDataFrame(List.of(old), before).write().format("delta").partitionBy("published_month")
                .save(wh.resolve("articles").toString());
        Path in = TestSpark.tempDir("earlier-input");
        Files.writeString(in.resolve("a.jsonl"), AnnotateJobIT.json("new-1", "2025-05-01", "Shelling near Kupiansk",
                "Russian artillery shelled Kupiansk on Thursday, the regional governor said.") + "\n");

        AnnotateJob.run(spark, AnnotateJobIT.options(wh, List.of(in.toString()), false));

        Map<String, Row> rows = new Warehouse(spark, wh.toString()).read(Table.ARTICLES).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<String>getAs("article_id"), r -> r));
        assertThat(rows.keySet()).containsExactlyInAnyOrder("old-1", "new-1");
        assertThat(rows.get("old-1").<String>getAs("date_source")).isNull();
        assertThat(rows.get("new-1").<String>getAs("date_source")).isEqualTo("record");
        assertThat(rows.get("new-1").<String>getAs("language")).isEqualTo("en");
    }

    @Test
    void anArticleThePipelineFailsOnGoesToQuarantineAndTheRunGoesOn() throws IOException {
        Path in = TestSpark.tempDir("one-fails");
        Files.writeString(in.resolve("a.jsonl"), AnnotateJobIT.json("ok-1", "2025-05-01", "Shelling near Kupiansk",
                "Russian artillery shelled Kupiansk on Thursday, the regional governor said.") + "\n"
                + AnnotateJobIT.json("bad-1", "2025-05-01", "Drones over Odesa",
                "Drones struck the port of Odesa overnight, the navy said.") + "\n");
        Path wh = TestSpark.tempDir("wh-one-fails");
        System.setProperty("frontline.failArticle", "bad-1");
        AnnotateJob.RunStats stats;
        try {
            stats = AnnotateJob.run(spark, AnnotateJobIT.options(wh, List.of(in.toString()), false));
        } finally {
            System.clearProperty("frontline.failArticle");
        }
        assertThat(stats.annotated()).isEqualTo(1);
        assertThat(stats.quarantined()).isEqualTo(1);
        assertThat(stats.recordsRead()).isEqualTo(2);
        Warehouse w = new Warehouse(spark, wh.toString());
        assertThat(w.read(Table.ARTICLES).select("article_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .containsExactly("ok-1");
        assertThat(w.read(Table.REGION_MENTIONS).filter("region_name = 'Kupiansk'").count()).isEqualTo(2); // title and text
        assertThat(w.read(Table.REGION_MENTIONS).filter("article_id = 'bad-1'").count()).isZero();
        Row failed = w.read(Table.QUARANTINE).first();
        assertThat(failed.<String>getAs("reason")).isEqualTo("annotation_failed");
        assertThat(failed.<String>getAs("detail")).contains("failure injected for article bad-1");
        assertThat(failed.<String>getAs("excerpt")).startsWith("Drones over Odesa\nDrones struck the port");
    }

    @Test
    void whenNoInputFileHasADateFieldTheRunStopsWithTheFixInOneLine() throws IOException {
        Path in = TestSpark.tempDir("no-date");
        Files.writeString(in.resolve("scraped.jsonl"), "{\"id\": \"s-1\", \"published\": \"\", \"when\": \"2025-05-01\","
                + " \"title\": \"A\", \"text\": \"B\"}\n");
        Path wh = TestSpark.tempDir("wh-no-date");
        assertThatThrownBy(() -> AnnotateJob.run(spark, AnnotateJobIT.options(wh, List.of(in.toString()), false)))
                .isInstanceOf(UserError.class)
                .hasMessage("scraped.jsonl: no record among the first 200 has a date field 'date' (its first records hold"
                        + " id, text, title, when): give --field date=FIELD with the field that holds the publication date");
        assertThat(Files.exists(wh.resolve("runs"))).isFalse();
    }
}
