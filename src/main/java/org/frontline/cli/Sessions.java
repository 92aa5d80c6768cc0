package org.frontline.cli;

import org.apache.spark.sql.SparkSession;
import org.frontline.tables.Warehouse;

/**
 * The Spark session of a command: configured by spark-submit (jobs/), never with a master set in code; only the
 * Delta Lake wiring the warehouse cannot work without is set here, so that a site's own spark-submit needs no flag.
 */
final class Sessions {
    private Sessions() {
    }

    static SparkSession start(String appName) {
        return Warehouse.withDelta(SparkSession.builder().appName(appName)).getOrCreate();
    }
}
