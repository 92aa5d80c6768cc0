package org.frontline.job;

import java.time.Instant;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.frontline.claims.ClaimsStage;
import org.frontline.UserError;
import org.frontline.tables.Aggregates;
import org.frontline.tables.Table;
import org.frontline.tables.Warehouse;
import org.frontline.tables.WriterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregate job: rebuilds every aggregate table from the fact tables with Spark SQL. Cheap (no NLP), so it
 * rebuilds whole rather than incrementally; run it after annotate runs, or to add an aggregate.
 */
public final class AggregateJob {
    private static final Logger LOG = LoggerFactory.getLogger(AggregateJob.class);

    private AggregateJob() {
    }

    /**
     * How the aggregates are built: media in the actor aggregates or not; the claims ledger's value tolerance
     * (relative) and time window (days).
     */
    public record Options(boolean includeMedia, double claimTolerance, int claimWindowDays) {
        /** Media left out; values within 5%; reports within 14 days of each other. */
        public static Options defaults() {
            return new Options(false, 0.05, 14);
        }
    }

    /** Rebuilds the aggregates of the warehouse at {@code location}. */
    public static void run(SparkSession spark, String location, Options options) {
        Warehouse warehouse = new Warehouse(spark, location);
        if (!warehouse.exists(Table.ARTICLES)) {
            throw new UserError("no articles table in " + warehouse.root() + ": run the annotate job first (jobs/annotate)");
        }
        String runId = "aggregate-" + Instant.now().toEpochMilli();
        // Aggregates read one consistent version of the facts: no annotate run commits meanwhile.
        try (WriterLock lock = warehouse.lock(runId, 0)) {
            Catalog.registerFacts(spark, warehouse);
            for (Map.Entry<Table, String> e : Aggregates.queries(options.includeMedia()).entrySet()) {
                long start = System.nanoTime();
                warehouse.replaceAggregate(e.getKey(), spark.sql(e.getValue()));
                LOG.info("Rebuilt {} in {} s", e.getKey().tableName(), String.format("%.1f", (System.nanoTime() - start) / 1e9));
            }
            long start = System.nanoTime();
            Dataset<Row> figures = spark.sql("SELECT f.*, a.source FROM territorial_figures f JOIN articles a USING (article_id)");
            warehouse.replaceAggregate(Table.TERRITORIAL_CLAIMS,
                    ClaimsStage.claims(figures, options.claimTolerance(), options.claimWindowDays()));
            LOG.info("Rebuilt {} in {} s", Table.TERRITORIAL_CLAIMS.tableName(), String.format("%.1f", (System.nanoTime() - start) / 1e9));
            ReportJob.refreshBiFile(spark, warehouse);
        }
    }
}
