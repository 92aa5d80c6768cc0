package org.frontline.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warehouse folder: one Parquet folder per {@link Table}, fact tables partitioned by
 * {@code published_month}, and {@code _staging/<run>} for a run's output until it is committed.
 *
 * <p>Commit protocol (one writer at a time): a run writes everything under its staging folder first; then,
 * per table, its new files are moved into the table's partitions (an append that rewrites nothing), except
 * in partitions holding replaced articles, which are rewritten beside the table and swapped in. The runs row
 * is written last: a run without one did not complete, and its staging folder is removed by the next run.
 */
public final class Warehouse {
    private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);
    static final String STAGING = "_staging";
    static final String MONTH = "published_month";

    private final SparkSession spark;
    private final Path root;
    private final FileSystem fs;

    public Warehouse(SparkSession spark, String location) {
        this.spark = spark;
        try {
            Path p = new Path(location);
            this.fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            this.root = fs.makeQualified(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The warehouse's qualified location. */
    public Path root() {
        return root;
    }

    /** The folder of {@code table}. */
    public Path location(Table table) {
        return new Path(root, table.tableName());
    }

    /** Whether {@code table} holds data. */
    public boolean exists(Table table) {
        try {
            Path dir = location(table);
            return fs.exists(dir) && fs.listStatus(dir).length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table's rows with its declared schema; an empty Dataset when it does not exist yet. */
    public Dataset<Row> read(Table table) {
        if (!exists(table)) {
            return spark.createDataFrame(new ArrayList<Row>(), table.schema());
        }
        return spark.read().schema(table.schema()).parquet(location(table).toString());
    }

    /** The staging folder of a run. */
    public Path staging(String runId) {
        return new Path(new Path(root, STAGING), runId);
    }

    /** Removes staging folders left by runs that did not complete (one writer at a time is assumed). */
    public void removeAbandonedStaging() {
        try {
            Path dir = new Path(root, STAGING);
            if (fs.exists(dir)) {
                for (FileStatus s : fs.listStatus(dir)) {
                    LOG.warn("Removing {}: left by a run that did not complete", s.getPath());
                    fs.delete(s.getPath(), true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of fact {@code table} contained in staging rows of {@link StagingRows#SCHEMA}. */
    public static Dataset<Row> project(Dataset<Row> staged, Table table) {
        String nested = switch (table) {
            case ARTICLES -> null;
            case REGION_MENTIONS -> "regions";
            case ACTOR_MENTIONS -> "actors";
            case TERRITORIAL_FIGURES -> "figures";
            default -> throw new IllegalArgumentException(table + " is not a fact table");
        };
        List<Column> cols = new ArrayList<>();
        if (nested == null) {
            for (String name : table.schema().fieldNames()) {
                cols.add(col(name));
            }
            return staged.select(cols.toArray(Column[]::new));
        }
        Dataset<Row> exploded = staged.select(col("article_id"), col("published_date"), col(MONTH),
                explode(col(nested)).as("m"));
        for (String name : table.schema().fieldNames()) {
            cols.add(name.equals("article_id") || name.equals("published_date") || name.equals(MONTH)
                    ? col(name) : col("m." + name).as(name));
        }
        return exploded.select(cols.toArray(Column[]::new));
    }

    /**
     * Adds a run's fact rows: {@code staged} holds the annotated articles (staging schema); {@code replaced}
     * (one column, article_id) the warehouse articles they replace, whose rows are removed in the same commit.
     */
    public void commitFacts(String runId, Dataset<Row> staged, Dataset<Row> replaced) {
        List<Row> replacedMonths = read(Table.ARTICLES).join(replaced, "article_id").select(MONTH).distinct().collectAsList();
        Set<String> affected = new TreeSet<>();
        replacedMonths.forEach(r -> affected.add(r.getString(0)));
        for (Table table : Table.values()) {
            if (table.kind() != Table.Kind.FACT) {
                continue;
            }
            Path out = new Path(staging(runId), table.tableName());
            // One file per month and run keeps tables readable by BI tools (no swarm of tiny files).
            project(staged, table).repartition(col(MONTH)).write().mode(SaveMode.Overwrite).partitionBy(MONTH)
                    .parquet(out.toString());
            if (!affected.isEmpty()) {
                rewriteMonths(runId, table, out, replaced, affected);
            }
            moveFiles(out, location(table), affected);
        }
    }

    /** Rewrites the months holding replaced articles: old rows minus the replaced, plus the new, then swaps them in. */
    private void rewriteMonths(String runId, Table table, Path staged, Dataset<Row> replaced, Set<String> months) {
        Path out = new Path(new Path(staging(runId), "rewrite"), table.tableName());
        Column inMonths = col(MONTH).isin(months.toArray());
        Dataset<Row> old = read(table).filter(inMonths);
        Dataset<Row> kept = old.join(replaced, old.col("article_id").equalTo(replaced.col("article_id")), "left_anti");
        Dataset<Row> fresh = spark.read().schema(table.schema()).parquet(staged.toString()).filter(inMonths);
        kept.unionByName(fresh).repartition(col(MONTH)).write().mode(SaveMode.Overwrite).partitionBy(MONTH)
                .parquet(out.toString());
        for (String month : months) {
            Path target = new Path(location(table), MONTH + "=" + month);
            Path rewritten = new Path(out, MONTH + "=" + month);
            swap(rewritten, target, runId);
        }
    }

    /** Appends rows to an unpartitioned log table (quarantine, runs) by moving a run's files into it. */
    public void appendLog(String runId, Table table, Dataset<Row> rows) {
        if (rows.isEmpty()) {
            return; // no empty file per run
        }
        Path out = new Path(new Path(staging(runId), "log"), table.tableName());
        rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(out.toString());
        moveFiles(out, location(table), Set.of());
    }

    /** Replaces an unpartitioned or aggregate table whole: written beside it, then swapped in. */
    public void replace(String runId, Table table, Dataset<Row> rows) {
        Path out = new Path(new Path(staging(runId), "replace"), table.tableName());
        Dataset<Row> shaped = rows.select(java.util.Arrays.stream(table.schema().fieldNames()).map(n -> col(n)).toArray(Column[]::new));
        shaped.coalesce(1).write().mode(SaveMode.Overwrite).parquet(out.toString());
        swap(out, location(table), runId);
    }

    /** Deletes a run's staging folder once everything is committed. */
    public void cleanUp(String runId) {
        try {
            fs.delete(staging(runId), true);
            Path parent = new Path(root, STAGING);
            if (fs.exists(parent) && fs.listStatus(parent).length == 0) {
                fs.delete(parent, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves Parquet files from {@code from} (and its month folders, except {@code skipMonths}) into {@code to}. */
    private void moveFiles(Path from, Path to, Set<String> skipMonths) {
        try {
            if (!fs.exists(from)) {
                return;
            }
            for (FileStatus s : fs.listStatus(from)) {
                String name = s.getPath().getName();
                if (s.isDirectory()) {
                    if (name.startsWith(MONTH + "=") && !skipMonths.contains(name.substring(MONTH.length() + 1))) {
                        moveFiles(s.getPath(), new Path(to, name), Set.of());
                    }
                } else if (name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_")) {
                    fs.mkdirs(to);
                    if (!fs.rename(s.getPath(), new Path(to, name))) {
                        throw new IOException("cannot move " + s.getPath() + " to " + to);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts {@code replacement} in the place of {@code target}; a missing replacement deletes the target. The old
     * folder is moved into the run's staging folder, never left beside the table (readers would take a
     * {@code published_month=2024-08.old} folder for a partition).
     */
    private void swap(Path replacement, Path target, String runId) {
        try {
            Path old = new Path(new Path(staging(runId), "trash"), java.util.UUID.randomUUID().toString());
            fs.mkdirs(old.getParent());
            if (fs.exists(target) && !fs.rename(target, old)) {
                throw new IOException("cannot move " + target + " aside");
            }
            if (fs.exists(replacement)) {
                fs.mkdirs(target.getParent());
                if (!fs.rename(replacement, target)) {
                    throw new IOException("cannot move " + replacement + " to " + target);
                }
            }
            fs.delete(old, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
