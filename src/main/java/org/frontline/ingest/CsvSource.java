package org.frontline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV with a header row: comma-separated, fields optionally in double quotes with {@code ""} for a
 * quote, quoted fields may span lines. Lenient where RFC 4180 is silent in practice: a quote inside an
 * unquoted field, or text right after a closing quote, is kept as written.
 */
final class CsvSource extends RecordSource {

    private final LineReader lines;
    private List<String> header;
    private boolean ended;
    private Builder current;

    CsvSource(InputStream in, String sourceFile, IngestOptions options) {
        super(sourceFile, options);
        this.lines = new LineReader(in, options.maxRecordBytes());
    }

    @Override
    boolean produce(Deque<IngestResult> out) throws IOException {
        while (!ended) {
            Builder record = nextRecord();
            if (record == null) {
                ended = true;
                return false;
            }
            if (header == null) {
                Rejection problem = record.problem("the header row");
                if (problem != null) {
                    // Without column names no record can be mapped: report once rather than once per record.
                    ended = true;
                    out.add(new Rejection(problem.sourceFile(), problem.recordRef(), problem.lineNumber(),
                            problem.reason(), problem.detail() + "; the rest of the file is not read", problem.excerpt()));
                    return true;
                }
                header = new ArrayList<>();
                for (String name : record.fields) {
                    header.add(name.trim());
                }
                continue;
            }
            out.add(toResult(record));
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

    /** The next record, its lines read up to the one that closes its last quote; null at the end of the file. */
    private Builder nextRecord() throws IOException {
        LineReader.Line line;
        do {
            line = lines.next();
            if (line == null) {
                return null;
            }
        } while (line.isBlank()); // a blank line is not a record
        current = new Builder(line.number());
        current.addLine(line);
        while (current.inQuotes) {
            LineReader.Line next = lines.next();
            if (next == null) {
                current.unterminated = true;
                break;
            }
            current.addLine(next);
        }
        Builder done = current;
        current = null;
        return done;
    }

    private IngestResult toResult(Builder record) {
        Rejection problem = record.problem("this record");
        if (problem != null) {
            return problem;
        }
        String excerpt = record.excerpt.render();
        if (record.fieldCount != header.size()) {
            return reject(record.startLine, Reason.MALFORMED_CSV, "record has " + record.fieldCount
                    + " fields, the header has " + header.size(), excerpt);
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            fields.putIfAbsent(header.get(i), record.fields.get(i)); // a repeated column name: the first one counts
        }
        return validator.validate(raw(record.startLine, fields, excerpt));
    }

    /** Splits one record's lines into fields with a small state machine, keeping text only within the size limit. */
    private final class Builder {
        final long startLine;
        final ExcerptBytes excerpt = new ExcerptBytes();
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        int fieldCount;
        boolean fieldStarted;
        boolean inQuotes;
        long quoteLine;
        long bytes;
        boolean unterminated;
        String encodingError;
        String tooLarge;

        Builder(long startLine) {
            this.startLine = startLine;
        }

        void addLine(LineReader.Line line) {
            excerpt.addLine(line.bytes());
            bytes += line.byteLength() + 1;
            if (inQuotes) {
                append('\n'); // a quoted field goes on: the line break is part of its value
            }
            if (line.tooLong()) {
                // The line is not kept, so its quotes cannot be followed: assume it leaves the quote state as it
                // was. The record is rejected anyway; at worst its neighbours are misread as malformed records.
                tooLarge("line " + line.number() + " has " + line.byteLength() + " bytes, more than the limit of "
                        + options.maxRecordBytes() + " bytes");
                if (!inQuotes) {
                    endField();
                }
                return;
            }
            if (bytes > options.maxRecordBytes()) {
                tooLarge("record of more than " + options.maxRecordBytes() + " bytes (from line " + startLine
                        + " to at least line " + line.number() + ")");
            }
            String s;
            try {
                s = Utf8.decode(line.bytes());
            } catch (Utf8.InvalidUtf8Exception e) {
                if (encodingError == null) {
                    encodingError = "line " + line.number() + ": " + e.getMessage();
                }
                // Replacement characters keep the commas and quotes (ASCII) where they are, so parsing goes on.
                s = new String(line.bytes(), StandardCharsets.UTF_8);
            }
            parse(s, line.number());
        }

        private void parse(String s, long lineNumber) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (inQuotes) {
                    if (c != '"') {
                        append(c);
                    } else if (i + 1 < n && s.charAt(i + 1) == '"') {
                        append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else if (c == ',') {
                    endField();
                } else if (c == '"' && !fieldStarted) {
                    inQuotes = true;
                    fieldStarted = true;
                    quoteLine = lineNumber;
                } else {
                    append(c);
                    fieldStarted = true;
                }
            }
            if (!inQuotes) {
                endField(); // the line ends the record
            }
        }

        private void append(char c) {
            if (tooLarge == null) {
                field.append(c);
            }
        }

        private void endField() {
            fieldCount++;
            if (tooLarge == null) {
                fields.add(field.toString());
            }
            field.setLength(0);
            fieldStarted = false;
        }

        private void tooLarge(String detail) {
            if (tooLarge == null) {
                tooLarge = detail;
                fields.clear();
                field.setLength(0);
            }
        }

        /** The first problem that makes this record unusable, or null. */
        Rejection problem(String what) {
            String text = excerpt.render();
            if (unterminated) {
                return reject(startLine, Reason.MALFORMED_CSV, "unterminated quote in " + what
                        + ": the quoted field opened on line " + quoteLine + " is not closed at the end of the file", text);
            }
            if (encodingError != null) {
                return reject(startLine, Reason.INVALID_ENCODING, encodingError, text);
            }
            if (tooLarge != null) {
                return reject(startLine, Reason.TOO_LARGE, tooLarge, text);
            }
            return null;
        }
    }
}
