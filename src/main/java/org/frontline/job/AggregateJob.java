package org.frontline.job;

import java.time.Instant;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.frontline.UserError;
import org.frontline.tables.Aggregates;
import org.frontline.tables.Table;
import org.frontline.tables.Warehouse;
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

    /** Rebuilds the aggregates of the warehouse at {@code location}; media only with {@code includeMedia}. */
    public static void run(SparkSession spark, String location, boolean includeMedia) {
        Warehouse warehouse = new Warehouse(spark, location);
        if (!warehouse.exists(Table.ARTICLES)) {
            throw new UserError("no articles table in " + warehouse.root() + ": run the annotate job first (jobs/annotate)");
        }
        Catalog.registerFacts(spark, warehouse);
        String runId = "aggregate-" + Instant.now().toEpochMilli();
        for (Map.Entry<Table, String> e : Aggregates.queries(includeMedia).entrySet()) {
            long start = System.nanoTime();
            warehouse.replace(runId, e.getKey(), spark.sql(e.getValue()));
            LOG.info("Rebuilt {} in {} s", e.getKey().tableName(), String.format("%.1f", (System.nanoTime() - start) / 1e9));
        }
        warehouse.cleanUp(runId);
    }
}
