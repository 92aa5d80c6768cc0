package org.frontline.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.frontline.UserError;
import org.frontline.job.ReportJob;
import org.frontline.report.ReportQueries;
import org.frontline.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code frontline report}: the HTML report of the warehouse and its one-file BI connection (DuckDB). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a self-contained HTML report of the warehouse (claims over time, a map of places, regions"
                + " and actors, runs and quarantine) and a DuckDB file with a view per table for BI tools.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--warehouse", paramLabel = "PATH", defaultValue = "warehouse",
            description = "Warehouse folder (default: ${DEFAULT-VALUE})")
    String warehouse;

    @Option(names = "--out", paramLabel = "FILE", description = "The report (default: report.html in the warehouse's folder)")
    Path out;

    @Option(names = "--bi-file", paramLabel = "FILE",
            description = "The DuckDB file for BI tools (default: " + org.frontline.report.BiFile.FILE_NAME
                    + " in the warehouse's folder, which every run then keeps current)")
    Path biFile;

    @Option(names = "--no-bi-file", description = "Do not write the DuckDB file")
    boolean noBiFile;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Regions and actors shown per month (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--max-claims", paramLabel = "N", defaultValue = "5000",
            description = "Claims shown, the most reported first (default: ${DEFAULT-VALUE})")
    int maxClaims;

    @Option(names = "--places", paramLabel = "N", defaultValue = "400",
            description = "Places on the map per month (default: ${DEFAULT-VALUE})")
    int places;

    @Override
    public Integer call() {
        if (top < 1 || maxClaims < 1 || places < 1) {
            throw new UserError("--top, --max-claims and --places take a number of at least 1");
        }
        SparkSession spark = Sessions.start("frontline report");
        Warehouse wh = new Warehouse(spark, warehouse);
        ReportQueries.Limits defaults = ReportQueries.Limits.defaults();
        ReportQueries.Limits limits = new ReportQueries.Limits(places, top, maxClaims, defaults.linksPerClaim(),
                defaults.quarantineRows());
        Optional<Path> bi = noBiFile ? Optional.empty() : Optional.ofNullable(biFile).or(() -> ReportJob.defaultBiFile(wh));
        ReportJob.Written w = ReportJob.run(spark, wh, new ReportJob.Options(
                out != null ? out : ReportJob.defaultReport(wh), bi, limits));
        print(w);
        return 0;
    }

    /** The lines a user reads at the end: where the report and the BI file are. */
    static void print(ReportJob.Written w) {
        System.out.printf("%nReport: %s (%,d KB; open it in a browser)%n", w.report().toAbsolutePath(), w.reportBytes() / 1024);
        w.biFile().ifPresent(p -> System.out.println("BI file: " + p.toAbsolutePath()
                + " (DuckDB; one view per table: see README, BI tools)"));
    }
}
