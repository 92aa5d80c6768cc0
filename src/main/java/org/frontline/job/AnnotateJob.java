package org.frontline.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.frontline.UserError;
import org.frontline.ingest.FieldLayouts;
import org.frontline.ingest.IngestOptions;
import org.frontline.ingest.InputFormat;
import org.frontline.ingest.Reason;
import org.frontline.nlp.ReferenceFiles;
import org.frontline.nlp.NlpProfile;
import org.frontline.tables.StagingRows;
import org.frontline.tables.Table;
import org.frontline.tables.FaultPoints;
import org.frontline.tables.Warehouse;
import org.frontline.tables.WriterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The annotate job: dumps → validated articles (bad records to quarantine) → de-duplicated by content →
 * CoreNLP on the executors → fact tables, committed with a row in {@code runs}.
 */
public final class AnnotateJob {
    private static final Logger LOG = LoggerFactory.getLogger(AnnotateJob.class);

    /**
     * The SQL settings of the annotate stage's query: Spark's interpreted rows rather than code it generates for them.
     * The stage's rows are articles, each worth milliseconds of CoreNLP, so generated code saves nothing there; but
     * its classes are new in every Spark application (the executor's class loader is), the staging rows' serializer
     * alone is some 240 KB of Java, and HotSpot's compiling and de-optimising around them took the cores the task
     * threads needed: at two cores a task thread annotated 10-20% fewer tokens per CPU-second than at one, and as many
     * without them (BENCHMARKS.md, tenth pass). {@code factoryMode} is Spark's internal switch to the interpreted path it
     * falls back to whenever generated code fails to compile; the tables are the same either way.
     */
    static final Map<String, String> ANNOTATE_STAGE_SQL = Map.of(
            "spark.sql.codegen.wholeStage", "false",
            "spark.sql.codegen.factoryMode", "NO_CODEGEN");

    private AnnotateJob() {
    }

    /** Runs {@code query} with {@code settings} in the session, and then the session's own values again. */
    static void withSettings(SparkSession spark, Map<String, String> settings, Runnable query) {
        Map<String, String> before = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            before.put(key, spark.conf().get(key, null));
            spark.conf().set(key, value);
        });
        try {
            query.run();
        } finally {
            before.forEach((key, value) -> {
                if (value == null) {
                    spark.conf().unset(key);
                } else {
                    spark.conf().set(key, value);
                }
            });
        }
    }

    /**
     * What to annotate and how.
     *
     * @param inputs              files, directories or globs
     * @param warehouse           the warehouse folder
     * @param format              a format for every input, instead of telling it from the file names
     * @param ingest              field mapping and size limit
     * @param configDir           the conf/ folder (profiles, rules)
     * @param profile             the CoreNLP profile name
     * @param reprocess           re-annotate the input and replace its rows
     * @param keepText            store the cleaned text in the articles table
     * @param charsPerPartition   target characters of text per annotation task
     * @param sentenceCache       distinct sentences each executor remembers, instead of the profile's number
     */
    public record Options(List<String> inputs, String warehouse, Optional<InputFormat> format, IngestOptions ingest,
                          Path configDir, String profile, boolean reprocess, boolean keepText, long charsPerPartition,
                          java.util.OptionalInt sentenceCache) {
    }

    /**
     * What a run did; records_read = annotated + duplicates + other_language + skipped + quarantined (each record
     * of the last three has a quarantine row with its reason).
     */
    public record RunStats(String runId, long recordsRead, long annotated, long duplicates, long alreadyInWarehouse,
                           long replaced, long quarantined, long otherLanguage, long skipped, long tokens,
                           long cascadeSentences, long sutimeSentences, List<String> inputs, StageTimes times) {
    }

    /** Wall time of each stage, in seconds: what the benchmark reports and the log shows. */
    public record StageTimes(double ingest, double annotate, double commit) {
        @Override
        public String toString() {
            return String.format("ingest + dedup %.1f s, annotate + extract %.1f s, commit %.1f s", ingest, annotate, commit);
        }
    }

    /** Runs the job in {@code spark}. */
    public static RunStats run(SparkSession spark, Options options) {
        Instant started = Instant.now();
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
                + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
        NlpProfile loaded = NlpProfile.load(options.configDir(), options.profile());
        NlpProfile profile = options.sentenceCache().isPresent() ? loaded.withSentenceCache(options.sentenceCache().getAsInt()) : loaded;
        ReferenceFiles reference = ReferenceFiles.read(options.configDir(), profile);
        List<Inputs.InputFile> files = Inputs.resolve(spark.sparkContext().hadoopConfiguration(), options.inputs(), options.format());
        LOG.info("Run {}: {} input files, profile {} ({})", runId, files.size(), profile.name(), profile.fingerprint());
        // Each file's layout, before the warehouse is touched: a file the job cannot read stops it here.
        IngestStage.Plan plan = IngestStage.plan(spark, files, options.ingest(), FieldLayouts.read(options.configDir()));

        Warehouse warehouse = new Warehouse(spark, options.warehouse());
        // Output is about as large as the input's text (kept or not, mentions and offsets take its room).
        long expectedBytes = 2 * files.stream().mapToLong(Inputs.InputFile::length).sum();
        WriterLock lock = warehouse.lock(runId, expectedBytes);
        try {
            RunStats stats = annotateAndCommit(spark, options, runId, started, profile, reference, files, plan, warehouse);
            ReportJob.refreshBiFile(spark, warehouse);
            FaultPoints.reach("before:unlock");
            lock.close();
            warehouse.cleanUp(runId);
            return stats;
        } catch (RuntimeException | Error e) {
            warehouse.abort(lock, e);
            Throwable full = null; // the innermost "No space left on device": its message is the plainest
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (String.valueOf(c.getMessage()).contains("No space left on device")) {
                    full = c;
                }
            }
            if (full != null) {
                throw new UserError("the file system is full (" + full.getMessage() + "); run " + runId + " was undone"
                        + " and left nothing visible: free some space (or give another --warehouse) and run again");
            }
            throw e;
        }
    }

    private static RunStats annotateAndCommit(SparkSession spark, Options options, String runId, Instant started,
                                              NlpProfile profile, ReferenceFiles reference, List<Inputs.InputFile> files,
                                              IngestStage.Plan plan, Warehouse warehouse) {

        // Ingest once; the dedup, the counts and the quarantine all read this.
        Dataset<Row> ingested = IngestStage.read(spark, plan, options.ingest()).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> valid = ingested.filter(col("reason").isNull());
        Dataset<Row> rejected = ingested.filter(col("reason").isNotNull());

        long t0 = System.nanoTime();
        Dataset<Row> groups = dedup(valid, warehouse.read(Table.ARTICLES), options.reprocess())
                .persist(StorageLevel.MEMORY_AND_DISK());
        Row counts = groups.agg(
                sum("copies_in_input").as("valid"),
                sum(when(col("annotate"), 1).otherwise(0)).as("to_annotate"),
                sum(when(col("annotate").and(col("chars").isNotNull()), col("chars")).otherwise(0)).as("chars"),
                sum(when(col("in_warehouse").and(not(col("annotate"))), col("copies_in_input")).otherwise(0)).as("already_in"))
                .first();
        long validCount = total(counts, "valid");
        long toAnnotate = total(counts, "to_annotate");
        long chars = total(counts, "chars");
        long alreadyIn = total(counts, "already_in");
        Map<Reason.Kind, Long> left = new EnumMap<>(Reason.Kind.class);
        for (Row r : rejected.groupBy("reason").count().collectAsList()) {
            left.merge(Reason.ofCode(r.getString(0)).kind(), r.getLong(1), Long::sum);
        }
        long quarantined = left.getOrDefault(Reason.Kind.BAD_INPUT, 0L);
        long otherLanguage = left.getOrDefault(Reason.Kind.OTHER_LANGUAGE, 0L);
        long skipped = left.getOrDefault(Reason.Kind.SKIPPED, 0L);
        LOG.info("Run {}: {} valid records, {} distinct articles to annotate ({} chars), {} already in the warehouse,"
                        + " {} in other languages, {} web archive records without an article, {} quarantined",
                runId, validCount, toAnnotate, chars, alreadyIn, otherLanguage, skipped, quarantined);

        // Warehouse articles whose content this run annotates anew (--reprocess, or an earlier copy arrived).
        String stagingDir = warehouse.staging(runId).toString();
        warehouse.read(Table.ARTICLES).join(groups.filter(col("annotate").and(col("in_warehouse"))).select("content_hash"),
                "content_hash").select("article_id").distinct().write().parquet(stagingDir + "/replaced");
        Dataset<Row> replaced = spark.read().parquet(stagingDir + "/replaced");
        long replacedCount = replaced.count();

        long t1 = System.nanoTime();
        int partitions = TaskSizing.tasks(toAnnotate, chars, options.charsPerPartition(),
                spark.sparkContext().defaultParallelism());
        Broadcast<ReferenceFiles> referenceData = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(reference);
        Dataset<Row> articles = groups.filter(col("annotate")).select(
                col("winner.article_id").as("article_id"), col("winner.published_date").as("published_date"),
                col("winner.source").as("source"), col("winner.url").as("url"),
                col("content.title").as("title"), col("content.text").as("text"), col("content_hash"),
                col("winner.source_file").as("source_file"), col("winner.record_ref").as("record_ref"),
                col("winner.date_source").as("date_source"), col("content.language").as("language"));
        LOG.info("Run {}: annotating {} articles in {} tasks", runId, toAnnotate, partitions);
        withSettings(spark, ANNOTATE_STAGE_SQL, () -> articles.repartition(partitions, col("content_hash"))
                .mapPartitions(new AnnotatePartition(profile, referenceData, runId, options.keepText()),
                        Encoders.row(StagingRows.SCHEMA))
                .write().parquet(stagingDir + "/annotated"));
        long t2 = System.nanoTime();
        Dataset<Row> staging = spark.read().schema(StagingRows.SCHEMA).parquet(stagingDir + "/annotated");
        Dataset<Row> staged = staging.filter(col("failure").isNull());
        // Articles the pipeline failed on go to quarantine with their error; the others are committed.
        Dataset<Row> failed = staging.filter(col("failure").isNotNull()).select(col("source_file"), col("record_ref"),
                lit(null).cast("long").as("line_number"), lit(Reason.ANNOTATION_FAILED.code()).as("reason"),
                col("failure").as("detail"), substring(concat_ws("\n", col("title"), col("text")), 1, 200).as("excerpt"));
        Row tokenRow = staging.agg(sum("token_count").as("tokens"), sum("cascade_sentences").as("cascaded"),
                sum("sutime_sentences").as("timed"), sum(when(col("failure").isNotNull(), 1).otherwise(0)).as("failed"))
                .first();
        long tokens = total(tokenRow, "tokens");
        long cascaded = total(tokenRow, "cascaded");
        long timed = total(tokenRow, "timed");
        long failedCount = total(tokenRow, "failed");
        if (failedCount > 0) {
            LOG.warn("Run {}: {} articles could not be annotated; they go to quarantine as {} (the executors' log has"
                    + " each error)", runId, failedCount, Reason.ANNOTATION_FAILED.code());
        }

        LOG.info("Run {}: committing", runId);
        Map<String, Long> versions = new LinkedHashMap<>(warehouse.commitFacts(staged, replaced));
        versions.put(Table.QUARANTINE.tableName(), commitQuarantine(warehouse, runId,
                rejected.select("source_file", "record_ref", "line_number", "reason", "detail", "excerpt").unionByName(failed),
                files, options.reprocess()));

        StageTimes times = new StageTimes((t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
        RunStats stats = new RunStats(runId, validCount + quarantined + otherLanguage + skipped, toAnnotate - failedCount,
                validCount - toAnnotate, alreadyIn, replacedCount, quarantined + failedCount, otherLanguage, skipped, tokens, cascaded,
                timed, files.stream().map(Inputs.InputFile::path).toList(), times);
        warehouse.appendLog(Table.RUNS, spark.createDataFrame(
                List.of(runRow(stats, started, profile, reference, options.reprocess(), versions)), Table.RUNS.schema()));
        groups.unpersist();
        ingested.unpersist();
        LOG.info("Run {} committed: {} records read = {} annotated + {} duplicates + {} in other languages + {} skipped"
                        + " + {} quarantined; {} tokens; {} sentences through the cascade (the parser; {} of them through"
                        + " SUTime); {}", runId, stats.recordsRead(), stats.annotated(), stats.duplicates(),
                stats.otherLanguage(), stats.skipped(), stats.quarantined(), tokens, cascaded, timed, times);
        return stats;
    }

    /**
     * One row per content hash of the input: which copy is kept (the earliest published_date, then the smallest
     * article_id, over the input and the warehouse; the warehouse wins a tie), the input copy's content, and
     * whether to annotate it: when the kept copy is new, or with {@code reprocess}.
     */
    static Dataset<Row> dedup(Dataset<Row> valid, Dataset<Row> existingArticles, boolean reprocess) {
        Dataset<Row> input = valid.select(col("content_hash"), col("published_date"), col("article_id"),
                lit(1).as("origin"), col("source"), col("url"), col("source_file"), col("record_ref"),
                col("date_source"), col("title"), col("text"), col("language"));
        Dataset<Row> inWarehouse = existingArticles
                .join(valid.select("content_hash").distinct(), "content_hash", "left_semi")
                .select(col("content_hash"), col("published_date"), col("article_id"), lit(0).as("origin"),
                        col("source"), col("url"), col("source_file"), col("record_ref"), col("date_source"),
                        lit(null).cast("string").as("title"), lit(null).cast("string").as("text"),
                        lit(null).cast("string").as("language"));
        // min() over structs compares field by field: date, then id, then origin (warehouse 0 before input 1).
        Dataset<Row> groups = input.unionByName(inWarehouse).groupBy("content_hash").agg(
                min(struct("published_date", "article_id", "origin", "source", "url", "source_file", "record_ref",
                        "date_source")).as("winner"),
                min(when(col("origin").equalTo(1), struct("published_date", "article_id", "title", "text", "language")))
                        .as("content"),
                sum(col("origin")).as("copies_in_input"),
                max(col("origin").equalTo(0)).as("in_warehouse"));
        return groups
                .withColumn("annotate", reprocess ? lit(true) : col("winner.origin").equalTo(1))
                .withColumn("chars", length(col("content.title")).plus(length(col("content.text"))));
    }

    /** Adds the run's quarantined records (replacing the inputs' earlier ones with --reprocess); the table's version after. */
    private static long commitQuarantine(Warehouse warehouse, String runId, Dataset<Row> rejected,
                                         List<Inputs.InputFile> files, boolean reprocess) {
        Dataset<Row> fresh = rejected.select(col("source_file"), col("record_ref"), col("line_number"), col("reason"),
                col("detail"), col("excerpt"), lit(runId).as("run_id"));
        Dataset<Row> existing = warehouse.read(Table.QUARANTINE);
        if (reprocess) {
            Object[] inputs = files.stream().map(Inputs.InputFile::path).toArray();
            return warehouse.replaceLog(Table.QUARANTINE, existing.filter(not(col("source_file").isin(inputs))).unionByName(fresh));
        } else {
            Dataset<Row> added = fresh.join(existing.select("source_file", "record_ref", "reason"),
                    fresh.col("source_file").equalTo(existing.col("source_file"))
                            .and(fresh.col("record_ref").equalTo(existing.col("record_ref")))
                            .and(fresh.col("reason").equalTo(existing.col("reason"))), "left_anti");
            return warehouse.appendLog(Table.QUARANTINE, added);
        }
    }

    /** A sum of an aggregate row (null when there were no rows: 0). */
    private static long total(Row row, String column) {
        Object v = row.getAs(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static Row runRow(RunStats s, Instant started, NlpProfile profile, ReferenceFiles reference, boolean reprocess,
                              Map<String, Long> tableVersions) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("app", Versions.app());
        versions.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        versions.put("corenlp", Versions.CORENLP);
        versions.put("profile", profile.name() + "@" + profile.fingerprint());
        versions.put("rules", profile.rulesVersion());
        versions.put("gazetteer", reference.gazetteerVersion());
        versions.put("actor_aliases", reference.aliasesVersion());
        versions.put("attribution", reference.attributionVersion());
        return Table.RUNS.newRow()
                .set("run_id", s.runId())
                .set("started", started)
                .set("finished", Instant.now())
                .set("inputs", s.inputs())
                .set("records_read", s.recordsRead())
                .set("articles_annotated", s.annotated())
                .set("duplicates", s.duplicates())
                .set("already_in_warehouse", s.alreadyInWarehouse())
                .set("replaced", s.replaced())
                .set("quarantined", s.quarantined())
                .set("other_language", s.otherLanguage())
                .set("skipped", s.skipped())
                .set("tokens", s.tokens())
                .set("cascade_sentences", s.cascadeSentences())
                .set("sutime_sentences", s.sutimeSentences())
                .set("profile", profile.name())
                .set("reprocess", reprocess)
                .set("versions", versions)
                .set("table_versions", tableVersions)
                .build();
    }
}
