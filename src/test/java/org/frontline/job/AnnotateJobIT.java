package org.frontline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.internal.SQLConf;
import org.frontline.TestSpark;
import org.frontline.UserError;
import org.frontline.ingest.FieldMapping;
import org.frontline.ingest.IngestOptions;
import org.frontline.ingest.InputFormat;
import org.frontline.nlp.Pipelines;
import org.frontline.tables.Table;
import org.frontline.tables.Warehouse;
import org.junit.jupiter.api.Test;

/** The annotate job end to end in local Spark with the real CoreNLP pipeline of the default profile. */
class AnnotateJobIT {
    private static final Path SAMPLE = TestSpark.home().resolve("data/sample-2024-08-07-kursk.txt");

    private final SparkSession spark = TestSpark.session();

    @Test
    void sampleArticleYieldsItsPlacesPeopleAndTheAreaFigure() {
        Path wh = TestSpark.tempDir("wh-sample");
        AnnotateJob.RunStats stats = AnnotateJob.run(spark, options(wh, List.of(SAMPLE.toString()), false));

        assertThat(stats.recordsRead()).isEqualTo(1);
        assertThat(stats.annotated()).isEqualTo(1);
        Warehouse w = new Warehouse(spark, wh.toString());
        // Resolved to the gazetteer: the Kursk region (the oblast), Sudzha, Moscow and Kyiv with their ids.
        assertThat(column(w.read(Table.REGION_MENTIONS), "region_id")).contains("admin1:RU.41", "geonames:486816",
                "geonames:524901", "geonames:703448");
        assertThat(column(w.read(Table.REGION_MENTIONS), "region_name")).contains("Kursk Oblast", "Sudzha", "Moscow", "Kyiv");
        Row sudzha = w.read(Table.REGION_MENTIONS).filter("region_name = 'Sudzha'").first();
        assertThat(sudzha.<Double>getAs("latitude")).isBetween(51.1, 51.3);
        assertThat(sudzha.<String>getAs("country_code")).isEqualTo("RU");
        assertThat(column(w.read(Table.ACTOR_MENTIONS), "actor_id")).contains("person:vladimir-putin",
                "person:sergei-shoigu", "person:alexei-smirnov", "media:reuters", "force:ukrainian-forces")
                .doesNotContain("name:he", "person:he");
        Row shoigu = w.read(Table.ACTOR_MENTIONS).filter("actor_id = 'person:sergei-shoigu'").first();
        assertThat(shoigu.<String>getAs("role")).isEqualTo("head of Russia's security council");
        Row figure = w.read(Table.TERRITORIAL_FIGURES).filter("quantity = 'area'").first();
        assertThat(figure.<Double>getAs("value_min")).isEqualTo(420.0);
        assertThat(figure.<Double>getAs("value_max")).isEqualTo(420.0);
        assertThat(figure.<String>getAs("normalized_unit")).isEqualTo("km2");
        assertThat(figure.<String>getAs("surface")).isEqualTo("420 sq km (162 sq miles)");
        // The four figures of FIGURES.md's table, with their attribution (the cascade: SUTime and the parser).
        assertThat(w.read(Table.TERRITORIAL_FIGURES).orderBy("char_begin").collectAsList())
                .extracting(r -> String.join(" | ", r.<String>getAs("surface"), r.getAs("quantity"), r.getAs("kind"),
                        r.getAs("qualifier"), String.valueOf(r.<String>getAs("actor_name")),
                        String.valueOf(r.<String>getAs("region_name")), String.valueOf(r.<String>getAs("claimant_name")),
                        String.valueOf(r.<Object>getAs("period_start")), String.valueOf(r.<Object>getAs("period_end"))))
                .containsExactly(
                        "420 sq km (162 sq miles) | area | control | exact | Russia | Ukraine | Sergei Shoigu | 2024-06-14 | 2024-08-07",
                        "530 km (330 miles) | distance | distance | exact | null | Sudzha | Russian Ministry of Defence | null | null",
                        "60 km | distance | distance | exact | null | Sudzha | null | null | null",
                        "10-15 km | distance | advance | approx | Ukraine | Russia | Russian military bloggers | null | null");
        assertThat(w.read(Table.ARTICLES).first().<Integer>getAs("cascade_sentences")).isEqualTo(4);
        // SUTime reads only the first: the 530 km and 60 km sentences hold positions alone (no period; "on Tuesday"
        // in the first of them is not read), the 10-15 km sentence has no word of time.
        assertThat(w.read(Table.ARTICLES).first().<Integer>getAs("sutime_sentences")).isEqualTo(1);
        assertThat(w.read(Table.RUNS).first().<Long>getAs("sutime_sentences")).isEqualTo(1L);

        // Offsets point into the cleaned text the articles table keeps.
        Row article = w.read(Table.ARTICLES).first();
        String text = article.getAs("text");
        assertThat(text.substring(figure.<Integer>getAs("char_begin"), figure.<Integer>getAs("char_end")))
                .isEqualTo("420 sq km (162 sq miles)");
        assertThat(article.<java.sql.Date>getAs("published_date").toString()).isEqualTo("2024-08-07");
        assertThat(article.<Integer>getAs("token_count")).isGreaterThan(600);
        assertThat(Pipelines.loads()).as("each pipeline configuration built once per JVM")
                .isEqualTo(Pipelines.configurations());
    }

    @Test
    void theAnnotateStageSettingsReachItsTasksAndTheSessionKeepsItsOwn() {
        spark.conf().set("spark.sql.codegen.wholeStage", "true"); // as a user may set it
        spark.conf().unset("spark.sql.codegen.factoryMode");
        String factoryMode = spark.conf().get("spark.sql.codegen.factoryMode"); // Spark's default
        List<String> seenByTasks = new ArrayList<>();
        try {
            AnnotateJob.withSettings(spark, AnnotateJob.ANNOTATE_STAGE_SQL, () -> seenByTasks.addAll(
                    spark.range(0, 2, 1, 2).map((MapFunction<Long, String>) x -> SQLConf.get().getConfString(
                            "spark.sql.codegen.wholeStage") + " " + SQLConf.get().getConfString(
                            "spark.sql.codegen.factoryMode"), Encoders.STRING()).collectAsList()));

            assertThat(seenByTasks).containsExactly("false NO_CODEGEN", "false NO_CODEGEN");
            assertThat(spark.conf().get("spark.sql.codegen.wholeStage")).isEqualTo("true");
            assertThat(spark.conf().get("spark.sql.codegen.factoryMode")).isEqualTo(factoryMode).isNotEqualTo("NO_CODEGEN");
        } finally {
            spark.conf().unset("spark.sql.codegen.wholeStage"); // the other tests of this JVM get Spark's default
        }
    }

    @Test
    void eachKindOfBadRecordIsQuarantinedOnceAndItsNeighboursAreKept() throws IOException {
        Path dir = TestSpark.tempDir("in-bad");
        Path file = dir.resolve("mixed.jsonl");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        line(bytes, "{\"id\":\"ok-1\",\"date\":\"2025-03-02\",\"title\":\"Kharkiv shelled\",\"text\":\"Russian forces shelled Kharkiv overnight, officials said.\"}");
        line(bytes, "{\"id\":\"bad-json\",\"date\":\"2025-03-02\",\"title\":\"broken\" \"text\":\"x\"}");
        line(bytes, "{\"id\":\"no-date\",\"title\":\"No date\",\"text\":\"Talks would resume in Geneva.\"}");
        line(bytes, "{\"id\":\"bad-date\",\"date\":\"2025-02-30\",\"title\":\"Bad date\",\"text\":\"The port of Odesa reopened.\"}");
        line(bytes, "{\"id\":\"empty\",\"date\":\"2025-03-02\",\"title\":\"\",\"text\":\"<p>&nbsp;</p>\"}");
        bytes.write("{\"id\":\"bad-bytes\",\"date\":\"2025-03-02\",\"title\":\"Bytes\",\"text\":\"Zaporizhzhia ".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xff, (byte) 0xfe});
        line(bytes, " plant\"}");
        line(bytes, "{\"id\":\"big\",\"date\":\"2025-03-02\",\"title\":\"Big\",\"text\":\"" + "Kyiv said. ".repeat(300) + "\"}");
        line(bytes, "{\"id\":\"ok-2\",\"date\":\"2025-03-03\",\"title\":\"Talks in Geneva\",\"text\":\"Ukrainian and Russian officials met in Geneva on Monday.\"}");
        Files.write(file, bytes.toByteArray());

        Path wh = TestSpark.tempDir("wh-bad");
        AnnotateJob.Options base = options(wh, List.of(file.toString()), false);
        AnnotateJob.Options small = new AnnotateJob.Options(base.inputs(), base.warehouse(), base.format(),
                base.ingest().withMaxTextChars(2000), base.configDir(), base.profile(), false, true, base.charsPerPartition(), java.util.OptionalInt.empty());
        AnnotateJob.RunStats stats = AnnotateJob.run(spark, small);

        assertThat(stats.recordsRead()).isEqualTo(8);
        assertThat(stats.annotated()).isEqualTo(2);
        assertThat(stats.quarantined()).isEqualTo(6);
        assertThat(stats.annotated() + stats.duplicates() + stats.otherLanguage() + stats.skipped() + stats.quarantined()).isEqualTo(stats.recordsRead());

        Warehouse w = new Warehouse(spark, wh.toString());
        Map<String, String> reasonByRef = w.read(Table.QUARANTINE).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("record_ref"), r -> r.getAs("reason")));
        assertThat(reasonByRef).containsExactlyInAnyOrderEntriesOf(Map.of(
                "mixed.jsonl:2", "malformed_json",
                "mixed.jsonl:3", "missing_date",
                "mixed.jsonl:4", "invalid_date",
                "mixed.jsonl:5", "empty_text",
                "mixed.jsonl:6", "invalid_encoding",
                "mixed.jsonl:7", "too_large"));
        Row encoding = w.read(Table.QUARANTINE).filter("reason = 'invalid_encoding'").first();
        assertThat(encoding.<String>getAs("excerpt")).contains("Zaporizhzhia \\xff\\xfe plant");
        assertThat(encoding.<Long>getAs("line_number")).isEqualTo(6L);
        assertThat(column(w.read(Table.ARTICLES), "article_id")).containsExactlyInAnyOrder("ok-1", "ok-2");

        Row run = w.read(Table.RUNS).first();
        assertThat(run.<Long>getAs("records_read")).isEqualTo(8L);
        assertThat(run.<Long>getAs("quarantined")).isEqualTo(6L);
    }

    @Test
    void aCorruptCompressedFileIsQuarantinedAndTheOtherFilesAreRead() throws IOException {
        Path dir = TestSpark.tempDir("in-corrupt");
        Files.write(dir.resolve("broken.jsonl.gz"), "this is not gzip data".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("fine.jsonl"), json("f-1", "2025-02-01", "Kherson", "Shelling hit Kherson.") + "\n");
        Path wh = TestSpark.tempDir("wh-corrupt");
        AnnotateJob.RunStats stats = AnnotateJob.run(spark, options(wh, List.of(dir.toString()), false));

        assertThat(stats.annotated()).isEqualTo(1);
        assertThat(stats.quarantined()).isEqualTo(1);
        Row q = new Warehouse(spark, wh.toString()).read(Table.QUARANTINE).first();
        assertThat(q.<String>getAs("reason")).isEqualTo("unreadable_file");
        assertThat(q.<String>getAs("source_file")).endsWith("broken.jsonl.gz");
    }

    @Test
    void duplicatesAreAnnotatedOnceKeepingTheEarliestCopy() throws IOException {
        Path dir = TestSpark.tempDir("in-dup");
        String text = "Ukrainian forces advanced near Pokrovsk, the General Staff said on Tuesday.";
        Files.writeString(dir.resolve("a.jsonl"), String.join("\n",
                json("late-copy", "2025-04-09", "Advance near Pokrovsk", text),
                json("z-early", "2025-04-08", "Advance near  Pokrovsk", "<p>" + text.replace(" near ", "  near\n") + "</p>"),
                json("a-early", "2025-04-08", "Advance near Pokrovsk", text),
                json("other", "2025-04-08", "Another story", "Officials in Kyiv met their Polish counterparts.")) + "\n");
        Path wh = TestSpark.tempDir("wh-dup");
        AnnotateJob.RunStats stats = AnnotateJob.run(spark, options(wh, List.of(dir.toString()), false));

        assertThat(stats.annotated()).isEqualTo(2);
        assertThat(stats.duplicates()).isEqualTo(2);
        Warehouse w = new Warehouse(spark, wh.toString());
        assertThat(column(w.read(Table.ARTICLES), "article_id")).containsExactlyInAnyOrder("a-early", "other");
    }

    @Test
    void rerunAddsNothingAndNewDumpAppendsWithoutRewritingOtherFiles() throws IOException {
        Path dir = TestSpark.tempDir("in-rerun");
        Path first = dir.resolve("first.jsonl");
        Files.writeString(first, json("r-1", "2025-05-01", "Strikes on Odesa", "Russian drones struck the port of Odesa, the governor said.") + "\n"
                + "{broken\n");
        Path wh = TestSpark.tempDir("wh-rerun");
        AnnotateJob.run(spark, options(wh, List.of(first.toString()), false));
        Set<String> filesBefore = parquetFiles(wh);
        long mentionsBefore = new Warehouse(spark, wh.toString()).read(Table.REGION_MENTIONS).count();

        AnnotateJob.RunStats again = AnnotateJob.run(spark, options(wh, List.of(first.toString()), false));
        assertThat(again.annotated()).isZero();
        assertThat(again.alreadyInWarehouse()).isEqualTo(1);
        assertThat(again.quarantined()).isEqualTo(1);
        Warehouse w = new Warehouse(spark, wh.toString());
        assertThat(w.read(Table.ARTICLES).count()).isEqualTo(1);
        assertThat(w.read(Table.REGION_MENTIONS).count()).isEqualTo(mentionsBefore);
        assertThat(w.read(Table.QUARANTINE).count()).as("quarantine rows are not repeated").isEqualTo(1);
        assertThat(w.read(Table.RUNS).count()).isEqualTo(2);

        Path second = dir.resolve("second.jsonl");
        Files.writeString(second, json("r-2", "2025-05-01", "Kharkiv", "Shelling hit Kharkiv again on Friday.") + "\n");
        AnnotateJob.run(spark, options(wh, List.of(second.toString()), false));
        assertThat(w.read(Table.ARTICLES).count()).isEqualTo(2);
        assertThat(parquetFiles(wh)).as("the first dump's files are untouched").containsAll(filesBefore);
    }

    @Test
    void reprocessReplacesTheInputsRowsAndAnEarlierCopySupersedesTheWarehouseOne() throws IOException {
        Path dir = TestSpark.tempDir("in-reprocess");
        Path dump = dir.resolve("dump.jsonl");
        String text = "Russian forces have captured 190 square kilometres in Donetsk region, the ministry said.";
        Files.writeString(dump, json("p-1", "2025-06-10", "Gains in Donetsk", text) + "\n");
        Path wh = TestSpark.tempDir("wh-reprocess");
        AnnotateJob.run(spark, options(wh, List.of(dump.toString()), false));
        Warehouse w = new Warehouse(spark, wh.toString());
        long figures = w.read(Table.TERRITORIAL_FIGURES).count();
        long regions = w.read(Table.REGION_MENTIONS).count();

        AnnotateJob.RunStats re = AnnotateJob.run(spark, options(wh, List.of(dump.toString()), true));
        assertThat(re.annotated()).isEqualTo(1);
        assertThat(re.replaced()).isEqualTo(1);
        assertThat(w.read(Table.ARTICLES).count()).isEqualTo(1);
        assertThat(w.read(Table.ARTICLES).first().<String>getAs("run_id")).isEqualTo(re.runId());
        assertThat(w.read(Table.TERRITORIAL_FIGURES).count()).isEqualTo(figures);
        assertThat(w.read(Table.REGION_MENTIONS).count()).isEqualTo(regions);

        // The same story, published earlier, arrives in another dump: it is kept, in its own month.
        Path earlier = dir.resolve("earlier.jsonl");
        Files.writeString(earlier, json("p-0", "2025-05-30", "Gains in Donetsk", text) + "\n");
        AnnotateJob.RunStats sup = AnnotateJob.run(spark, options(wh, List.of(earlier.toString()), false));
        assertThat(sup.annotated()).isEqualTo(1);
        assertThat(sup.replaced()).isEqualTo(1);
        assertThat(column(w.read(Table.ARTICLES), "article_id")).containsExactly("p-0");
        assertThat(column(w.read(Table.REGION_MENTIONS), "published_month")).containsOnly("2025-05");
        assertThat(w.read(Table.REGION_MENTIONS).count()).isEqualTo(regions);
    }

    @Test
    void readsEveryFormatFromADirectoryAndParquetWithRemappedFields() throws IOException {
        Path dir = TestSpark.tempDir("in-formats");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("a.jsonl.gz")))) {
            gz.write((json("gz-1", "2025-01-10", "Kyiv", "Air defence worked over Kyiv overnight.") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("b.csv"), "id,date,title,text\n"
                + "csv-1,2025-01-11,\"Kherson, again\",\"Shelling hit Kherson.\n\nThe \"\"regional\"\" governor said so.\"\n");
        Files.writeString(dir.resolve("c.txt"), "date 2025-01-12 Officials in Lviv said power was restored.\n\n"
                + "date 2025-01-13 Sumy was shelled on Monday.\n");
        Files.writeString(dir.resolve("README.md"), "not a dump: skipped\n");
        Path parquet = TestSpark.tempDir("in-parquet").resolve("d.parquet");
        spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create("pq-1", "2025-01-14", "Dnipro",
                        "A missile hit Dnipro on Tuesday.")),
                new org.apache.spark.sql.types.StructType().add("id", "string").add("path_date", "string")
                        .add("title", "string").add("text", "string"))
                .write().parquet(parquet.toString());

        Path wh = TestSpark.tempDir("wh-formats");
        AnnotateJob.RunStats texts = AnnotateJob.run(spark, options(wh, List.of(dir.toString()), false));
        assertThat(texts.inputs()).hasSize(3);
        // A field mapping applies to every input of a run: the Parquet dump, dated in path_date, runs on its own.
        AnnotateJob.Options base = options(wh, List.of(parquet.toString()), false);
        AnnotateJob.RunStats pq = AnnotateJob.run(spark, new AnnotateJob.Options(base.inputs(), base.warehouse(),
                base.format(), base.ingest().withFields(FieldMapping.parse(List.of("date=path_date"))),
                base.configDir(), base.profile(), false, true, base.charsPerPartition(), java.util.OptionalInt.empty()));
        assertThat(pq.annotated()).isEqualTo(1);

        Warehouse w = new Warehouse(spark, wh.toString());
        List<Row> articles = w.read(Table.ARTICLES).collectAsList();
        assertThat(articles).hasSize(5);
        assertThat(articles.stream().map(r -> r.<String>getAs("record_ref")))
                .contains("a.jsonl.gz:1", "b.csv:2", "c.txt:1", "c.txt:3")
                .anyMatch(ref -> ref.matches("part-.*\\.parquet#row 1"));
        Row csv = articles.stream().filter(r -> "csv-1".equals(r.getAs("article_id"))).findFirst().orElseThrow();
        assertThat(csv.<String>getAs("title")).isEqualTo("Kherson, again");
        assertThat(csv.<String>getAs("text")).contains("The \"regional\" governor");
        assertThat(column(w.read(Table.REGION_MENTIONS), "region_name")).contains("Kyiv", "Kherson", "Lviv", "Dnipro");
    }

    @Test
    void writtenTablesHaveTheDeclaredSchemas() {
        Path wh = TestSpark.tempDir("wh-schema");
        // data/ holds every format and one bad record of each kind: every table gets rows.
        AnnotateJob.run(spark, options(wh, List.of(TestSpark.home().resolve("data").toString()), false));
        AggregateJob.run(spark, wh.toString(), AggregateJob.Options.defaults());
        for (Table t : Table.values()) {
            Path dir = wh.resolve(t.tableName());
            assertThat(dir).as(t.tableName()).isDirectory();
            // Read without our schema: what is on disk, partition column inferred from the folder names.
            Dataset<Row> onDisk = spark.read().option("basePath", dir.toString()).parquet(dir.toString());
            Map<String, String> actual = Stream.of(onDisk.schema().fields())
                    .filter(f -> !f.name().equals("published_month"))
                    .collect(Collectors.toMap(f -> f.name(), f -> f.dataType().simpleString()));
            Map<String, String> declared = Stream.of(t.schema().fields())
                    .filter(f -> !f.name().equals("published_month"))
                    .collect(Collectors.toMap(f -> f.name(), f -> f.dataType().simpleString()));
            assertThat(actual).as(t.tableName()).isEqualTo(declared);
        }
        Warehouse w = new Warehouse(spark, wh.toString());
        long mentions = w.read(Table.REGION_MENTIONS).count();
        Row daily = w.read(Table.REGION_MENTIONS_DAILY).agg(org.apache.spark.sql.functions.sum("mentions")).first();
        assertThat(daily.getLong(0)).isEqualTo(mentions);
        assertThat(w.read(Table.REGION_ACTOR_DAILY).filter("period = DATE'2024-08-07' AND region_name = 'Kursk Oblast' AND actor_name = 'Vladimir Putin'").count())
                .isEqualTo(1);
        // Media are sources, not participants: in actor_mentions, not in the participant aggregates.
        assertThat(w.read(Table.ACTOR_MENTIONS).filter("actor_type = 'media'").count()).isPositive();
        assertThat(w.read(Table.ACTOR_MENTIONS_DAILY).filter("actor_type = 'media'").count()).isZero();
        // Maps work directly: resolved regions carry coordinates in the aggregates.
        assertThat(w.read(Table.REGION_MENTIONS_MONTHLY).filter("region_id IS NOT NULL AND latitude IS NULL").count()).isZero();
    }

    @Test
    void repeatedReportsOfAClaimFoldIntoOneLedgerRowAndOtherValuesStayApart() throws IOException {
        Path dir = TestSpark.tempDir("in-claims");
        String claim = "Russia has taken 420 square kilometres of Ukrainian territory since June 14, the defence ministry said.";
        Files.writeString(dir.resolve("claims.jsonl"), String.join("\n",
                json("c-1", "2024-08-07", "Russian gains", claim),
                json("c-2", "2024-08-08", "Russia repeats claim", "Repeating its claim: " + claim),
                json("c-3", "2024-08-12", "Claim again", "Officials in Moscow said again. " + claim),
                json("c-4", "2024-08-09", "Bigger claim", "Russia has taken 1,000 square kilometres of Ukrainian territory, the ministry said.")) + "\n");
        Path wh = TestSpark.tempDir("wh-claims");
        AnnotateJob.run(spark, options(wh, List.of(dir.toString()), false));
        AggregateJob.run(spark, wh.toString(), AggregateJob.Options.defaults());

        List<Row> claims = new Warehouse(spark, wh.toString()).read(Table.TERRITORIAL_CLAIMS)
                .filter("quantity = 'area' AND actor_name = 'Russia'").orderBy("value_min").collectAsList();
        assertThat(claims).hasSize(2);
        Row folded = claims.get(0);
        assertThat(folded.<Double>getAs("value_min")).isEqualTo(420.0);
        assertThat(folded.<Long>getAs("reports")).isEqualTo(3L);
        assertThat(folded.<Long>getAs("articles")).isEqualTo(3L);
        assertThat(folded.getAs("first_seen").toString()).isEqualTo("2024-08-07");
        assertThat(folded.getAs("last_seen").toString()).isEqualTo("2024-08-12");
        assertThat(claims.get(1).<Long>getAs("reports")).isEqualTo(1L);
        assertThat(claims.get(1).<Double>getAs("value_min")).isEqualTo(1000.0);
    }

    @Test
    void aMissingInputStopsWithAMessageSayingWhatToDo() {
        Path wh = TestSpark.tempDir("wh-missing");
        assertThatThrownBy(() -> AnnotateJob.run(spark, options(wh, List.of("/nonexistent/dump.jsonl"), false)))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("no input matches '/nonexistent/dump.jsonl'");
    }

    static AnnotateJob.Options options(Path warehouse, List<String> inputs, boolean reprocess) {
        return new AnnotateJob.Options(inputs, warehouse.toString(), Optional.<InputFormat>empty(), IngestOptions.defaults(),
                TestSpark.home().resolve("conf"), "default", reprocess, true, 2_000_000, java.util.OptionalInt.empty());
    }

    static String json(String id, String date, String title, String text) {
        return "{\"id\":\"" + id + "\",\"date\":\"" + date + "\",\"title\":\"" + title.replace("\"", "\\\"")
                + "\",\"text\":\"" + text.replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
    }

    private static void line(ByteArrayOutputStream out, String s) throws IOException {
        out.write((s + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> column(Dataset<Row> df, String name) {
        return df.select(name).collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    private static Set<String> parquetFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("/_"))
                    .map(Path::toString).sorted(Comparator.naturalOrder()).collect(Collectors.toCollection(java.util.TreeSet::new));
        }
    }
}
