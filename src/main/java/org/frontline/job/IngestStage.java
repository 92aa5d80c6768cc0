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
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.frontline.ingest.DumpReader;
import org.frontline.ingest.IngestOptions;
import org.frontline.ingest.InputFormat;
import org.frontline.ingest.RawRecord;
import org.frontline.ingest.Reason;
import org.frontline.ingest.RecordValidator;
import org.frontline.ingest.ResultIterator;
import org.frontline.ingest.Rejection;
import org.frontline.tables.IngestRows;
import org.frontline.tables.RowShape;

/**
 * Spark plumbing of the ingest: every input file becomes rows of {@link IngestRows#SCHEMA}, one per record,
 * either an article ({@code reason} null) or a rejection for the quarantine. Text formats are read as bytes by
 * {@link DumpReader} (Spark's text readers would replace invalid UTF-8 with U+FFFD and hide it); Parquet is
 * read by Spark and validated row by row by the same {@link RecordValidator}.
 */
public final class IngestStage {

    private IngestStage() {
    }

    /** All records of {@code files} as rows of {@link IngestRows#SCHEMA}. */
    public static Dataset<Row> read(SparkSession spark, List<Inputs.InputFile> files, IngestOptions options) {
        List<String> textFiles = new ArrayList<>();
        List<String> parquetFiles = new ArrayList<>();
        for (Inputs.InputFile f : files) {
            (f.format() == InputFormat.PARQUET ? parquetFiles : textFiles).add(f.path() + "\t" + f.format().name());
        }
        Dataset<Row> result = spark.createDataFrame(new ArrayList<Row>(), IngestRows.SCHEMA);
        if (!textFiles.isEmpty()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Broadcast<SerializableConfiguration> conf =
                    jsc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
            // A file is read by one task, as a stream (gzip and bz2 cannot be split anyway); the annotate stage
            // re-partitions by content, so a big file does not become one annotation task. Many small files
            // share tasks rather than costing one task each: a folder of saved HTML pages (tens of KB each) gives
            // about a thousand pages per 64 MB task, a few seconds of parsing, and never fewer tasks than cores.
            long bytes = files.stream().filter(f -> f.format() != InputFormat.PARQUET).mapToLong(Inputs.InputFile::length).sum();
            int slices = (int) Math.min(textFiles.size(),
                    Math.max(2L * jsc.defaultParallelism(), bytes / (64L << 20) + 1));
            JavaRDD<Row> rows = jsc.parallelize(textFiles, slices).flatMap(new ReadTextFile(options, conf));
            result = result.union(spark.createDataFrame(rows, IngestRows.SCHEMA));
        }
        for (String spec : parquetFiles) {
            result = result.union(readParquet(spark, spec.substring(0, spec.indexOf('\t')), options));
        }
        return result;
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
    static final class ReadTextFile implements FlatMapFunction<String, Row> {
        private final IngestOptions options;
        private final Broadcast<SerializableConfiguration> conf;

        ReadTextFile(IngestOptions options, Broadcast<SerializableConfiguration> conf) {
            this.options = options;
            this.conf = conf;
        }

        @Override
        public Iterator<Row> call(String spec) {
            String file = spec.substring(0, spec.indexOf('\t'));
            InputFormat format = InputFormat.valueOf(spec.substring(spec.indexOf('\t') + 1));
            Path path = new Path(file);
            InputStream in;
            try {
                FileSystem fs = path.getFileSystem(conf.value().value());
                CompressionCodec codec = new CompressionCodecFactory(conf.value().value()).getCodec(path);
                InputStream raw = fs.open(path);
                in = codec == null ? raw : codec.createInputStream(raw);
            } catch (IOException e) {
                // A file that cannot be opened (permissions, a corrupt compression header): one quarantine row
                // says so, and the other files are read.
                return List.of(IngestRows.of(new Rejection(file, path.getName(), null, Reason.UNREADABLE_FILE,
                        "cannot open: " + e, ""))).iterator();
            }
            ResultIterator results = new DumpReader(options).read(in, file, format);
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
