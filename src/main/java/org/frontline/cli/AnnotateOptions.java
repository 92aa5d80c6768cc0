package org.frontline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.frontline.UserError;
import org.frontline.ingest.FieldMapping;
import org.frontline.ingest.IngestOptions;
import org.frontline.ingest.InputFormat;
import org.frontline.job.AnnotateJob;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of the annotate stage, shared by the annotate and run commands. */
final class AnnotateOptions {
    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Dump files, directories or globs (.jsonl/.json, .txt, .csv, .html/.htm, .parquet; .gz and .bz2 read transparently)")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--warehouse", paramLabel = "PATH", defaultValue = "warehouse",
            description = "Warehouse folder, local or any Hadoop file system (default: ${DEFAULT-VALUE})")
    String warehouse;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Read every input as jsonl, text, csv, html or parquet instead of telling the format from file names")
    String format;

    @Option(names = "--field", paramLabel = "NAME=SOURCE",
            description = "Read field NAME (id, date, title, text, url, source) from SOURCE, e.g. --field date=path_date")
    List<String> fields = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "default",
            description = "CoreNLP profile: conf/profiles/NAME.properties (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = "conf",
            description = "Folder with profiles/ and rules/ (default: ${DEFAULT-VALUE})")
    Path configDir;

    @Option(names = "--max-text-chars", paramLabel = "N", defaultValue = "200000",
            description = "Records whose title and text exceed N characters go to quarantine as too_large (default: ${DEFAULT-VALUE})")
    int maxTextChars;

    @Option(names = "--reprocess",
            description = "Re-annotate the input even where the warehouse has it, replacing its rows")
    boolean reprocess;

    @Option(names = "--no-text", description = "Do not store the cleaned text in the articles table (saves space)")
    boolean noText;

    @Option(names = "--sentence-cache", paramLabel = "N",
            description = "Distinct sentences each executor remembers the tags of (repeats are annotated once);"
                    + " 0 turns the cache off (default: the profile's frontline.sentenceCache)")
    Integer sentenceCache;

    @Option(names = "--chars-per-task", paramLabel = "N", defaultValue = "2000000",
            description = "Target characters of text per annotation task (default: ${DEFAULT-VALUE})")
    long charsPerTask;

    /** The validated options; a wrong value is a {@link UserError} that says what to write. */
    AnnotateJob.Options toJobOptions() {
        if (maxTextChars <= 0) {
            throw new UserError("--max-text-chars must be positive, got " + maxTextChars);
        }
        if (sentenceCache != null && sentenceCache < 0) {
            throw new UserError("--sentence-cache must be 0 (off) or a number of sentences, got " + sentenceCache);
        }
        if (charsPerTask <= 0) {
            throw new UserError("--chars-per-task must be positive, got " + charsPerTask);
        }
        if (!configDir.resolve("profiles").toFile().isDirectory()) {
            throw new UserError("no profiles/ folder in " + configDir.toAbsolutePath()
                    + ": run from the project folder or pass --config-dir path/to/conf");
        }
        try {
            Optional<InputFormat> forced = Optional.ofNullable(format).map(InputFormat::parse);
            IngestOptions ingest = IngestOptions.defaults().withFields(FieldMapping.parse(fields)).withMaxTextChars(maxTextChars);
            return new AnnotateJob.Options(List.copyOf(inputs), warehouse, forced, ingest, configDir, profile,
                    reprocess, !noText, charsPerTask,
                    sentenceCache == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(sentenceCache));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
