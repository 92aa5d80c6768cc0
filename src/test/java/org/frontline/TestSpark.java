package org.frontline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.frontline.tables.Warehouse;

/**
 * The one Spark session of the integration-test JVM (local[2], UI off, few shuffle partitions, UTC): sessions
 * created and stopped in rapid succession are prone to transient errors, and every test shares the JVM's one
 * CoreNLP pipeline anyway.
 */
public final class TestSpark {
    private static SparkSession spark;
    /** The folders {@link #tempDir} made: deleted when the JVM exits (a test cluster's alone holds 1 GB of jars). */
    private static final List<Path> TEMP_DIRS = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestSpark::deleteTempDirs, "delete test folders"));
    }

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        if (spark == null) {
            spark = Warehouse.withDelta(SparkSession.builder())
                    .master("local[2]")
                    .appName("frontline-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.databricks.delta.snapshotPartitions", "2")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
        }
        return spark;
    }

    /** The project folder (tests run there; failsafe also passes it as frontline.home). */
    public static Path home() {
        return Path.of(System.getProperty("frontline.home", ".")).toAbsolutePath().normalize();
    }

    /** A fresh temporary folder, deleted with its contents when the test JVM exits. */
    public static synchronized Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            TEMP_DIRS.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void deleteTempDirs() {
        for (Path dir : TEMP_DIRS) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                System.err.println("Could not delete the test folder " + dir + ": " + e);
            }
        }
    }
}
