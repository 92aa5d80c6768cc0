package org.frontline.tables;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RowShapeTest {
    private static final StructType POINT = new StructType().add("name", StringType).add("lat", DoubleType);
    private static final StructType SCHEMA = new StructType()
            .add("id", StringType)
            .add("day", DateType)
            .add("at", TimestampType)
            .add("count", IntegerType)
            .add("total", LongType)
            .add("tags", createArrayType(StringType))
            .add("counts", createMapType(StringType, LongType))
            .add(new StructField("points", createArrayType(POINT), false, Metadata.empty()));
    private static final RowShape SHAPE = RowShape.of(SCHEMA);
    private static final RowShape POINT_SHAPE = RowShape.of(POINT);

    private static RowShape.Builder allButPoints() {
        return SHAPE.newRow()
                .set("counts", Map.of("a", 1L))
                .set("tags", List.of("x", "y"))
                .set("total", 7L)
                .set("count", 3)
                .set("at", Instant.parse("2024-08-07T10:15:30Z"))
                .set("day", LocalDate.of(2024, 8, 7))
                .set("id", "a-1");
    }

    @Test
    void columnsSetInAnyOrderLandInSchemaOrder() {
        Row row = allButPoints().set("points", List.of()).build();

        assertThat(row.getString(0)).isEqualTo("a-1");
        assertThat(row.getInt(3)).isEqualTo(3);
        assertThat(row.getLong(4)).isEqualTo(7L);
        assertThat(row.schema()).isSameAs(SCHEMA);
    }

    @Test
    void domainValuesBecomeWhatSparksRowEncoderTakes() {
        Row point = POINT_SHAPE.newRow().set("name", "Sudzha").set("lat", 51.19).build();
        Row row = allButPoints().set("points", List.of(point)).build();

        assertThat(row.get(1)).isEqualTo(Date.valueOf("2024-08-07"));
        assertThat(row.get(2)).isEqualTo(Timestamp.from(Instant.parse("2024-08-07T10:15:30Z")));
        assertThat(row.get(5)).isInstanceOf(scala.collection.immutable.Seq.class);
        assertThat(row.get(6)).isInstanceOf(scala.collection.Map.class);
        assertThat(row.get(7)).isInstanceOf(scala.collection.immutable.Seq.class);
    }

    @Test
    void aRowReadsBackByName() {
        Row point = POINT_SHAPE.newRow().set("name", "Sudzha").set("lat", 51.19).build();
        Row row = allButPoints().set("points", List.of(point)).build();

        assertThat(SHAPE.getString(row, "id")).isEqualTo("a-1");
        assertThat(SHAPE.getLocalDate(row, "day")).isEqualTo(LocalDate.of(2024, 8, 7));
        assertThat(SHAPE.getInt(row, "count")).isEqualTo(3);
        assertThat(SHAPE.getLong(row, "total")).isEqualTo(7L);
        assertThat(row.<String>getList(SHAPE.position("tags"))).containsExactly("x", "y");
        assertThat(row.<String, Long>getJavaMap(SHAPE.position("counts"))).containsExactly(Map.entry("a", 1L));
        Row p = row.<Row>getList(SHAPE.position("points")).get(0);
        assertThat(POINT_SHAPE.getString(p, "name")).isEqualTo("Sudzha");
        assertThat(POINT_SHAPE.getDouble(p, "lat")).isEqualTo(51.19);
    }

    @Test
    void aCollectionBecomesAnArrayInItsIterationOrder() {
        Row row = RowShape.of(new StructType().add("tags", createArrayType(StringType))).newRow()
                .set("tags", new TreeSet<>(List.of("b", "a"))).build();

        assertThat(row.<String>getList(0)).containsExactly("a", "b");
    }

    @Test
    void nullsAreValuesOfNullableColumns() {
        Row row = SHAPE.newRow().set("id", null).set("day", null).set("at", null).set("count", null).set("total", null)
                .set("tags", null).set("counts", null).set("points", List.of()).build();

        assertThat(SHAPE.isNullAt(row, "day")).isTrue();
        assertThat(SHAPE.getLocalDate(row, "day")).isNull();
    }

    @Test
    void aColumnNotSetFailsNamingIt() {
        assertThatThrownBy(() -> allButPoints().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("columns not set: [points]");
    }

    @Test
    void anUnknownColumnFailsNamingTheColumnsThereAre() {
        assertThatThrownBy(() -> allButPoints().set("pionts", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'pionts' in [id, day, at, count, total, tags, counts, points]");
    }

    @Test
    void aColumnSetTwiceFails() {
        assertThatThrownBy(() -> allButPoints().set("id", "a-2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("column 'id' set twice");
    }

    @Test
    void aValueOfAnotherTypeFailsNamingTheColumnAndItsType() {
        // An int where the table has a bigint: Spark's encoder would fail the job on an executor.
        assertThatThrownBy(() -> SHAPE.newRow().set("total", 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 'total' is bigint: got java.lang.Integer 7");
        assertThatThrownBy(() -> SHAPE.newRow().set("day", "2024-08-07"))
                .hasMessageContaining("column 'day' is date");
    }

    @Test
    void aNullInANonNullableColumnFails() {
        assertThatThrownBy(() -> SHAPE.newRow().set("points", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 'points' is not nullable");
    }

    @Test
    void aBuiltRowCannotBeChangedThroughItsBuilder() {
        RowShape.Builder builder = allButPoints().set("points", List.of());
        builder.build();

        assertThatThrownBy(() -> builder.set("id", "a-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readingAnUnknownColumnFails() {
        Row row = allButPoints().set("points", List.of()).build();

        assertThatThrownBy(() -> SHAPE.getString(row, "title"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'title'");
    }

    @Test
    void everyTableBuildsRowsByName() {
        for (Table t : Table.values()) {
            assertThatThrownBy(() -> t.newRow().build()).as(t.tableName())
                    .hasMessageContaining("columns not set: " + List.of(t.schema().fieldNames()));
        }
    }
}
