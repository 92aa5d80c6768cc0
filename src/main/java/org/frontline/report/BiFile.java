package org.frontline.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;
import org.frontline.UserError;
import org.frontline.tables.Table;

/**
 * The one-file BI connection: a DuckDB database holding one view per warehouse table, by the names {@code jobs/sql}
 * registers them, with the tables' and columns' descriptions as comments. Superset (duckdb-engine), Metabase (its
 * DuckDB driver), Tableau and Power BI (DuckDB's ODBC or JDBC driver) open the one file and see every table.
 *
 * <p>The views read the warehouse's Parquet files in place; nothing is copied. Aggregates are plain Parquet folders,
 * so their views read the folder and always see its latest rebuild. A fact or log table is a Delta table, whose
 * folder also holds files of older versions: its view reads exactly the files of the table's current version
 * (as Delta lists them), which keeps it offline (no DuckDB extension to download) and consistent; every run and
 * every aggregate rebuild rewrites the file, so the views follow the warehouse. The file is written in DuckDB's
 * 1.0 storage format, which every DuckDB since 1.0 opens (BI drivers trail DuckDB's releases), and replaced by a
 * rename, so that a BI tool holding the old file open keeps a consistent view.
 */
public final class BiFile {
    /** Its name in the warehouse's folder. */
    public static final String FILE_NAME = "frontline.duckdb";
    private static final String DRIVER = "org.duckdb.DuckDBDriver";
    private static final String STORAGE_VERSION = "v1.0.0";

    private BiFile() {
    }

    /** Where one table's rows are: Parquet files or a glob of them; none when the table holds no data yet. */
    public record TableFiles(Table table, List<String> paths) {
    }

    /**
     * Writes the database file {@code out} with one view per table over {@code files} (every table of
     * {@link Table}, in that order); returns the views' names.
     */
    public static List<String> write(Path out, List<TableFiles> files) {
        Path tmp = out.resolveSibling("." + out.getFileName() + ".tmp");
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + ".wal"));
            List<String> names = new ArrayList<>();
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute("ATTACH " + literal(tmp.toAbsolutePath().toString()) + " AS bi (STORAGE_VERSION '"
                        + STORAGE_VERSION + "')");
                st.execute("USE bi");
                for (TableFiles tf : files) {
                    Set<String> present = tf.paths().isEmpty() ? Set.of() : columnsIn(st, reader(tf.paths()));
                    for (String sql : viewStatements(tf, present)) {
                        st.execute(sql);
                    }
                    names.add(tf.table().tableName());
                }
                st.execute("USE memory");
                st.execute("DETACH bi");
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the BI file " + out + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The statements defining {@code tf}'s view: its declared columns in order (a column no file has yet, added by
     * a later version, reads as null), then the comments. Pure: {@code present} are the columns the files hold.
     */
    static List<String> viewStatements(TableFiles tf, Set<String> present) {
        Table t = tf.table();
        List<String> cols = new ArrayList<>();
        for (StructField f : t.schema().fields()) {
            String type = duckType(f.dataType());
            cols.add((present.contains(f.name()) ? "CAST(" + ident(f.name()) + " AS " + type + ")"
                    : "CAST(NULL AS " + type + ")") + " AS " + ident(f.name()));
        }
        String from = tf.paths().isEmpty() ? " WHERE false" : " FROM " + reader(tf.paths());
        List<String> sql = new ArrayList<>();
        sql.add("CREATE OR REPLACE VIEW " + ident(t.tableName()) + " AS SELECT " + String.join(", ", cols) + from);
        sql.add("COMMENT ON VIEW " + ident(t.tableName()) + " IS " + literal(t.description()));
        for (StructField f : t.schema().fields()) {
            sql.add("COMMENT ON COLUMN " + ident(t.tableName()) + "." + ident(f.name()) + " IS "
                    + literal(f.getComment().getOrElse(() -> "")));
        }
        return sql;
    }

    /** DuckDB's reader of those files: partition folders (published_month=…) give their column by name. */
    static String reader(List<String> paths) {
        return "read_parquet([" + paths.stream().map(BiFile::literal).collect(Collectors.joining(", "))
                + "], hive_partitioning = true, union_by_name = true)";
    }

    /** DuckDB's type for a column of the warehouse's schemas. */
    static String duckType(DataType t) {
        if (t instanceof StringType) {
            return "VARCHAR";
        } else if (t instanceof IntegerType) {
            return "INTEGER";
        } else if (t instanceof LongType) {
            return "BIGINT";
        } else if (t instanceof DoubleType) {
            return "DOUBLE";
        } else if (t instanceof BooleanType) {
            return "BOOLEAN";
        } else if (t instanceof DateType) {
            return "DATE";
        } else if (t instanceof TimestampType) {
            return "TIMESTAMP"; // UTC, as every time of the warehouse
        } else if (t instanceof ArrayType a) {
            return duckType(a.elementType()) + "[]";
        } else if (t instanceof MapType m) {
            return "MAP(" + duckType(m.keyType()) + ", " + duckType(m.valueType()) + ")";
        }
        throw new IllegalArgumentException("no DuckDB type for " + t);
    }

    private static Set<String> columnsIn(Statement st, String reader) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + reader)) {
            while (rs.next()) {
                names.add(rs.getString("column_name"));
            }
        }
        return names;
    }

    private static Connection connect() throws SQLException {
        try {
            Class.forName(DRIVER);
        } catch (ClassNotFoundException e) {
            throw new UserError("DuckDB's JDBC driver is not on the driver's class path: run the job through jobs/"
                    + " (it adds the one Maven resolved), or give spark-submit --driver-class-path duckdb_jdbc.jar");
        }
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
