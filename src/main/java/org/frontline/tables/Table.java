package org.frontline.tables;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.frontline.ingest.DateSource;
import org.frontline.ingest.Reason;

/**
 * Every table of the warehouse with its one declared schema. Each column carries its description as a
 * {@code comment} (shown by Spark SQL's DESCRIBE); the README documents the same columns.
 * Column names and types are a contract with users and BI tools: add columns, never rename.
 */
public enum Table {
    ARTICLES(Kind.FACT, "One row per annotated article (duplicates are annotated once).",
            col("article_id", StringType, "The record's id, or h-<16 hex of content_hash> when it had none"),
            col("published_date", DateType, "Publication date (UTC)"),
            col("source", StringType, "Outlet or site; from the url's host when the record has none"),
            col("url", StringType, "Article URL"),
            col("title", StringType, "Cleaned title (empty when the record has none)"),
            col("text", StringType, "Cleaned text the offsets refer to; null when the run used --no-text"),
            col("char_count", IntegerType, "Characters of cleaned title and text"),
            col("token_count", IntegerType, "CoreNLP tokens of title and text"),
            col("sentence_count", IntegerType, "CoreNLP sentences of title and text"),
            col("cascade_sentences", IntegerType, "Sentences that held a figure and went through the dependency parser"),
            col("sutime_sentences", IntegerType, "Of those, sentences SUTime read (a figure that can have a period, a word of time)"),
            col("content_hash", StringType, "SHA-256 (hex) of the cleaned title and text, whitespace collapsed"),
            col("source_file", StringType, "Input file of the kept copy"),
            col("record_ref", StringType, "Line (name:line) or row (name#row n) of the kept copy in source_file"),
            col("run_id", StringType, "The run that annotated it (see runs)"),
            col("date_source", StringType, "Where published_date came from: " + DateSource.codes()
                    + " (a web archive's capture time when the page gives no date); null in rows of earlier versions"),
            col("language", StringType, "Detected language, ISO 639-1 (en), or und when the text is too short to tell;"
                    + " records in other languages are not annotated (quarantine, reason other_language)"),
            col("published_month", StringType, "yyyy-MM of published_date; the partition column")),

    REGION_MENTIONS(Kind.FACT, "One row per place mention in a title or text.", mention(
            col("surface", StringType, "The mention as written"),
            col("region_id", StringType, "Canonical region id (its source prefixed); null if unresolved"),
            col("region_name", StringType, "Canonical region name"),
            col("region_type", StringType, "country, admin1, admin2, city or other"),
            col("country_code", StringType, "ISO 3166-1 alpha-2 of the region's country"),
            col("latitude", DoubleType, "Latitude (WGS84) of the region"),
            col("longitude", DoubleType, "Longitude (WGS84) of the region"))),

    ACTOR_MENTIONS(Kind.FACT, "One row per mention of a person, organisation, force or media outlet.", mention(
            col("surface", StringType, "The mention as written"),
            col("actor_id", StringType, "Stable actor id"),
            col("actor_name", StringType, "Canonical actor name"),
            col("actor_type", StringType, "person, organization, force or media"),
            col("role", StringType, "Title or role the text gives the actor (President), if any"),
            col("country_code", StringType, "ISO 3166-1 alpha-2 of the actor's affiliation, if known"))),

    TERRITORIAL_FIGURES(Kind.FACT, "One row per territorial figure (FIGURES.md): area, distance, settlements, share.", mention(
            col("surface", StringType, "The figure as written, a bracketed conversion included"),
            col("quantity", StringType, "area, distance, settlements or share"),
            col("value_min", DoubleType, "Lower value in normalized_unit (= value_max for one value)"),
            col("value_max", DoubleType, "Upper value in normalized_unit"),
            col("normalized_unit", StringType, "km2, km, count or percent"),
            col("qualifier", StringType, "exact, approx, at_least or at_most"),
            col("kind", StringType, "control, advance, distance or other"),
            col("actor_name", StringType, "The side that takes, holds, advances or is located, as its country's name,"
                    + " stated or implied (FIGURES.md); null when neither the sentence nor the article tells"),
            col("region_id", StringType, "The place the figure is about, stated or implied: the most specific the"
                    + " sentence attaches, else the sentence's or the article's region or country; null when nothing says"),
            col("region_name", StringType, "Name of that place"),
            col("claimant_name", StringType, "Who asserts the figure, when the text says so"),
            col("period_start", DateType, "Start of the period the figure covers, when stated"),
            col("period_end", DateType, "End of that period"),
            col("sentence", StringType, "The sentence holding the figure"))),

    QUARANTINE(Kind.LOG, "One row per input record that was not annotated, with the reason: bad input, another"
            + " language, or a web archive record that holds no article.",
            col("source_file", StringType, "Input file"),
            col("record_ref", StringType, "Line (name:line) or row (name#row n) in source_file"),
            col("line_number", LongType, "1-based line where the record starts; null for Parquet rows and web archive"
                    + " records (their record_ref is file@byte offset)"),
            col("reason", StringType, "Bad input: " + Reason.codes(Reason.Kind.BAD_INPUT) + "; another language: "
                    + Reason.codes(Reason.Kind.OTHER_LANGUAGE) + "; web archive records that hold no article: "
                    + Reason.codes(Reason.Kind.SKIPPED)),
            col("detail", StringType, "What exactly was wrong"),
            col("excerpt", StringType, "Start of the raw record; invalid bytes as \\xNN"),
            col("run_id", StringType, "The run that quarantined it")),

    RUNS(Kind.LOG, "One row per completed annotate run.",
            col("run_id", StringType, "Run id (UTC start time and a random suffix)"),
            col("started", TimestampType, "Start (UTC)"),
            col("finished", TimestampType, "End (UTC)"),
            col("inputs", createArrayType(StringType), "Input files read"),
            col("records_read", LongType, "Records read = articles_annotated + duplicates + other_language + skipped"
                    + " + quarantined"),
            col("articles_annotated", LongType, "Articles annotated by this run"),
            col("duplicates", LongType, "Records whose content was annotated once elsewhere (same hash)"),
            col("already_in_warehouse", LongType, "Of the duplicates, records already in the warehouse"),
            col("replaced", LongType, "Warehouse articles replaced (--reprocess, or an earlier copy arrived)"),
            col("quarantined", LongType, "Records of bad input (quarantine rows of those reasons)"),
            col("other_language", LongType, "Records in a language the pipeline does not annotate (quarantine, reason"
                    + " other_language); null in rows of earlier versions"),
            col("skipped", LongType, "Web archive records that hold no article: not HTML, HTTP status not 200,"
                    + " robots.txt, duplicate payloads (quarantine rows of those reasons)"),
            col("tokens", LongType, "CoreNLP tokens annotated"),
            col("cascade_sentences", LongType, "Sentences that held a figure and went through the dependency parser"),
            col("sutime_sentences", LongType, "Of those, sentences SUTime read"),
            col("profile", StringType, "CoreNLP profile"),
            col("reprocess", BooleanType, "Whether --reprocess was given"),
            col("versions", createMapType(StringType, StringType),
                    "Versions: app, spark, corenlp, profile fingerprint, rules, gazetteer, actor_aliases, attribution"
                            + " (short SHA-256 of the files: conf/figures for attribution)"),
            col("table_versions", createMapType(StringType, LongType),
                    "The version of each Delta table after this run's commit (SELECT … VERSION AS OF n reads it back)")),

    REGION_MENTIONS_DAILY(Kind.AGGREGATE, "Place mentions per UTC day and region.", regionAggregate()),
    REGION_MENTIONS_MONTHLY(Kind.AGGREGATE, "Place mentions per month (period = first day) and region.", regionAggregate()),
    ACTOR_MENTIONS_DAILY(Kind.AGGREGATE, "Actor mentions per UTC day and actor.", actorAggregate()),
    ACTOR_MENTIONS_MONTHLY(Kind.AGGREGATE, "Actor mentions per month (period = first day) and actor.", actorAggregate()),
    REGION_ACTOR_DAILY(Kind.AGGREGATE, "Regions and actors named together, per UTC day.",
            col("period", DateType, "The day"),
            col("region_id", StringType, "Region id"),
            col("region_name", StringType, "Region name"),
            col("actor_id", StringType, "Actor id"),
            col("actor_name", StringType, "Actor name"),
            col("articles", LongType, "Articles that mention both"),
            col("sentences", LongType, "Sentences that mention both")),
    TERRITORIAL_FIGURES_DAILY(Kind.AGGREGATE, "Territorial figures per UTC day.", figureAggregate()),
    TERRITORIAL_FIGURES_MONTHLY(Kind.AGGREGATE, "Territorial figures per month (period = first day).", figureAggregate()),
    TERRITORIAL_CLAIMS(Kind.AGGREGATE, "One row per distinct claim: the repeated reports of one figure folded together"
            + " (same quantity, kind, actor and region; values within --claim-tolerance; within --claim-window-days"
            + " of another report of it).",
            col("claim_id", StringType, "Stable claim id (from its key and its first report)"),
            col("quantity", StringType, "area, distance, settlements or share"),
            col("kind", StringType, "control, advance, distance or other"),
            col("actor_name", StringType, "The side, stated or implied"),
            col("region_id", StringType, "The region, when stated"),
            col("region_name", StringType, "Its name"),
            col("value_min", DoubleType, "Smallest value reported for the claim (normalised unit)"),
            col("value_max", DoubleType, "Largest value reported for the claim (normalised unit)"),
            col("claimants", createArrayType(StringType), "Who made it, as the reports say"),
            col("first_seen", DateType, "Date of its first report"),
            col("last_seen", DateType, "Date of its last report"),
            col("reports", LongType, "Figures reported (one article may report it twice)"),
            col("articles", LongType, "Distinct articles reporting it"),
            col("sources", LongType, "Distinct sources reporting it"),
            col("source_list", createArrayType(StringType), "Those sources"),
            col("article_ids", createArrayType(StringType), "The articles reporting it (see articles), sorted"));

    /** Fact tables are appended per run and partitioned by month; aggregates are rebuilt whole; logs are appended. */
    public enum Kind { FACT, AGGREGATE, LOG }

    private final Kind kind;
    private final String description;
    private final StructType schema;
    private final RowShape shape;

    Table(Kind kind, String description, StructField... fields) {
        this.kind = kind;
        this.description = description;
        this.schema = new StructType(fields);
        this.shape = RowShape.of(schema);
    }

    /** The folder name under the warehouse and the name the sql job registers it by. */
    public String tableName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** The schema as written, the partition column ({@code published_month}) included for fact tables. */
    public StructType schema() {
        return schema;
    }

    /** A new row of this table, to be filled by column name: every column once, then {@code build()}. */
    public RowShape.Builder newRow() {
        return shape.newRow();
    }

    /** Whether the table is partitioned by {@code published_month}. */
    public boolean partitioned() {
        return kind == Kind.FACT;
    }

    /** The table of that name, if any. */
    public static java.util.Optional<Table> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.tableName().equals(name)).findFirst();
    }

    /** The fact tables' columns that describe the article a mention belongs to, rather than the mention. */
    public static final List<String> ARTICLE_KEYS = List.of("article_id", "published_date");

    /** The columns of {@code schema} minus {@code drop}, as a struct: the shape of nested staging rows. */
    static StructType without(StructType schema, List<String> drop) {
        List<StructField> kept = new ArrayList<>();
        for (StructField f : schema.fields()) {
            if (!drop.contains(f.name())) {
                kept.add(f);
            }
        }
        return new StructType(kept.toArray(StructField[]::new));
    }

    /**
     * A mention table's columns: where the mention is (article, field, sentence, offsets), then its own
     * columns (surface first), then the partition column.
     */
    private static StructField[] mention(StructField... own) {
        List<StructField> fields = new ArrayList<>(List.of(
                col("article_id", StringType, "The article (see articles)"),
                col("published_date", DateType, "The article's publication date (UTC)"),
                col("field", StringType, "title or text: which one the offsets point into"),
                col("sentence_index", IntegerType, "0-based sentence of the field"),
                col("char_begin", IntegerType, "Start offset in the cleaned field (inclusive)"),
                col("char_end", IntegerType, "End offset in the cleaned field (exclusive)")));
        fields.addAll(List.of(own));
        fields.add(col("published_month", StringType, "yyyy-MM of published_date; the partition column"));
        return fields.toArray(StructField[]::new);
    }

    private static StructField[] regionAggregate() {
        return new StructField[] {
            col("period", DateType, "The day, or the first day of the month"),
            col("region_id", StringType, "Region id; null for unresolved places (grouped by name)"),
            col("region_name", StringType, "Region name"),
            col("region_type", StringType, "country, admin1, admin2, city or other"),
            col("country_code", StringType, "ISO 3166-1 alpha-2"),
            col("latitude", DoubleType, "Latitude (WGS84), for maps"),
            col("longitude", DoubleType, "Longitude (WGS84), for maps"),
            col("mentions", LongType, "Mentions in titles and texts"),
            col("articles", LongType, "Distinct articles mentioning it")};
    }

    private static StructField[] actorAggregate() {
        return new StructField[] {
            col("period", DateType, "The day, or the first day of the month"),
            col("actor_id", StringType, "Actor id"),
            col("actor_name", StringType, "Actor name"),
            col("actor_type", StringType, "person, organization, force or media"),
            col("mentions", LongType, "Mentions in titles and texts"),
            col("articles", LongType, "Distinct articles mentioning the actor")};
    }

    private static StructField[] figureAggregate() {
        return new StructField[] {
            col("period", DateType, "The day, or the first day of the month"),
            col("quantity", StringType, "area, distance, settlements or share"),
            col("kind", StringType, "control, advance, distance or other"),
            col("actor_name", StringType, "Actor (the side), stated or implied"),
            col("region_id", StringType, "Region id, when stated"),
            col("region_name", StringType, "Region name, stated or implied"),
            col("reports", LongType, "Figures reported"),
            col("articles", LongType, "Distinct articles reporting them"),
            col("value_min", DoubleType, "Smallest value reported in the period (normalised unit)"),
            col("value_max", DoubleType, "Largest value reported in the period (normalised unit)")};
    }

    private static StructField col(String name, DataType type, String comment) {
        Metadata meta = new MetadataBuilder().putString("comment", comment).build();
        return new StructField(name, type, true, meta);
    }
}
