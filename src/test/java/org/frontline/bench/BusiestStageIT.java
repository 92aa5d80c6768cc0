package org.frontline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.frontline.TestSpark;
import org.junit.jupiter.api.Test;

class BusiestStageIT {

    @Test
    void picksTheStageWhoseTasksRanLongestAndGivesTheirShareOnACoreAndOfItsCores() throws Exception {
        SparkSession spark = TestSpark.session();
        BusiestStage busiest = new BusiestStage();
        spark.sparkContext().addSparkListener(busiest);
        try {
            spark.range(100).count();
            // Four tasks that each burn 200 ms of their own thread's CPU: far longer than the stages around them.
            long rows = spark.range(0, 4, 1, 4).mapPartitions((MapPartitionsFunction<Long, Long>) it -> {
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long until = threads.getCurrentThreadCpuTime() + 200_000_000L;
                long x = 0;
                while (threads.getCurrentThreadCpuTime() < until) {
                    x += Long.numberOfTrailingZeros(x + System.nanoTime());
                }
                return java.util.List.of(x).iterator();
            }, Encoders.LONG()).count();
            spark.range(10).count();
            spark.sparkContext().listenerBus().waitUntilEmpty();

            assertEquals(4, rows);
            // The stage picked is the burning one: the others take milliseconds of CPU.
            assertTrue(busiest.cpuSeconds() >= 0.8, "CPU s " + busiest.cpuSeconds());
            // CPU time cannot exceed the tasks' run time (up to the millisecond rounding of the run time).
            assertTrue(busiest.onCoreShare() > 0 && busiest.onCoreShare() <= 1.05, "share " + busiest.onCoreShare());
            // The stage lasts at least as long as one of its tasks, and its tasks cannot keep more cores busy than
            // the session has.
            assertTrue(busiest.wallSeconds() >= 0.2, "wall s " + busiest.wallSeconds());
            int cores = spark.sparkContext().defaultParallelism();
            assertTrue(busiest.busyShare(cores) > 0 && busiest.busyShare(cores) <= 1.05, "busy " + busiest.busyShare(cores));
        } finally {
            spark.sparkContext().removeSparkListener(busiest);
        }
    }
}
