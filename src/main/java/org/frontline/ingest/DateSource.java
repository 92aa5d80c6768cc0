package org.frontline.ingest;

import java.util.Locale;

/** Where an article's publication date came from; {@link #code()} is what {@code articles.date_source} stores. */
public enum DateSource {
    /** The record's date field (JSON Lines, CSV, Parquet, the text format's {@code date} line). */
    RECORD,
    /** The page's own metadata: {@code article:published_time}, a date meta tag, JSON-LD, {@code <time>}. */
    PAGE_METADATA,
    /** A date in the page's URL ({@code /2024/03/15/}). */
    URL,
    /** A {@code YYYY-MM-DD} date in the saved page's file name. */
    FILE_NAME,
    /** The web archive's capture time (WARC-Date): when the page was crawled, not when it was published. */
    CRAWL_TIME;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The source of a code as the table stores it; a null code (a row of an earlier version) is {@link #RECORD}. */
    public static DateSource ofCode(String code) {
        return code == null ? RECORD : valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The codes, for the column's description. */
    public static String codes() {
        StringBuilder s = new StringBuilder();
        for (DateSource d : values()) {
            s.append(s.isEmpty() ? "" : ", ").append(d.code());
        }
        return s.toString();
    }
}
