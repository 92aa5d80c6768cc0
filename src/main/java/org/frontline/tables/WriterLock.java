package org.frontline.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.frontline.UserError;

/**
 * One writer at a time per warehouse: a lock file created with {@code overwrite = false} (atomic on local file
 * systems and HDFS), holding who writes (run, host, pid, start) and the version of every Delta table before the
 * run wrote anything, so that the next writer can undo a run that died half-way. The holder touches the file's
 * modification time every {@link #HEARTBEAT} (a heartbeat other hosts can read); a holder is dead when its process
 * is gone (same host) or its heartbeat is older than {@link #STALE} (another host).
 *
 * <p>A second writer fails at once with one line naming the running run: waiting would hide a stuck run and
 * pile up scheduled ones.
 */
public final class WriterLock implements AutoCloseable {
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    static final Duration STALE = Duration.ofMinutes(3);
    private static final String VERSION_PREFIX = "version.";

    /** What a lock file says: the run holding it and the table versions before it wrote (-1: no table yet). */
    public record Holder(String runId, String host, long pid, Instant started, Map<String, Long> versions) {
        String describe() {
            return "run " + runId + " (pid " + pid + " on " + host + ", started " + started + ")";
        }
    }

    private final FileSystem fs;
    private final Path file;
    private final Holder holder;
    private final ScheduledExecutorService heartbeat;

    private WriterLock(FileSystem fs, Path file, Holder holder) {
        this.fs = fs;
        this.file = file;
        this.holder = holder;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "frontline-writer-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Takes the lock for {@code runId} with the tables' current {@code versions}; throws a {@link UserError}
     * naming the holder when a run has it (the caller claims a dead holder's lock first).
     */
    static WriterLock acquire(FileSystem fs, Path file, String runId, Map<String, Long> versions) {
        Holder me = new Holder(runId, hostName(), ProcessHandle.current().pid(), Instant.now(), versions);
        try {
            fs.mkdirs(file.getParent());
            byte[] content = serialise(me).getBytes(StandardCharsets.UTF_8);
            if (fs instanceof LocalFileSystem local) {
                // Hadoop's local create checks, then opens: not atomic. The JDK's CREATE_NEW is (O_EXCL).
                java.nio.file.Files.write(local.pathToFile(file).toPath(), content, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } else {
                try (FSDataOutputStream out = fs.create(file, false)) {
                    out.write(content);
                }
            }
        } catch (FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
            throw busy(file.getParent().getParent(), read(fs, file).orElse(null));
        } catch (IOException e) {
            if (exists(fs, file)) {
                // some file systems report a lost race as a plain IOException
                throw busy(file.getParent().getParent(), read(fs, file).orElse(null));
            }
            throw new UserError("cannot write to the warehouse " + file.getParent().getParent() + " (" + e.getMessage()
                    + "): give --warehouse a folder you can write to");
        }
        return new WriterLock(fs, file, me);
    }

    /** The holder named by the lock file, if there is one. */
    static Optional<Holder> read(FileSystem fs, Path file) {
        try {
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            Properties p = new Properties();
            try (var in = fs.open(file)) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            Map<String, Long> versions = new LinkedHashMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith(VERSION_PREFIX)) {
                    versions.put(key.substring(VERSION_PREFIX.length()), Long.parseLong(p.getProperty(key)));
                }
            }
            return Optional.of(new Holder(p.getProperty("run_id", "?"), p.getProperty("host", "?"),
                    Long.parseLong(p.getProperty("pid", "-1")), Instant.parse(p.getProperty("started", Instant.EPOCH.toString())),
                    versions));
        } catch (IOException | RuntimeException e) {
            // A lock being written this very moment reads as incomplete: count it as held by a live run.
            return Optional.of(new Holder("?", "?", -1, Instant.now(), Map.of()));
        }
    }

    /** Removes a dead holder's lock once its run has been undone. */
    static void clear(FileSystem fs, Path file) {
        try {
            fs.delete(file, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Holder holder() {
        return holder;
    }

    /** Releases the lock: the run committed, or undid what it wrote. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        clear(fs, file);
    }

    /** Stops the heartbeat but keeps the lock file: the next writer finds a dead holder and undoes this run. */
    void abandon() {
        heartbeat.shutdownNow();
    }

    private void beat() {
        try {
            fs.setTimes(file, System.currentTimeMillis(), -1);
        } catch (IOException | RuntimeException e) {
            // A missed beat only makes the lock look older to other hosts; the next one may succeed.
        }
    }

    /** Whether the run holding {@code file} still runs: its process (same host) or its heartbeat (other hosts). */
    static boolean isAlive(FileSystem fs, Path file, Holder h) {
        if (h.host().equals(hostName()) && h.pid() > 0) {
            return ProcessHandle.of(h.pid()).map(ProcessHandle::isAlive).orElse(false);
        }
        try {
            FileStatus s = fs.getFileStatus(file);
            return Instant.ofEpochMilli(s.getModificationTime()).plus(STALE).isAfter(Instant.now());
        } catch (IOException e) {
            return true;
        }
    }

    /** The one line a second writer stops with. */
    static UserError busy(Path warehouse, Holder holder) {
        String who = holder == null ? "another run" : holder.describe();
        return new UserError("the warehouse " + warehouse + " is being written by " + who + ": wait for it to finish"
                + " and run again (one writer at a time; a run that died is undone by the next one automatically)");
    }

    private static boolean exists(FileSystem fs, Path file) {
        try {
            return fs.exists(file);
        } catch (IOException e) {
            return false;
        }
    }

    private static String serialise(Holder h) {
        StringBuilder s = new StringBuilder("# The run writing this warehouse; removed when it ends (see README, Warehouse).\n");
        s.append("run_id=").append(h.runId()).append('\n');
        s.append("host=").append(h.host()).append('\n');
        s.append("pid=").append(h.pid()).append('\n');
        s.append("started=").append(h.started()).append('\n');
        h.versions().forEach((table, v) -> s.append(VERSION_PREFIX).append(table).append('=').append(v).append('\n'));
        return s.toString();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^\\d+@", "");
        }
    }
}
