package org.frontline.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.frontline.TestSpark;
import org.frontline.tables.Table;
import org.frontline.tables.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A warehouse that loses nothing: jobs/annotate runs in its own process (the real spark-submit) and dies in its
 * commit, by a real {@code kill -9} or a halt at a named step (as kill -9 would: no shutdown hook, no finally;
 * {@link org.frontline.tables.FaultPoints});
 * the next run undoes the dead one and does its work in full. Every table then equals an uninterrupted run's
 * ({@code EXCEPT ALL} both ways, run ids and times aside). A second writer meanwhile stops at once.
 */
class WarehouseCrashIT {
    private static final SparkSession spark = TestSpark.session();
    /** What differs between two runs of the same input: ids, times, table versions. */
    private static final List<String> RUN_COLUMNS = List.of("run_id", "started", "finished", "table_versions");
    private static Path input;
    private static Path reference;

    @BeforeAll
    static void referenceRun() throws Exception {
        Path dir = TestSpark.tempDir("in-crash");
        input = dir.resolve("dump.jsonl");
        Files.writeString(input, String.join("\n",
                json("c-1", "2025-03-02", "Gains near Pokrovsk", "Russian forces have captured 12 square kilometres near"
                        + " Pokrovsk in the Donetsk region, the Russian Defence Ministry said on Sunday."),
                json("c-2", "2025-03-20", "Drones over Kursk", "Ukrainian drones struck a depot 30 km from Kursk, the"
                        + " governor Alexander Khinshtein said."),
                json("c-3", "2025-04-05", "Counter-attack", "Ukraine says it has liberated two villages in the Kharkiv"
                        + " region as its troops pushed 3 km east of Kupiansk."),
                json("c-3-copy", "2025-04-06", "Counter-attack", "Ukraine says it has liberated two villages in the Kharkiv"
                        + " region as its troops pushed 3 km east of Kupiansk."),
                "{\"id\": \"broken\", \"date\": ",
                json("c-4", "2025-04-07", "Talks in Geneva", "Diplomats from Kyiv and Moscow met in Geneva on Monday.")) + "\n");
        reference = TestSpark.tempDir("wh-crash-ref");
        JobProcess.Result ref = annotate(reference, Map.of());
        assertThat(ref.exit()).as(ref.err()).isZero();
    }

    @Test
    void aRunKilledAnywhereInItsCommitIsUndoneAndTheNextRunEqualsAnUninterruptedOne() throws Exception {
        Path wh = TestSpark.tempDir("wh-crash");
        Path lock = wh.resolve("_frontline/writer.lock");

        // A real kill -9 of the spark-submit JVM while it commits.
        JobProcess killed = JobProcess.start(null, Map.of(), "jobs/annotate", input.toString(), "--warehouse", wh.toString());
        assertThat(killed.awaitLog(": committing")).as("the run reached its commit").isTrue();
        Thread.sleep(700);
        assertThat(killed.isAlive()).as("the commit takes longer than the pause before the kill").isTrue();
        killed.kill();
        assertThat(lock).as("a killed run leaves its lock").exists();

        // Then a halt after a mention table (the others committing at the same moment, articles not yet); the run
        // first undoes the killed one. (The --reprocess run below halts after the facts and the quarantine.)
        for (String step : List.of("after:region_mentions")) {
            JobProcess.Result halted = annotate(wh, Map.of("FRONTLINE_JAVA_OPTS", "-Dfrontline.haltAt=" + step));
            assertThat(halted.exit()).as(step + ": " + halted.err()).isEqualTo(137);
            assertThat(halted.err()).contains("Halting at " + step);
        }
        // The last one commits everything and halts before it releases its lock: nothing to undo.
        JobProcess.Result done = annotate(wh, Map.of("FRONTLINE_JAVA_OPTS", "-Dfrontline.haltAt=before:unlock"));
        assertThat(done.exit()).as(done.err()).isEqualTo(137);
        assertThat(done.err()).contains("stopped before it committed; undoing what it wrote");
        assertThat(lock).exists();
        assertSameTables(reference, wh, true);

        // --reprocess, which takes over that lock (its run had committed: nothing to undo), killed after it replaced
        // the facts and the quarantine: undone, then redone in full.
        JobProcess.Result halted = annotate(wh, Map.of("FRONTLINE_JAVA_OPTS", "-Dfrontline.haltAt=after:quarantine"),
                "--reprocess");
        assertThat(halted.exit()).as(halted.err()).isEqualTo(137);
        assertThat(halted.err()).contains("had committed before it stopped; taking over its lock")
                .doesNotContain("undoing what it wrote");
        // A second writer meanwhile stops at once with one line naming the running run, and deletes nothing.
        JobProcess running = JobProcess.start(null, Map.of(), "jobs/annotate", input.toString(), "--warehouse",
                wh.toString(), "--reprocess");
        assertThat(running.awaitLog("Run ")).isTrue();
        assertThat(running.awaitLog(": annotating")).isTrue();
        JobProcess.Result second = annotate(wh, Map.of());
        assertThat(second.exit()).isEqualTo(2);
        assertThat(second.err().lines().filter(l -> l.startsWith("frontline:")).toList()).singleElement().asString()
                .contains("is being written by run ").contains("wait for it to finish");
        JobProcess.Result reprocessed = running.await();
        assertThat(reprocessed.exit()).as(reprocessed.err()).isZero();
        assertSameTables(reference, wh, false);
        assertThat(new Warehouse(spark, wh.toString()).read(Table.RUNS).count()).as("the first run and the reprocess").isEqualTo(2);
    }

    /** Every fact and log table of {@code actual} holds exactly the rows of {@code expected}'s, run columns aside. */
    private static void assertSameTables(Path expected, Path actual, boolean withRuns) {
        Warehouse e = new Warehouse(spark, expected.toString());
        Warehouse a = new Warehouse(spark, actual.toString());
        for (Table t : Table.values()) {
            if (t.kind() == Table.Kind.AGGREGATE || t == Table.RUNS && !withRuns) {
                continue;
            }
            Dataset<Row> want = comparable(e.read(t));
            Dataset<Row> got = comparable(a.read(t));
            assertThat(want.count()).as(t.tableName() + " of the reference run").isPositive();
            assertThat(want.exceptAll(got).collectAsList()).as(t.tableName() + ": rows lost").isEmpty();
            assertThat(got.exceptAll(want).collectAsList()).as(t.tableName() + ": rows added").isEmpty();
        }
    }

    private static Dataset<Row> comparable(Dataset<Row> rows) {
        List<String> keep = new ArrayList<>(Arrays.asList(rows.columns()));
        keep.removeAll(RUN_COLUMNS);
        // Map columns cannot be compared by EXCEPT: the versions map is compared as its sorted entries.
        return rows.selectExpr(keep.stream().map(c -> c.equals("versions") ? "array_sort(map_entries(versions)) AS versions" : "`" + c + "`")
                .toArray(String[]::new));
    }

    private static JobProcess.Result annotate(Path warehouse, Map<String, String> env, String... extra)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("jobs/annotate", input.toString(), "--warehouse", warehouse.toString()));
        cmd.addAll(List.of(extra));
        return JobProcess.start(null, env, cmd.toArray(String[]::new)).await();
    }

    private static String json(String id, String date, String title, String text) {
        return "{\"id\": \"" + id + "\", \"date\": \"" + date + "\", \"title\": \"" + title + "\", \"text\": \"" + text + "\"}";
    }
}
