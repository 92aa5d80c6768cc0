package org.frontline.job;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.frontline.tables.Table;
import org.frontline.tables.Warehouse;

/** Registers a warehouse's tables by name in a Spark session, so that queries need no paths. */
public final class Catalog {
    private Catalog() {
    }

    /** Registers the fact tables (empty ones included, so that queries over them still run). */
    static void registerFacts(SparkSession spark, Warehouse warehouse) {
        for (Table t : Table.values()) {
            if (t.kind() == Table.Kind.FACT) {
                warehouse.read(t).createOrReplaceTempView(t.tableName());
            }
        }
    }

    /**
     * Registers every table as a temporary view (an empty one when it holds no data yet, so that queries
     * still run); returns the names of those holding data.
     */
    public static List<String> registerAll(SparkSession spark, Warehouse warehouse) {
        List<String> names = new ArrayList<>();
        for (Table t : Table.values()) {
            warehouse.read(t).createOrReplaceTempView(t.tableName());
            if (warehouse.exists(t)) {
                names.add(t.tableName());
            }
        }
        return names;
    }

    /**
     * Creates each existing table in the session's catalog as an external table at its location, Delta or Parquet (for a
     * shared metastore: spark-sql, a Thrift server or a BI connection then see them by name).
     */
    public static List<String> createExternalTables(SparkSession spark, Warehouse warehouse, String database) {
        List<String> names = new ArrayList<>();
        spark.sql("CREATE DATABASE IF NOT EXISTS `" + database + "`");
        for (Table t : Table.values()) {
            if (!warehouse.exists(t)) {
                continue;
            }
            String name = "`" + database + "`.`" + t.tableName() + "`";
            if (t.kind() != Table.Kind.AGGREGATE) {
                // A Delta table carries its own schema and partitioning in its log.
                spark.sql("CREATE TABLE IF NOT EXISTS " + name + " USING delta COMMENT '"
                        + t.description().replace("'", "\\'") + "' LOCATION '" + warehouse.location(t) + "'");
                names.add(database + "." + t.tableName());
                continue;
            }
            StringBuilder cols = new StringBuilder();
            for (var f : t.schema().fields()) {
                if (cols.length() > 0) {
                    cols.append(", ");
                }
                cols.append('`').append(f.name()).append("` ").append(f.dataType().sql())
                        .append(" COMMENT '").append(f.getComment().getOrElse(() -> "").replace("'", "\\'")).append('\'');
            }
            spark.sql("CREATE TABLE IF NOT EXISTS " + name + " (" + cols + ") USING parquet"
                    + (t.partitioned() ? " PARTITIONED BY (published_month)" : "")
                    + " COMMENT '" + t.description().replace("'", "\\'") + "'"
                    + " LOCATION '" + warehouse.location(t) + "'");
            if (t.partitioned()) {
                spark.sql("MSCK REPAIR TABLE " + name);
            }
            names.add(database + "." + t.tableName());
        }
        return names;
    }
}
