package org.frontline.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.frontline.TestSpark;

/** A jobs/ script run as a user runs it: its own process (spark-submit), stdout and stderr kept in files. */
final class JobProcess {
    record Result(int exit, String out, String err) {
    }

    private final Process process;
    private final Path out;
    private final Path err;
    private final String command;

    private JobProcess(Process process, Path out, Path err, String command) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.command = command;
    }

    /** Starts {@code command} (its first word a path under the project) with extra environment variables. */
    static JobProcess start(String stdin, Map<String, String> env, String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.set(0, TestSpark.home().resolve(command[0]).toString());
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        out.toFile().deleteOnExit();
        err.toFile().deleteOnExit();
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(TestSpark.home().toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("SPARK_HOME");
        pb.environment().put("SHOW_PROGRESS", "false");
        pb.environment().put("DRIVER_MEMORY", "3g");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        return new JobProcess(p, out, err, String.join(" ", command));
    }

    /** Runs {@code command} to its end. */
    static Result run(String stdin, String... command) throws IOException, InterruptedException {
        return start(stdin, Map.of(), command).await();
    }

    /** Waits for the end (at most 15 minutes). */
    Result await() throws IOException, InterruptedException {
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Waits until the process's log (stderr) contains {@code text}; false if it ended first. */
    boolean awaitLog(String text) throws IOException, InterruptedException {
        while (process.isAlive()) {
            if (Files.readString(err).contains(text)) {
                return true;
            }
            Thread.sleep(100);
        }
        return Files.readString(err).contains(text);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: SIGKILL, no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
