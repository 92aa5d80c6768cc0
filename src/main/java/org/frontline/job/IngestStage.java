package org.frontline.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.PairFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.frontline.UserError;
import org.frontline.ingest.DumpReader;
import org.frontline.ingest.FieldLayouts;
import org.frontline.ingest.FieldMapping;
import org.frontline.ingest.IngestOptions;
import org.frontline.ingest.InputFormat;
import org.frontline.ingest.RawRecord;
import org.frontline.ingest.Reason;
import org.frontline.ingest.RecordValidator;
import org.frontline.ingest.ResultIterator;
import org.frontline.ingest.Rejection;
import org.frontline.tables.IngestRows;
import org.frontline.tables.RowShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Spark plumbing of the ingest: every input file becomes rows of {@link IngestRows#SCHEMA}, one per record,
 * either an article ({@code reason} null) or a rejection for the quarantine. Text formats are read as bytes by
 * {@link DumpReader} (Spark's text readers would replace invalid UTF-8 with U+FFFD and hide it); Parquet is
 * read by Spark and validated row by row by the same {@link RecordValidator}.
 */
public final class IngestStage {
    private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

    private IngestStage() {
    }

    /** A file to read, with the field mapping its layout gave. */
    record FileToRead(String path, InputFormat format, long length, FieldMapping fields) implements java.io.Serializable {
    }

    /** The formats whose records name their fields: their layout is told from their first records. */
    private static boolean hasFieldNames(InputFormat format) {
        return format == InputFormat.JSONL || format == InputFormat.CSV || format == InputFormat.PARQUET;
    }

    /**
     * How each file is read: the field mapping of its layout ({@link FieldLayouts}), told from its first records
     * in one small Spark job (the heads are read where the files are); each distinct mapping is logged with its
     * files. A file that lacks a required field is not read: it becomes one {@code missing_field} rejection, and
     * its line is logged; when no file is left, the run stops with that line.
     */
    public static Plan plan(SparkSession spark, List<Inputs.InputFile> files, IngestOptions options, FieldLayouts layouts) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> named = files.stream().filter(f -> hasFieldNames(f.format()) && f.format() != InputFormat.PARQUET)
                .map(f -> f.path() + "\t" + f.format().name()).toList();
        Map<String, List<String>> fieldsOf = new HashMap<>();
        if (!named.isEmpty()) {
            Broadcast<SerializableConfiguration> conf =
                    jsc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
            for (Tuple2<String, List<String>> t : jsc.parallelize(named, Math.min(named.size(), 4 * jsc.defaultParallelism()))
                    .mapToPair(new SampleFields(conf)).collect()) {
                fieldsOf.put(t._1(), t._2());
            }
        }
        List<FileToRead> toRead = new ArrayList<>();
        List<Rejection> stopped = new ArrayList<>();
        Map<String, List<String>> filesByMapping = new java.util.TreeMap<>();
        for (Inputs.InputFile f : files) {
            FieldMapping mapping = options.fields();
            if (hasFieldNames(f.format())) {
                List<String> present = f.format() == InputFormat.PARQUET
                        ? List.of(spark.read().parquet(f.path()).columns()) : fieldsOf.getOrDefault(f.path(), List.of());
                FieldLayouts.Resolution r = layouts.resolve(options.fields(), present, new Path(f.path()).getName());
                if (r.problem().isPresent()) {
                    LOG.warn("Not reading {}", r.problem().get());
                    stopped.add(new Rejection(f.path(), new Path(f.path()).getName(), null, Reason.MISSING_FIELD,
                            r.problem().get(), ""));
                    continue;
                }
                mapping = r.mapping();
                filesByMapping.computeIfAbsent(mapping.describe(), k -> new ArrayList<>()).add(new Path(f.path()).getName());
            }
            toRead.add(new FileToRead(f.path(), f.format(), f.length(), mapping));
        }
        filesByMapping.forEach((mapping, names) -> LOG.info("Fields of {} file(s) ({}): {}", names.size(),
                names.size() <= 3 ? String.join(", ", names) : String.join(", ", names.subList(0, 3)) + ", ...",
                mapping.isEmpty() ? "Frontline's own names (id, date, title, text, url, source)" : mapping
                        + ", the others by their own names"));
        if (toRead.isEmpty() && !stopped.isEmpty()) {
            throw new UserError(stopped.get(0).detail() + (stopped.size() > 1
                    ? " (and " + (stopped.size() - 1) + " more files alike: see the log)" : ""));
        }
        return new Plan(toRead, stopped);
    }

    /** What to read, and the files that will not be read, each as one rejection. */
    public record Plan(List<FileToRead> files, List<Rejection> stopped) {
    }

    /** All records of the plan's files as rows of {@link IngestRows#SCHEMA}, and a row for each stopped file. */
    public static Dataset<Row> read(SparkSession spark, Plan plan, IngestOptions options) {
        List<FileToRead> textFiles = new ArrayList<>();
        List<FileToRead> parquetFiles = new ArrayList<>();
        for (FileToRead f : plan.files()) {
            (f.format() == InputFormat.PARQUET ? parquetFiles : textFiles).add(f);
        }
        List<Row> stoppedRows = plan.stopped().stream().map(IngestRows::rejection).toList();
        Dataset<Row> result = spark.createDataFrame(stoppedRows, IngestRows.SCHEMA);
        if (!textFiles.isEmpty()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Broadcast<SerializableConfiguration> conf =
                    jsc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
            // A file is read by one task, as a stream (gzip and bz2 cannot be split anyway); the annotate stage
            // re-partitions by content, so a big file does not become one annotation task. Many small files
            // share tasks rather than costing one task each: a folder of saved HTML pages (tens of KB each) gives
            // about a thousand pages per 64 MB task, a few seconds of parsing, and never fewer tasks than cores.
            long bytes = plan.files().stream().filter(f -> f.format() != InputFormat.PARQUET)
                    .mapToLong(FileToRead::length).sum();
            int slices = (int) Math.min(textFiles.size(),
                    Math.max(2L * jsc.defaultParallelism(), bytes / (64L << 20) + 1));
            JavaRDD<Row> rows = jsc.parallelize(textFiles, slices).flatMap(new ReadTextFile(options, conf));
            result = result.union(spark.createDataFrame(rows, IngestRows.SCHEMA));
        }
        for (FileToRead f : parquetFiles) {
            result = result.union(readParquet(spark, f.path(), options.withFields(f.fields())));
        }
        return result;
    }

    /** The field names the first records of a JSON Lines or CSV file hold. */
    static final class SampleFields implements PairFunction<String, String, List<String>> {
        private final Broadcast<SerializableConfiguration> conf;

        SampleFields(Broadcast<SerializableConfiguration> conf) {
            this.conf = conf;
        }

        @Override
        public Tuple2<String, List<String>> call(String spec) {
            String file = spec.substring(0, spec.indexOf('\t'));
            InputFormat format = InputFormat.valueOf(spec.substring(spec.indexOf('\t') + 1));
            try (InputStream in = open(file, format, conf.value().value())) {
                return new Tuple2<>(file, List.copyOf(format == InputFormat.CSV
                        ? FieldLayouts.csvFields(in) : FieldLayouts.jsonFields(in)));
            } catch (IOException | RuntimeException e) {
                return new Tuple2<>(file, List.of()); // the reader reports the file as unreadable
            }
        }
    }

    /** A file's bytes, decompressed by its extension (a .warc.gz stays gzipped: jwarc reads it record by record). */
    static InputStream open(String file, InputFormat format, org.apache.hadoop.conf.Configuration conf) throws IOException {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem(conf);
        CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
        InputStream raw = fs.open(path);
        // A .warc.gz is gzipped record by record; jwarc reads the members itself and so knows each record's
        // offset in the file (what CDX indexes and record refs give).
        boolean warcReadsGzip = format == InputFormat.WARC && codec instanceof GzipCodec;
        return codec == null || warcReadsGzip ? raw : codec.createInputStream(raw);
    }

    private static Dataset<Row> readParquet(SparkSession spark, String path, IngestOptions options) {
        Dataset<Row> raw = spark.read().parquet(path);
        List<String> present = List.of(raw.columns());
        List<Column> cols = new ArrayList<>();
        for (String logical : org.frontline.ingest.FieldMapping.LOGICAL_FIELDS) {
            String source = options.fields().sourceName(logical);
            cols.add((present.contains(source) ? col("`" + source + "`").cast("string") : lit(null).cast("string")).as(logical));
        }
        cols.add(col("_metadata.file_path").as("_file"));
        cols.add(col("_metadata.row_index").as("_row"));
        Dataset<Row> records = raw.select(cols.toArray(Column[]::new));
        return records.mapPartitions(new ValidateParquetRows(options, RowShape.of(records.schema())),
                Encoders.row(IngestRows.SCHEMA));
    }

    /** Reads one text dump file (decompressing by extension) into rows. */
    static final class ReadTextFile implements FlatMapFunction<FileToRead, Row> {
        private final IngestOptions options;
        private final Broadcast<SerializableConfiguration> conf;

        ReadTextFile(IngestOptions options, Broadcast<SerializableConfiguration> conf) {
            this.options = options;
            this.conf = conf;
        }

        @Override
        public Iterator<Row> call(FileToRead spec) {
            String file = spec.path();
            Path path = new Path(file);
            InputStream in;
            try {
                in = open(file, spec.format(), conf.value().value());
            } catch (IOException e) {
                // A file that cannot be opened (permissions, a corrupt compression header): one quarantine row
                // says so, and the other files are read.
                return List.of(IngestRows.of(new Rejection(file, path.getName(), null, Reason.UNREADABLE_FILE,
                        "cannot open: " + e, ""))).iterator();
            }
            ResultIterator results = new DumpReader(options.withFields(spec.fields())).read(in, file, spec.format());
            TaskContext task = TaskContext.get();
            if (task != null) {
                // Closes the file also when the task ends early (cancelled, or a downstream failure).
                task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> closeQuietly(results));
            }
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return results.hasNext();
                }

                @Override
                public Row next() {
                    return IngestRows.of(results.next());
                }
            };
        }
    }

    /** Validates rows read from Parquet (the logical fields, {@code _file}, {@code _row}) with the same rules as the text formats. */
    static final class ValidateParquetRows implements MapPartitionsFunction<Row, Row> {
        private final IngestOptions options;
        private final RowShape in;

        ValidateParquetRows(IngestOptions options, RowShape in) {
            this.options = options;
            this.in = in;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            RecordValidator validator = new RecordValidator(options);
            List<String> logical = org.frontline.ingest.FieldMapping.LOGICAL_FIELDS;
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Row r = rows.next();
                    Map<String, String> fields = new HashMap<>();
                    StringBuilder excerpt = new StringBuilder();
                    for (String field : logical) {
                        String value = in.getString(r, field);
                        if (value != null) {
                            fields.put(options.fields().sourceName(field), value);
                            if (excerpt.length() < 200) {
                                excerpt.append(field).append('=').append(value).append("; ");
                            }
                        }
                    }
                    String file = in.getString(r, "_file");
                    long row = in.getLong(r, "_row");
                    String name = file.substring(file.lastIndexOf('/') + 1);
                    RawRecord record = new RawRecord(file, name + "#row " + (row + 1), null, fields,
                            excerpt.length() > 200 ? excerpt.substring(0, 200) : excerpt.toString());
                    return IngestRows.of(validator.validate(record));
                }
            };
        }
    }

    private static void closeQuietly(java.io.Closeable in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the records read are complete; a failing close loses nothing
        }
    }
}
