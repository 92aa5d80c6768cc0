package org.frontline.cli;

import java.util.concurrent.Callable;

import org.frontline.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the application jar, as spark-submit runs it: {@code frontline annotate|aggregate|run|sql|report}.
 * Parses options into one immutable options object per command, then runs the job in the session spark-submit
 * configured (the master is never set in code).
 */
@Command(name = "frontline", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Regions, actors and territorial figures from news dumps, with CoreNLP on Spark.",
        subcommands = {AnnotateCommand.class, AggregateCommand.class, RunCommand.class, SqlCommand.class,
                ReportCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 failure, 2 usage or user error). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // A wrong option: one line that says what to do, not the whole usage text.
        cli.setParameterExceptionHandler((e, a) -> {
            String command = e.getCommandLine().getCommandName();
            String help = command.equals("frontline") ? "jobs/<command> --help" : "jobs/" + command + " --help";
            System.err.println("frontline: " + e.getMessage() + " (see " + help + ")");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            UserError user = userError(e);
            if (user != null) {
                System.err.println("frontline: " + user.getMessage());
                return 2;
            }
            if (e instanceof org.apache.spark.sql.AnalysisException a) {
                // A query that does not compile (sql job): Spark's message says which table or column.
                System.err.println("frontline: " + a.getMessage().lines().filter(l -> !l.isBlank()).findFirst()
                        .orElse(a.toString()));
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** The UserError behind {@code e}, also when Spark wrapped it (thrown on an executor). */
    static UserError userError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UserError u) {
                return u;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 2;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"frontline " + org.frontline.job.Versions.app() + " (CoreNLP "
                    + org.frontline.job.Versions.CORENLP + ")"};
        }
    }
}
