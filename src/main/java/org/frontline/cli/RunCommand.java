package org.frontline.cli;

import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.frontline.job.AggregateJob;
import org.frontline.job.AnnotateJob;
import org.frontline.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code frontline run}: annotate, aggregate, then a short summary from Spark SQL. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Annotate the dumps, rebuild the aggregates and print a summary: annotate + aggregate in one session.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    AnnotateOptions options;

    @Option(names = "--no-summary", description = "Do not print the summary of the warehouse at the end")
    boolean noSummary;

    @Mixin
    AggregateOptions aggregate;

    @Override
    public Integer call() {
        AnnotateJob.Options job = options.toJobOptions();
        SparkSession spark = Sessions.start("frontline run");
        AnnotateJob.RunStats stats = AnnotateJob.run(spark, job);
        AggregateJob.run(spark, job.warehouse(), aggregate.toJobOptions());
        Summary.printRun(stats);
        if (!noSummary) {
            Summary.printWarehouse(spark, new Warehouse(spark, job.warehouse()));
        }
        return 0;
    }
}
