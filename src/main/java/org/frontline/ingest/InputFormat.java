package org.frontline.ingest;

import java.util.Locale;
import java.util.Optional;

/** The input formats Frontline reads, recognised from a file name or named by the {@code --format} option. */
public enum InputFormat {
    /** JSON Lines (one object per line), or a JSON array of objects. */
    JSONL,
    /** Plain text where each article starts with a {@code date YYYY-MM-DD} line. */
    TEXT,
    /** RFC 4180 CSV with a header row. */
    CSV,
    /** A saved web page ({@code .html}, {@code .htm}): one article per file, its main content read by {@link HtmlPage}. */
    HTML,
    /** A web archive ({@code .warc}, {@code .warc.gz}): one article per HTML page or text record, by {@link WarcSource}. */
    WARC,
    /** Parquet, read by Spark rather than by {@link DumpReader}. */
    PARQUET;

    private static final String ACCEPTED = "jsonl (or json, ndjson), text (or txt), csv, html (or htm), warc, parquet";

    /** The format a file name implies, ignoring a {@code .gz} or {@code .bz2} suffix and letter case; empty if unknown. */
    public static Optional<InputFormat> fromFileName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String base = stripCompression(lastSegment(name)).toLowerCase(Locale.ROOT);
        int dot = base.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return switch (base.substring(dot + 1)) {
            case "jsonl", "ndjson", "json" -> Optional.of(JSONL);
            case "txt" -> Optional.of(TEXT);
            case "csv" -> Optional.of(CSV);
            case "html", "htm" -> Optional.of(HTML);
            case "warc" -> Optional.of(WARC);
            case "parquet" -> Optional.of(PARQUET);
            default -> Optional.empty();
        };
    }

    /** The format named by a {@code --format} value, case-insensitive; throws with the accepted values otherwise. */
    public static InputFormat parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "jsonl", "json", "ndjson" -> JSONL;
            case "text", "txt" -> TEXT;
            case "csv" -> CSV;
            case "html", "htm" -> HTML;
            case "warc" -> WARC;
            case "parquet" -> PARQUET;
            default -> throw new IllegalArgumentException(
                    "--format expects one of " + ACCEPTED + "; got '" + value + "'");
        };
    }

    /** Whether the name ends in a compression suffix Frontline decompresses ({@code .gz}, {@code .bz2}). */
    public static boolean isCompressed(String name) {
        return name != null && !stripCompression(name).equals(name);
    }

    /** The name without a trailing {@code .gz} or {@code .bz2} (any case). */
    public static String stripCompression(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            return name.substring(0, name.length() - 3);
        }
        if (lower.endsWith(".bz2")) {
            return name.substring(0, name.length() - 4);
        }
        return name;
    }

    /** The last segment of a path or URI ("hdfs://nn/dumps/a.jsonl" → "a.jsonl"). */
    static String lastSegment(String path) {
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(cut + 1);
    }
}
