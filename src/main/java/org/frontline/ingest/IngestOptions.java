package org.frontline.ingest;

import java.io.Serializable;
import java.util.Objects;

/**
 * How records are read and validated; immutable and serializable so it can travel to Spark executors.
 *
 * @param fields         which source field holds each logical field
 * @param maxTextChars   raw title plus text longer than this is rejected {@code too_large}
 * @param maxRecordBytes a raw line or record longer than this many bytes is rejected {@code too_large}
 *                       without being kept in memory (so one huge line cannot exhaust an executor)
 */
public record IngestOptions(FieldMapping fields, int maxTextChars, int maxRecordBytes) implements Serializable {

    public static final int DEFAULT_MAX_TEXT_CHARS = 200_000;
    /**
     * Generous next to the text limit because a record may carry large fields we do not read
     * (raw HTML, metadata) and JSON escapes can take six bytes per character.
     */
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

    public IngestOptions {
        Objects.requireNonNull(fields, "fields");
        if (maxTextChars <= 0) {
            throw new IllegalArgumentException("maxTextChars must be positive; got " + maxTextChars);
        }
        if (maxRecordBytes <= 0) {
            throw new IllegalArgumentException("maxRecordBytes must be positive; got " + maxRecordBytes);
        }
    }

    /** The defaults: identity field mapping, 200,000 characters of text, 16 MiB per raw record. */
    public static IngestOptions defaults() {
        return new IngestOptions(FieldMapping.identity(), DEFAULT_MAX_TEXT_CHARS, DEFAULT_MAX_RECORD_BYTES);
    }

    /** A copy with another field mapping. */
    public IngestOptions withFields(FieldMapping mapping) {
        return new IngestOptions(mapping, maxTextChars, maxRecordBytes);
    }

    /** A copy with another text limit. */
    public IngestOptions withMaxTextChars(int chars) {
        return new IngestOptions(fields, chars, maxRecordBytes);
    }

    /** A copy with another raw record limit. */
    public IngestOptions withMaxRecordBytes(int bytes) {
        return new IngestOptions(fields, maxTextChars, bytes);
    }
}
