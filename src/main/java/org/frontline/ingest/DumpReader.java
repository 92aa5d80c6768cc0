package org.frontline.ingest;

import java.io.InputStream;
import java.io.Serializable;
import java.util.Objects;

/**
 * Reads one dump file (JSON Lines or a JSON array, plain text, CSV, a saved HTML page, a web archive) lazily into articles and
 * quarantine rejections. Streaming: memory stays bounded by {@link IngestOptions#maxRecordBytes()} whatever the
 * file size (an HTML page is one record, read whole within that bound). Serializable, so a Spark job can ship it
 * to executors and call it inside {@code flatMap}.
 */
public final class DumpReader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final IngestOptions options;

    /** A reader that validates with the given options. */
    public DumpReader(IngestOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The results of one file, read lazily. The iterator closes {@code decompressed} when it is exhausted, when
     * the input fails (then its last result is an {@code unreadable_file} rejection), or on {@link ResultIterator#close()}.
     *
     * @param decompressed the file's bytes, already decompressed (a web archive may also come gzipped record by
     *                     record, as .warc.gz files are: its reader decompresses each record itself)
     * @param sourceFile   the file's full path or URI, stored with every result
     * @param format       how to read it; Parquet is read by Spark and rejected here
     */
    public ResultIterator read(InputStream decompressed, String sourceFile, InputFormat format) {
        Objects.requireNonNull(decompressed, "decompressed");
        Objects.requireNonNull(sourceFile, "sourceFile");
        RecordSource source = switch (Objects.requireNonNull(format, "format")) {
            case JSONL -> new JsonSource(decompressed, sourceFile, options);
            case TEXT -> new TextSource(decompressed, sourceFile, options);
            case CSV -> new CsvSource(decompressed, sourceFile, options);
            case HTML -> new HtmlSource(decompressed, sourceFile, options);
            case WARC -> new WarcSource(decompressed, sourceFile, options);
            case PARQUET -> throw new IllegalArgumentException(
                    "Parquet input is read by Spark, not by DumpReader: " + sourceFile);
        };
        return new ResultIterator(source, decompressed);
    }

    /** The options this reader validates with. */
    public IngestOptions options() {
        return options;
    }
}
