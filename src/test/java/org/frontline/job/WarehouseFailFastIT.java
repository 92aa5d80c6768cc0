package org.frontline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.frontline.TestSpark;
import org.frontline.UserError;
import org.frontline.tables.Table;
import org.frontline.tables.Warehouse;
import org.junit.jupiter.api.Test;

/**
 * Bad places stop a run at its start with one line that says what to do, before any NLP; a disk that fills
 * during the commit undoes the run and leaves nothing of it visible.
 */
class WarehouseFailFastIT {
    private final SparkSession spark = TestSpark.session();

    @Test
    void anUnwritableWarehouseStopsTheRunAtItsStart() throws Exception {
        Path dump = dump("u-1", "Shelling in Kherson");
        assertThatThrownBy(() -> AnnotateJob.run(spark, AnnotateJobIT.options(Path.of("/proc/frontline-warehouse"),
                List.of(dump.toString()), false)))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("cannot write to the warehouse file:/proc/frontline-warehouse")
                .hasMessageContaining("give --warehouse a folder you can write to");
    }

    @Test
    void anInputOnAFileSystemWithoutItsConnectorStopsTheRunAtItsStart() {
        assertThatThrownBy(() -> AnnotateJob.run(spark, AnnotateJobIT.options(TestSpark.tempDir("wh-s3"),
                List.of("s3a://some-bucket/dumps/2024.jsonl"), false)))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("no file system for input 's3a://some-bucket/dumps/2024.jsonl'")
                .hasMessageContaining("put its connector on the classpath");
    }

    @Test
    void aDiskWithoutRoomStopsTheRunAtItsStart() throws Exception {
        spark.sparkContext().hadoopConfiguration().set("fs." + FullDiskFileSystem.SCHEME + ".impl", FullDiskFileSystem.class.getName());
        spark.sparkContext().hadoopConfiguration().setBoolean("fs." + FullDiskFileSystem.SCHEME + ".impl.disable.cache", true);
        Path dump = dump("f-1", "Shelling in Kherson");
        String warehouse = FullDiskFileSystem.SCHEME + "://" + TestSpark.tempDir("wh-full");
        assertThatThrownBy(() -> AnnotateJob.run(spark, new AnnotateJob.Options(List.of(dump.toString()), warehouse,
                java.util.Optional.empty(), org.frontline.ingest.IngestOptions.defaults(), TestSpark.home().resolve("conf"),
                "default", false, true, 2_000_000, java.util.OptionalInt.empty())))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("only 1 MB free on the warehouse's file system")
                .hasMessageContaining("free some space or give another --warehouse");
    }

    @Test
    void aDiskThatFillsDuringTheCommitUndoesTheRunAndLeavesNothingVisible() throws Exception {
        Path wh = TestSpark.tempDir("wh-fills");
        AnnotateJob.run(spark, AnnotateJobIT.options(wh, List.of(dump("d-1", "Strikes on Odesa").toString()), false));
        Warehouse w = new Warehouse(spark, wh.toString());
        List<List<Row>> before = snapshot(w);

        Path second = dump("d-2", "Shelling in Kharkiv");
        System.setProperty("frontline.failAt", "after:articles");
        try {
            assertThatThrownBy(() -> AnnotateJob.run(spark, AnnotateJobIT.options(wh, List.of(second.toString()), false)))
                    .isInstanceOf(UserError.class)
                    .hasMessageStartingWith("the file system is full (No space left on device")
                    .hasMessageContaining("was undone and left nothing visible");
        } finally {
            System.clearProperty("frontline.failAt");
        }
        assertThat(snapshot(w)).as("every table as before the failed run").isEqualTo(before);
        assertThat(wh.resolve("_frontline/writer.lock")).as("the lock is released").doesNotExist();

        AnnotateJob.RunStats again = AnnotateJob.run(spark, AnnotateJobIT.options(wh, List.of(second.toString()), false));
        assertThat(again.annotated()).isEqualTo(1);
        assertThat(w.read(Table.ARTICLES).count()).isEqualTo(2);
    }

    private static List<List<Row>> snapshot(Warehouse w) {
        return java.util.Arrays.stream(Table.values()).filter(t -> t.kind() != Table.Kind.AGGREGATE)
                .map(t -> {
                    Dataset<Row> rows = w.read(t);
                    String[] cols = java.util.Arrays.stream(rows.columns()).filter(c -> !c.equals("versions")
                            && !c.equals("table_versions") && !c.equals("inputs")).toArray(String[]::new);
                    return rows.selectExpr(cols).orderBy(cols[0], cols).collectAsList();
                }).toList();
    }

    private static Path dump(String id, String title) throws Exception {
        Path dir = TestSpark.tempDir("in-" + id);
        Path file = dir.resolve(id + ".jsonl");
        Files.writeString(file, AnnotateJobIT.json(id, "2025-05-01", title, title + ": Russian drones struck the port of"
                + " Odesa, 40 km from the front, the governor said.") + "\n");
        return file;
    }
}
