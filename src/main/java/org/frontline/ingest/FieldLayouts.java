package org.frontline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.frontline.extract.ConfTsv;

/**
 * Dumps as they come: which source field holds each article field, told from the names the first records of a
 * file hold ({@code conf/ingest/fields.tsv}: Frontline's own names, feed readers' {@code description}/{@code
 * link}/{@code pubDate}, news-please's {@code maintext}/{@code date_publish}/{@code source_domain}, ...). What the
 * user gives with {@code --field} is kept as given. A file whose first records hold no field for a required
 * article field (the date; the title or the text) is not read: one line says which fields it has and the
 * {@code --field} that would fix it, instead of thousands of quarantined records.
 */
public final class FieldLayouts implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The conf file, relative to the conf/ folder. */
    public static final String FILE = "ingest/fields.tsv";
    /** How many records of a file tell its layout. */
    public static final int SAMPLE_RECORDS = 200;
    private static final long SAMPLE_BYTES = 4L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Logical field → the source names that hold it, lowercase, in order of preference. */
    private final Map<String, List<String>> names;

    private FieldLayouts(Map<String, List<String>> names) {
        this.names = names;
    }

    /** The layouts of {@code confDir}/ingest/fields.tsv. */
    public static FieldLayouts read(Path confDir) {
        Path file = confDir.resolve(FILE);
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The layouts of a fields.tsv's bytes ({@code file} names it in errors). */
    public static FieldLayouts parse(byte[] tsv, String file) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (ConfTsv.Row row : ConfTsv.rows(tsv, file, 2)) {
            String logical = row.cells()[0].trim();
            if (!FieldMapping.LOGICAL_FIELDS.contains(logical)) {
                throw new IllegalArgumentException(file + ":" + row.line() + ": unknown field '" + logical
                        + "'; expected one of " + String.join(", ", FieldMapping.LOGICAL_FIELDS));
            }
            List<String> list = new ArrayList<>();
            for (String name : row.cells()[1].split(",")) {
                if (!name.isBlank()) {
                    list.add(name.trim().toLowerCase(Locale.ROOT));
                }
            }
            names.put(logical, List.copyOf(list));
        }
        return new FieldLayouts(Map.copyOf(names));
    }

    /** How a file is read: its mapping, or why it is not read at all. */
    public record Resolution(FieldMapping mapping, Optional<String> problem) {
    }

    /**
     * The mapping of a file whose first records hold the fields {@code present}: each field the user did not give
     * is read from the first of its names the records hold. {@code present} empty (an empty file, or one whose
     * first records are all malformed) keeps {@code given} and reports nothing: the reader reports those records.
     *
     * @param file the file's name, for the problem's line
     */
    public Resolution resolve(FieldMapping given, Collection<String> present, String file) {
        if (present.isEmpty()) {
            return new Resolution(given, Optional.empty());
        }
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        for (String name : present) {
            byLowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        }
        FieldMapping mapping = given;
        for (String logical : FieldMapping.LOGICAL_FIELDS) {
            if (given.isGiven(logical)) {
                continue;
            }
            for (String name : names.getOrDefault(logical, List.of(logical))) {
                String actual = byLowerCase.get(name);
                if (actual != null) {
                    mapping = mapping.with(logical, actual);
                    break;
                }
            }
        }
        Set<String> fields = new TreeSet<>(present);
        String has = " (its first records hold " + String.join(", ", fields) + ")";
        String date = mapping.sourceName(FieldMapping.DATE);
        if (!present.contains(date)) {
            String hint = guess(fields, "date", "time", "publish");
            return new Resolution(mapping, Optional.of(file + ": no record among the first " + SAMPLE_RECORDS
                    + " has a date field '" + date + "'" + has + ": give --field date=" + (hint == null ? "FIELD" : hint)
                    + (hint == null ? " with the field that holds the publication date" : "")));
        }
        if (!present.contains(mapping.sourceName(FieldMapping.TEXT)) && !present.contains(mapping.sourceName(FieldMapping.TITLE))) {
            String hint = guess(fields, "text", "content", "body", "desc", "summary");
            return new Resolution(mapping, Optional.of(file + ": no record among the first " + SAMPLE_RECORDS
                    + " has a text or title field" + has + ": give --field text=" + (hint == null ? "FIELD" : hint)
                    + (hint == null ? " with the field that holds the article's text" : "")));
        }
        return new Resolution(mapping, Optional.empty());
    }

    /** The first field whose name contains one of {@code parts}: the likely fix to suggest; null if none. */
    private static String guess(Set<String> fields, String... parts) {
        for (String part : parts) {
            for (String f : fields) {
                if (f.toLowerCase(Locale.ROOT).contains(part)) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * The field names that hold a value (not null, not blank) in the first {@value #SAMPLE_RECORDS} records of a
     * JSON Lines file or a JSON array, read from {@code decompressed} (at most a few MB of it). Reading stops at the
     * first malformed record: the reader quarantines it later.
     */
    public static Set<String> jsonFields(InputStream decompressed) {
        Set<String> present = new LinkedHashSet<>();
        InputStream bounded = new BoundedInputStream(decompressed, SAMPLE_BYTES);
        try (MappingIterator<JsonNode> records = JSON.readerFor(JsonNode.class).readValues(bounded)) {
            for (int n = 0; n < SAMPLE_RECORDS && records.hasNextValue(); n++) {
                JsonNode record = records.nextValue();
                record.fields().forEachRemaining(e -> {
                    JsonNode v = e.getValue();
                    if (!v.isNull() && !(v.isTextual() && v.asText().isBlank())) {
                        present.add(e.getKey());
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            // a malformed or cut record (the sample's byte bound) ends the sample; what was read counts
        }
        return present;
    }

    /** The column names of a CSV file's header row (RFC 4180: quoted names may hold commas and doubled quotes). */
    public static Set<String> csvFields(InputStream decompressed) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        StringBuilder name = new StringBuilder();
        java.io.Reader in = new java.io.InputStreamReader(new BoundedInputStream(decompressed, SAMPLE_BYTES),
                java.nio.charset.StandardCharsets.UTF_8);
        boolean quoted = false;
        int c = in.read();
        if (c == '\uFEFF') {
            c = in.read(); // a byte order mark, as spreadsheets write it
        }
        for (; c >= 0; c = in.read()) {
            if (quoted) {
                if (c == '"') {
                    int next = in.read();
                    if (next == '"') {
                        name.append('"');
                        continue;
                    }
                    quoted = false;
                    if (next < 0) {
                        break;
                    }
                    c = next; // fall through with the character after the closing quote
                } else {
                    name.append((char) c);
                    continue;
                }
            }
            if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == '\n' || c == '\r') {
                if (!name.toString().isBlank()) {
                    names.add(name.toString().trim());
                }
                name.setLength(0);
                if (c != ',') {
                    return names;
                }
            } else {
                name.append((char) c);
            }
        }
        if (!name.toString().isBlank()) {
            names.add(name.toString().trim());
        }
        return names;
    }

    /** At most {@code limit} bytes of a stream. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
