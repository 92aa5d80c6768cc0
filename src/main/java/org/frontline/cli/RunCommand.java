package org.frontline.cli;

import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.frontline.job.AggregateJob;
import org.frontline.job.AnnotateJob;
import org.frontline.job.ReportJob;
import org.frontline.report.ReportQueries;
import org.frontline.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code frontline run}: annotate, aggregate, then a short summary from Spark SQL. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Annotate the dumps, rebuild the aggregates, print a summary and write the report: annotate +"
                + " aggregate + report in one session.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    AnnotateOptions options;

    @Option(names = "--no-summary", description = "Do not print the summary of the warehouse at the end")
    boolean noSummary;

    @Option(names = "--no-report", description = "Do not write the HTML report and the BI file at the end")
    boolean noReport;

    @Mixin
    AggregateOptions aggregate;

    @Override
    public Integer call() {
        AnnotateJob.Options job = options.toJobOptions();
        SparkSession spark = Sessions.start("frontline run");
        AnnotateJob.RunStats stats = AnnotateJob.run(spark, job);
        AggregateJob.run(spark, job.warehouse(), aggregate.toJobOptions());
        Summary.printRun(stats);
        Warehouse warehouse = new Warehouse(spark, job.warehouse());
        if (!noSummary) {
            Summary.printWarehouse(spark, warehouse);
        }
        if (!noReport) {
            ReportCommand.print(ReportJob.run(spark, warehouse, new ReportJob.Options(ReportJob.defaultReport(warehouse),
                    ReportJob.defaultBiFile(warehouse), ReportQueries.Limits.defaults())));
        }
        return 0;
    }
}
