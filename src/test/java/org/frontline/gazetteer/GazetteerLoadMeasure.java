package org.frontline.gazetteer;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Not a test: measures the loader on a gazetteer folder (default conf/gazetteer) in a fresh JVM, the way an
 * executor loads it once. Prints the first load (cold JIT), the best of five warm loads and the heap the
 * loaded gazetteer retains (used heap after full GCs, with and without it).
 * Run (after mvn test-compile): java -cp target/classes:target/test-classes org.frontline.gazetteer.GazetteerLoadMeasure [DIR]
 */
public final class GazetteerLoadMeasure {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "conf/gazetteer");
        long before = usedAfterGc();
        var threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Gazetteer g = Gazetteer.load(dir);
        long first = System.nanoTime() - t0;
        long firstCpu = threads.getCurrentThreadCpuTime() - c0;
        long retained = usedAfterGc() - before;
        System.out.printf("first load %.0f ms (loading thread's CPU %.0f ms); %,d places, %,d keys, max %d tokens, version %s%n", first / 1e6, firstCpu / 1e6,
                g.size(), g.keyCount(), g.maxNameTokens(), g.version());
        System.out.printf("retained heap %.1f MB%n", retained / 1e6);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            Gazetteer.load(dir);
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf("warm load (best of 5) %.0f ms%n", best / 1e6);
        System.out.println(g.candidates("Kyiv").get(0)); // keep g reachable until here
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
