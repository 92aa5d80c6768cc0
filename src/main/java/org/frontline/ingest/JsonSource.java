package org.frontline.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JSON Lines (one object per line), or, for a {@code .json} file whose first non-space character is '[', a JSON
 * array of objects. Only the fields the mapping names are kept; other fields are skipped without being
 * materialised.
 */
final class JsonSource extends RecordSource {

    /** How far to look for the first non-space byte when deciding between JSON Lines and a JSON array. */
    private static final int PEEK_BYTES = 8192;

    private final BufferedInputStream in;
    private final Set<String> wanted;
    private final JsonFactory factory;
    /**
     * Only a .json file may be an array: in a .jsonl file a first line starting with '[' is one malformed record,
     * and reading the file as one JSON document would lose every record after it.
     */
    private final boolean mayBeArray;
    private boolean started;
    private LineReader lines;
    private JsonParser array;
    private boolean arrayDone;

    JsonSource(InputStream in, String sourceFile, IngestOptions options) {
        super(sourceFile, options);
        this.in = new BufferedInputStream(in, PEEK_BYTES * 2);
        this.wanted = options.fields().sourceNames();
        this.mayBeArray = InputFormat.stripCompression(fileName).toLowerCase(Locale.ROOT).endsWith(".json");
        // Our own byte cap bounds a record; Jackson's string limit must not be the tighter one.
        int maxString = Math.max(options.maxRecordBytes(), StreamReadConstraints.DEFAULT_MAX_STRING_LEN);
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxString).build())
                .build();
    }

    @Override
    boolean produce(Deque<IngestResult> out) throws IOException {
        if (!started) {
            started = true;
            if (mayBeArray && startsWithArray()) {
                array = factory.createParser(in);
                array.nextToken(); // the '['
            } else {
                lines = new LineReader(in, options.maxRecordBytes());
            }
        }
        return array != null ? produceFromArray(out) : produceFromLines(out);
    }

    @Override
    long lineReached() {
        if (array != null) {
            return array.currentLocation().getLineNr();
        }
        return lines == null ? 0 : lines.lineNumber();
    }

    private boolean produceFromLines(Deque<IngestResult> out) throws IOException {
        LineReader.Line line;
        while ((line = lines.next()) != null) {
            if (!line.isBlank()) {
                out.add(parseLine(line));
                return true;
            }
        }
        return false;
    }

    private IngestResult parseLine(LineReader.Line line) {
        long n = line.number();
        if (line.tooLong()) {
            return reject(n, Reason.TOO_LARGE, "line of " + line.byteLength() + " bytes is longer than the limit of "
                    + options.maxRecordBytes() + " bytes per record", Utf8.excerpt(line.bytes(), EXCERPT_CHARS));
        }
        String s;
        try {
            s = Utf8.decode(line.bytes());
        } catch (Utf8.InvalidUtf8Exception e) {
            return reject(n, Reason.INVALID_ENCODING, e.getMessage(), Utf8.excerpt(line.bytes(), EXCERPT_CHARS));
        }
        String excerpt = Utf8.truncate(s, EXCERPT_CHARS);
        try (JsonParser p = factory.createParser(s)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return reject(n, Reason.MALFORMED_JSON, "expected a JSON object, found " + describe(first), excerpt);
            }
            ObjectFields object = readObject(p);
            JsonToken after = p.nextToken();
            if (after != null) {
                return reject(n, Reason.MALFORMED_JSON, "unexpected " + describe(after) + " after the JSON object"
                        + column(p.currentTokenLocation()), excerpt);
            }
            if (object.invalid != null) {
                return reject(n, Reason.INVALID_FIELD, object.invalid, excerpt);
            }
            return validator.validate(raw(n, object.fields, excerpt));
        } catch (IOException e) {
            // The parser reads a String: any exception here is about the JSON, not about I/O.
            return reject(n, Reason.MALFORMED_JSON, shortMessage(e), excerpt);
        }
    }

    private boolean produceFromArray(Deque<IngestResult> out) throws IOException {
        if (arrayDone) {
            return false;
        }
        try {
            JsonToken t = array.nextToken();
            long line = array.currentTokenLocation().getLineNr();
            if (t == null) {
                arrayDone = true;
                out.add(reject(lineReached(), Reason.UNREADABLE_FILE,
                        "the JSON array is not closed: the file ends at line " + lineReached() + " (truncated?)", ""));
                return true;
            }
            if (t == JsonToken.END_ARRAY) {
                arrayDone = true;
                JsonToken after = array.nextToken();
                if (after == null) {
                    return false;
                }
                long at = array.currentTokenLocation().getLineNr();
                out.add(reject(at, Reason.MALFORMED_JSON, "unexpected " + describe(after)
                        + " after the closing ']' of the JSON array; the rest of the file is skipped", ""));
                return true;
            }
            if (t != JsonToken.START_OBJECT) {
                array.skipChildren();
                out.add(reject(line, Reason.MALFORMED_JSON,
                        "array element is " + describe(t) + ", expected a JSON object", ""));
                return true;
            }
            ObjectFields object = readObject(array);
            String excerpt = excerpt(object.fields);
            out.add(object.invalid != null
                    ? reject(line, Reason.INVALID_FIELD, object.invalid, excerpt)
                    : validator.validate(raw(line, object.fields, excerpt)));
            return true;
        } catch (JsonProcessingException e) {
            // Inside one JSON document there is no way to resynchronise after a syntax or encoding error.
            arrayDone = true;
            long line = e.getLocation() != null ? e.getLocation().getLineNr() : lineReached();
            out.add(reject(line, Reason.UNREADABLE_FILE, "cannot read the JSON array past line " + line + ": "
                    + shortMessage(e) + "; the records before were kept, the rest of the file is skipped", ""));
            return true;
        }
    }

    /** Reads the fields of the object whose START_OBJECT the parser is on, up to its END_OBJECT. */
    private ObjectFields readObject(JsonParser p) throws IOException {
        ObjectFields object = new ObjectFields();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            boolean isWanted = wanted.contains(name);
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                if (isWanted && object.invalid == null) {
                    object.invalid = "field '" + name + "' holds " + describe(value) + " where text was expected";
                }
                p.skipChildren();
            } else if (isWanted) {
                if (value == JsonToken.VALUE_NULL) {
                    object.fields.remove(name); // null means missing
                } else {
                    object.fields.put(name, p.getText()); // strings as-is, numbers and booleans as written
                }
            }
        }
        return object;
    }

    private boolean startsWithArray() throws IOException {
        in.mark(PEEK_BYTES);
        try {
            for (int i = 0; i < PEEK_BYTES; i++) {
                int b = in.read();
                if (b < 0) {
                    return false;
                }
                boolean byteOrderMark = i < 3 && (b == 0xEF || b == 0xBB || b == 0xBF);
                if (!byteOrderMark && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return b == '[';
                }
            }
            return false;
        } finally {
            in.reset();
        }
    }

    private static String excerpt(Map<String, String> fields) {
        // An array element has no raw line to show: render the fields read as JSON, which is what the user wrote.
        StringBuilder sb = new StringBuilder("{");
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"').append(encoder.quoteAsString(e.getKey())).append("\": \"");
            String value = e.getValue();
            sb.append(encoder.quoteAsString(value.length() > EXCERPT_CHARS ? value.substring(0, EXCERPT_CHARS) : value));
            sb.append('"');
            if (sb.length() > EXCERPT_CHARS) {
                break;
            }
        }
        return Utf8.truncate(sb.append('}'), EXCERPT_CHARS);
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "'" + t.asString() + "'";
        };
    }

    /** Jackson's message without its long source description, plus where the problem is. */
    private static String shortMessage(IOException e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        message = Utf8.truncate(message, 160);
        return e instanceof JsonProcessingException j ? message + column(j.getLocation()) : message;
    }

    private static String column(JsonLocation location) {
        return location == null || location.getColumnNr() < 0 ? "" : " (column " + location.getColumnNr() + ")";
    }

    /** The wanted fields of one object, and the first wanted field with a value of the wrong shape. */
    private static final class ObjectFields {
        final Map<String, String> fields = new LinkedHashMap<>(); // source order, for the excerpt
        String invalid;
    }
}
