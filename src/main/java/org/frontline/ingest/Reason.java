package org.frontline.ingest;

import java.util.Locale;

/**
 * Why a record was not annotated; {@link #code()} is what the quarantine table stores. Most reasons are bad input
 * ({@link Kind#BAD_INPUT}); a record in another language and a web archive record that holds no article are left
 * out on purpose and counted apart in {@code runs} ({@code other_language}, {@code skipped}).
 */
public enum Reason {
    MALFORMED_JSON,
    MALFORMED_CSV,
    /** A field holds a value of the wrong shape (an object where text was expected). */
    INVALID_FIELD,
    MISSING_DATE,
    INVALID_DATE,
    /** No text, or none left after clean-up (title and text both blank). */
    EMPTY_TEXT,
    INVALID_ENCODING,
    TOO_LARGE,
    /** A file that cannot be read to its end (truncated gzip, I/O error): the records before the fault are kept. */
    UNREADABLE_FILE,
    /** A file none of whose first records has a field the job needs: the file is not read (one row for it). */
    MISSING_FIELD,
    /** The pipeline failed on the record (an error the text triggered): the record alone is left out. */
    ANNOTATION_FAILED,
    /** A record in a language the pipeline does not annotate. */
    OTHER_LANGUAGE(Kind.OTHER_LANGUAGE),
    /** A web archive response that is not an HTML page (an image, a PDF, a script). */
    NOT_HTML(Kind.SKIPPED),
    /** A web archive response whose HTTP status is not 200 (a redirect, an error page). */
    HTTP_STATUS(Kind.SKIPPED),
    /** A crawler's fetch of robots.txt. */
    ROBOTS_TXT(Kind.SKIPPED),
    /** A web archive record whose payload the same file already held (a revisit record, or the same digest). */
    DUPLICATE_PAYLOAD(Kind.SKIPPED);

    /** What kind of leaving-out a reason is: {@code runs} counts each kind in a column of its own. */
    public enum Kind {
        /** Input that is wrong: {@code runs.quarantined}. */
        BAD_INPUT,
        /** {@code runs.other_language}. */
        OTHER_LANGUAGE,
        /** Web archive records that are not articles: {@code runs.skipped}. */
        SKIPPED
    }

    private final Kind kind;

    Reason() {
        this(Kind.BAD_INPUT);
    }

    Reason(Kind kind) {
        this.kind = kind;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    /** The reason of a code, as the quarantine table stores it. */
    public static Reason ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The codes of one kind, comma-separated: for messages and column descriptions. */
    public static String codes(Kind kind) {
        StringBuilder s = new StringBuilder();
        for (Reason r : values()) {
            if (r.kind == kind) {
                s.append(s.isEmpty() ? "" : ", ").append(r.code());
            }
        }
        return s.toString();
    }
}
