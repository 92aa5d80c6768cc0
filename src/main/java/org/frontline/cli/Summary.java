package org.frontline.cli;

import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.frontline.job.AnnotateJob;
import org.frontline.job.Catalog;
import org.frontline.tables.Warehouse;

/** The short report a user reads after a run: the counts, then what the warehouse holds, from Spark SQL. */
final class Summary {
    private Summary() {
    }

    static void printRun(AnnotateJob.RunStats s) {
        System.out.printf("%nRun %s: %,d records read = %,d annotated + %,d duplicates (%,d already in the warehouse)"
                        + " + %,d in other languages + %,d web archive records without an article + %,d quarantined;"
                        + " %,d tokens; %,d sentences with figures through the parser (%,d of them through SUTime);"
                        + " %,d warehouse articles replaced%n",
                s.runId(), s.recordsRead(), s.annotated(), s.duplicates(), s.alreadyInWarehouse(), s.otherLanguage(),
                s.skipped(), s.quarantined(), s.tokens(), s.cascadeSentences(), s.sutimeSentences(), s.replaced());
    }

    static void printWarehouse(SparkSession spark, Warehouse warehouse) {
        List<String> tables = Catalog.registerAll(spark, warehouse);
        section(spark, tables, "region_mentions_monthly", "Top regions", """
                SELECT region_name, region_type, SUM(mentions) AS mentions, SUM(articles) AS articles
                FROM region_mentions_monthly GROUP BY region_name, region_type ORDER BY mentions DESC, region_name LIMIT 10""");
        section(spark, tables, "actor_mentions_monthly", "Top actors", """
                SELECT actor_name, actor_type, SUM(mentions) AS mentions, SUM(articles) AS articles
                FROM actor_mentions_monthly GROUP BY actor_name, actor_type ORDER BY mentions DESC, actor_name LIMIT 10""");
        section(spark, tables, "territorial_figures", "Territorial figures", """
                SELECT published_date, quantity, kind, value_min, value_max, normalized_unit, qualifier, surface
                FROM territorial_figures ORDER BY published_date, article_id, field, char_begin LIMIT 20""");
        section(spark, tables, "quarantine", "Quarantine (this warehouse)", """
                SELECT reason, COUNT(*) AS records FROM quarantine GROUP BY reason ORDER BY records DESC""");
        System.out.println("Tables under " + warehouse.root() + " (facts and logs: Delta Lake; aggregates: Parquet):");
        System.out.println("  " + String.join(", ", tables));
        System.out.println("Query them by name: jobs/sql \"SELECT * FROM region_mentions_daily ORDER BY mentions DESC LIMIT 20\"");
    }

    private static void section(SparkSession spark, List<String> tables, String table, String title, String sql) {
        System.out.println();
        System.out.println(title + ":");
        if (!tables.contains(table)) {
            System.out.println("  (none)");
            return;
        }
        spark.sql(sql).show(20, 60);
    }
}
