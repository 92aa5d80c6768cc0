package org.frontline.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record as read from a dump, before validation.
 *
 * @param sourceFile the input file (full path or URI)
 * @param recordRef  where in that file ("articles.jsonl:12")
 * @param lineNumber 1-based line where the record starts, or null
 * @param fields     the record's fields keyed by SOURCE name (before the field mapping); readers keep at least the
 *                   fields the mapping names (the JSON reader keeps only those); a missing or null field is absent
 * @param excerpt    the start of the raw record (at most 200 characters), invalid bytes shown as \xNN
 */
public record RawRecord(String sourceFile, String recordRef, Long lineNumber, Map<String, String> fields,
                        String excerpt) {

    public RawRecord {
        // Copy without nulls: a null value means "missing", and absent says that more plainly.
        Map<String, String> copy = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k, v);
                }
            });
        }
        fields = Collections.unmodifiableMap(copy);
    }

    /** The value of a source field, or null when the record has none. */
    public String field(String sourceName) {
        return fields.get(sourceName);
    }
}
