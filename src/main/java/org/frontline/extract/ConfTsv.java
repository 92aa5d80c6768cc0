package org.frontline.extract;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a tab-separated file of conf/ (word lists, lexicons): blank lines and # comments skipped, the first
 * other line a header, each row's line number kept for errors that say where to look.
 */
public final class ConfTsv {
    /** One row: its line number in the file and its cells. */
    public record Row(int line, String[] cells) {
    }

    private ConfTsv() {
    }

    /** The rows of {@code bytes}, the file {@code file} (named in errors); each must have {@code minColumns} cells. */
    public static List<Row> rows(byte[] bytes, String file, int minColumns) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            boolean header = true;
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length < minColumns) {
                    throw new IllegalArgumentException(file + ":" + n + ": " + cells.length + " columns, expected at least "
                            + minColumns + " (tab-separated)");
                }
                rows.add(new Row(n, cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
