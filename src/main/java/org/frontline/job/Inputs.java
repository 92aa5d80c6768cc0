package org.frontline.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.frontline.FileSystems;
import org.frontline.UserError;
import org.frontline.ingest.InputFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expands the user's input arguments (files, directories, globs; local or any Hadoop file system) into the list
 * of dump files to read, each with its format. Runs on the driver, before any task, so that a wrong path stops
 * the job with one line that says what to do.
 */
public final class Inputs {
    private static final Logger LOG = LoggerFactory.getLogger(Inputs.class);

    private Inputs() {
    }

    /** A dump file and the format it is read as. */
    public record InputFile(String path, InputFormat format, long length) implements java.io.Serializable {
    }

    /**
     * Resolves {@code specs}. Directories are read recursively, skipping hidden files ({@code .x}, {@code _x}),
     * files whose format cannot be told from the name, and the frames in a saved page's {@code NAME_files} folder
     * (logged). A file named explicitly must have a known format unless {@code forced} is given.
     */
    public static List<InputFile> resolve(Configuration conf, List<String> specs, Optional<InputFormat> forced) {
        if (specs.isEmpty()) {
            throw new UserError("no input given: name dump files, directories or globs (e.g. data/ or 'dumps/*.jsonl.gz')");
        }
        Map<String, InputFile> files = new LinkedHashMap<>();
        for (String spec : specs) {
            Path path = new Path(spec);
            try {
                FileSystem fs = FileSystems.of(path, conf, "input '" + spec + "'");
                FileStatus[] matches = fs.globStatus(path);
                if (matches == null || matches.length == 0) {
                    throw new UserError("no input matches '" + spec + "': check the path (a file, a directory or a glob)");
                }
                Arrays.sort(matches, Comparator.comparing(s -> s.getPath().toString()));
                for (FileStatus match : matches) {
                    if (match.isDirectory()) {
                        addDirectory(fs, match.getPath(), forced, files);
                    } else {
                        InputFormat format = forced.or(() -> InputFormat.fromFileName(match.getPath().getName()))
                                .orElseThrow(() -> new UserError("cannot tell the format of " + match.getPath()
                                        + " from its name: use --format jsonl|text|csv|html|parquet"));
                        files.put(match.getPath().toString(), new InputFile(match.getPath().toString(), format, match.getLen()));
                    }
                }
            } catch (IOException e) {
                throw new UserError("cannot read input '" + spec + "': " + e.getMessage());
            }
        }
        if (files.isEmpty()) {
            throw new UserError("no dump files in " + specs + ": expected .jsonl, .json, .txt, .csv, .html, .htm or .parquet files"
                    + " (optionally .gz or .bz2), or use --format");
        }
        return new ArrayList<>(files.values());
    }

    private static void addDirectory(FileSystem fs, Path dir, Optional<InputFormat> forced, Map<String, InputFile> files)
            throws IOException {
        List<LocatedFileStatus> found = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
        while (it.hasNext()) {
            found.add(it.next());
        }
        found.sort(Comparator.comparing(s -> s.getPath().toString()));
        Set<String> paths = new HashSet<>();
        found.forEach(s -> paths.add(s.getPath().toString()));
        for (LocatedFileStatus status : found) {
            String name = status.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_") || hasHiddenParent(dir, status.getPath())) {
                continue;
            }
            Optional<InputFormat> format = forced.or(() -> InputFormat.fromFileName(name));
            if (format.isEmpty()) {
                LOG.info("Skipping {}: not a dump file (.jsonl, .json, .txt, .csv, .html, .htm, .parquet, optionally .gz/.bz2)",
                        status.getPath());
                continue;
            }
            Path page = format.get() == InputFormat.HTML ? savedPageOf(dir, status.getPath(), paths) : null;
            if (page != null) {
                LOG.info("Skipping {}: part of the saved page {} (a browser's NAME_files folder: frames, ads)",
                        status.getPath(), page);
                continue;
            }
            files.put(status.getPath().toString(), new InputFile(status.getPath().toString(), format.get(), status.getLen()));
        }
    }

    /**
     * The page whose resources hold {@code file}: browsers save a page as NAME.html beside a folder NAME_files
     * of its images, scripts and frames, and the frames (ads, embedded players) are .html files too.
     */
    static Path savedPageOf(Path root, Path file, Set<String> paths) {
        for (Path p = file.getParent(); p != null && !p.equals(root) && p.getParent() != null; p = p.getParent()) {
            String name = p.getName();
            if (name.endsWith("_files") && name.length() > "_files".length()) {
                String base = name.substring(0, name.length() - "_files".length());
                for (String ext : List.of(".html", ".htm")) {
                    Path page = new Path(p.getParent(), base + ext);
                    if (paths.contains(page.toString())) {
                        return page;
                    }
                }
            }
        }
        return null;
    }

    private static boolean hasHiddenParent(Path root, Path file) {
        for (Path p = file.getParent(); p != null && !p.equals(root); p = p.getParent()) {
            if (p.getName().startsWith(".") || p.getName().startsWith("_")) {
                return true;
            }
        }
        return false;
    }
}
