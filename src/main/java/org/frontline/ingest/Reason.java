package org.frontline.ingest;

import java.util.Locale;

/** Why a record went to quarantine; {@link #code()} is what the quarantine table stores. */
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
    UNREADABLE_FILE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
