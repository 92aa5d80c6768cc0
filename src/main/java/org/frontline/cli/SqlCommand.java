package org.frontline.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.frontline.UserError;
import org.frontline.job.Catalog;
import org.frontline.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code frontline sql}: Spark SQL over the warehouse's tables, registered by name. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a Spark SQL query over the warehouse's tables (registered by name), or an interactive prompt.")
final class SqlCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query; none: read queries from the prompt")
    List<String> query = new ArrayList<>();

    @Option(names = "--warehouse", paramLabel = "PATH", defaultValue = "warehouse",
            description = "Warehouse folder (default: ${DEFAULT-VALUE})")
    String warehouse;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Run the ;-separated queries of FILE")
    Path file;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "50", description = "Rows shown per query (default: ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--create-tables",
            description = "Also create the tables as external Parquet tables in the session's catalog, in --database"
                    + " (with a shared metastore, spark-sql and BI connections then see them by name)")
    boolean createTables;

    @Option(names = "--database", paramLabel = "NAME", defaultValue = "frontline",
            description = "Database of --create-tables (default: ${DEFAULT-VALUE})")
    String database;

    @Override
    public Integer call() throws IOException {
        SparkSession spark = Sessions.start("frontline sql");
        Warehouse wh = new Warehouse(spark, warehouse);
        List<String> tables = Catalog.registerAll(spark, wh);
        if (tables.isEmpty()) {
            throw new UserError("no tables in " + wh.root() + ": run jobs/run (or jobs/annotate) first, or pass --warehouse");
        }
        if (createTables) {
            System.out.println("Created or kept: " + String.join(", ", Catalog.createExternalTables(spark, wh, database)));
        }
        if (file != null) {
            for (String q : Files.readString(file, StandardCharsets.UTF_8).split(";")) {
                if (!q.isBlank()) {
                    show(spark, q);
                }
            }
        } else if (!query.isEmpty()) {
            show(spark, String.join(" ", query));
        } else if (!createTables) {
            prompt(spark, tables);
        }
        return 0;
    }

    private void show(SparkSession spark, String q) {
        spark.sql(q).show(maxRows, false);
    }

    private void prompt(SparkSession spark, List<String> tables) throws IOException {
        System.out.println("Tables: " + String.join(", ", tables));
        System.out.println("End each query with ';'. Ctrl-D or 'exit;' quits.");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder buf = new StringBuilder();
        System.out.print("frontline> ");
        System.out.flush();
        for (String line; (line = in.readLine()) != null; ) {
            buf.append(line).append('\n');
            String text = buf.toString().strip();
            if (text.endsWith(";")) {
                String q = text.substring(0, text.length() - 1).strip();
                buf.setLength(0);
                if (q.equalsIgnoreCase("exit") || q.equalsIgnoreCase("quit")) {
                    break;
                }
                try {
                    if (!q.isEmpty()) {
                        show(spark, q);
                    }
                } catch (Exception e) {
                    // A wrong query is not fatal at a prompt: say why and take the next one.
                    System.out.println("error: " + e.getMessage().lines().findFirst().orElse(e.toString()));
                }
            }
            System.out.print(buf.length() == 0 ? "frontline> " : "        -> ");
            System.out.flush();
        }
        System.out.println();
    }
}
