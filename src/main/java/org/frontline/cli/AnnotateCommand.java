package org.frontline.cli;

import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.frontline.job.AnnotateJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code frontline annotate}: dumps → fact tables. */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = "Read dumps, annotate them with CoreNLP and add them to the fact tables of the warehouse.")
final class AnnotateCommand implements Callable<Integer> {
    @Mixin
    AnnotateOptions options;

    @Override
    public Integer call() {
        AnnotateJob.Options job = options.toJobOptions();
        SparkSession spark = Sessions.start("frontline annotate");
        Summary.printRun(AnnotateJob.run(spark, job));
        return 0;
    }
}
