package org.frontline.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.delta.tables.DeltaTable;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FsStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.frontline.FileSystems;
import org.frontline.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warehouse folder: one folder per {@link Table}. Fact and log tables are Delta Lake tables (fact tables
 * partitioned by {@code published_month}); aggregate tables are plain Parquet, rebuilt whole and swapped in, so
 * that any Parquet reader opens them. {@code _frontline/} holds the writer lock, runs' staging output and
 * aggregate swaps in progress.
 *
 * <p>Why a crash loses nothing: one writer at a time ({@link WriterLock}, recording every Delta table's version
 * before the run writes); each table's commit is one Delta commit (atomic); a run's rows replace the rows of the
 * same articles in one {@code MERGE}, and {@code articles} is committed after the mention tables, so an article is
 * "done" only when all its rows are in; {@code runs} is committed last. A writer that finds the lock of a dead run
 * restores each table that run changed to the version recorded before it, unless the run's {@code runs} row
 * made it in: the warehouse is then exactly as before the dead run, and the new run does its work in full.
 */
public final class Warehouse {
    private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);
    static final String MONTH = "published_month";
    /** The job's own bookkeeping; Spark, Delta and Parquet readers skip folders starting with "_". */
    static final String ADMIN = "_frontline";
    private static final String DELTA_EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
    private static final String DELTA_CATALOG = "org.apache.spark.sql.delta.catalog.DeltaCatalog";
    /** Free space a run needs on the warehouse's file system besides its output: Delta logs, checkpoints. */
    private static final long FREE_SPACE_FLOOR = 64L << 20;

    private final SparkSession spark;
    private final Path root;
    private final FileSystem fs;

    public Warehouse(SparkSession spark, String location) {
        this.spark = spark;
        Path p = new Path(location);
        try {
            this.fs = FileSystems.of(p, spark.sparkContext().hadoopConfiguration(), "the warehouse " + location);
            this.root = fs.makeQualified(p);
        } catch (IOException e) {
            throw new UserError("cannot reach the warehouse " + location + " (" + e.getMessage() + "): check the path"
                    + " and that its file system is up");
        }
    }

    /** Configures a session builder for the warehouse's Delta tables (MERGE, RESTORE and SQL on them need both). */
    public static SparkSession.Builder withDelta(SparkSession.Builder builder) {
        return builder.config("spark.sql.extensions", DELTA_EXTENSION)
                .config("spark.sql.catalog.spark_catalog", DELTA_CATALOG);
    }

    /** The warehouse's qualified location. */
    public Path root() {
        return root;
    }

    /** The folder of {@code table}. */
    public Path location(Table table) {
        return new Path(root, table.tableName());
    }

    /** Whether fact and log tables are Delta tables (aggregates are plain Parquet). */
    static boolean isDelta(Table table) {
        return table.kind() != Table.Kind.AGGREGATE;
    }

    /** Whether {@code table} holds data. */
    public boolean exists(Table table) {
        try {
            Path dir = location(table);
            if (isDelta(table)) {
                return fs.exists(new Path(dir, "_delta_log"));
            }
            return fs.exists(dir) && fs.listStatus(dir).length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The table's rows with its declared columns, in order; an empty Dataset when it does not exist yet. Columns
     * a table written by an older version lacks read as null (columns are added, never renamed).
     */
    public Dataset<Row> read(Table table) {
        if (!exists(table)) {
            return spark.createDataFrame(new ArrayList<Row>(), table.schema());
        }
        if (!isDelta(table)) {
            return spark.read().schema(table.schema()).parquet(location(table).toString());
        }
        Dataset<Row> rows = spark.read().format("delta").load(location(table).toString());
        Set<String> present = Set.of(rows.columns());
        List<Column> cols = new ArrayList<>();
        for (StructField f : table.schema().fields()) {
            cols.add(present.contains(f.name()) ? col(f.name()) : lit(null).cast(f.dataType()).as(f.name()));
        }
        return rows.select(cols.toArray(Column[]::new));
    }

    /** The current version of each Delta table; -1 for one that does not exist yet. */
    public Map<String, Long> versions() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Table t : Table.values()) {
            if (isDelta(t)) {
                out.put(t.tableName(), version(t));
            }
        }
        return out;
    }

    /**
     * The table's latest version: the highest {@code NNNNNNNNNNNNNNNNNNNN.json} commit file of its {@code _delta_log}
     * (Delta's protocol names each commit by its version). A listing, not a Spark job: it is asked after every commit.
     */
    long version(Table table) {
        Path log = new Path(location(table), "_delta_log");
        try {
            if (!fs.exists(log)) {
                return -1;
            }
            long latest = -1;
            for (FileStatus s : fs.listStatus(log)) {
                String name = s.getPath().getName();
                if (COMMIT_FILE.matcher(name).matches()) {
                    latest = Math.max(latest, Long.parseLong(name.substring(0, 20)));
                }
            }
            return latest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.regex.Pattern COMMIT_FILE = java.util.regex.Pattern.compile("\\d{20}\\.json");

    // ---- the one writer

    private Path lockFile() {
        return new Path(new Path(root, ADMIN), "writer.lock");
    }

    /**
     * Becomes the warehouse's one writer for {@code runId}: fails with one line when another run is writing;
     * undoes what a run that died committed; checks that the warehouse is writable and has room for about
     * {@code expectedBytes} more. Call before any NLP is spent.
     */
    public WriterLock lock(String runId, long expectedBytes) {
        checkWritable();
        Path claim = new Path(lockFile().getParent(), "writer.lock.dead");
        Optional<WriterLock.Holder> dead = Optional.empty();
        Optional<WriterLock.Holder> holder = WriterLock.read(fs, lockFile());
        try {
            if (holder.isPresent()) {
                if (WriterLock.isAlive(fs, lockFile(), holder.get())) {
                    throw WriterLock.busy(root, holder.get());
                }
                // Claim the dead run's lock with an atomic rename: of two new runs, one undoes it.
                if (!fs.rename(lockFile(), claim)) {
                    throw WriterLock.busy(root, holder.get());
                }
                dead = holder;
            } else if (fs.exists(claim)) {
                dead = WriterLock.read(fs, claim); // a run died between claiming a dead lock and taking its own
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // While this run undoes the dead one, its lock records the versions to go back to: should it die too,
        // the next run undoes both at once.
        boolean undo = dead.isPresent() && !committed(dead.get().runId());
        if (dead.isPresent() && !undo) {
            LOG.info("Run {} had committed before it stopped; taking over its lock", dead.get().runId());
        }
        WriterLock lock = WriterLock.acquire(fs, lockFile(), runId, undo ? dead.get().versions() : versions());
        delete(claim);
        if (undo) {
            LOG.warn("Run {} stopped before it committed; undoing what it wrote", dead.get().runId());
            try {
                undo(dead.get().runId(), dead.get().versions());
            } catch (RuntimeException e) {
                lock.abandon(); // the next run tries again
                throw e;
            }
            lock.close();
            lock = WriterLock.acquire(fs, lockFile(), runId, versions());
        }
        try {
            removeStaging(runId); // staging of runs that died: nobody else writes now
            checkFreeSpace(expectedBytes);
            upgradeParquetTables();
            addNewColumns();
            finishAggregateSwaps();
        } catch (RuntimeException e) {
            lock.close(); // nothing written yet
            throw e;
        }
        return lock;
    }

    /** The staging folder of a run: its annotate output, read back by the commit. */
    public Path staging(String runId) {
        return new Path(new Path(new Path(root, ADMIN), "staging"), runId);
    }

    /**
     * Undoes what the run holding {@code lock} committed (restoring each table to its version before the run)
     * and releases the lock: for a run that failed with an exception. When even that fails, the lock stays and
     * the next writer undoes the run.
     */
    public void abort(WriterLock lock, Throwable cause) {
        try {
            undo(lock.holder().runId(), lock.holder().versions());
            lock.close();
            cleanUp(lock.holder().runId());
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            lock.abandon();
            LOG.error("Could not undo run {} ({}); the next run will", lock.holder().runId(), e.toString());
        }
    }

    /** Deletes a run's staging folder once everything is committed. */
    public void cleanUp(String runId) {
        try {
            fs.delete(staging(runId), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean committed(String runId) {
        return exists(Table.RUNS) && !read(Table.RUNS).filter(col("run_id").equalTo(runId)).isEmpty();
    }

    /**
     * Restores each Delta table changed since {@code versions} to it (-1: removes a table created since). The
     * tables are independent, so they are restored at once, one thread each: a RESTORE is several small Spark jobs.
     */
    private void undo(String runId, Map<String, Long> versions) {
        List<Runnable> restores = new ArrayList<>();
        for (Map.Entry<String, Long> e : versions.entrySet()) {
            Table table = Table.byName(e.getKey()).orElseThrow();
            long before = e.getValue();
            long now = version(table);
            if (now <= before) {
                continue;
            }
            restores.add(() -> {
                if (before < 0) {
                    LOG.warn("Undoing run {}: removing {} (it created it)", runId, table.tableName());
                    delete(location(table));
                } else {
                    LOG.warn("Undoing run {}: restoring {} to version {} (was {})", runId, table.tableName(), before, now);
                    DeltaTable.forPath(spark, location(table).toString()).restoreToVersion(before);
                }
            });
        }
        inParallel(restores, "undoing run " + runId);
    }

    private void checkWritable() {
        Path probe = new Path(new Path(root, ADMIN), ".probe-" + java.util.UUID.randomUUID());
        try {
            fs.mkdirs(probe.getParent());
            fs.create(probe, false).close();
            fs.delete(probe, false);
        } catch (IOException | RuntimeException e) {
            throw new UserError("cannot write to the warehouse " + root + " (" + e.getMessage() + "): give --warehouse a"
                    + " folder you can write to");
        }
    }

    private void checkFreeSpace(long expectedBytes) {
        long needed = expectedBytes + FREE_SPACE_FLOOR;
        try {
            FsStatus status = fs.getStatus(root);
            long free = status.getRemaining();
            if (free > 0 && free < needed) {
                throw new UserError(String.format("only %d MB free on the warehouse's file system (%s); this run needs about"
                        + " %d MB: free some space or give another --warehouse", free >> 20, root, (needed >> 20) + 1));
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Free space of {} unknown: {}", root, e.toString());
        }
    }

    /** Fact and log tables written as plain Parquet by versions before Delta become Delta tables in place. */
    private void upgradeParquetTables() {
        delete(new Path(root, "_staging")); // staging of the version before Delta: never committed
        for (Table t : Table.values()) {
            try {
                Path dir = location(t);
                if (!isDelta(t) || exists(t) || !fs.exists(dir) || fs.listStatus(dir).length == 0) {
                    continue;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LOG.warn("Converting {} from plain Parquet to a Delta table in place (one time)", t.tableName());
            String partitions = t.partitioned() ? MONTH + " STRING" : null;
            String id = "parquet.`" + location(t) + "`";
            if (partitions == null) {
                DeltaTable.convertToDelta(spark, id);
            } else {
                DeltaTable.convertToDelta(spark, id, partitions);
            }
        }
    }

    /**
     * Columns a newer version declares that an existing Delta table lacks are added to it (metadata only: the
     * older rows read them as null), so that a run's MERGE can write them. Columns are only ever added.
     */
    private void addNewColumns() {
        for (Table t : Table.values()) {
            if (!isDelta(t) || !exists(t)) {
                continue;
            }
            Set<String> present = Set.of(spark.read().format("delta").load(location(t).toString()).columns());
            List<String> added = new ArrayList<>();
            for (StructField f : t.schema().fields()) {
                if (!present.contains(f.name())) {
                    added.add(f.name() + " " + f.dataType().sql() + " COMMENT '"
                            + f.getComment().getOrElse(() -> "").replace("\\", "\\\\").replace("'", "\\'") + "'");
                }
            }
            if (!added.isEmpty()) {
                LOG.info("Adding the columns {} to {} (written by an earlier version)", added.stream()
                        .map(a -> a.substring(0, a.indexOf(' '))).toList(), t.tableName());
                spark.sql("ALTER TABLE delta.`" + location(t) + "` ADD COLUMNS (" + String.join(", ", added) + ")");
            }
        }
    }

    // ---- commits

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

    /** The fact tables in commit order: {@code articles} last, so that an article is done only when all its rows are in. */
    static final List<Table> FACT_COMMIT_ORDER = List.of(Table.REGION_MENTIONS, Table.ACTOR_MENTIONS,
            Table.TERRITORIAL_FIGURES, Table.ARTICLES);

    /**
     * Commits a run's fact rows: {@code staged} holds the annotated articles (staging schema); {@code replaced}
     * (one column, article_id) the warehouse articles they replace. Per table one Delta MERGE removes the rows of
     * every article of the run and of the replaced ones, and inserts the run's: a re-run converges to the same
     * rows whatever an earlier run left. Returns each table's version after its commit.
     */
    public Map<String, Long> commitFacts(Dataset<Row> staged, Dataset<Row> replaced) {
        Dataset<Row> gone = staged.select("article_id").unionByName(replaced.select("article_id")).distinct();
        Set<String> months = new TreeSet<>();
        staged.select(MONTH).distinct().collectAsList().forEach(r -> months.add(r.getAs(MONTH)));
        read(Table.ARTICLES).join(replaced, "article_id").select(MONTH).distinct().collectAsList()
                .forEach(r -> months.add(r.getAs(MONTH)));
        Map<String, Long> versions = new java.util.concurrent.ConcurrentHashMap<>();
        // The mention tables are independent: committed at once (a MERGE of a small run is mostly driver work),
        // then articles, which says the articles are done.
        List<Runnable> mentions = new ArrayList<>();
        for (Table table : FACT_COMMIT_ORDER) {
            Runnable commit = () -> {
                FaultPoints.reach("before:" + table.tableName());
                mergeByArticle(table, project(staged, table), gone, months);
                versions.put(table.tableName(), version(table));
                FaultPoints.reach("after:" + table.tableName());
            };
            if (table == Table.ARTICLES) {
                inParallel(mentions, "committing the mention tables");
                commit.run();
            } else {
                mentions.add(commit);
            }
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        FACT_COMMIT_ORDER.forEach(t -> ordered.put(t.tableName(), versions.get(t.tableName())));
        return ordered;
    }

    /** Runs independent table operations at once, one thread each; the first failure is rethrown. */
    private static void inParallel(List<Runnable> tasks, String what) {
        if (tasks.isEmpty()) {
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(tasks.size());
        try {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            tasks.forEach(t -> running.add(pool.submit(t)));
            for (java.util.concurrent.Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(what, e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void mergeByArticle(Table table, Dataset<Row> rows, Dataset<Row> gone, Set<String> months) {
        String path = location(table).toString();
        if (!exists(table)) {
            // One file per month and run keeps tables readable by BI tools (no swarm of tiny files).
            rows.repartition(col(MONTH)).write().format("delta").mode(SaveMode.Append).partitionBy(MONTH).save(path);
            return;
        }
        // One source for both: rows to insert, and the ids whose rows go (their other columns null).
        Dataset<Row> source = rows.withColumn("_op", lit("insert"))
                .unionByName(gone.withColumn("_op", lit("delete")), true);
        // The months literal lets Delta read only the partitions this run touches when it looks for matches.
        String inMonths = months.isEmpty() ? "false" : "t." + MONTH + " IN ("
                + months.stream().map(m -> "'" + m.replace("'", "") + "'").collect(Collectors.joining(", ")) + ")";
        Map<String, String> insert = new LinkedHashMap<>();
        for (String c : table.schema().fieldNames()) {
            insert.put(c, "s." + c);
        }
        DeltaTable.forPath(spark, path).as("t")
                .merge(source.as("s"), "s._op = 'delete' AND " + inMonths + " AND t.article_id = s.article_id")
                .whenMatched().delete()
                .whenNotMatched("s._op = 'insert'").insertExpr(insert)
                .execute();
    }

    /** Appends rows to a log table (quarantine, runs) in one commit; returns its version after. */
    public long appendLog(Table table, Dataset<Row> rows) {
        FaultPoints.reach("before:" + table.tableName());
        if (!rows.isEmpty() || !exists(table)) {
            shape(table, rows).coalesce(1).write().format("delta").mode(SaveMode.Append)
                    .option("mergeSchema", "true").save(location(table).toString());
        }
        FaultPoints.reach("after:" + table.tableName());
        return version(table);
    }

    /** Replaces a log table's rows whole, in one commit (the reader sees the old or the new, never neither). */
    public long replaceLog(Table table, Dataset<Row> rows) {
        FaultPoints.reach("before:" + table.tableName());
        shape(table, rows).coalesce(1).write().format("delta").mode(SaveMode.Overwrite)
                .option("overwriteSchema", "true").save(location(table).toString());
        FaultPoints.reach("after:" + table.tableName());
        return version(table);
    }

    /**
     * Replaces an aggregate table whole: written under {@code _frontline/next}, then swapped in by two renames.
     * A crash between them leaves the table missing for a moment; the next writer finishes the swap
     * ({@link #finishAggregateSwaps}).
     */
    public void replaceAggregate(Table table, Dataset<Row> rows) {
        Path next = new Path(new Path(new Path(root, ADMIN), "next"), table.tableName());
        Path old = new Path(new Path(new Path(root, ADMIN), "old"), table.tableName());
        shape(table, rows).coalesce(1).write().mode(SaveMode.Overwrite).parquet(next.toString());
        try {
            delete(old);
            fs.mkdirs(old.getParent());
            if (fs.exists(location(table)) && !fs.rename(location(table), old)) {
                throw new IOException("cannot move " + location(table) + " aside");
            }
            FaultPoints.reach("swap:" + table.tableName());
            if (!fs.rename(next, location(table))) {
                throw new IOException("cannot move " + next + " to " + location(table));
            }
            delete(old);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Completes aggregate swaps a dead run left half-done: the complete new table, else the old one, goes back. */
    private void finishAggregateSwaps() {
        for (Table t : Table.values()) {
            if (t.kind() != Table.Kind.AGGREGATE) {
                continue;
            }
            Path next = new Path(new Path(new Path(root, ADMIN), "next"), t.tableName());
            Path old = new Path(new Path(new Path(root, ADMIN), "old"), t.tableName());
            try {
                if (!fs.exists(location(t))) {
                    Path back = fs.exists(new Path(next, "_SUCCESS")) ? next : fs.exists(old) ? old : null;
                    if (back != null) {
                        LOG.warn("Finishing a swap of {} a run left half-done", t.tableName());
                        fs.rename(back, location(t));
                    }
                }
                delete(next);
                delete(old);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Dataset<Row> shape(Table table, Dataset<Row> rows) {
        return rows.select(Arrays.stream(table.schema().fieldNames()).map(n -> col(n)).toArray(Column[]::new));
    }

    /** Removes staging folders: of every run but {@code keep} (null: all), which can only be dead runs'. */
    private void removeStaging(String keep) {
        Path dir = staging("x").getParent();
        try {
            if (!fs.exists(dir)) {
                return;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                if (!s.getPath().getName().equals(keep)) {
                    LOG.info("Removing {}: staging of a run that did not finish", s.getPath());
                    fs.delete(s.getPath(), true);
                }
            }
        } catch (FileNotFoundException e) {
            // gone already
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(Path p) {
        try {
            fs.delete(p, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
