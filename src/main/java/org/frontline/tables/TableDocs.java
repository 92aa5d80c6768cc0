package org.frontline.tables;

import org.apache.spark.sql.types.StructField;

/**
 * The README's documentation of the tables, generated from the declared schemas so that the two cannot drift
 * apart ({@code TableDocsTest} checks the README holds exactly this).
 */
public final class TableDocs {
    private TableDocs() {
    }

    /** Markdown: one section per table with its columns, types and descriptions. */
    public static String markdown() {
        StringBuilder s = new StringBuilder();
        for (Table t : Table.values()) {
            s.append("#### `").append(t.tableName()).append("`\n\n");
            s.append(t.description());
            s.append(Warehouse.isDelta(t) ? " A Delta Lake table" : " Plain Parquet, rebuilt whole by `aggregate`");
            s.append(t.partitioned() ? ", partitioned by `published_month`." : ".");
            s.append("\n\n| column | type | description |\n|---|---|---|\n");
            for (StructField f : t.schema().fields()) {
                s.append("| `").append(f.name()).append("` | ").append(f.dataType().simpleString()).append(" | ")
                        .append(f.getComment().getOrElse(() -> "").replace("|", "\\|")).append(" |\n");
            }
            s.append('\n');
        }
        return s.toString();
    }
}
