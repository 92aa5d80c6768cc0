package org.frontline.job;

/**
 * How many annotation tasks a run gets: enough to bound the text per task (a 1 GB dump must not become one task:
 * no parallelism, and one failure loses hours) and to keep every core busy to the end, never so many that
 * scheduling costs more than it saves (ten thousand tiny tasks).
 */
public final class TaskSizing {
    /**
     * Waves of tasks per core at least. Tasks are hash partitions of the articles, so their sizes differ; with
     * one or two waves the slowest task of the last one leaves the other cores idle for seconds (BENCHMARKS.md:
     * the last wave of 4 tasks on 2 cores). More, smaller tasks shorten that tail; starting a task and opening its
     * Parquet file take tens of milliseconds, nothing next to the seconds a task of text takes.
     */
    static final int WAVES_PER_CORE = 8;
    /** A ceiling on the tasks of one run, whatever the dump: beyond it the driver's bookkeeping dominates. */
    static final int MAX_TASKS = 100_000;

    private TaskSizing() {
    }

    /**
     * The number of tasks for {@code articles} articles of {@code chars} characters in all, at about
     * {@code charsPerTask} characters per task, on {@code cores} cores: at least {@link #WAVES_PER_CORE} tasks a
     * core, a whole number of waves (a multiple of the cores), never more tasks than articles.
     */
    public static int tasks(long articles, long chars, long charsPerTask, int cores) {
        if (articles <= 0) {
            return 1;
        }
        if (charsPerTask <= 0 || cores <= 0) {
            throw new IllegalArgumentException("charsPerTask and cores must be positive: " + charsPerTask + ", " + cores);
        }
        long bySize = (chars + charsPerTask - 1) / charsPerTask;
        long wanted = Math.max(bySize, (long) WAVES_PER_CORE * cores);
        long wholeWaves = (wanted + cores - 1) / cores * cores;
        return (int) Math.max(1, Math.min(articles, Math.min(MAX_TASKS, wholeWaves)));
    }
}
