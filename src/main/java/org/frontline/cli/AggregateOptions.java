package org.frontline.cli;

import org.frontline.UserError;
import org.frontline.job.AggregateJob;
import picocli.CommandLine.Option;

/** The options of the aggregate stage, shared by the aggregate and run commands. */
final class AggregateOptions {
    @Option(names = "--include-media", description = "Count media (Reuters, Interfax…) in the actor aggregates too")
    boolean includeMedia;

    @Option(names = "--claim-tolerance", paramLabel = "FRACTION", defaultValue = "0.05",
            description = "Reports of a claim agree when their values differ by at most this fraction (default: ${DEFAULT-VALUE})")
    double claimTolerance;

    @Option(names = "--claim-window-days", paramLabel = "DAYS", defaultValue = "14",
            description = "Reports of a claim lie at most this many days from another report of it (default: ${DEFAULT-VALUE})")
    int claimWindowDays;

    AggregateJob.Options toJobOptions() {
        if (claimTolerance < 0 || claimTolerance >= 1) {
            throw new UserError("--claim-tolerance must be a fraction in [0, 1), e.g. 0.05 for 5%; got " + claimTolerance);
        }
        if (claimWindowDays < 0) {
            throw new UserError("--claim-window-days must be 0 or more; got " + claimWindowDays);
        }
        return new AggregateJob.Options(includeMedia, claimTolerance, claimWindowDays);
    }
}
