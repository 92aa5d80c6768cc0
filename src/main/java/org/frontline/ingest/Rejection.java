package org.frontline.ingest;

/**
 * An input record that cannot be annotated; it becomes one row of the quarantine table.
 *
 * @param sourceFile the input file
 * @param recordRef  where in that file ("name.jsonl:12", "name.parquet#row 3")
 * @param lineNumber 1-based line where the record starts, or null (Parquet rows, whole files)
 * @param reason     why
 * @param detail     a human-readable explanation (the parser's message, the bad value, the byte offset)
 * @param excerpt    the start of the raw record, invalid bytes shown as \xNN
 */
public record Rejection(String sourceFile, String recordRef, Long lineNumber, Reason reason,
                        String detail, String excerpt) implements IngestResult {
}
