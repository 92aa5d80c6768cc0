package org.frontline.tables;

import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A row schema with its columns' positions resolved once, to build and read rows by column name instead of by
 * position (issue #10: a select order in one file had to match {@code getString(0..8)} in another).
 *
 * <p>A row built with {@link #newRow()} must set every column of the schema exactly once, by name, with a value
 * of the column's type; an unknown column, a column set twice or left unset, a value of the wrong type or a null
 * in a non-nullable column fails at once, naming the column. Values are given as the domain has them
 * ({@code LocalDate}, {@code Instant}, {@code java.util.List}, {@code java.util.Map}) and stored as Spark's Row
 * encoder takes them ({@code java.sql.Date}, {@code Timestamp}, Scala {@code Seq} and {@code Map}), so a table
 * is written exactly as from {@code RowFactory} rows in schema order.
 */
public final class RowShape implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a column holds, from its Spark type: decides the values {@code set} takes. */
    private enum Kind {
        STRING(String.class), INT(Integer.class), LONG(Long.class), DOUBLE(Double.class), BOOLEAN(Boolean.class),
        DATE(null), TIMESTAMP(null), ARRAY(null), MAP(null), STRUCT(null);

        private final Class<?> boxed;

        Kind(Class<?> boxed) {
            this.boxed = boxed;
        }

        static Kind of(DataType type) {
            if (type.equals(DataTypes.StringType)) {
                return STRING;
            } else if (type.equals(DataTypes.IntegerType)) {
                return INT;
            } else if (type.equals(DataTypes.LongType)) {
                return LONG;
            } else if (type.equals(DataTypes.DoubleType)) {
                return DOUBLE;
            } else if (type.equals(DataTypes.BooleanType)) {
                return BOOLEAN;
            } else if (type.equals(DataTypes.DateType)) {
                return DATE;
            } else if (type.equals(DataTypes.TimestampType)) {
                return TIMESTAMP;
            } else if (type instanceof ArrayType) {
                return ARRAY;
            } else if (type instanceof MapType) {
                return MAP;
            } else if (type instanceof StructType) {
                return STRUCT;
            }
            throw new IllegalArgumentException("RowShape does not know columns of type " + type.simpleString()
                    + ": add it to RowShape.Kind");
        }
    }

    /** Marks a column not yet set (null is a value). */
    private static final Object UNSET = new Object();

    private final StructType schema;
    private final Map<String, Integer> positions;
    private final Kind[] kinds;

    private RowShape(StructType schema) {
        this.schema = schema;
        StructField[] fields = schema.fields();
        this.positions = new HashMap<>();
        this.kinds = new Kind[fields.length];
        for (int i = 0; i < fields.length; i++) {
            if (positions.put(fields[i].name(), i) != null) {
                throw new IllegalArgumentException("column '" + fields[i].name() + "' twice in " + columns());
            }
            kinds[i] = Kind.of(fields[i].dataType());
        }
    }

    /** The shape of rows of {@code schema} (of a table, of a staging struct, or of the rows a function is given). */
    public static RowShape of(StructType schema) {
        if (schema == null) {
            throw new IllegalArgumentException("rows without a schema cannot be read by column name:"
                    + " read them from a Dataset, or build them with RowShape.newRow()");
        }
        return new RowShape(schema);
    }

    public StructType schema() {
        return schema;
    }

    /** The column names in schema order. */
    public List<String> columns() {
        return Arrays.asList(schema.fieldNames());
    }

    /** The position of {@code column}; fails, naming the columns there are, when there is no such column. */
    public int position(String column) {
        Integer i = positions.get(column);
        if (i == null) {
            throw new IllegalArgumentException("no column '" + column + "' in " + columns());
        }
        return i;
    }

    /** A new, empty row of this shape; set every column once, then {@link Builder#build()}. */
    public Builder newRow() {
        return new Builder();
    }

    /** Fills one row by column name; not reusable once built. */
    public final class Builder {
        private Object[] values = new Object[kinds.length];

        private Builder() {
            Arrays.fill(values, UNSET);
        }

        /** Sets {@code column} to {@code value} (null for none), converted to what Spark's Row encoder takes. */
        public Builder set(String column, Object value) {
            if (values == null) {
                throw new IllegalStateException("row already built; start a new one with newRow()");
            }
            int i = position(column);
            if (values[i] != UNSET) {
                throw new IllegalStateException("column '" + column + "' set twice");
            }
            values[i] = external(i, value);
            return this;
        }

        /** The row, its values in schema order; fails naming the columns not set. */
        public Row build() {
            List<String> unset = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                if (values[i] == UNSET) {
                    unset.add(schema.fields()[i].name());
                }
            }
            if (!unset.isEmpty()) {
                throw new IllegalStateException("columns not set: " + unset + " (of " + columns() + ")");
            }
            Row row = new GenericRowWithSchema(values, schema);
            values = null;
            return row;
        }
    }

    private Object external(int i, Object value) {
        StructField field = schema.fields()[i];
        if (value == null) {
            if (!field.nullable()) {
                throw new IllegalArgumentException("column '" + field.name() + "' is not nullable");
            }
            return null;
        }
        Kind kind = kinds[i];
        if (kind.boxed != null) {
            if (kind.boxed.isInstance(value)) {
                return value;
            }
        } else {
            switch (kind) {
                case DATE:
                    if (value instanceof LocalDate d) {
                        return Date.valueOf(d);
                    } else if (value instanceof Date) {
                        return value;
                    }
                    break;
                case TIMESTAMP:
                    if (value instanceof Instant t) {
                        return Timestamp.from(t);
                    } else if (value instanceof Timestamp) {
                        return value;
                    }
                    break;
                case ARRAY:
                    // Spark's Row encoder takes Scala sequences, not java.util.List, for array columns.
                    if (value instanceof List<?> list) {
                        return scala.jdk.javaapi.CollectionConverters.asScala(list).toSeq();
                    } else if (value instanceof Collection<?> c) {
                        return scala.jdk.javaapi.CollectionConverters.asScala(new ArrayList<>(c)).toSeq();
                    } else if (value instanceof scala.collection.Seq) {
                        return value;
                    }
                    break;
                case MAP:
                    if (value instanceof Map<?, ?> map) {
                        return scala.jdk.javaapi.CollectionConverters.asScala(map);
                    } else if (value instanceof scala.collection.Map) {
                        return value;
                    }
                    break;
                case STRUCT:
                    if (value instanceof Row) {
                        return value;
                    }
                    break;
                default:
                    throw new AssertionError(kind);
            }
        }
        throw new IllegalArgumentException("column '" + field.name() + "' is " + field.dataType().simpleString()
                + ": got " + value.getClass().getName() + " " + value);
    }

    // Reading. Rows must be of this shape: resolve the shape once (per partition, or on the driver from the
    // Dataset's schema), then read each row by column name.

    /** The value of {@code column}, as Spark holds it. */
    public Object get(Row row, String column) {
        return row.get(at(row, column));
    }

    public boolean isNullAt(Row row, String column) {
        return row.isNullAt(at(row, column));
    }

    public String getString(Row row, String column) {
        return row.getString(at(row, column));
    }

    /** An int column's value; fails on null, as {@link Row#getInt} does. */
    public int getInt(Row row, String column) {
        return row.getInt(at(row, column));
    }

    /** A bigint column's value; fails on null, as {@link Row#getLong} does. */
    public long getLong(Row row, String column) {
        return row.getLong(at(row, column));
    }

    /** A double column's value; fails on null, as {@link Row#getDouble} does. */
    public double getDouble(Row row, String column) {
        return row.getDouble(at(row, column));
    }

    /** A date column's value, null when null (Spark gives {@code java.sql.Date}, or LocalDate with the Java 8 API). */
    public LocalDate getLocalDate(Row row, String column) {
        Object v = row.get(at(row, column));
        return v == null ? null : v instanceof LocalDate d ? d : ((Date) v).toLocalDate();
    }

    private int at(Row row, String column) {
        int i = position(column);
        if (row.length() != kinds.length) {
            throw new IllegalArgumentException("a row of " + row.length() + " values is not of the shape " + columns());
        }
        return i;
    }
}
