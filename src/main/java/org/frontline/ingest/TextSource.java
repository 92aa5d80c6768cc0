package org.frontline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Plain text where each article starts, at the beginning of a line, with {@code date YYYY-MM-DD} followed by
 * the start of its text; every following line up to the next such line belongs to it.
 */
final class TextSource extends RecordSource {

    private final LineReader lines;
    private Pending current;

    TextSource(InputStream in, String sourceFile, IngestOptions options) {
        super(sourceFile, options);
        this.lines = new LineReader(in, options.maxRecordBytes());
    }

    @Override
    boolean produce(Deque<IngestResult> out) throws IOException {
        LineReader.Line line;
        while ((line = lines.next()) != null) {
            if (startsArticle(line.bytes())) {
                Pending done = current;
                current = new Pending(line.number(), true);
                current.add(line);
                if (done != null) {
                    out.add(done.finish());
                    return true;
                }
            } else if (current != null) {
                current.add(line);
            } else if (!line.isBlank()) {
                // Text before the first date line: one record, which has no date.
                current = new Pending(line.number(), false);
                current.add(line);
            }
        }
        if (current != null) {
            out.add(current.finish());
            current = null;
            return true;
        }
        return false;
    }

    @Override
    long lineReached() {
        return lines.lineNumber();
    }

    @Override
    long pendingRecordLine() {
        return current == null ? 0 : current.startLine;
    }

    /**
     * {@code ^date \d{4}-\d{2}-\d{2}} on the raw bytes, so that a line with invalid UTF-8 after its date, or a
     * line too long to keep (whose first bytes are still there), still starts an article.
     */
    static boolean startsArticle(byte[] b) {
        if (b.length < 15 || b[0] != 'd' || b[1] != 'a' || b[2] != 't' || b[3] != 'e' || b[4] != ' ') {
            return false;
        }
        for (int i = 5; i < 15; i++) {
            boolean dash = i == 9 || i == 12;
            if (dash ? b[i] != '-' : (b[i] < '0' || b[i] > '9')) {
                return false;
            }
        }
        return true;
    }

    /** The article being read: its text is kept only while it is within the size limit. */
    private final class Pending {
        final long startLine;
        final boolean dated;
        final ExcerptBytes excerpt = new ExcerptBytes();
        String date;
        StringBuilder text = new StringBuilder();
        long chars;
        boolean firstLine = true;
        String encodingError;
        String tooLongLine;

        Pending(long startLine, boolean dated) {
            this.startLine = startLine;
            this.dated = dated;
        }

        void add(LineReader.Line line) {
            excerpt.addLine(line.bytes());
            boolean first = firstLine;
            firstLine = false;
            if (line.tooLong()) {
                if (tooLongLine == null) {
                    tooLongLine = "line " + line.number() + " has " + line.byteLength()
                            + " bytes, more than the limit of " + options.maxRecordBytes() + " bytes";
                }
                dropText();
                return;
            }
            String s;
            try {
                s = Utf8.decode(line.bytes());
            } catch (Utf8.InvalidUtf8Exception e) {
                if (encodingError == null) {
                    encodingError = "line " + line.number() + ": " + e.getMessage();
                }
                dropText();
                return;
            }
            if (first && dated) {
                // The date is the whole word after "date ", so "date 2024-08-07T10:00Z" keeps its time and
                // "date 2024-08-071" is an invalid date rather than a date followed by "1".
                int end = 5;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
                    end++;
                }
                date = s.substring(5, end);
                s = s.substring(end).stripLeading();
            }
            chars += s.length() + (first ? 0 : 1);
            if (text != null && chars <= options.maxTextChars()) {
                if (!first) {
                    text.append('\n');
                }
                text.append(s);
            } else {
                dropText(); // past the limit: stop keeping text, only count it
            }
        }

        private void dropText() {
            text = null;
        }

        IngestResult finish() {
            String excerptText = excerpt.render();
            if (encodingError != null) {
                return reject(startLine, Reason.INVALID_ENCODING, encodingError, excerptText);
            }
            if (tooLongLine != null) {
                return reject(startLine, Reason.TOO_LARGE, tooLongLine, excerptText);
            }
            if (chars > options.maxTextChars()) {
                return reject(startLine, Reason.TOO_LARGE, "article text holds " + chars
                        + " characters, more than the limit of " + options.maxTextChars(), excerptText);
            }
            if (!dated) {
                return reject(startLine, Reason.MISSING_DATE,
                        "text before the first line starting with 'date YYYY-MM-DD'", excerptText);
            }
            Map<String, String> fields = new HashMap<>();
            fields.put(options.fields().sourceName(FieldMapping.DATE), date);
            fields.put(options.fields().sourceName(FieldMapping.TEXT), text.toString());
            return validator.validate(raw(startLine, fields, excerptText));
        }
    }
}
