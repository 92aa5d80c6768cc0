package org.frontline.ingest;

import java.io.IOException;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;

/** One format's reader: turns the input into results a few at a time, for {@link ResultIterator}. */
abstract class RecordSource {

    static final int EXCERPT_CHARS = 200;
    /** Raw bytes kept per record for its excerpt: enough for 200 characters in any script. */
    static final int EXCERPT_BYTES = 4 * EXCERPT_CHARS + 4;

    final String sourceFile;
    final String fileName;
    final IngestOptions options;
    final RecordValidator validator;

    RecordSource(String sourceFile, IngestOptions options) {
        this.sourceFile = sourceFile;
        this.fileName = InputFormat.lastSegment(sourceFile);
        this.options = options;
        this.validator = new RecordValidator(options);
    }

    /** Adds at least one result to {@code out} and returns true, or returns false at the end of the input. */
    abstract boolean produce(Deque<IngestResult> out) throws IOException;

    /** The line the reader has reached, for an {@code unreadable_file} rejection. */
    abstract long lineReached();

    /** The first line of a record that was being read when the input failed, or 0 if none. */
    long pendingRecordLine() {
        return 0;
    }

    /** A position in the file as messages name it: "line 12" (a web archive: "byte offset 4096"). */
    String position(long line) {
        return "line " + line;
    }

    final String ref(long line) {
        return fileName + ":" + line;
    }

    final Rejection reject(long line, Reason reason, String detail, String excerpt) {
        return reject(ref(line), line, reason, detail, excerpt);
    }

    /** A rejection at {@code ref}; {@code line} null where the format has no lines (a web archive's records). */
    final Rejection reject(String ref, Long line, Reason reason, String detail, String excerpt) {
        return new Rejection(sourceFile, ref, line, reason, detail, excerpt == null ? "" : excerpt);
    }

    final RawRecord raw(long line, Map<String, String> fields, String excerpt) {
        return raw(ref(line), line, fields, excerpt);
    }

    final RawRecord raw(String ref, Long line, Map<String, String> fields, String excerpt) {
        return new RawRecord(sourceFile, ref, line, fields, excerpt);
    }

    final Rejection unreadable(Exception e) {
        long line = lineReached();
        long pendingLine = pendingRecordLine();
        String message = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        String detail = "cannot read past " + position(line) + ": " + message
                + (pendingLine > 0 ? "; the record starting at line " + pendingLine + " is incomplete" : "")
                + "; the records before were kept";
        return reject(line, Reason.UNREADABLE_FILE, detail, "");
    }

    /** Collects the first bytes of a record's raw lines for its excerpt, lines joined by '\n'. */
    static final class ExcerptBytes {
        private final byte[] bytes = new byte[EXCERPT_BYTES];
        private int length;
        private boolean empty = true;

        void addLine(byte[] line) {
            if (!empty && length < bytes.length) {
                bytes[length++] = '\n';
            }
            empty = false;
            int n = Math.min(line.length, bytes.length - length);
            System.arraycopy(line, 0, bytes, length, n);
            length += n;
        }

        String render() {
            return Utf8.excerpt(Arrays.copyOf(bytes, length), EXCERPT_CHARS);
        }
    }
}
