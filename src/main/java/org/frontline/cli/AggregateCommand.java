package org.frontline.cli;

import java.util.concurrent.Callable;

import org.frontline.job.AggregateJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code frontline aggregate}: fact tables → aggregate tables. */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = "Rebuild the aggregate tables (*_daily, *_monthly, region_actor_daily) from the fact tables.")
final class AggregateCommand implements Callable<Integer> {
    @Option(names = "--warehouse", paramLabel = "PATH", defaultValue = "warehouse",
            description = "Warehouse folder (default: ${DEFAULT-VALUE})")
    String warehouse;

    @Mixin
    AggregateOptions aggregate;

    @Override
    public Integer call() {
        AggregateJob.run(Sessions.start("frontline aggregate"), warehouse, aggregate.toJobOptions());
        System.out.println("Aggregates rebuilt in " + warehouse);
        return 0;
    }
}
