package org.frontline.cli;

import org.apache.spark.sql.SparkSession;

/** The Spark session of a command: configured by spark-submit (jobs/), never with a master set in code. */
final class Sessions {
    private Sessions() {
    }

    static SparkSession start(String appName) {
        return SparkSession.builder().appName(appName).getOrCreate();
    }
}
