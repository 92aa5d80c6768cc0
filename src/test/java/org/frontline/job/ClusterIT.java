package org.frontline.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.frontline.TestSpark;
import org.frontline.tables.Table;
import org.frontline.tables.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job on a real Spark standalone cluster on loopback (a Master and two Workers started by jobs/cluster from the
 * Maven jars), submitted by jobs/run as a user would: the same tables as in local mode, and each pipeline loaded
 * once per executor JVM (read from the executors' logs).
 */
class ClusterIT {
    private static final Path CLUSTER_DIR = TestSpark.tempDir("cluster");
    private final SparkSession spark = TestSpark.session();

    @BeforeAll
    static void startCluster() throws Exception {
        assertThat(exec("jobs/cluster", "start", "2")).isZero();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        exec("jobs/cluster", "stop");
    }

    @Test
    void theClusterWritesTheSameTablesAsLocalModeAndLoadsEachPipelineOncePerExecutor() throws Exception {
        Path local = TestSpark.tempDir("wh-local");
        Path cluster = TestSpark.tempDir("wh-cluster");
        assertThat(exec("jobs/run", "data/", "--warehouse", local.toString(), "--no-summary")).isZero();
        assertThat(exec("jobs/run", "--master", "spark://127.0.0.1:17077", "data/", "--warehouse", cluster.toString(),
                "--no-summary")).isZero();

        Warehouse l = new Warehouse(spark, local.toString());
        Warehouse c = new Warehouse(spark, cluster.toString());
        for (Table t : Table.values()) {
            if (t == Table.RUNS) {
                continue;
            }
            assertThat(rows(c.read(t))).as(t.tableName()).isEqualTo(rows(l.read(t)));
        }

        List<Path> executorLogs;
        try (Stream<Path> files = Files.walk(CLUSTER_DIR)) {
            executorLogs = files.filter(p -> p.getFileName().toString().equals("stderr")).toList();
        }
        assertThat(executorLogs).as("one log per executor").hasSizeGreaterThanOrEqualTo(2);
        Pattern load = Pattern.compile("pipeline loaded .*\\(annotators ([^;]+);");
        for (Path log : executorLogs) {
            Map<String, Integer> loads = new HashMap<>();
            for (String line : Files.readAllLines(log)) {
                Matcher m = load.matcher(line);
                if (m.find()) {
                    loads.merge(m.group(1), 1, Integer::sum);
                }
            }
            assertThat(loads).as(log.toString()).isNotEmpty().allSatisfy((annotators, n) -> assertThat(n).isEqualTo(1));
        }
    }

    /** A table's rows as sorted strings, without the columns that name the run. */
    private static List<String> rows(Dataset<Row> df) {
        List<Column> cols = new ArrayList<>();
        for (String name : df.columns()) {
            if (!name.equals("run_id")) {
                cols.add(df.col(name));
            }
        }
        return df.select(cols.toArray(Column[]::new)).collectAsList().stream()
                .map(r -> Arrays.toString(rowValues(r))).sorted().toList();
    }

    private static Object[] rowValues(Row r) {
        Object[] v = new Object[r.size()];
        for (int i = 0; i < r.size(); i++) {
            v[i] = r.get(i);
        }
        return v;
    }

    private static int exec(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.set(0, TestSpark.home().resolve(command[0]).toString());
        Path log = Files.createTempFile("cluster-it", ".log");
        log.toFile().deleteOnExit();
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(TestSpark.home().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove("SPARK_HOME");
        pb.environment().put("SHOW_PROGRESS", "false");
        pb.environment().put("CLUSTER_DIR", CLUSTER_DIR.toString());
        pb.environment().put("MASTER_PORT", "17077");
        pb.environment().put("WEBUI_PORT", "18080");
        pb.environment().put("WORKER_MEMORY", "3g");
        pb.environment().put("EXECUTOR_MEMORY", "2g");
        pb.environment().put("DRIVER_MEMORY", "2g");
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        if (p.exitValue() != 0) {
            System.err.println(Files.readString(log)); // why, in the test report
        }
        return p.exitValue();
    }
}
