package org.frontline.gazetteer;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: measures the loader on gazetteer folders (default conf/gazetteer) in one fresh JVM, the way an
 * executor loads it once. For each folder: the first load (cold JIT, only meaningful for the first folder), then
 * ROUNDS rounds over all folders in turn, each a load timed (wall and the loading thread's CPU: on a shared machine
 * the CPU time is the steadier figure) and the heap it retains (used heap after full GCs
 * with the gazetteer held, less without it). Several folders in one JVM compare a before and an after on equal
 * terms (issue #11: conf/gazetteer of main copied aside, then the branch's).
 * Run (after mvn test-compile): java -cp target/classes:target/test-classes org.frontline.gazetteer.GazetteerLoadMeasure [DIR...]
 */
public final class GazetteerLoadMeasure {
    static final int ROUNDS = 4;

    public static void main(String[] args) throws Exception {
        List<Path> dirs = new ArrayList<>();
        for (String a : args) {
            dirs.add(Path.of(a));
        }
        if (dirs.isEmpty()) {
            dirs.add(Path.of("conf/gazetteer"));
        }
        var threads = ManagementFactory.getThreadMXBean();
        for (Path dir : dirs) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Gazetteer g = Gazetteer.load(dir);
            System.out.printf("%s: first load %.0f ms (loading thread's CPU %.0f ms); %,d places, %,d keys, %,d bare keys,"
                            + " max %d tokens, version %s%n", dir, (System.nanoTime() - t0) / 1e6,
                    (threads.getCurrentThreadCpuTime() - c0) / 1e6, g.size(), g.keyCount(), g.bareKeyCount(),
                    g.maxNameTokens(), g.version());
        }
        for (int round = 1; round <= ROUNDS; round++) {
            for (Path dir : dirs) {
                long before = usedAfterGc();
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                Gazetteer g = Gazetteer.load(dir);
                long took = System.nanoTime() - t;
                long cpu = threads.getCurrentThreadCpuTime() - c;
                long retained = usedAfterGc() - before;
                System.out.printf("round %d %s: load %.0f ms (loading thread's CPU %.0f ms), retained heap %.1f MB (%s)%n",
                        round, dir, took / 1e6, cpu / 1e6, retained / 1e6,
                        g.candidates("Kyiv").get(0).id()); // keeps g reachable until here
            }
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }
}
