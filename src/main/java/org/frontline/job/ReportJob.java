package org.frontline.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.SparkSession;
import org.frontline.UserError;
import org.frontline.report.BiFile;
import org.frontline.report.ReportPage;
import org.frontline.report.ReportQueries;
import org.frontline.tables.Table;
import org.frontline.tables.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report job: the HTML report of a warehouse ({@link ReportQueries} in Spark SQL, {@link ReportPage}) and its
 * one-file BI connection ({@link BiFile}). Reads only; a run committing meanwhile is seen as of before or after it.
 */
public final class ReportJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);

    private ReportJob() {
    }

    /** Where to write: the report, and the BI file (none: not written). */
    public record Options(Path out, Optional<Path> biFile, ReportQueries.Limits limits) {
    }

    /** What was written. */
    public record Written(Path report, long reportBytes, Optional<Path> biFile) {
    }

    /** The default paths: both beside the tables, in the warehouse's folder (a local one). */
    public static Path defaultReport(Warehouse warehouse) {
        return localFolder(warehouse).map(p -> p.resolve("report.html")).orElse(Paths.get("frontline-report.html"));
    }

    public static Optional<Path> defaultBiFile(Warehouse warehouse) {
        return localFolder(warehouse).map(p -> p.resolve(BiFile.FILE_NAME));
    }

    /** Writes the report (and the BI file) of the warehouse at {@code location}. */
    public static Written run(SparkSession spark, Warehouse warehouse, Options options) {
        if (!warehouse.exists(Table.ARTICLES)) {
            throw new UserError("no articles table in " + warehouse.root() + ": run jobs/run (or jobs/annotate) first,"
                    + " or pass --warehouse");
        }
        if (!warehouse.exists(Table.TERRITORIAL_CLAIMS)) {
            throw new UserError("no aggregate tables in " + warehouse.root() + ": run jobs/aggregate first");
        }
        long start = System.nanoTime();
        Catalog.registerAll(spark, warehouse);
        Map<String, String> datasets = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : ReportQueries.queries(options.limits()).entrySet()) {
            List<String> rows = spark.sql(q.getValue()).toJSON().collectAsList();
            datasets.put(q.getKey(), "[" + String.join(",", rows) + "]");
            LOG.info("Report: {} rows of {}", rows.size(), q.getKey());
        }
        String page = ReportPage.render(datasets, meta(warehouse, options.limits()));
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        writeAtomically(options.out(), bytes);
        Optional<Path> bi = options.biFile().map(p -> writeBiFile(spark, warehouse, p));
        LOG.info("Report of {} written in {} s: {} ({} KB)", warehouse.root(),
                String.format("%.1f", (System.nanoTime() - start) / 1e9), options.out(), bytes.length / 1024);
        return new Written(options.out(), bytes.length, bi);
    }

    /** Writes the BI file of {@code warehouse} at {@code out}: one view per table (see {@link BiFile}). */
    public static Path writeBiFile(SparkSession spark, Warehouse warehouse, Path out) {
        if (localFolder(warehouse).isEmpty()) {
            throw new UserError("the BI file reads the warehouse's files in place, so it needs a warehouse on the"
                    + " local file system (this one is " + warehouse.root() + "): give --no-bi-file");
        }
        List<BiFile.TableFiles> files = new ArrayList<>();
        for (Table t : Table.values()) {
            files.add(new BiFile.TableFiles(t, filesOf(spark, warehouse, t)));
        }
        List<String> views = BiFile.write(out, files);
        LOG.info("BI file {}: {} views", out, views.size());
        return out;
    }

    /**
     * After a commit: rewrites the warehouse's BI file if it has one, so that its views follow the new versions.
     * Never fails the run, whose data is committed: a BI file that could not be rewritten is logged.
     */
    public static void refreshBiFile(SparkSession spark, Warehouse warehouse) {
        Optional<Path> bi = defaultBiFile(warehouse).filter(Files::exists);
        if (bi.isEmpty()) {
            return;
        }
        try {
            writeBiFile(spark, warehouse, bi.get());
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: DuckDB's native library may fail to load (a noexec /tmp); the run's data is in regardless.
            LOG.warn("Could not rewrite the BI file {} ({}); jobs/report rewrites it", bi.get(), e.toString());
        }
    }

    /** The files of a table's current rows, as local paths: a Delta table's current version, an aggregate's folder. */
    private static List<String> filesOf(SparkSession spark, Warehouse warehouse, Table t) {
        if (!warehouse.exists(t)) {
            return List.of();
        }
        String folder = Paths.get(warehouse.location(t).toUri()).toString();
        if (t.kind() == Table.Kind.AGGREGATE) {
            // DuckDB's reader fails on a glob that matches nothing: an empty rebuild is an empty view.
            try (var names = Files.list(Paths.get(folder))) {
                return names.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"))
                        ? List.of(folder + "/*.parquet") : List.of();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Arrays.stream(spark.read().format("delta").load(warehouse.location(t).toString()).inputFiles())
                .map(uri -> Paths.get(java.net.URI.create(uri)).toString()).sorted().toList();
    }

    private static Optional<Path> localFolder(Warehouse warehouse) {
        return "file".equals(warehouse.root().toUri().getScheme())
                ? Optional.of(Paths.get(warehouse.root().toUri())) : Optional.empty();
    }

    private static String meta(Warehouse warehouse, ReportQueries.Limits limits) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("warehouse", warehouse.root().toString());
        meta.put("generated", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        meta.put("version", Versions.app());
        meta.put("places_per_month", limits.placesPerMonth());
        meta.put("top_per_month", limits.topPerMonth());
        meta.put("max_claims", limits.maxClaims());
        try {
            return new ObjectMapper().writeValueAsString(meta);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeAtomically(Path out, byte[] bytes) {
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + out.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserError("cannot write the report " + out + " (" + e + "): check the path, or give another --out");
        }
    }
}
