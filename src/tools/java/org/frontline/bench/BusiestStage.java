package org.frontline.bench;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;

/**
 * The stage whose tasks ran longest in one Spark session (in a job run, the annotate stage), with its tasks' CPU
 * time: where their CPU time falls short of their run time, the task threads waited for a core (taken by the JIT
 * compiler, the garbage collector, or Spark's own threads), which a wall-clock throughput alone cannot tell.
 */
final class BusiestStage extends SparkListener {
    private volatile long runMillis;
    private volatile long cpuNanos;
    private volatile long wallMillis;

    @Override
    public synchronized void onStageCompleted(SparkListenerStageCompleted event) {
        StageInfo stage = event.stageInfo();
        long run = stage.taskMetrics().executorRunTime();
        if (run > runMillis) {
            runMillis = run;
            cpuNanos = stage.taskMetrics().executorCpuTime();
            wallMillis = stage.completionTime().isDefined() && stage.submissionTime().isDefined()
                    ? (Long) stage.completionTime().get() - (Long) stage.submissionTime().get() : 0;
        }
    }

    /** Its wall time, from submission to completion, in seconds. */
    double wallSeconds() {
        return wallMillis / 1e3;
    }

    /** Its tasks' CPU time, in seconds. */
    double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    /**
     * The share of the stage's cores its tasks kept running: their run time over {@code cores} times the stage's
     * wall time. Below 100%, a core had no task: at the stage's start, or idle while its last tasks ran.
     */
    double busyShare(int cores) {
        return wallMillis == 0 ? 0 : (double) runMillis / ((double) cores * wallMillis);
    }

    /** The share of its tasks' run time they spent on a core (0 before a stage completed). */
    double onCoreShare() {
        return runMillis == 0 ? 0 : cpuNanos / 1e6 / runMillis;
    }
}
